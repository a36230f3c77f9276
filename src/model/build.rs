//! Build the model of any format from its layout in the format table:
//! find the server collections, then tag every string inside each server
//! with the field its key path names.

use super::{Input, McpFile, Server, Site};
use crate::clients::{Field, Layout};
use crate::syntax::parse::{pointer, Node, Value};

pub(super) fn build(file: &mut McpFile<'_>) {
    let layout = file.format.layout;
    let root = file.root;
    for pattern in layout.servers {
        for (at, collection) in resolve(root, pattern) {
            if layout.listed {
                for (i, entry) in collection.elements().iter().enumerate() {
                    let name_node = entry.get("name");
                    let name = name_node.and_then(Node::as_str).unwrap_or("(unnamed)");
                    let name_span = name_node.map_or(entry.span, |n| n.span);
                    add_server(
                        file,
                        layout,
                        name,
                        name_span,
                        entry,
                        pointer::push(&at, &i.to_string()),
                    );
                }
            } else {
                for member in collection.members() {
                    let at = pointer::push(&at, &member.key);
                    add_server(
                        file,
                        layout,
                        &member.key,
                        member.key_span,
                        &member.value,
                        at,
                    );
                }
            }
        }
    }
    if let Some(inputs_at) = layout.inputs {
        for (i, entry) in root
            .at_pointer(inputs_at)
            .map(Node::elements)
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let Some(id) = entry.get("id").and_then(Node::as_str) else {
                continue;
            };
            file.inputs.push(Input {
                id,
                node: entry,
                pointer: pointer::push(inputs_at, &i.to_string()),
                kind: entry.get("type").and_then(Node::as_str),
                description: entry.get("description").and_then(Node::as_str),
                password: matches!(
                    entry.get("password").map(|p| &p.value),
                    Some(Value::Bool(true))
                ),
            });
        }
    }
    if let Some(env_at) = layout.settings_env {
        if let Some(env) = root.at_pointer(env_at) {
            for m in env.members() {
                if m.value.as_str().is_some() {
                    file.sites.push(Site {
                        server: None,
                        field: Field::SettingsEnv,
                        name: Some(&m.key),
                        index: None,
                        pointer: pointer::push(env_at, &m.key),
                        node: &m.value,
                    });
                }
            }
        }
    }
}

/// Every node a pointer pattern names (`*` segments match any key),
/// with its concrete pointer.
fn resolve<'t>(root: &'t Node<'t>, pattern: &str) -> Vec<(String, &'t Node<'t>)> {
    let mut found = vec![(String::new(), root)];
    for token in pattern.split('/').skip(1) {
        let mut next = Vec::new();
        for (at, node) in found {
            if token == "*" {
                for m in node.members() {
                    next.push((pointer::push(&at, &m.key), &m.value));
                }
            } else if let Some(child) = node.get(token) {
                next.push((pointer::push(&at, token), child));
            }
        }
        found = next;
    }
    found
}

fn field_of(layout: &Layout, path: &str) -> Option<Field> {
    layout
        .fields
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, f)| *f)
}

fn add_server<'t>(
    file: &mut McpFile<'t>,
    layout: &Layout,
    name: &'t str,
    name_span: crate::syntax::source::Span,
    node: &'t Node<'t>,
    at: String,
) {
    let lookup = |field: Field| {
        layout
            .fields
            .iter()
            .filter(|(_, f)| *f == field)
            .find_map(|(path, _)| node.at_pointer(&format!("/{path}")))
    };
    // OpenCode writes the program and its arguments as one array.
    let (command, args) = match lookup(Field::Command) {
        Some(Node {
            value: Value::Array(items),
            ..
        }) => (
            items.first().and_then(Node::as_str),
            items.iter().skip(1).map(Node::as_str).collect(),
        ),
        command => (
            command.and_then(Node::as_str),
            lookup(Field::Args)
                .map(|a| a.elements().iter().map(Node::as_str).collect())
                .unwrap_or_default(),
        ),
    };
    let index = file.servers.len();
    file.servers.push(Server::new(
        name,
        name_span,
        at.clone(),
        node,
        command,
        args,
    ));
    collect(file, layout, index, node, &at, "", None, None);
}

/// Every string inside a server entry, each tagged with its field.
#[allow(clippy::too_many_arguments)]
fn collect<'t>(
    file: &mut McpFile<'t>,
    layout: &Layout,
    server: usize,
    node: &'t Node<'t>,
    at: &str,
    path: &str,
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
                let child_path = if path.is_empty() {
                    m.key.to_string()
                } else {
                    format!("{path}/{}", m.key)
                };
                let child_field = field_of(layout, &child_path).or(field);
                let child_at = pointer::push(at, &m.key);
                collect(
                    file,
                    layout,
                    server,
                    &m.value,
                    &child_at,
                    &child_path,
                    child_field,
                    Some(&m.key),
                );
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                // In a command array, the first element is the program.
                let (item_field, arg_index) = match field {
                    Some(Field::Command) if i > 0 => (Some(Field::Args), Some(i - 1)),
                    Some(Field::Command) => (field, None),
                    Some(Field::Args) => (field, Some(i)),
                    _ => (field, None),
                };
                let start = file.sites.len();
                let item_at = pointer::push(at, &i.to_string());
                collect(file, layout, server, item, &item_at, path, item_field, name);
                for site in &mut file.sites[start..] {
                    if site.index.is_none() {
                        site.index = arg_index;
                    }
                }
            }
        }
        _ => {}
    }
}
