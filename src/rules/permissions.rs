//! Shared reading of Claude Code settings files for the permission rules.

use crate::model::McpFile;
use crate::parse::{pointer, Node};

/// Is this a Claude Code settings file?
pub fn is_settings(file: &McpFile) -> bool {
    file.format.id == "claude-code-settings"
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
