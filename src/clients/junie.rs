//! JetBrains Junie: `.junie/mcp/mcp.json` in a project,
//! `~/.junie/mcp/mcp.json` for the user.
//!
//! Facts (`shared/reference/clients.md` §15, §19): `mcpServers` with
//! `command`/`args`/`env` (stdio) [jetbrains.com/help/junie/model-context-protocol-mcp.html];
//! the paths are given by third parties (Vaadin's docs, Laravel Boost, which
//! writes most committed files) [sample]; expansion is undocumented, and
//! tool approvals live in the IDE, not in the file.

use super::approval::{Approvals, NONE};
use super::{Base, Client, Format, Language, SecretFix, UserFile, MCP_SERVERS};

pub static CLIENT: Client = Client {
    id: "junie",
    name: "Junie",
    dialect: super::generic::UNDOCUMENTED,
    formats: &[&CONFIG],
    user_files: &[UserFile::file(Base::Home, ".junie/mcp/mcp.json", CONFIG.id)],
    // No `envFile` key is documented for its entries.
    env_file: super::EXPORT_ENV_FILE,
    secret_fix: SecretFix::Reference,
    approvals: &APPROVALS,
};

pub static CONFIG: Format = Format {
    id: "junie",
    client: &CLIENT,
    paths: &[".junie/mcp/mcp.json"],
    language: Language::Json,
    layout: &MCP_SERVERS,
    describes: "Junie MCP servers",
    shared: true,
};

/// The file holds `mcpServers` entries only; tool approvals are answered in
/// the IDE.
pub static APPROVALS: Approvals = Approvals {
    sources: &[
        "jetbrains.com/help/junie/model-context-protocol-mcp.html [docs]: no approval key documented",
        "clients.md §15",
    ],
    ..NONE
};
