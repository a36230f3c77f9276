//! Windsurf: `mcp_config.json` under `~/.codeium/windsurf/`.

use super::approval::{Approvals, NONE};
use super::{
    servers_at, Base, Client, Dialect, Field, Format, Language, Layout, SecretFix, UserFile,
    SERVER_FIELDS,
};
use crate::syntax::reference::Syntax;

pub static CLIENT: Client = Client {
    id: "windsurf",
    name: "Windsurf",
    dialect: Dialect {
        expands: in_server_fields!(&[Syntax::EnvColon, Syntax::FileColon]),
        checked: SERVER_FIELDS,
        spelling: &[(None, "${env:NAME}")],
        unset: "unverified",
        project_dir: None,
    },
    formats: &[&CONFIG],
    user_files: &[UserFile::file(
        Base::Home,
        ".codeium/windsurf/mcp_config.json",
        CONFIG.id,
    )],
    env_file: super::EDITOR_ENV_FILE,
    secret_fix: SecretFix::Reference,
    approvals: &APPROVALS,
};

pub static CONFIG: Format = Format {
    id: "windsurf",
    client: &CLIENT,
    paths: &[
        "windsurf/mcp_config.json",
        ".windsurf/mcp_config.json",
        ".codeium/mcp_config.json",
        // Windsurf's file name is its own: committed anywhere (often at the
        // top of a repository, to share it), it is Windsurf's.
        "mcp_config.json",
    ],
    language: Language::Json,
    layout: &LAYOUT,
    describes: "Windsurf MCP servers",
    shared: false,
};

static LAYOUT: Layout = Layout {
    fields: &[
        ("command", Field::Command),
        ("args", Field::Args),
        ("env", Field::Env),
        ("serverUrl", Field::Url),
        ("url", Field::Url),
        ("headers", Field::Headers),
    ],
    ..servers_at(&["/mcpServers"])
};

/// Tools are switched on and off in each server's page in the app; no file
/// key for approving, hiding tools or disabling a server is documented.
pub static APPROVALS: Approvals = Approvals {
    sources: &[
        "docs.windsurf.com/windsurf/cascade/mcp [docs]: tool toggles live in the MCP settings page; `mcp_config.json` documents `command`, `args`, `env`, `serverUrl`/`url`, `headers`",
        "clients.md §5",
    ],
    ..NONE
};
