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
//!
//! Approvals: `autoApprove`, `disabledTools` and `disabled`, in [`APPROVALS`].

use super::approval::{Approvals, Filter, In, Keeps, Key, Literal, Naming, Star, Value, NONE};
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
    approvals: &APPROVALS,
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

const CONFIGURATION: &str = "kiro.dev/docs/mcp/configuration [docs]; clients.md §19";

/// The IDE's per-server keys. kiro-cli keeps tool approval in its agent
/// files (`allowedTools`), which mcplint does not read.
pub static APPROVALS: Approvals = Approvals {
    allow_lists: &[Key::server(
        In::Every,
        "autoApprove",
        Value::Tools(Naming::own(Star::Unverified)),
        "the listed tools run without asking; Kiro's docs do not say what `\"*\"` does, and committed files use `[\"*\"]` to mean every tool",
        "kiro.dev/docs/mcp/configuration [docs]; `[\"*\"]` as every tool: syllago.dev Kiro provider page [3p] and committed files [sample]",
    )],
    tool_filters: &[Filter {
        keeps: Keeps::AllBut,
        key: Key::server(
            In::Every,
            "disabledTools",
            Value::Tools(Naming::own(Star::Literal)),
            "the listed tools are left out when the agent is called",
            CONFIGURATION,
        ),
    }],
    disabled: &[Key::server(
        In::Every,
        "disabled",
        Value::Is(&[Literal::Bool(true)]),
        "the server is not started",
        CONFIGURATION,
    )],
    sources: &[
        "kiro.dev/docs/mcp/configuration [docs]",
        "kiro.dev/docs/mcp/usage [docs]",
        "kiro.dev/docs/cli/chat/permissions [docs]: kiro-cli approvals are per session or in agent files",
        "clients.md §14, §19",
    ],
    ..NONE
};
