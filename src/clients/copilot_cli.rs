//! GitHub Copilot CLI: `~/.copilot/mcp-config.json`.

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
