//! The one table of config formats: which paths each client reads, in which
//! language, where its servers sit and what their fields are called.
//! Discovery, parsing, the model and schema validation all read this table;
//! adding a format means adding a row here (and its schema under
//! `rules/schemas/`).

use std::path::Path;

use crate::clients::{self, Client};

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
const MCP_FIELDS: &[(&str, Field)] = &[
    ("command", Field::Command),
    ("args", Field::Args),
    ("env", Field::Env),
    ("url", Field::Url),
    ("headers", Field::Headers),
];

const fn servers_at(servers: &'static [&'static str]) -> Layout {
    Layout {
        servers,
        listed: false,
        fields: MCP_FIELDS,
        settings_env: None,
        inputs: None,
    }
}

static MCP_SERVERS: Layout = servers_at(&["/mcpServers"]);

static CLAUDE_USER: Layout = servers_at(&["/mcpServers", "/projects/*/mcpServers"]);

static CLAUDE_SETTINGS: Layout = Layout {
    servers: &[],
    listed: false,
    fields: MCP_FIELDS,
    settings_env: Some("/env"),
    inputs: None,
};

static VSCODE: Layout = Layout {
    servers: &["/servers"],
    listed: false,
    fields: MCP_FIELDS,
    settings_env: None,
    inputs: Some("/inputs"),
};

static VSCODE_SETTINGS: Layout = Layout {
    servers: &["/mcp/servers"],
    listed: false,
    fields: MCP_FIELDS,
    settings_env: None,
    inputs: Some("/mcp/inputs"),
};

static WINDSURF: Layout = Layout {
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

static GEMINI: Layout = Layout {
    fields: &[
        ("command", Field::Command),
        ("args", Field::Args),
        ("env", Field::Env),
        ("url", Field::Url),
        ("httpUrl", Field::Url),
        ("tcp", Field::Url),
        ("headers", Field::Headers),
    ],
    ..servers_at(&["/mcpServers"])
};

static CODEX: Layout = Layout {
    fields: &[
        ("command", Field::Command),
        ("args", Field::Args),
        ("env", Field::Env),
        ("url", Field::Url),
        ("http_headers", Field::Headers),
        // Rejected by Codex, but a token written there is still a leak.
        ("bearer_token", Field::Headers),
        ("headers", Field::Headers),
    ],
    ..servers_at(&["/mcp_servers"])
};

static ZED: Layout = Layout {
    fields: &[
        ("command", Field::Command),
        ("command/path", Field::Command),
        ("command/args", Field::Args),
        ("command/env", Field::Env),
        ("args", Field::Args),
        ("env", Field::Env),
        ("url", Field::Url),
        ("headers", Field::Headers),
    ],
    ..servers_at(&["/context_servers"])
};

static CLINE: Layout = Layout {
    fields: &[
        ("command", Field::Command),
        ("args", Field::Args),
        ("env", Field::Env),
        ("url", Field::Url),
        ("headers", Field::Headers),
        ("transport/command", Field::Command),
        ("transport/args", Field::Args),
        ("transport/env", Field::Env),
        ("transport/url", Field::Url),
        ("transport/headers", Field::Headers),
    ],
    ..servers_at(&["/mcpServers"])
};

static OPENCODE: Layout = Layout {
    fields: &[
        // `command` is an array: program, then arguments.
        ("command", Field::Command),
        ("environment", Field::Env),
        ("env", Field::Env),
        ("url", Field::Url),
        ("headers", Field::Headers),
    ],
    ..servers_at(&["/mcp"])
};

static CONTINUE_YAML: Layout = Layout {
    servers: &["/mcpServers"],
    listed: true,
    fields: &[
        ("command", Field::Command),
        ("args", Field::Args),
        ("env", Field::Env),
        ("url", Field::Url),
        ("requestOptions/headers", Field::Headers),
    ],
    settings_env: None,
    inputs: None,
};

static GOOSE: Layout = Layout {
    fields: &[
        ("cmd", Field::Command),
        ("args", Field::Args),
        ("envs", Field::Env),
        ("uri", Field::Url),
        ("headers", Field::Headers),
    ],
    ..servers_at(&["/extensions"])
};

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

/// Every recognised format. The first whose path matches wins, so longer,
/// more specific paths come before generic ones.
pub static FORMATS: &[Format] = &[
    Format {
        id: "claude-code",
        client: &clients::CLAUDE_CODE,
        paths: &[
            ".mcp.json",
            "managed-mcp.json",
            ".claude-plugin/plugin.json",
        ],
        language: Language::Json,
        layout: &MCP_SERVERS,
        describes: "Claude Code MCP servers",
        shared: true,
    },
    Format {
        id: "claude-code-settings",
        client: &clients::CLAUDE_CODE,
        paths: &[
            ".claude/settings.json",
            ".claude/settings.local.json",
            "managed-settings.json",
        ],
        language: Language::Json,
        layout: &CLAUDE_SETTINGS,
        describes: "Claude Code settings",
        shared: true,
    },
    Format {
        id: "claude-code-user",
        client: &clients::CLAUDE_CODE,
        paths: &[".claude.json"],
        language: Language::Json,
        layout: &CLAUDE_USER,
        describes: "Claude Code user and local MCP servers (~/.claude.json)",
        shared: false,
    },
    Format {
        id: "claude-desktop",
        client: &clients::CLAUDE_DESKTOP,
        paths: &["claude_desktop_config.json"],
        language: Language::Json,
        layout: &MCP_SERVERS,
        describes: "Claude Desktop config",
        shared: false,
    },
    Format {
        id: "cursor",
        client: &clients::CURSOR,
        paths: &[".cursor/mcp.json"],
        language: Language::Json,
        layout: &MCP_SERVERS,
        describes: "Cursor MCP servers",
        shared: true,
    },
    Format {
        id: "vscode",
        client: &clients::VSCODE,
        paths: &[
            ".vscode/mcp.json",
            "Code/User/mcp.json",
            "Code - Insiders/User/mcp.json",
        ],
        language: Language::Jsonc,
        layout: &VSCODE,
        describes: "VS Code MCP servers",
        shared: true,
    },
    Format {
        id: "vscode-settings",
        client: &clients::VSCODE,
        paths: &[".vscode/settings.json"],
        language: Language::Jsonc,
        layout: &VSCODE_SETTINGS,
        describes: "VS Code settings (legacy `mcp` block)",
        shared: true,
    },
    Format {
        id: "copilot-cli",
        client: &clients::COPILOT_CLI,
        paths: &[".copilot/mcp-config.json"],
        language: Language::Json,
        layout: &MCP_SERVERS,
        describes: "GitHub Copilot CLI MCP servers",
        shared: false,
    },
    Format {
        id: "windsurf",
        client: &clients::WINDSURF,
        paths: &[
            "windsurf/mcp_config.json",
            ".windsurf/mcp_config.json",
            ".codeium/mcp_config.json",
        ],
        language: Language::Json,
        layout: &WINDSURF,
        describes: "Windsurf MCP servers",
        shared: false,
    },
    Format {
        id: "gemini-cli",
        client: &clients::GEMINI_CLI,
        paths: &[
            ".gemini/settings.json",
            "gemini-extension.json",
            "gemini-cli/settings.json",
            "gemini-cli/system-defaults.json",
        ],
        language: Language::Jsonc,
        layout: &GEMINI,
        describes: "Gemini CLI settings",
        shared: true,
    },
    Format {
        id: "codex",
        client: &clients::CODEX,
        paths: &[".codex/config.toml", "codex/config.toml"],
        language: Language::Toml,
        layout: &CODEX,
        describes: "Codex config",
        shared: true,
    },
    Format {
        id: "zed",
        client: &clients::ZED,
        paths: &[".zed/settings.json", "zed/settings.json"],
        language: Language::Jsonc,
        layout: &ZED,
        describes: "Zed settings",
        shared: true,
    },
    Format {
        id: "cline",
        client: &clients::CLINE,
        paths: &["cline_mcp_settings.json"],
        language: Language::Json,
        layout: &CLINE,
        describes: "Cline MCP settings",
        shared: false,
    },
    Format {
        id: "roo-code",
        client: &clients::ROO_CODE,
        paths: &[".roo/mcp.json", "mcp_settings.json"],
        language: Language::Json,
        layout: &MCP_SERVERS,
        describes: "Roo Code MCP servers",
        shared: true,
    },
    Format {
        id: "amazon-q",
        client: &clients::AMAZON_Q,
        paths: &[".amazonq/mcp.json", "amazonq/mcp.json"],
        language: Language::Json,
        layout: &MCP_SERVERS,
        describes: "Amazon Q Developer MCP servers",
        shared: true,
    },
    Format {
        id: "opencode",
        client: &clients::OPENCODE,
        paths: &["opencode.json", "opencode.jsonc"],
        language: Language::Jsonc,
        layout: &OPENCODE,
        describes: "OpenCode config",
        shared: true,
    },
    Format {
        id: "continue",
        client: &clients::CONTINUE,
        paths: &[
            ".continue/mcpServers/*.yaml",
            ".continue/mcpServers/*.yml",
            ".continue/config.yaml",
        ],
        language: Language::Yaml,
        layout: &CONTINUE_YAML,
        describes: "Continue MCP block",
        shared: true,
    },
    Format {
        id: "continue-json",
        client: &clients::CONTINUE_JSON,
        paths: &[".continue/mcpServers/*.json"],
        language: Language::Json,
        layout: &MCP_SERVERS,
        describes: "Continue imported JSON MCP servers",
        shared: true,
    },
    Format {
        id: "goose",
        client: &clients::GOOSE,
        paths: &["goose/config.yaml", "goose/config/config.yaml"],
        language: Language::Yaml,
        layout: &GOOSE,
        describes: "Goose config",
        shared: false,
    },
];

/// Does `path` end with the components of `pattern`?
fn path_matches(path: &Path, pattern: &str) -> bool {
    let mut components = path.components().rev().map(|c| c.as_os_str().to_str());
    for want in pattern.rsplit('/') {
        match components.next() {
            Some(Some(have)) if component_matches(have, want) => {}
            _ => return false,
        }
    }
    true
}

/// One path component against one with at most one `*`.
fn component_matches(have: &str, want: &str) -> bool {
    match want.split_once('*') {
        None => have == want,
        Some((prefix, suffix)) => {
            have.len() >= prefix.len() + suffix.len()
                && have.starts_with(prefix)
                && have.ends_with(suffix)
        }
    }
}

/// The last components of every path pattern: a file whose name matches
/// none of them (nearly every file of a tree) is rejected without looking
/// at its directories.
fn could_name_a_config(name: &str) -> bool {
    static LAST: std::sync::OnceLock<(std::collections::HashSet<&'static str>, Vec<&'static str>)> =
        std::sync::OnceLock::new();
    let (exact, wild) = LAST.get_or_init(|| {
        let last = FORMATS
            .iter()
            .flat_map(|f| f.paths.iter())
            .map(|p| p.rsplit('/').next().unwrap_or(p));
        let (wild, exact): (Vec<&str>, Vec<&str>) = last.partition(|c| c.contains('*'));
        (exact.into_iter().collect(), wild)
    });
    exact.contains(name) || wild.iter().any(|w| component_matches(name, w))
}

/// The format a path is written in, if it is an MCP config.
pub fn for_path(path: &Path) -> Option<&'static Format> {
    let name = path.file_name()?.to_str()?;
    if !could_name_a_config(name) {
        return None;
    }
    FORMATS
        .iter()
        .find(|f| f.paths.iter().any(|p| path_matches(path, p)))
}

/// A format by its id or its client's id (`--client`).
pub fn by_name(name: &str) -> Option<&'static Format> {
    FORMATS
        .iter()
        .find(|f| f.id == name)
        .or_else(|| FORMATS.iter().find(|f| f.client.id == name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_choose_formats() {
        let id = |p: &str| for_path(Path::new(p)).map(|f| f.id);
        assert_eq!(id("a/b/.mcp.json"), Some("claude-code"));
        assert_eq!(id(".claude/settings.json"), Some("claude-code-settings"));
        assert_eq!(
            id("x/.claude/settings.local.json"),
            Some("claude-code-settings")
        );
        assert_eq!(id("p/.claude-plugin/plugin.json"), Some("claude-code"));
        assert_eq!(id(".cursor/mcp.json"), Some("cursor"));
        assert_eq!(id(".vscode/mcp.json"), Some("vscode"));
        assert_eq!(id(".vscode/settings.json"), Some("vscode-settings"));
        assert_eq!(
            id("home/.codeium/windsurf/mcp_config.json"),
            Some("windsurf")
        );
        assert_eq!(id(".gemini/settings.json"), Some("gemini-cli"));
        assert_eq!(id(".codex/config.toml"), Some("codex"));
        assert_eq!(id(".zed/settings.json"), Some("zed"));
        assert_eq!(id(".continue/mcpServers/github.yaml"), Some("continue"));
        assert_eq!(
            id(".continue/mcpServers/imported.json"),
            Some("continue-json")
        );
        assert_eq!(id("home/.config/goose/config.yaml"), Some("goose"));
        assert_eq!(id("settings.json"), None);
        assert_eq!(id("src/schemas/mcp.json"), None);
        assert_eq!(id("mcp.json"), None);
        assert_eq!(id("config.yaml"), None);
    }

    #[test]
    fn client_names_select_formats() {
        assert_eq!(by_name("cursor").map(|f| f.id), Some("cursor"));
        assert_eq!(by_name("claude-code").map(|f| f.id), Some("claude-code"));
        assert_eq!(
            by_name("vscode-settings").map(|f| f.id),
            Some("vscode-settings")
        );
        assert!(by_name("emacs").is_none());
    }
}
