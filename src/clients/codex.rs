//! Codex: `config.toml` under `.codex/` or `$CODEX_HOME`. It expands no
//! references; variables are forwarded by name.

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
