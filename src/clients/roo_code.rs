//! Roo Code: `.roo/mcp.json` in a project, `mcp_settings.json` in the VS
//! Code extension's global storage.

use super::{
    Base, Client, Dialect, Field, Format, Language, SecretFix, UserFile, MCP_SERVERS, SERVER_FIELDS,
};
use crate::syntax::reference::Syntax;

const STORAGE: &str =
    "Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json";

pub static CLIENT: Client = Client {
    id: "roo-code",
    name: "Roo Code",
    dialect: Dialect {
        expands: in_every_string!(&[Syntax::EnvColon, Syntax::EditorVariable]),
        checked: SERVER_FIELDS,
        spelling: &[(None, "${env:NAME}")],
        unset: "the literal `${env:NAME}` is sent, with a warning",
        project_dir: None,
    },
    formats: &[&CONFIG],
    user_files: &[
        UserFile::file(Base::Config, STORAGE, CONFIG.id),
        UserFile::file(Base::AppSupport, STORAGE, CONFIG.id),
        UserFile::file(Base::AppData, STORAGE, CONFIG.id),
    ],
    env_file: super::EDITOR_ENV_FILE,
    secret_fix: SecretFix::Reference,
};

pub static CONFIG: Format = Format {
    id: "roo-code",
    client: &CLIENT,
    paths: &[".roo/mcp.json", "mcp_settings.json"],
    language: Language::Json,
    layout: &MCP_SERVERS,
    describes: "Roo Code MCP servers",
    shared: true,
};
