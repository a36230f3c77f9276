//! Kilo Code (a Roo Code and Cline fork): `.kilocode/mcp.json` in a project.
//!
//! Facts (`shared/reference/clients.md` §19; Kilo-Org/kilocode): the legacy
//! extension reads Roo-style `mcpServers` entries with `alwaysAllow` and
//! `disabled` [sample, code]; current Kilo imports this file as strict JSON
//! and keeps its own servers under `mcp` in `kilo.json[c]` [code]. Whether
//! `${env:NAME}` is expanded here is not documented.

use super::{Client, Format, Language, SecretFix, MCP_SERVERS};

pub static CLIENT: Client = Client {
    id: "kilo-code",
    name: "Kilo Code",
    dialect: super::generic::UNDOCUMENTED,
    formats: &[&CONFIG],
    user_files: &[],
    // No `envFile` key is documented for its entries.
    env_file: super::EXPORT_ENV_FILE,
    secret_fix: SecretFix::Reference,
};

pub static CONFIG: Format = Format {
    id: "kilo-code",
    client: &CLIENT,
    paths: &[".kilocode/mcp.json"],
    language: Language::Json,
    layout: &MCP_SERVERS,
    describes: "Kilo Code MCP servers",
    shared: true,
};
