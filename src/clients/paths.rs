//! Which format a path names: the path patterns of every client's formats,
//! matched from the end of the path.

use std::path::Path;

use super::{formats, Format};

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
        let last = formats()
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
    formats()
        .iter()
        .copied()
        .find(|f| f.paths.iter().any(|p| path_matches(path, p)))
}

/// A format by its id or its client's id (`--client`).
pub fn by_name(name: &str) -> Option<&'static Format> {
    let all = formats().iter().copied();
    all.clone()
        .find(|f| f.id == name)
        .or_else(|| all.clone().find(|f| f.client.id == name))
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
