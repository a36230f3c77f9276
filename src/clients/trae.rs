//! Trae: `.trae/mcp.json` in a project.
//!
//! Facts (`shared/reference/clients.md` §19): `mcpServers` entries, read once
//! project MCP is enabled in Trae's settings [docs.trae.ai]; `${VAR}` and
//! `${workspaceFolder}` are seen in committed files, but expansion is not
//! documented [sample]. The file may hold comments [sample].

use super::{Client, Dialect, Field, Format, Language, SecretFix, MCP_SERVERS, SERVER_FIELDS};

pub static CLIENT: Client = Client {
    id: "trae",
    name: "Trae",
    dialect: Dialect {
        // Undocumented: every syntax some client expands is taken as
        // expanded, so only what no client expands is reported.
        expands: in_every_string!(super::generic::ANY_CLIENTS),
        checked: SERVER_FIELDS,
        spelling: &[],
        unset: "undocumented",
        project_dir: None,
    },
    formats: &[&CONFIG],
    user_files: &[],
    env_file: super::EDITOR_ENV_FILE,
    secret_fix: SecretFix::Reference,
};

pub static CONFIG: Format = Format {
    id: "trae",
    client: &CLIENT,
    paths: &[".trae/mcp.json"],
    language: Language::Jsonc,
    layout: &MCP_SERVERS,
    describes: "Trae MCP servers",
    shared: true,
};
