//! GitHub Copilot CLI: `~/.copilot/mcp-config.json`.

use super::approval::{Approvals, Filter, In, Keeps, Key, Naming, Star, Value, NONE};
use super::{
    Base, Client, Dialect, Field, Format, Language, SecretFix, UserFile, MCP_SERVERS, SERVER_FIELDS,
};
use crate::syntax::reference::Syntax;

pub static CLIENT: Client = Client {
    id: "copilot-cli",
    name: "GitHub Copilot CLI",
    dialect: Dialect {
        // NOTE: documented for `env`; other fields unverified, so not reported.
        expands: in_server_fields!(&[Syntax::Braced, Syntax::BracedDefault]),
        checked: SERVER_FIELDS,
        spelling: &[(None, "${NAME}")],
        unset: "unverified",
        project_dir: None,
    },
    formats: &[&CONFIG],
    user_files: &[UserFile::file(
        Base::Home,
        ".copilot/mcp-config.json",
        CONFIG.id,
    )],
    env_file: super::START_ENV_FILE,
    secret_fix: SecretFix::Reference,
    approvals: &APPROVALS,
};

pub static CONFIG: Format = Format {
    id: "copilot-cli",
    client: &CLIENT,
    paths: &[".copilot/mcp-config.json"],
    language: Language::Json,
    layout: &MCP_SERVERS,
    describes: "GitHub Copilot CLI MCP servers",
    shared: false,
};

/// Tool approval is asked at the prompt or given by flags (`--allow-tool`,
/// `--allow-all-tools`); `~/.copilot/config.json` keeps trusted folders, not
/// tool approvals. A server's `tools` list chooses which tools are enabled.
pub static APPROVALS: Approvals = Approvals {
    tool_filters: &[Filter {
        keeps: Keeps::Only,
        key: Key::server(
            In::Every,
            "tools",
            Value::Tools(Naming::own(Star::EveryTool)),
            "only the listed tools of the server are enabled; `[\"*\"]` enables them all",
            "github/docs#41226 [docs diff]; clients.md §4a",
        ),
    }],
    sources: &[
        "github/docs#41226 [docs diff]",
        "docs.github.com/en/copilot/how-tos/copilot-cli/set-up-copilot-cli/configure-copilot-cli [docs]: approvals by prompt or flag; `trusted_folders` in config.json",
        "clients.md §4a",
    ],
    ..NONE
};
