//! Cursor: `.cursor/mcp.json`, in a project or the home folder.

use super::approval::{Approvals, In, Key, Naming, Star, Value, NONE};
use super::{
    Base, Client, Dialect, Field, Format, Language, SecretFix, UserFile, MCP_SERVERS, SERVER_FIELDS,
};
use crate::syntax::reference::Syntax;

pub static CLIENT: Client = Client {
    id: "cursor",
    name: "Cursor",
    dialect: Dialect {
        expands: in_server_fields!(&[Syntax::EnvColon, Syntax::EditorVariable]),
        checked: SERVER_FIELDS,
        spelling: &[(None, "${env:NAME}")],
        unset: "unverified; assume the literal text is sent",
        project_dir: None,
    },
    formats: &[&CONFIG],
    user_files: &[UserFile::file(Base::Home, ".cursor/mcp.json", CONFIG.id)],
    env_file: super::EDITOR_ENV_FILE,
    secret_fix: SecretFix::Reference,
    approvals: &APPROVALS,
};

pub static CONFIG: Format = Format {
    id: "cursor",
    client: &CLIENT,
    paths: &[".cursor/mcp.json"],
    language: Language::Json,
    layout: &MCP_SERVERS,
    describes: "Cursor MCP servers",
    shared: true,
};

/// `mcp.json` entries carry no approval key; Cursor's auto-run allowlist is
/// `mcpAllowlist` in `permissions.json`, a file mcplint has no format for.
pub static APPROVALS: Approvals = Approvals {
    allow_lists: &[Key::file(
        In::Other(".cursor/permissions.json"),
        "/mcpAllowlist",
        Value::Tools(Naming {
            tool: "{server}:{tool}",
            server: Some("{server}:*"),
            star: Star::Glob,
        }),
        "MCP tools that auto-run without approval, in `~/.cursor/permissions.json` or a repository's `.cursor/permissions.json` (the two lists are joined); it replaces the in-app allowlist",
        "cursor.com/docs/reference/permissions [docs]; the `server:tool` entry shape and `*` globs seen in committed files [sample]",
    )],
    sources: &[
        "cursor.com/docs/reference/permissions [docs]",
        "cursor.com/docs/mcp [docs, partly retrieved]: `mcp.json` entries are `command`/`args`/`env`/`envFile` or `url`/`headers`/`auth`; auto-run is an app setting",
        "clients.md §3",
    ],
    ..NONE
};
