//! OpenCode: the `mcp` block of `opencode.json(c)`.

use super::approval::{Approvals, Filter, In, Keeps, Key, Literal, Naming, Star, Value, NONE};
use super::{
    servers_at, Base, Client, Dialect, Field, Format, Language, Layout, SecretFix, UserFile,
    SERVER_FIELDS,
};
use crate::syntax::reference::Syntax;

pub static CLIENT: Client = Client {
    id: "opencode",
    name: "OpenCode",
    dialect: Dialect {
        expands: in_every_string!(&[Syntax::OpenCode]),
        checked: SERVER_FIELDS,
        spelling: &[(None, "{env:NAME}")],
        unset: "an empty string",
        project_dir: None,
    },
    formats: &[&CONFIG],
    user_files: &[
        UserFile::file(Base::Config, "opencode/opencode.json", CONFIG.id),
        UserFile::file(Base::Config, "opencode/opencode.jsonc", CONFIG.id),
    ],
    env_file: "export them before starting opencode: `set -a; . {env}; set +a`",
    secret_fix: SecretFix::Reference,
    approvals: &APPROVALS,
};

pub static CONFIG: Format = Format {
    id: "opencode",
    client: &CLIENT,
    paths: &["opencode.json", "opencode.jsonc"],
    language: Language::Jsonc,
    layout: &LAYOUT,
    describes: "OpenCode config",
    shared: true,
};

/// Also Kilo's `kilo.json`, an OpenCode fork's file.
pub(super) static LAYOUT: Layout = Layout {
    fields: &[
        // `command` is an array: program, then arguments.
        ("command", Field::Command),
        ("environment", Field::Env),
        ("env", Field::Env),
        ("url", Field::Url),
        ("headers", Field::Headers),
    ],
    ..servers_at(&["/mcp"])
};

const PERMISSIONS: &str = "opencode.ai/docs/permissions [docs]";
/// An MCP tool is `{server}_{tool}` in `permission` and `tools`.
const NAMESPACED: Naming = Naming {
    tool: "{server}_{tool}",
    server: Some("{server}_*"),
    star: Star::Glob,
};

/// Most permissions default to `allow`, so MCP tools run unasked unless a
/// rule says `ask` (opencode.ai/docs/permissions [docs]); anomalyco/opencode
/// #6892 reports a version where `permission` did not reach MCP tools.
pub static APPROVALS: Approvals = Approvals {
    allow_lists: &[Key::file(
        In::Every,
        "/permission",
        Value::ToolMap {
            naming: NAMESPACED,
            field: None,
            is: &[Literal::Str("allow")],
        },
        "a tool whose key (or a glob over it, `github_*`, `*`) is `\"allow\"` runs without asking; the last matching rule wins",
        PERMISSIONS,
    )],
    tool_filters: &[Filter {
        keeps: Keeps::AllBut,
        key: Key::file(
            In::Every,
            "/tools",
            Value::ToolMap {
                naming: NAMESPACED,
                field: None,
                is: &[Literal::Bool(false)],
            },
            "tools mapped to `false` are removed (the legacy form, deprecated in v1.1.1 for `permission`)",
            "opencode.ai/docs/permissions [docs]; clients.md §12",
        ),
    }],
    disabled: &[Key::server(
        In::Every,
        "enabled",
        Value::Is(&[Literal::Bool(false)]),
        "the server is not started",
        "anomalyco/opencode packages/web/src/content/docs/mcp-servers.mdx [docs]; clients.md §12",
    )],
    approve_all_modes: &[Key::file(
        In::Every,
        "/permission",
        Value::Is(&[Literal::Str("allow")]),
        "every permission is allow: all tools run without asking",
        PERMISSIONS,
    )],
    sources: &[
        "opencode.ai/docs/permissions [docs]",
        "anomalyco/opencode packages/web/src/content/docs/mcp-servers.mdx [docs]",
        "anomalyco/opencode#6892 [issue]",
        "clients.md §12",
    ],
    ..NONE
};
