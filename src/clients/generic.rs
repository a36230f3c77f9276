//! An MCP config whose client mcplint cannot tell: a file recognised by its
//! name and content (a root `mcp.json`, `mcp-servers.toml`, a copied
//! `~/.cursor` folder) rather than by a client's path. Nothing is assumed
//! about how it expands references: every syntax some client expands is
//! taken as expanded, so only references no client would expand are
//! reported, and a literal secret gets advice, not an edit in one client's
//! spelling.

use super::approval::{Approvals, NONE};
use super::{
    servers_at, Client, Dialect, Field, Format, Language, Layout, SecretFix, SERVER_FIELDS,
};
use crate::syntax::reference::Syntax;

/// Every syntax at least one client expands: the dialect of a client whose
/// expansion is undocumented, so that only what no reading of it could make
/// wrong is reported.
pub const ANY_CLIENTS: &[Syntax] = &[
    Syntax::Braced,
    Syntax::BracedDefault,
    Syntax::Bare,
    Syntax::EnvColon,
    Syntax::FileColon,
    Syntax::Input,
    Syntax::EditorVariable,
    Syntax::Percent,
    Syntax::OpenCode,
    Syntax::DoubleBrace,
];

/// The dialect of a client whose expansion is undocumented (Junie, Trae,
/// …): every syntax some client expands is taken as expanded, so only what
/// no client expands is reported, and a literal secret gets advice.
pub const UNDOCUMENTED: Dialect = Dialect {
    expands: in_every_string!(ANY_CLIENTS),
    checked: SERVER_FIELDS,
    spelling: &[],
    unset: "undocumented",
    project_dir: None,
};

pub static CLIENT: Client = Client {
    id: "generic",
    name: "an unknown MCP client",
    // No spelling is right for every client: advice only.
    dialect: Dialect {
        unset: "depends on the client that reads the file",
        ..UNDOCUMENTED
    },
    formats: &[&JSON, &TOML, &YAML],
    user_files: &[],
    env_file: super::EXPORT_ENV_FILE,
    secret_fix: SecretFix::Reference,
    approvals: &APPROVALS,
};

/// The server maps a generic config may hold, in the order they are tried.
pub const SERVER_KEYS: &[&str] = &[
    "mcpServers",
    "mcp_servers",
    "servers",
    "context_servers",
    "mcp",
];

static LAYOUT: Layout = servers_at(&[
    "/mcpServers",
    "/mcp_servers",
    "/servers",
    "/context_servers",
    "/mcp",
]);

pub static JSON: Format = Format {
    id: "generic-json",
    client: &CLIENT,
    paths: &[],
    language: Language::Jsonc,
    layout: &LAYOUT,
    describes: "MCP config (client unknown)",
    shared: true,
};

pub static TOML: Format = Format {
    id: "generic-toml",
    client: &CLIENT,
    paths: &[],
    language: Language::Toml,
    layout: &LAYOUT,
    describes: "MCP config (client unknown)",
    shared: true,
};

pub static YAML: Format = Format {
    id: "generic-yaml",
    client: &CLIENT,
    paths: &[],
    language: Language::Yaml,
    layout: &LAYOUT,
    describes: "MCP config (client unknown)",
    shared: true,
};

/// Is `client` the generic one (no client known)?
pub fn is(client: &super::Client) -> bool {
    std::ptr::eq(client, &CLIENT)
}

/// The generic format for a file written in `language`.
pub fn format_for(language: Language) -> &'static Format {
    match language {
        Language::Json | Language::Jsonc => &JSON,
        Language::Toml => &TOML,
        Language::Yaml => &YAML,
    }
}

/// Nothing is assumed about an unknown client's approvals: the same key
/// means different things in different clients (`"*"` in `autoApprove` is
/// every tool in Roo Code's files but no tool in Cline's; `disabled` is no
/// key of Claude Code's entries), so no key is taken to approve or disable anything. A
/// rule that wants "some client would read it so" can look through
/// [`super::CLIENTS`].
pub static APPROVALS: Approvals = NONE;
