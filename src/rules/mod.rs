//! Rules: static metadata plus one check each. This file is the only
//! registration; a rule lives in its own module with its documentation.

mod archived_server;
mod auto_approved_servers;
mod auto_approved_tools;
mod broad_allow_rule;
mod broad_credential;
mod credentials_in_url;
mod deprecated_sse;
mod duplicate_key;
mod ineffective_allow_rule;
mod input_without_password;
mod insecure_transport;
mod invalid_config;
mod literal_secret;
mod overbroad_scope;
mod parse_error;
mod permissions;
mod place;
mod placeholder_value;
mod policy_violation;
mod stale_ignore;
mod unexpanded_reference;
mod unguarded_destructive_tools;
mod unknown_input;
mod unnarrowed_server;
mod unpinned_package;
mod unread_config;
mod vulnerable_server;

pub use invalid_config::META as INVALID_CONFIG;
pub use literal_secret::unparsed::findings as secrets_in_unparsed_text;
pub use literal_secret::META as LITERAL_SECRET;
pub use parse_error::parse_failure;
pub use parse_error::META as PARSE_ERROR;
pub use placeholder_value::META as PLACEHOLDER_VALUE;
pub use stale_ignore::META as STALE_IGNORE;

use crate::finding::Finding;
pub use crate::finding::{FixAvailability, RuleMeta};
use crate::knowledge::analysis::Analysis;
use crate::knowledge::launch::Launches;
use crate::knowledge::policy::Policy;
use crate::model::{McpFile, ProjectServer};

/// What a rule sees: the model, the shared secret scan, the team's policy
/// from the config file, and what the run knows of the file's project.
/// Everything a rule needs is here: rules read no file and call no lint.
pub struct Context<'a, 't> {
    pub file: &'a McpFile<'t>,
    pub analysis: &'a Analysis,
    pub policies: &'a [Policy],
    /// The servers of the project's `.mcp.json` (for a settings file;
    /// empty for every other file, or when the project has none).
    pub project: &'a [ProjectServer],
    /// Each server's launch facts, built once for all rules.
    pub launches: &'a Launches<'a, 't>,
    findings: Vec<Finding>,
}

impl<'a, 't> Context<'a, 't> {
    pub fn new(
        file: &'a McpFile<'t>,
        analysis: &'a Analysis,
        launches: &'a Launches<'a, 't>,
    ) -> Self {
        Context {
            file,
            analysis,
            launches,
            policies: &[],
            project: &[],
            findings: Vec::new(),
        }
    }

    pub fn with_policies(mut self, policies: &'a [Policy]) -> Self {
        self.policies = policies;
        self
    }

    pub fn with_project(mut self, project: &'a [ProjectServer]) -> Self {
        self.project = project;
        self
    }

    pub fn report(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    pub fn into_findings(self) -> Vec<Finding> {
        self.findings
    }
}

pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, cx: &mut Context);
}

/// Every rule that checks a parsed file.
pub static RULES: &[&dyn Rule] = &[
    &literal_secret::LiteralSecret,
    &unexpanded_reference::UnexpandedReference,
    &placeholder_value::PlaceholderValue,
    &unknown_input::UnknownInput,
    &input_without_password::InputWithoutPassword,
    &duplicate_key::DuplicateKey,
    &invalid_config::InvalidConfig,
    &overbroad_scope::OverbroadScope,
    &broad_credential::BroadCredential,
    &unnarrowed_server::UnnarrowedServer,
    &insecure_transport::InsecureTransport,
    &credentials_in_url::CredentialsInUrl,
    &deprecated_sse::DeprecatedSse,
    &unread_config::UnreadConfig,
    &unpinned_package::UnpinnedPackage,
    &vulnerable_server::VulnerableServer,
    &archived_server::ArchivedServer,
    &auto_approved_servers::AutoApprovedServers,
    &auto_approved_tools::AutoApprovedTools,
    &ineffective_allow_rule::IneffectiveAllowRule,
    &broad_allow_rule::BroadAllowRule,
    &unguarded_destructive_tools::UnguardedDestructiveTools,
    &policy_violation::PolicyViolation,
];

/// The rules that report a credential written into a config: all that
/// `mcplint history` runs over past versions.
pub static SECRET_RULES: &[&dyn Rule] = &[&literal_secret::LiteralSecret];

/// Every rule id users can see, including those the engine reports itself.
pub fn all() -> Vec<&'static RuleMeta> {
    let mut all: Vec<&'static RuleMeta> = RULES.iter().map(|r| r.meta()).collect();
    all.push(&parse_error::META);
    all.push(&stale_ignore::META);
    all.sort_by_key(|m| m.id);
    all
}

pub fn by_id(id: &str) -> Option<&'static RuleMeta> {
    all().into_iter().find(|m| m.id == id)
}
