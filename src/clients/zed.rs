//! Zed: `context_servers` in its `settings.json`.

use super::approval::{Approvals, In, Key, Literal, Value, NONE};
use super::{
    servers_at, Base, Client, Dialect, Field, Format, Language, Layout, SecretFix, UserFile,
    SERVER_FIELDS,
};

pub static CLIENT: Client = Client {
    id: "zed",
    name: "Zed",
    dialect: Dialect {
        expands: &[],
        checked: SERVER_FIELDS,
        spelling: &[(
            None,
            "Zed expands no variables (unverified): leave NAME out of the file; start the server from a wrapper that reads it, or let Zed prompt for OAuth client secrets and keep them in the keychain",
        )],
        unset: "every reference is sent literally (unverified)",
        project_dir: None,
    },
    formats: &[&SETTINGS],
    user_files: &[
        UserFile::file(Base::Config, "zed/settings.json", SETTINGS.id),
        UserFile::file(Base::AppData, "Zed/settings.json", SETTINGS.id),
    ],
    env_file: super::EXPORT_ENV_FILE,
    secret_fix: SecretFix::Reference,
    approvals: &APPROVALS,
};

pub static SETTINGS: Format = Format {
    id: "zed",
    client: &CLIENT,
    paths: &[".zed/settings.json", "zed/settings.json"],
    language: Language::Jsonc,
    layout: &LAYOUT,
    describes: "Zed settings",
    shared: true,
};

static LAYOUT: Layout = Layout {
    fields: &[
        ("command", Field::Command),
        ("command/path", Field::Command),
        ("command/args", Field::Args),
        ("command/env", Field::Env),
        ("args", Field::Args),
        ("env", Field::Env),
        ("url", Field::Url),
        ("headers", Field::Headers),
    ],
    ..servers_at(&["/context_servers"])
};

const TOOL_PERMISSIONS: &str = "zed.dev/docs/ai/tool-permissions [docs]";

/// Whether a project's `.zed/settings.json` may set the agent's permissions
/// is not documented; the keys are recorded for every Zed settings file.
pub static APPROVALS: Approvals = Approvals {
    disabled: &[Key::server(
        In::Every,
        "enabled",
        Value::Is(&[Literal::Bool(false)]),
        "the context server is not started",
        "zed-industries/zed crates/settings/src/settings_content/project.rs, ContextServerSettingsContent [code]; clients.md §8",
    )],
    approve_all_modes: &[
        Key::file(
            In::Every,
            "/agent/tool_permissions/default",
            Value::Is(&[Literal::Str("allow")]),
            "tools run without confirmation unless a tool's own rule asks (Zed v0.224.0 and later)",
            TOOL_PERMISSIONS,
        ),
        Key::file(
            In::Every,
            "/agent/always_allow_tool_actions",
            Value::Is(&[Literal::Bool(true)]),
            "every tool action runs without confirmation (the switch before v0.224.0)",
            TOOL_PERMISSIONS,
        ),
    ],
    sources: &[
        "zed.dev/docs/ai/tool-permissions [docs]",
        "zed-industries/zed docs/src/ai/mcp.md [docs]",
        "clients.md §8 [code]",
    ],
    ..NONE
};
