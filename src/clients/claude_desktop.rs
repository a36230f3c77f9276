//! Claude Desktop: `claude_desktop_config.json`, per user only.

use super::approval::{Approvals, NONE};
use super::{
    Base, Client, Dialect, Format, Language, SecretFix, UserFile, MCP_SERVERS, SERVER_FIELDS,
};

pub static CLIENT: Client = Client {
    id: "claude-desktop",
    name: "Claude Desktop",
    dialect: Dialect {
        expands: &[],
        checked: SERVER_FIELDS,
        spelling: &[(
            None,
            "Claude Desktop expands no variables: leave NAME out of this file and give the server its credential through a desktop extension (.mcpb) whose `sensitive` setting keeps it in the OS keychain, or a wrapper script that reads it",
        )],
        unset: "every reference is sent literally",
        project_dir: None,
    },
    formats: &[&CONFIG],
    user_files: &[
        UserFile::file(Base::AppSupport, "Claude/claude_desktop_config.json", CONFIG.id),
        UserFile::file(Base::AppData, "Claude/claude_desktop_config.json", CONFIG.id),
        UserFile::file(Base::Config, "Claude/claude_desktop_config.json", CONFIG.id),
    ],
    env_file: super::EXPORT_ENV_FILE,
    secret_fix: SecretFix::Reference,
    approvals: &APPROVALS,
};

pub static CONFIG: Format = Format {
    id: "claude-desktop",
    client: &CLIENT,
    paths: &["claude_desktop_config.json"],
    language: Language::Json,
    layout: &MCP_SERVERS,
    describes: "Claude Desktop config",
    shared: false,
};

/// No file key approves or hides tools: tool permissions are answered in the
/// app (clients.md §2, from the MCP docs' local-server guide [docs]).
pub static APPROVALS: Approvals = Approvals {
    sources: &[
        "modelcontextprotocol/modelcontextprotocol docs/docs/develop/connect-local-servers.mdx [docs]: the file holds `command`, `args`, `env` only; approvals are asked in the app",
        "clients.md §2",
    ],
    ..NONE
};
