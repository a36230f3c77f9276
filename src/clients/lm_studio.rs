//! LM Studio: `~/.lmstudio/mcp.json`, edited in the app (a per-user file).
//!
//! Facts (`shared/reference/clients.md` §16; lmstudio-ai/docs
//! `0_app/2_mcp/index.mdx`): Cursor's `mcpServers` notation, `command`/
//! `args`/`env` or `url`/`headers` [docs]; the path is the one commonly
//! cited [sample]; expansion is not documented, and the official example
//! writes a bearer token literally.

use super::approval::{Approvals, NONE};
use super::{Base, Client, Format, Language, SecretFix, UserFile, MCP_SERVERS};

pub static CLIENT: Client = Client {
    id: "lm-studio",
    name: "LM Studio",
    dialect: super::generic::UNDOCUMENTED,
    formats: &[&CONFIG],
    user_files: &[UserFile::file(Base::Home, ".lmstudio/mcp.json", CONFIG.id)],
    env_file: super::START_ENV_FILE,
    secret_fix: SecretFix::Reference,
    approvals: &APPROVALS,
};

pub static CONFIG: Format = Format {
    id: "lm-studio",
    client: &CLIENT,
    paths: &[".lmstudio/mcp.json"],
    language: Language::Json,
    layout: &MCP_SERVERS,
    describes: "LM Studio MCP servers",
    shared: false,
};

/// The file follows Cursor's notation and holds no approval key; tool calls
/// are confirmed in the app.
pub static APPROVALS: Approvals = Approvals {
    sources: &[
        "lmstudio-ai/docs 0_app/2_mcp/index.mdx [docs]: `mcpServers` with `command`/`args`/`env` or `url`/`headers` only",
        "clients.md §16",
    ],
    ..NONE
};
