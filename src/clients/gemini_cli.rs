//! Gemini CLI: `.gemini/settings.json`, extension manifests, and the
//! system-wide settings.

use super::approval::{Approvals, Filter, In, Keeps, Key, Literal, Naming, Star, Value};
use super::{
    servers_at, Base, Client, Dialect, Field, Format, Language, Layout, SecretFix, UserFile,
    ALL_FIELDS,
};
use crate::syntax::reference::Syntax;

/// Gemini CLI's load-time resolver; extension manifests also substitute
/// `${extensionPath}`, `${/}` and the like.
const EVERYWHERE: &[Syntax] = &[
    Syntax::Bare,
    Syntax::Braced,
    Syntax::BracedDefault,
    Syntax::EditorVariable,
];
/// `env` and `headers` get a second pass that also knows `%VAR%` (Windows).
const ENV: &[Syntax] = &[
    Syntax::Bare,
    Syntax::Braced,
    Syntax::BracedDefault,
    Syntax::EditorVariable,
    Syntax::Percent,
];

pub static CLIENT: Client = Client {
    id: "gemini-cli",
    name: "Gemini CLI",
    dialect: Dialect {
        expands: &[
            (Field::Command, EVERYWHERE),
            (Field::Args, EVERYWHERE),
            (Field::Url, EVERYWHERE),
            (Field::Other, EVERYWHERE),
            (Field::Env, ENV),
            (Field::Headers, ENV),
        ],
        checked: ALL_FIELDS,
        spelling: &[(None, "${NAME}")],
        unset:
            "left as literal text in command, args and url, but an empty string in env and headers",
        project_dir: None,
    },
    formats: &[&SETTINGS],
    user_files: &[UserFile::file(
        Base::Home,
        ".gemini/settings.json",
        SETTINGS.id,
    )],
    env_file: super::START_ENV_FILE,
    secret_fix: SecretFix::Reference,
    approvals: &APPROVALS,
};

pub static SETTINGS: Format = Format {
    id: "gemini-cli",
    client: &CLIENT,
    paths: &[
        ".gemini/settings.json",
        "gemini-extension.json",
        "gemini-cli/settings.json",
        "gemini-cli/system-defaults.json",
    ],
    language: Language::Jsonc,
    layout: &LAYOUT,
    describes: "Gemini CLI settings",
    shared: true,
};

/// Also Qwen Code's (a fork of Gemini CLI).
pub(super) static LAYOUT: Layout = Layout {
    fields: &[
        ("command", Field::Command),
        ("args", Field::Args),
        ("env", Field::Env),
        ("url", Field::Url),
        ("httpUrl", Field::Url),
        ("tcp", Field::Url),
        ("headers", Field::Headers),
    ],
    ..servers_at(&["/mcpServers"])
};

const MCP_DOCS: &str =
    "google-gemini/gemini-cli docs/tools/mcp-server.md [docs]; clients.md §6 [code]";
const SETTINGS_DOCS: &str = "google-gemini/gemini-cli docs/reference/configuration.md [docs]";

/// A project's `.gemini/settings.json` is ignored entirely in a folder the
/// user has not trusted (clients.md §6 [code]). No settings key turns YOLO
/// on: `general.defaultApprovalMode` takes `default`, `auto_edit` or `plan`,
/// and YOLO comes only from `--yolo`/`--approval-mode=yolo` [docs], so no
/// approve-all mode is listed.
pub static APPROVALS: Approvals = Approvals {
    allow_lists: &[Key::file(
        In::Format(SETTINGS.id),
        "/tools/allowed",
        Value::Tools(Naming {
            tool: "mcp_{server}_{tool}",
            server: None,
            star: Star::Unverified,
        }),
        "tool names that skip the confirmation dialog; an MCP tool's full name is `mcp_` + server + `_` + tool, but that this list matches it so is not documented",
        SETTINGS_DOCS,
    )],
    trusted_flags: &[Key::server(
        In::Every,
        "trust",
        Value::Is(&[Literal::Bool(true)]),
        "every tool call of the server runs without confirmation",
        MCP_DOCS,
    )],
    tool_filters: &[
        Filter {
            keeps: Keeps::Only,
            key: Key::server(
                In::Every,
                "includeTools",
                Value::Tools(Naming::own(Star::Literal)),
                "only the listed tools of the server are offered",
                MCP_DOCS,
            ),
        },
        Filter {
            keeps: Keeps::AllBut,
            key: Key::server(
                In::Every,
                "excludeTools",
                Value::Tools(Naming::own(Star::Literal)),
                "the listed tools are not offered; it wins over `includeTools`",
                MCP_DOCS,
            ),
        },
    ],
    disabled: &[
        Key::file(
            In::Format(SETTINGS.id),
            "/mcp/excluded",
            Value::Servers,
            "the named servers are not used",
            SETTINGS_DOCS,
        ),
        Key::file(
            In::Format(SETTINGS.id),
            "/mcp/allowed",
            Value::OnlyServers,
            "only the named servers are used",
            SETTINGS_DOCS,
        ),
    ],
    approve_all_modes: &[],
    server_approvals: &[],
    sources: &[
        "google-gemini/gemini-cli docs/tools/mcp-server.md [docs]",
        "google-gemini/gemini-cli docs/reference/configuration.md [docs]",
        "clients.md §6 [code]",
    ],
};
