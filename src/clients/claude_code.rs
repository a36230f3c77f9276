//! Claude Code: the project's `.mcp.json`, its `.claude/settings*.json`,
//! plugins, managed files, and the per-user `~/.claude.json`.
//!
//! Approvals live in the settings files, never in a server entry: an
//! `autoApprove` or `alwaysAllow` copied into `.mcp.json` is not a Claude
//! Code key (clients.md §1.2 lists the entry's fields).

use super::approval::{Approvals, In, Key, Literal, Naming, Star, Value};
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
    approvals: &APPROVALS,
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

const PERMISSIONS: &str = "code.claude.com/docs/en/permissions [docs]; clients.md §1.8";
const PROJECT_SERVERS: &str = "code.claude.com/docs/en/settings [docs]; clients.md §1.5";

/// `permissions.allow` rules and the project-server approvals of the
/// settings files.
pub static APPROVALS: Approvals = Approvals {
    allow_lists: &[Key::file(
        In::Format(SETTINGS.id),
        "/permissions/allow",
        Value::Tools(Naming {
            tool: "mcp__{server}__{tool}",
            server: Some("mcp__{server}"),
            star: Star::Glob,
        }),
        "tools run without asking: `mcp__{server}` and `mcp__{server}__*` cover every tool of the server; a glob counts only after a literal `mcp__{server}__`, so `mcp__*` and `*` approve nothing; in a committed `.claude/settings.json` allow rules apply once the folder is trusted",
        PERMISSIONS,
    )],
    trusted_flags: &[],
    tool_filters: &[],
    disabled: &[
        Key::file(
            In::Format(SETTINGS.id),
            "/disabledMcpjsonServers",
            Value::Servers,
            "the named `.mcp.json` servers are not started; this wins over every approval and is honoured from every settings file",
            PROJECT_SERVERS,
        ),
        Key::file(
            In::Format(USER.id),
            "/projects/*/disabledMcpServers",
            Value::Servers,
            "the `/mcp` panel's per-project switch: the named servers are not started in that project",
            "code.claude.com/docs/en/mcp [docs]; clients.md §1.1",
        ),
    ],
    approve_all_modes: &[Key::file(
        In::Format(SETTINGS.id),
        "/permissions/defaultMode",
        Value::Is(&[Literal::Str("bypassPermissions")]),
        "every tool runs without a prompt, writes to protected paths included",
        "code.claude.com/docs/en/permission-modes [docs]; a third-party guide says some modes cannot be set from a project's settings [3p], unverified for this one",
    )],
    server_approvals: &[
        Key::file(
            In::Format(SETTINGS.id),
            "/enableAllProjectMcpServers",
            Value::Is(&[Literal::Bool(true)]),
            "every `.mcp.json` server starts without the approval dialog; since 2.1.196 ignored from a committed `.claude/settings.json` in a folder whose trust dialog was not accepted",
            PROJECT_SERVERS,
        ),
        Key::file(
            In::Format(SETTINGS.id),
            "/enabledMcpjsonServers",
            Value::Servers,
            "the named `.mcp.json` servers start without the approval dialog (the same trust caveat)",
            PROJECT_SERVERS,
        ),
    ],
    sources: &[
        "code.claude.com/docs/en/permissions [docs]",
        "code.claude.com/docs/en/settings [docs]",
        "code.claude.com/docs/en/permission-modes [docs]",
        "code.claude.com/docs/en/mcp [docs]",
        "clients.md §1.1, §1.5, §1.8",
    ],
};
