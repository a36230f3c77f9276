//! A settings file's project: the `.mcp.json` beside its `.claude/`
//! directory, summarised per server, so permission rules can cross-check
//! what they approve with what the servers can do.

use std::path::Path;

use crate::engine;
use crate::formats;
use crate::model::McpFile;
use crate::parse::json::{self, Flavor};
use crate::servers::{self, Launch};
use crate::source::{display_path, LineIndex, SourceFile};

/// One server of the project's `.mcp.json`.
#[derive(Debug, Clone)]
pub struct ProjectServer {
    pub name: String,
    /// `path:line` of its entry, for messages.
    pub location: String,
    pub remote: bool,
    /// Why it is powerful, if it is: broad token, write scopes, unnarrowed.
    pub power: Vec<String>,
    /// Tool globs the profiles call destructive (when the server is not
    /// narrowed to read-only).
    pub destructive_tools: Vec<String>,
}

/// The servers of `<project>/.mcp.json` for a settings file at
/// `<project>/.claude/settings*.json`; empty when there is none.
pub fn servers_beside(settings: &Path) -> Vec<ProjectServer> {
    // Several permission rules ask about the same project: read it once.
    static CACHE: std::sync::OnceLock<
        std::sync::Mutex<std::collections::HashMap<std::path::PathBuf, Vec<ProjectServer>>>,
    > = std::sync::OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(found) = cache
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(settings)
    {
        return found.clone();
    }
    let found = read_servers_beside(settings);
    cache
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(settings.to_path_buf(), found.clone());
    found
}

fn read_servers_beside(settings: &Path) -> Vec<ProjectServer> {
    let Some(root) = settings.parent().and_then(Path::parent) else {
        return Vec::new();
    };
    let path = root.join(".mcp.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Vec::new();
    };
    let Some(format) = formats::for_path(&path) else {
        return Vec::new();
    };
    let cwd = std::env::current_dir().unwrap_or_default();
    let source = SourceFile {
        path: path.clone(),
        display: display_path(&path, &cwd),
        text,
    };
    let Ok(root_node) = json::parse(&source.text, 0, Flavor::Strict) else {
        return Vec::new();
    };
    let file = McpFile::build(&source, format, &root_node);
    let report = engine::lint_source(source.clone(), format);
    let index = LineIndex::new(&source.text);
    let profiles = servers::builtin();
    file.servers
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let launch = Launch::of(&file, i);
            let mut power: Vec<String> = report
                .findings
                .iter()
                .filter(|f| f.server.as_deref() == Some(s.name))
                .filter(|f| {
                    matches!(
                        f.rule.id,
                        "broad-credential" | "overbroad-scope" | "unnarrowed-server"
                    )
                })
                .map(|f| f.message.clone())
                .collect();
            power.dedup();
            let destructive_tools = servers::profiles_for(profiles, &launch)
                .into_iter()
                .filter(|p| !p.judge(&launch).narrowed || !p.judge(&launch).widened.is_empty())
                .flat_map(|p| p.destructive_tools.iter().cloned())
                .collect();
            let line = index
                .line_col(&source.text, s.name_span.start as usize)
                .line;
            ProjectServer {
                name: s.name.to_string(),
                location: format!("{}:{line}", source.display),
                remote: launch.url.is_some(),
                power,
                destructive_tools,
            }
        })
        .collect()
}

/// A Claude Code permission rule for MCP tools, parsed.
#[derive(Debug, PartialEq, Eq)]
pub enum McpRule<'a> {
    /// `mcp__*`, `*`: valid in deny/ask, approves nothing in allow.
    Everything,
    /// `mcp__server` or `mcp__server__*`.
    Server(&'a str),
    /// `mcp__server__tool` or `mcp__server__prefix*`.
    Tool(&'a str, &'a str),
    /// A glob in the server segment (`mcp__git*__x`): skipped in allow.
    GlobbedServer,
    NotMcp,
}

pub fn parse_rule(rule: &str) -> McpRule<'_> {
    let rule = rule.trim();
    if rule == "*" || rule == "mcp__*" {
        return McpRule::Everything;
    }
    let Some(rest) = rule.strip_prefix("mcp__") else {
        return McpRule::NotMcp;
    };
    let (server, tool) = match rest.split_once("__") {
        Some((s, t)) => (s, Some(t)),
        None => (rest, None),
    };
    if server.contains('*') {
        return McpRule::GlobbedServer;
    }
    match tool {
        None | Some("*") => McpRule::Server(server),
        Some(tool) => McpRule::Tool(server, tool),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permission_rules() {
        assert_eq!(parse_rule("mcp__*"), McpRule::Everything);
        assert_eq!(parse_rule("mcp__github"), McpRule::Server("github"));
        assert_eq!(parse_rule("mcp__github__*"), McpRule::Server("github"));
        assert_eq!(
            parse_rule("mcp__github__get_issue"),
            McpRule::Tool("github", "get_issue")
        );
        assert_eq!(parse_rule("mcp__git*__x"), McpRule::GlobbedServer);
        assert_eq!(parse_rule("Bash(npm test)"), McpRule::NotMcp);
    }
}
