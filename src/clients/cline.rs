//! Cline: `cline_mcp_settings.json`, in its own folder or the VS Code
//! extension's global storage.

use super::approval::{Approvals, In, Key, Literal, Naming, Star, Value, NONE};
use super::{
    servers_at, Base, Client, Dialect, Field, Format, Language, Layout, SecretFix, UserFile,
    SERVER_FIELDS,
};
use crate::syntax::reference::Syntax;

const STORAGE: &str =
    "Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json";

pub static CLIENT: Client = Client {
    id: "cline",
    name: "Cline",
    dialect: Dialect {
        expands: in_every_string!(&[Syntax::EnvColon]),
        checked: SERVER_FIELDS,
        spelling: &[(None, "${env:NAME}")],
        unset: "the literal `${env:NAME}` is sent, with a log warning",
        project_dir: None,
    },
    formats: &[&SETTINGS],
    user_files: &[
        UserFile::file(
            Base::Var("CLINE_DIR", ".cline"),
            "data/settings/cline_mcp_settings.json",
            SETTINGS.id,
        ),
        UserFile::file(
            Base::Home,
            "Documents/Cline/MCP/cline_mcp_settings.json",
            SETTINGS.id,
        ),
        UserFile::file(Base::Config, STORAGE, SETTINGS.id),
        UserFile::file(Base::AppSupport, STORAGE, SETTINGS.id),
        UserFile::file(Base::AppData, STORAGE, SETTINGS.id),
    ],
    env_file: super::EDITOR_ENV_FILE,
    secret_fix: SecretFix::Reference,
    approvals: &APPROVALS,
};

pub static SETTINGS: Format = Format {
    id: "cline",
    client: &CLIENT,
    paths: &["cline_mcp_settings.json"],
    language: Language::Json,
    layout: &LAYOUT,
    describes: "Cline MCP settings",
    shared: false,
};

static LAYOUT: Layout = Layout {
    fields: &[
        ("command", Field::Command),
        ("args", Field::Args),
        ("env", Field::Env),
        ("url", Field::Url),
        ("headers", Field::Headers),
        ("transport/command", Field::Command),
        ("transport/args", Field::Args),
        ("transport/env", Field::Env),
        ("transport/url", Field::Url),
        ("transport/headers", Field::Headers),
    ],
    ..servers_at(&["/mcpServers"])
};

const SCHEMA: &str =
    "cline/cline apps/vscode/src/services/mcp/schemas.ts and McpHub.ts [code]; clients.md §9";

/// Cline's key is `autoApprove`; Roo Code's `alwaysAllow` is not read here.
pub static APPROVALS: Approvals = Approvals {
    allow_lists: &[Key::server(
        In::Every,
        "autoApprove",
        Value::Tools(Naming::own(Star::Literal)),
        "the listed tools run without asking; each entry is compared with a tool's name, so `\"*\"` matches none",
        SCHEMA,
    )],
    disabled: &[Key::server(
        In::Every,
        "disabled",
        Value::Is(&[Literal::Bool(true)]),
        "the server is not started",
        SCHEMA,
    )],
    sources: &[
        "cline/cline apps/vscode/src/services/mcp/schemas.ts [code]",
        "cline/cline apps/vscode/src/services/mcp/McpHub.ts [code]",
        "clients.md §9",
    ],
    ..NONE
};
