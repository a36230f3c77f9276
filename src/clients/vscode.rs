//! VS Code: `.vscode/mcp.json` and the user profile's `mcp.json`, with
//! `${input:…}` prompts; the legacy `mcp` block of `settings.json`.

use super::approval::{Approvals, In, Key, Literal, Value, NONE};
use super::{
    Base, Client, Dialect, Field, Format, Language, Layout, SecretFix, UserFile, MCP_FIELDS,
    SERVER_FIELDS,
};
use crate::syntax::reference::Syntax;

pub static CLIENT: Client = Client {
    id: "vscode",
    name: "VS Code",
    dialect: Dialect {
        expands: in_server_fields!(&[Syntax::EnvColon, Syntax::Input, Syntax::EditorVariable]),
        checked: SERVER_FIELDS,
        spelling: &[(None, "${env:NAME}")],
        unset: "unverified; `${env:NAME}` is reported not to be substituted in headers on some versions, where `${input:id}` is the documented form",
        project_dir: None,
    },
    formats: &[&MCP, &SETTINGS],
    user_files: &[
        UserFile::file(Base::Config, "Code/User/mcp.json", MCP.id),
        UserFile::file(Base::AppSupport, "Code/User/mcp.json", MCP.id),
        UserFile::file(Base::AppData, "Code/User/mcp.json", MCP.id),
    ],
    env_file: "VS Code prompts once for each `${input:…}` (kept in its secret storage) — paste the values from {env}; export the others before starting VS Code (`set -a; . {env}; set +a`)",
    // `${env:…}` is reported not to be substituted in headers.
    secret_fix: SecretFix::PasswordInputInHeaders,
    approvals: &APPROVALS,
};

pub static MCP: Format = Format {
    id: "vscode",
    client: &CLIENT,
    paths: &[
        ".vscode/mcp.json",
        "Code/User/mcp.json",
        "Code - Insiders/User/mcp.json",
    ],
    language: Language::Jsonc,
    layout: &MCP_LAYOUT,
    describes: "VS Code MCP servers",
    shared: true,
};

pub static SETTINGS: Format = Format {
    id: "vscode-settings",
    client: &CLIENT,
    paths: &[".vscode/settings.json"],
    language: Language::Jsonc,
    layout: &SETTINGS_LAYOUT,
    describes: "VS Code settings (legacy `mcp` block)",
    shared: true,
};

static MCP_LAYOUT: Layout = Layout {
    servers: &["/servers"],
    listed: false,
    fields: MCP_FIELDS,
    settings_env: None,
    inputs: Some("/inputs"),
};

static SETTINGS_LAYOUT: Layout = Layout {
    servers: &["/mcp/servers"],
    listed: false,
    fields: MCP_FIELDS,
    settings_env: None,
    inputs: Some("/mcp/inputs"),
};

/// `mcp.json` entries carry no approval key (VS Code asks to trust each
/// server when it first starts); approving every tool is a setting.
pub static APPROVALS: Approvals = Approvals {
    approve_all_modes: &[
        Key::file(
            In::Format(SETTINGS.id),
            "/chat.tools.global.autoApprove",
            Value::Is(&[Literal::Bool(true)]),
            "every tool call, MCP tools included, runs without confirmation; whether a workspace `.vscode/settings.json` may set it is unverified",
            "code.visualstudio.com/docs/agents/approvals [docs]; microsoft/vscode#261321 [code]",
        ),
        Key::file(
            In::Format(SETTINGS.id),
            "/chat.tools.autoApprove",
            Value::Is(&[Literal::Bool(true)]),
            "the older name of the same switch: every tool call runs without confirmation",
            "microsoft/vscode#261321 [code]",
        ),
    ],
    sources: &[
        "code.visualstudio.com/docs/agents/approvals [docs]",
        "microsoft/vscode-docs docs/copilot/reference/mcp-configuration.md [docs]: no approval key in a server entry",
        "microsoft/vscode#261321 [code]",
        "clients.md §4",
    ],
    ..NONE
};
