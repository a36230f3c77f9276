//! Roo Code: `.roo/mcp.json` in a project, `mcp_settings.json` in the VS
//! Code extension's global storage.

use super::approval::{Approvals, Filter, In, Keeps, Key, Literal, Naming, Star, Value, NONE};
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
    approvals: &APPROVALS,
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

const HUB: &str = "RooCodeInc/Roo-Code src/services/mcp/McpHub.ts [code]; clients.md §10";

/// Per-tool approval works only while the extension's own "always allow
/// MCP" switch (`alwaysAllowMcp`, kept in its state, not in this file) is on.
pub static APPROVALS: Approvals = Approvals {
    allow_lists: &[Key::server(
        In::Every,
        "alwaysAllow",
        Value::Tools(Naming::own(Star::EveryTool)),
        "the listed tools run without asking; `\"*\"` covers every tool of the server (earlier versions compared names only)",
        "RooCodeInc/Roo-Code src/services/mcp/McpHub.ts, fetchToolsList, at b867ec91 (2026-10) [code, as quoted by a third party]; clients.md §10",
    )],
    tool_filters: &[Filter {
        keeps: Keeps::AllBut,
        key: Key::server(
            In::Every,
            "disabledTools",
            Value::Tools(Naming::own(Star::Literal)),
            "the listed tools are not offered to the model",
            HUB,
        ),
    }],
    disabled: &[Key::server(
        In::Every,
        "disabled",
        Value::Is(&[Literal::Bool(true)]),
        "the server is not started",
        HUB,
    )],
    sources: &[
        "RooCodeInc/Roo-Code src/services/mcp/McpHub.ts [code]",
        "docs.roocode.com/features/mcp/using-mcp-in-roo [docs]",
        "clients.md §10",
    ],
    ..NONE
};
