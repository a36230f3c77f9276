//! Cursor: `.cursor/mcp.json`, in a project or the home folder.

use super::{
    Base, Client, Dialect, Field, Format, Language, SecretFix, UserFile, MCP_SERVERS, SERVER_FIELDS,
};
use crate::syntax::reference::Syntax;

pub static CLIENT: Client = Client {
    id: "cursor",
    name: "Cursor",
    dialect: Dialect {
        expands: in_server_fields!(&[Syntax::EnvColon, Syntax::EditorVariable]),
        checked: SERVER_FIELDS,
        spelling: &[(None, "${env:NAME}")],
        unset: "unverified; assume the literal text is sent",
        project_dir: None,
    },
    formats: &[&CONFIG],
    user_files: &[UserFile::file(Base::Home, ".cursor/mcp.json", CONFIG.id)],
    env_file: super::EDITOR_ENV_FILE,
    secret_fix: SecretFix::Reference,
};

pub static CONFIG: Format = Format {
    id: "cursor",
    client: &CLIENT,
    paths: &[".cursor/mcp.json"],
    language: Language::Json,
    layout: &MCP_SERVERS,
    describes: "Cursor MCP servers",
    shared: true,
};
