//! The one table of client config formats: which paths a client reads,
//! in which JSON flavour, with which shape, and which reference syntax it
//! expands in which fields. Discovery, parsing and the expansion rule all
//! read this table; adding a client means adding rows here.

use std::path::Path;

use crate::parse::json::Flavor;
use crate::reference::Syntax;

/// The fields of a server entry, as the expansion dialect names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Command,
    Args,
    Env,
    Url,
    Headers,
    /// Any other string inside a server entry (`oauth.clientId`, …).
    Other,
    /// The `env` block of a settings file (not a server's).
    SettingsEnv,
}

/// How a client expands references in its config.
#[derive(Debug)]
pub struct Dialect {
    /// Syntaxes the client replaces with a value.
    pub expands: &'static [Syntax],
    /// Fields where it does so; elsewhere every string is literal.
    pub fields: &'static [Field],
    /// The spelling to suggest for a variable, `NAME` standing for its name.
    pub suggest: &'static str,
}

#[derive(Debug)]
pub struct Client {
    /// Stable id used in JSON output and `--client` (kebab-case).
    pub id: &'static str,
    pub name: &'static str,
    pub dialect: Dialect,
}

/// Which part of a file holds what.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `{ "mcpServers": { name: server } }`.
    McpServers,
    /// `~/.claude.json`: top-level `mcpServers` plus `projects.*.mcpServers`.
    ClaudeUserConfig,
    /// `.claude/settings*.json`: an `env` block and permission settings.
    ClaudeSettings,
}

/// How a path is recognised.
#[derive(Clone, Copy, Debug)]
pub enum PathPattern {
    /// A file of this name in any directory.
    FileName(&'static str),
    /// A file of this name directly inside a directory of that name.
    InDir {
        dir: &'static str,
        file: &'static str,
    },
}

impl PathPattern {
    pub fn matches(&self, path: &Path) -> bool {
        let name = path.file_name().and_then(|n| n.to_str());
        match *self {
            PathPattern::FileName(f) => name == Some(f),
            PathPattern::InDir { dir, file } => {
                name == Some(file)
                    && path
                        .parent()
                        .and_then(Path::file_name)
                        .and_then(|n| n.to_str())
                        == Some(dir)
            }
        }
    }
}

#[derive(Debug)]
pub struct Format {
    pub client: &'static Client,
    pub pattern: PathPattern,
    pub shape: Shape,
    pub flavor: Flavor,
    /// What the file is, for `mcplint formats` and messages.
    pub describes: &'static str,
    /// Usually committed to the repository (secrets there are published).
    pub shared: bool,
}

pub static CLAUDE_CODE: Client = Client {
    id: "claude-code",
    name: "Claude Code",
    dialect: Dialect {
        expands: &[Syntax::Braced, Syntax::BracedDefault],
        fields: &[
            Field::Command,
            Field::Args,
            Field::Env,
            Field::Url,
            Field::Headers,
        ],
        suggest: "${NAME}",
    },
};

/// Every recognised format. Order matters only for ties: the first match wins.
pub static FORMATS: &[Format] = &[
    Format {
        client: &CLAUDE_CODE,
        pattern: PathPattern::FileName(".mcp.json"),
        shape: Shape::McpServers,
        flavor: Flavor::Strict,
        describes: "Claude Code project MCP servers",
        shared: true,
    },
    Format {
        client: &CLAUDE_CODE,
        pattern: PathPattern::InDir {
            dir: ".claude",
            file: "settings.json",
        },
        shape: Shape::ClaudeSettings,
        flavor: Flavor::Strict,
        describes: "Claude Code shared project settings",
        shared: true,
    },
    Format {
        client: &CLAUDE_CODE,
        pattern: PathPattern::InDir {
            dir: ".claude",
            file: "settings.local.json",
        },
        shape: Shape::ClaudeSettings,
        flavor: Flavor::Strict,
        describes: "Claude Code personal project settings",
        shared: false,
    },
    Format {
        client: &CLAUDE_CODE,
        pattern: PathPattern::FileName(".claude.json"),
        shape: Shape::ClaudeUserConfig,
        flavor: Flavor::Strict,
        describes: "Claude Code user and local MCP servers (~/.claude.json)",
        shared: false,
    },
];

/// The format a path is written in, if it is an MCP config.
pub fn for_path(path: &Path) -> Option<&'static Format> {
    FORMATS.iter().find(|f| f.pattern.matches(path))
}

impl Dialect {
    /// How this client wants a reference to `var` written.
    pub fn reference_to(&self, var: &str) -> String {
        self.suggest.replace("NAME", var)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claude_code_paths() {
        let id = |p: &str| for_path(Path::new(p)).map(|f| f.describes);
        assert_eq!(id("a/b/.mcp.json"), Some("Claude Code project MCP servers"));
        assert_eq!(
            id(".claude/settings.json"),
            Some("Claude Code shared project settings")
        );
        assert_eq!(
            id("x/.claude/settings.local.json"),
            Some("Claude Code personal project settings")
        );
        assert_eq!(id("settings.json"), None);
        assert_eq!(id(".vscode/settings.json"), None);
        assert_eq!(id("mcp.json"), None);
    }
}
