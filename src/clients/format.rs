//! What a config file is: its language, where its servers sit and what
//! their fields are called. Each client's module lists its own formats.

use super::Client;

/// The fields of a server entry, whatever the client calls them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Command,
    Args,
    Env,
    Url,
    Headers,
    /// Any other string inside a server entry (`oauth.clientSecret`, …).
    Other,
    /// The `env` block of a settings file (not a server's).
    SettingsEnv,
}

/// The language a file is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    /// RFC 8259: no comments, no trailing commas.
    Json,
    /// JSON with comments and trailing commas.
    Jsonc,
    Toml,
    Yaml,
}

/// Where a file's servers sit and what their fields are called.
#[derive(Debug)]
pub struct Layout {
    /// JSON pointers of the server collections; a `*` segment matches any key.
    pub servers: &'static [&'static str],
    /// The collections are arrays of servers named by a `name` key
    /// (Continue), not maps from name to server.
    pub listed: bool,
    /// Key paths inside a server (`/`-separated) and the field each one is.
    pub fields: &'static [(&'static str, Field)],
    /// Pointer of a settings file's `env` block.
    pub settings_env: Option<&'static str>,
    /// Pointer of VS Code's `inputs` array.
    pub inputs: Option<&'static str>,
}

impl Layout {
    /// The client's own key for `field` at the top of a server entry
    /// (`env`, OpenCode's `environment`, Goose's `envs`).
    pub fn key(&self, field: Field) -> Option<&'static str> {
        self.fields
            .iter()
            .find(|(key, f)| *f == field && !key.contains('/'))
            .map(|(key, _)| *key)
    }
}

/// The names most clients use.
pub const MCP_FIELDS: &[(&str, Field)] = &[
    ("command", Field::Command),
    ("args", Field::Args),
    ("env", Field::Env),
    ("url", Field::Url),
    ("headers", Field::Headers),
];

pub const fn servers_at(servers: &'static [&'static str]) -> Layout {
    Layout {
        servers,
        listed: false,
        fields: MCP_FIELDS,
        settings_env: None,
        inputs: None,
    }
}

/// Servers under `mcpServers`, with the usual field names.
pub static MCP_SERVERS: Layout = servers_at(&["/mcpServers"]);

#[derive(Debug)]
pub struct Format {
    /// Stable id, also the name of its schema in `rules/schemas/`.
    pub id: &'static str,
    pub client: &'static Client,
    /// Path suffixes that name this format, `/`-separated, `*` matching
    /// within one component (`.continue/mcpServers/*.yaml`).
    pub paths: &'static [&'static str],
    pub language: Language,
    pub layout: &'static Layout,
    /// What the file is, for messages.
    pub describes: &'static str,
    /// Usually committed to the repository (secrets there are published).
    pub shared: bool,
}
