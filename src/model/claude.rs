//! Claude Code's shapes: `mcpServers` maps (`.mcp.json`, `~/.claude.json`
//! and its `projects.*`) and settings files' `env` blocks.

use super::{McpFile, Server, Site};
use crate::formats::Field;
use crate::parse::{pointer, Node, Value};

/// Servers under `<base>/mcpServers`.
pub(super) fn servers_at<'t>(file: &mut McpFile<'t>, parent: &'t Node<'t>, base: &str) {
    let Some(map) = parent.get("mcpServers") else {
        return;
    };
    let map_pointer = pointer::push(base, "mcpServers");
    for member in map.members() {
        let node = &member.value;
        let server_pointer = pointer::push(&map_pointer, &member.key);
        let index = file.servers.len();
        file.servers.push(Server {
            name: &member.key,
            name_span: member.key_span,
            pointer: server_pointer.clone(),
            node,
            command: node.get("command").and_then(Node::as_str),
            args: node
                .get("args")
                .map(|a| a.elements().iter().map(Node::as_str).collect())
                .unwrap_or_default(),
        });
        collect(file, index, node, &server_pointer, None, None);
    }
}

/// Every string inside a server entry, each tagged with its field.
fn collect<'t>(
    file: &mut McpFile<'t>,
    server: usize,
    node: &'t Node<'t>,
    at: &str,
    field: Option<Field>,
    name: Option<&'t str>,
) {
    match &node.value {
        Value::Str(_) => file.sites.push(Site {
            server: Some(server),
            field: field.unwrap_or(Field::Other),
            name,
            index: None,
            pointer: at.to_string(),
            node,
        }),
        Value::Object(members) => {
            for m in members {
                let child_field = match (field, m.key.as_ref()) {
                    (None, "command") => Some(Field::Command),
                    (None, "args") => Some(Field::Args),
                    (None, "env") => Some(Field::Env),
                    (None, "url") => Some(Field::Url),
                    (None, "headers") => Some(Field::Headers),
                    (f, _) => f,
                };
                let child_at = pointer::push(at, &m.key);
                collect(file, server, &m.value, &child_at, child_field, Some(&m.key));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let start = file.sites.len();
                collect(
                    file,
                    server,
                    item,
                    &pointer::push(at, &i.to_string()),
                    field,
                    name,
                );
                if field == Some(Field::Args) {
                    for site in &mut file.sites[start..] {
                        site.index = Some(i);
                    }
                }
            }
        }
        _ => {}
    }
}

/// `~/.claude.json`: user servers at the top, local servers per project.
pub(super) fn user_config(file: &mut McpFile<'_>) {
    let root = file.root;
    servers_at(file, root, "");
    if let Some(projects) = root.get("projects") {
        for project in projects.members() {
            let base = pointer::push("/projects", &project.key);
            servers_at(file, &project.value, &base);
        }
    }
}

/// Settings files: the `env` block is set in every session's environment.
pub(super) fn settings(file: &mut McpFile<'_>) {
    let root = file.root;
    let Some(env) = root.get("env") else {
        return;
    };
    for m in env.members() {
        if m.value.as_str().is_some() {
            file.sites.push(Site {
                server: None,
                field: Field::SettingsEnv,
                name: Some(&m.key),
                index: None,
                pointer: pointer::push("/env", &m.key),
                node: &m.value,
            });
        }
    }
}
