//! Codex: `config.toml` under `.codex/` or `$CODEX_HOME`. It expands no
//! references; variables are forwarded by name.

use super::approval::{Approvals, Filter, In, Keeps, Key, Literal, Naming, Star, Value};
use super::{
    servers_at, Base, Client, Dialect, Field, Format, Language, Layout, SecretFix, UserFile,
    SERVER_FIELDS,
};

pub static CLIENT: Client = Client {
    id: "codex",
    name: "Codex",
    dialect: Dialect {
        expands: &[],
        checked: SERVER_FIELDS,
        spelling: &[
            (
                Some(Field::Env),
                "Codex expands nothing: remove the `env` entry and forward the variable with `env_vars = [\"NAME\"]`",
            ),
            (
                Some(Field::Headers),
                "Codex expands nothing: use `bearer_token_env_var = \"NAME\"` for an Authorization bearer token, or `env_http_headers = { \"Header-Name\" = \"NAME\" }`",
            ),
            (
                None,
                "Codex expands nothing: read NAME from the environment (`env_vars = [\"NAME\"]` forwards it to a stdio server)",
            ),
        ],
        unset: "every reference is sent literally",
        project_dir: None,
    },
    formats: &[&CONFIG],
    user_files: &[UserFile::file(
        Base::Var("CODEX_HOME", ".codex"),
        "config.toml",
        CONFIG.id,
    )],
    env_file: super::EXPORT_ENV_FILE,
    secret_fix: SecretFix::ForwardByName,
    approvals: &APPROVALS,
};

pub static CONFIG: Format = Format {
    id: "codex",
    client: &CLIENT,
    paths: &[".codex/config.toml", "codex/config.toml"],
    language: Language::Toml,
    layout: &LAYOUT,
    describes: "Codex config",
    shared: true,
};

static LAYOUT: Layout = Layout {
    fields: &[
        ("command", Field::Command),
        ("args", Field::Args),
        ("env", Field::Env),
        ("url", Field::Url),
        ("http_headers", Field::Headers),
        // Rejected by Codex, but a token written there is still a leak.
        ("bearer_token", Field::Headers),
        ("headers", Field::Headers),
    ],
    ..servers_at(&["/mcp_servers"])
};

/// The variables a Codex server entry forwards by name, each with the key
/// that names it and that key's node: `env_vars = ["A"]`,
/// `bearer_token_env_var = "B"`, `env_http_headers = { "X-Key" = "C" }`.
pub fn forwarded_names<'n>(
    server: &'n crate::syntax::parse::Node<'n>,
) -> Vec<(String, &'static str, &'n crate::syntax::parse::Node<'n>)> {
    let mut out = Vec::new();
    if let Some(list) = server.get("env_vars") {
        for n in list.elements() {
            if let Some(name) = n.as_str() {
                out.push((name.to_string(), "env_vars", n));
            }
        }
    }
    if let Some(n) = server.get("bearer_token_env_var") {
        if let Some(name) = n.as_str() {
            out.push((name.to_string(), "bearer_token_env_var", n));
        }
    }
    if let Some(headers) = server.get("env_http_headers") {
        for m in headers.members() {
            if let Some(name) = m.value.as_str() {
                out.push((name.to_string(), "env_http_headers", &m.value));
            }
        }
    }
    out
}

const MCP_SERVER_KEYS: &str = "openai/codex codex-rs/config/src/mcp_types.rs [code]; clients.md §7";
const TOOL_APPROVALS: &str =
    "openai/codex docs/config.md, \"MCP tool approvals\" [docs]; the values `auto`, `prompt`, `approve` from clients.md §7 [code]";
const APPROVAL_POLICY: &str = "developers.openai.com/codex/config-reference [docs]";

/// `sandbox_mode = "danger-full-access"` lifts the sandbox, not the prompts,
/// so it is not an approval mode; a project's `.codex/config.toml` is loaded
/// only for a trusted project (clients.md §7).
pub static APPROVALS: Approvals = Approvals {
    allow_lists: &[Key::server(
        In::Every,
        "tools",
        Value::ToolMap {
            naming: Naming::own(Star::Unverified),
            field: Some("approval_mode"),
            is: &[Literal::Str("approve")],
        },
        "`[mcp_servers.NAME.tools.TOOL] approval_mode = \"approve\"`: that tool runs without asking",
        TOOL_APPROVALS,
    )],
    trusted_flags: &[Key::server(
        In::Every,
        "default_tools_approval_mode",
        Value::Is(&[Literal::Str("approve")]),
        "every tool of the server runs without asking, unless a tool's own `approval_mode` says otherwise",
        TOOL_APPROVALS,
    )],
    tool_filters: &[
        Filter {
            keeps: Keeps::Only,
            key: Key::server(
                In::Every,
                "enabled_tools",
                Value::Tools(Naming::own(Star::Unverified)),
                "only the listed tools of the server are offered",
                MCP_SERVER_KEYS,
            ),
        },
        Filter {
            keeps: Keeps::AllBut,
            key: Key::server(
                In::Every,
                "disabled_tools",
                Value::Tools(Naming::own(Star::Unverified)),
                "the listed tools are not offered",
                MCP_SERVER_KEYS,
            ),
        },
    ],
    disabled: &[Key::server(
        In::Every,
        "enabled",
        Value::Is(&[Literal::Bool(false)]),
        "the server is not started",
        MCP_SERVER_KEYS,
    )],
    approve_all_modes: &[
        Key::file(
            In::Every,
            "/approval_policy",
            Value::Is(&[Literal::Str("never")]),
            "Codex never stops to ask before it runs a command or a tool",
            APPROVAL_POLICY,
        ),
        Key::file(
            In::Every,
            "/profiles/*/approval_policy",
            Value::Is(&[Literal::Str("never")]),
            "the same policy inside a `[profiles.NAME]` table, in force when that profile is chosen",
            "developers.openai.com/codex/config-advanced, profiles [docs, the profile table not re-read]",
        ),
    ],
    server_approvals: &[],
    sources: &[
        "developers.openai.com/codex/config-reference [docs]",
        "openai/codex docs/config.md [docs]",
        "openai/codex codex-rs/config/src/mcp_types.rs [code]",
        "openai/codex#17843 (server-level approval defaults) [code]",
        "clients.md §7",
    ],
};
