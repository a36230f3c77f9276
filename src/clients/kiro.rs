//! Kiro: `.kiro/settings/mcp.json` in a workspace, `~/.kiro/settings/mcp.json`
//! for the user.
//!
//! Facts (see `shared/reference/clients.md` §14, §19):
//! - paths, `mcpServers` entries (`command`/`args`/`env`/`cwd`, `url`/`headers`
//!   with no `type`), `autoApprove`, `disabledTools`, `disabled`:
//!   kiro.dev/docs/mcp/configuration [docs];
//! - the IDE parses the file as JSONC and expands only `${NAME}`, in every
//!   string, for names the user approved in `kiroAgent.mcpApprovedEnvVars`;
//!   anything else stays literal [code: the IDE extension's
//!   `expandEnvironmentVariables`]; kiro-cli's expansion is disputed in its
//!   tracker (kirodotdev/Kiro#5060, #7517, #8391).
//!
//! So `${NAME}` is taken as expanded (it is, once approved), and every other
//! syntax (`${env:NAME}`, `$NAME`) is reported: no Kiro expands it.

use super::{
    Base, Client, Dialect, Field, Format, Language, SecretFix, UserFile, ALL_FIELDS, MCP_SERVERS,
};
use crate::syntax::reference::Syntax;

pub static CLIENT: Client = Client {
    id: "kiro",
    name: "Kiro",
    dialect: Dialect {
        expands: in_every_string!(&[Syntax::Braced]),
        checked: ALL_FIELDS,
        spelling: &[(None, "${NAME}")],
        unset: "the literal text is sent, with a warning (the IDE expands only names approved in `kiroAgent.mcpApprovedEnvVars`)",
        project_dir: None,
    },
    formats: &[&CONFIG],
    user_files: &[UserFile::file(Base::Home, ".kiro/settings/mcp.json", CONFIG.id)],
    // Kiro's entries have no `envFile`, and it expands only approved names.
    env_file: "export them in the environment Kiro starts from (`set -a; . {env}; set +a`), and approve each name in Kiro's `kiroAgent.mcpApprovedEnvVars` setting: Kiro expands only approved names",
    secret_fix: SecretFix::Reference,
};

pub static CONFIG: Format = Format {
    id: "kiro",
    client: &CLIENT,
    paths: &[".kiro/settings/mcp.json"],
    language: Language::Jsonc,
    layout: &MCP_SERVERS,
    describes: "Kiro MCP servers",
    shared: true,
};

/// What `mcplint doctor` adds to a set variable: set is not enough.
pub const APPROVAL: &str =
    "Kiro expands it only once the name is approved in its `kiroAgent.mcpApprovedEnvVars` setting";
