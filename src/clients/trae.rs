//! Trae: `.trae/mcp.json` in a project.
//!
//! Facts (`shared/reference/clients.md` §19): `mcpServers` entries, read once
//! project MCP is enabled in Trae's settings [docs.trae.ai]; `${VAR}` and
//! `${workspaceFolder}` are seen in committed files, but expansion is not
//! documented [sample]. The file may hold comments [sample].

use super::approval::{Approvals, NONE};
use super::{Client, Format, Language, SecretFix, MCP_SERVERS};

pub static CLIENT: Client = Client {
    id: "trae",
    name: "Trae",
    dialect: super::generic::UNDOCUMENTED,
    formats: &[&CONFIG],
    user_files: &[],
    // No `envFile` key is documented for its entries.
    env_file: super::EXPORT_ENV_FILE,
    secret_fix: SecretFix::Reference,
    approvals: &APPROVALS,
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

/// No approval, tool-filter or disabling key is documented for the file.
pub static APPROVALS: Approvals = Approvals {
    sources: &[
        "docs.trae.ai [docs]: project MCP documents `mcpServers` entries only",
        "clients.md §19",
    ],
    ..NONE
};
