//! Claude Code: the project's `.mcp.json`, its `.claude/settings*.json`,
//! plugins, managed files, and the per-user `~/.claude.json`.

use super::{
    servers_at, Base, Client, Dialect, Field, Format, Language, Layout, SecretFix, UserFile,
    MCP_FIELDS, MCP_SERVERS, SERVER_FIELDS,
};
use crate::syntax::reference::Syntax;

pub static CLIENT: Client = Client {
    id: "claude-code",
    name: "Claude Code",
    dialect: Dialect {
        expands: in_server_fields!(&[Syntax::Braced, Syntax::BracedDefault]),
        checked: SERVER_FIELDS,
        spelling: &[(None, "${NAME}")],
        unset: "the literal text is sent, and `claude mcp list` warns",
        project_dir: Some("${CLAUDE_PROJECT_DIR:-.}"),
    },
    formats: &[&PROJECT, &SETTINGS, &USER],
    user_files: &[
        UserFile::file(Base::Var("CLAUDE_CONFIG_DIR", ""), ".claude.json", USER.id),
        UserFile::file(
            Base::Var("CLAUDE_CONFIG_DIR", ".claude"),
            "settings.json",
            SETTINGS.id,
        ),
    ],
    env_file: super::START_ENV_FILE,
    secret_fix: SecretFix::Reference,
};

/// The project's servers.
pub static PROJECT: Format = Format {
    id: "claude-code",
    client: &CLIENT,
    paths: &[
        ".mcp.json",
        "managed-mcp.json",
        ".claude-plugin/plugin.json",
    ],
    language: Language::Json,
    layout: &MCP_SERVERS,
    describes: "Claude Code MCP servers",
    shared: true,
};

/// Settings: permissions and which project servers are approved.
pub static SETTINGS: Format = Format {
    id: "claude-code-settings",
    client: &CLIENT,
    paths: &[
        ".claude/settings.json",
        ".claude/settings.local.json",
        "managed-settings.json",
    ],
    language: Language::Json,
    layout: &SETTINGS_LAYOUT,
    describes: "Claude Code settings",
    shared: true,
};

/// `~/.claude.json`: user servers, and local servers per project.
pub static USER: Format = Format {
    id: "claude-code-user",
    client: &CLIENT,
    paths: &[".claude.json"],
    language: Language::Json,
    layout: &USER_LAYOUT,
    describes: "Claude Code user and local MCP servers (~/.claude.json)",
    shared: false,
};

static USER_LAYOUT: Layout = servers_at(&["/mcpServers", "/projects/*/mcpServers"]);

static SETTINGS_LAYOUT: Layout = Layout {
    servers: &[],
    listed: false,
    fields: MCP_FIELDS,
    settings_env: Some("/env"),
    inputs: None,
};

/// Is `format` Claude Code's settings file?
pub fn is_settings(format: &Format) -> bool {
    format.id == SETTINGS.id
}
