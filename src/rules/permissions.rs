//! Shared reading of Claude Code settings files for the permission rules.

use crate::model::McpFile;
use crate::syntax::parse::{pointer, Node};

/// Is this a Claude Code settings file?
pub fn is_settings(file: &McpFile) -> bool {
    crate::clients::claude_code::is_settings(file.format)
}

/// Committed to the repository (`.claude/settings.json`), not personal
/// (`settings.local.json`) or managed.
pub fn is_shared_settings(file: &McpFile) -> bool {
    is_settings(file)
        && file
            .source
            .path
            .file_name()
            .is_some_and(|n| n == "settings.json")
}

/// The rules of `permissions.<list>` with their nodes and pointers.
pub fn rules<'t>(file: &McpFile<'t>, list: &str) -> Vec<(&'t str, &'t Node<'t>, String)> {
    let at = format!("/permissions/{list}");
    file.root
        .at_pointer(&at)
        .map(Node::elements)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter_map(|(i, n)| {
            n.as_str()
                .map(|s| (s, n, pointer::push(&at, &i.to_string())))
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
