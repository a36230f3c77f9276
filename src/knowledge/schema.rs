//! Schema validation: one JSON Schema per format under `rules/schemas/`,
//! embedded at build time and compiled on first use, without any network
//! or file resolver (a linter of untrusted repositories must never fetch
//! what a file points at). Each violation becomes a finding on the
//! offending value, with a message written for people rather than the
//! validator's raw text, and the schema's own description as help.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::Validator;
use serde_json::{Map, Value as Json};

use crate::clients::Format;
use crate::syntax::parse::{pointer, Node, Value};
use crate::syntax::source::Span;

/// `(format id, schema JSON)` for every embedded schema.
pub static SCHEMAS: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/schema_files.rs"));

/// One violation, located in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub pointer: String,
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
}

struct Compiled {
    validator: Validator,
    schema: Json,
}

fn compiled(id: &str) -> Option<&'static Compiled> {
    static CACHE: OnceLock<Mutex<HashMap<&'static str, Option<&'static Compiled>>>> =
        OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    let (key, text) = SCHEMAS.iter().find(|(name, _)| *name == id)?;
    *cache.entry(key).or_insert_with(|| {
        let schema: Json = serde_json::from_str(text).ok()?;
        let validator = jsonschema::options().build(&schema).ok()?;
        // Compiled once per process and kept for its lifetime.
        Some(&*Box::leak(Box::new(Compiled { validator, schema })))
    })
}

/// Does every embedded schema compile? (For tests and `mcplint rules check`.)
pub fn check_all() -> Result<usize, String> {
    for (id, text) in SCHEMAS {
        let schema: Json = serde_json::from_str(text).map_err(|e| format!("{id}: {e}"))?;
        jsonschema::options()
            .build(&schema)
            .map_err(|e| format!("{id}: {e}"))?;
    }
    Ok(SCHEMAS.len())
}

/// The parts of a document its schema looks at, as JSON. For the huge
/// `~/.claude.json` only the server maps are converted.
fn instance(format: &Format, root: &Node) -> Json {
    if format.id != crate::clients::claude_code::USER.id {
        return to_json(root);
    }
    let mut top = Map::new();
    if let Some(servers) = root.get("mcpServers") {
        top.insert("mcpServers".into(), to_json(servers));
    }
    if let Some(projects) = root.get("projects") {
        let mut out = Map::new();
        for p in projects.members() {
            if !p.value.is_object() {
                out.insert(p.key.to_string(), to_json(&p.value));
                continue;
            }
            let mut project = Map::new();
            if let Some(servers) = p.value.get("mcpServers") {
                project.insert("mcpServers".into(), to_json(servers));
            }
            out.insert(p.key.to_string(), Json::Object(project));
        }
        top.insert("projects".into(), Json::Object(out));
    }
    Json::Object(top)
}

/// A parsed document as JSON (numbers kept as written when they fit).
pub fn to_json(node: &Node) -> Json {
    match &node.value {
        Value::Object(members) => Json::Object(
            members
                .iter()
                .map(|m| (m.key.to_string(), to_json(&m.value)))
                .collect(),
        ),
        Value::Array(items) => Json::Array(items.iter().map(to_json).collect()),
        Value::Str(s) => Json::String(s.to_string()),
        Value::Number(n) => n
            .parse::<serde_json::Number>()
            .map(Json::Number)
            .unwrap_or_else(|_| Json::String(n.to_string())),
        Value::Bool(b) => Json::Bool(*b),
        Value::Null => Json::Null,
    }
}

/// Every violation of the format's schema in `root`.
pub fn validate(format: &Format, root: &Node) -> Vec<Violation> {
    validate_as(format.id, instance(format, root), root)
}

/// Every violation of schema `id` (a file of `rules/schemas/`) in `root`.
pub fn validate_document(id: &str, root: &Node) -> Vec<Violation> {
    validate_as(id, to_json(root), root)
}

fn validate_as(id: &str, mut instance: Json, root: &Node) -> Vec<Violation> {
    let Some(compiled) = compiled(id) else {
        return Vec::new();
    };
    // The validator collects every violation before it returns the first,
    // so the search for them is bounded (the check of validity is not).
    if compiled.validator.is_valid(&instance) {
        return Vec::new();
    }
    let cut = cut_lists(&mut instance, &mut { MOST_VALUES_SEARCHED });
    let mut out: Vec<Violation> = compiled
        .validator
        .iter_errors(&instance)
        .take(MOST_PER_FILE + 1)
        .map(|e| {
            let at = e.instance_path().as_str().to_string();
            let mut help = description(&compiled.schema, e.schema_path().as_str());
            if let ValidationErrorKind::AdditionalProperties { .. } = e.kind() {
                // Where a key is wrong, say which keys belong there.
                if let Some(keys) = known_keys(&compiled.schema, e.schema_path().as_str()) {
                    help = Some(match help {
                        Some(d) => format!("the keys here are {keys}. {d}"),
                        None => format!("the keys here are {keys}"),
                    });
                }
            }
            locate(root, &at, e.kind(), &e.to_string(), help)
        })
        .collect();
    let more = (out.len() > MOST_PER_FILE).then(|| out.pop()).flatten();
    out.sort_by(|a, b| a.span.cmp(&b.span).then(a.message.cmp(&b.message)));
    out.dedup();
    if let Some(next) = more {
        out.push(Violation {
            message: format!(
                "more schema violations follow; only the first {MOST_PER_FILE} of a file are reported"
            ),
            help: Some("fix the ones above and run mcplint again".into()),
            ..next
        });
    } else if let Some(at) = cut {
        let span = root.at_pointer(&at).map_or(Span::default(), |n| n.span);
        out.push(Violation {
            pointer: at,
            span,
            message: format!(
                "this file does not match its schema and is too large to search in full: \
                 the search passed {MOST_VALUES_SEARCHED} values here, and from here on each \
                 list was searched only for its first element"
            ),
            help: Some("no MCP client needs lists this long; check how the file was made".into()),
        });
    }
    out
}

/// Values searched for violations in a document known to be invalid.
/// Every violation costs the validator ~300 bytes before any is returned,
/// so a list of 5·10^6 wrong elements would take gigabytes for the
/// [`MOST_PER_FILE`] that are reported. Past this many values each list
/// keeps only its first element for the search; the embedded schemas use
/// no keyword that looks at a whole list except `minItems: 1` (a test in
/// tests/schemas.rs holds them to that), so the cut finds no false
/// violations.
pub const MOST_VALUES_SEARCHED: usize = 100_000;

/// Shorten the lists of `json` once `budget` values have been passed; the
/// pointer of the first list that was shortened, if any.
fn cut_lists(json: &mut Json, budget: &mut usize) -> Option<String> {
    let mut first = None;
    match json {
        Json::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                if *budget == 0 && i > 0 {
                    first = first.or(Some(format!("/{i}")));
                    items.truncate(i);
                    break;
                }
                *budget = budget.saturating_sub(1);
                if let Some(inner) = cut_lists(item, budget) {
                    first = first.or(Some(format!("/{i}{inner}")));
                }
            }
        }
        Json::Object(members) => {
            for (key, value) in members.iter_mut() {
                *budget = budget.saturating_sub(1);
                if let Some(inner) = cut_lists(value, budget) {
                    first = first.or_else(|| Some(pointer::push("", key) + &inner));
                }
            }
        }
        _ => {}
    }
    first
}

/// Violations reported per file: a generated file with 10^6 wrong
/// elements gets a readable report, not 10^6 findings.
pub const MOST_PER_FILE: usize = 100;

/// The `description` of the schema object that holds the failing keyword.
fn description(schema: &Json, schema_path: &str) -> Option<String> {
    let tokens = pointer::tokens(schema_path)?;
    // Walk down as far as the path resolves, remembering the last description.
    let mut node = schema;
    let mut found = node.get("description").and_then(Json::as_str);
    for token in tokens.iter().take(tokens.len().saturating_sub(1)) {
        node = match node {
            Json::Object(map) => match map.get(token.as_str()) {
                Some(n) => n,
                None => break,
            },
            Json::Array(items) => match token.parse::<usize>().ok().and_then(|i| items.get(i)) {
                Some(n) => n,
                None => break,
            },
            _ => break,
        };
        if let Some(d) = node.get("description").and_then(Json::as_str) {
            found = Some(d);
        }
    }
    found.map(str::to_string)
}

/// The keys the schema names beside an `additionalProperties` that
/// refused one (`command`, `args`, `env`, …), following local `$ref`s.
fn known_keys(schema: &Json, schema_path: &str) -> Option<String> {
    let tokens = pointer::tokens(schema_path)?;
    let (last, parent) = tokens.split_last()?;
    if last != "additionalProperties" {
        return None;
    }
    let mut node = schema;
    for token in parent {
        node = match node {
            Json::Object(map) => map.get(token.as_str())?,
            Json::Array(items) => items.get(token.parse::<usize>().ok()?)?,
            _ => return None,
        };
        // A `$ref` step lands on the string; the walk goes on at its target.
        if let Json::String(target) = node {
            node = schema.pointer(target.strip_prefix('#')?)?;
        }
    }
    let keys: Vec<&String> = node.get("properties")?.as_object()?.keys().collect();
    if keys.is_empty() || keys.len() > 24 {
        return None;
    }
    Some(
        keys.iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// The key a pointer ends with, and its span (for "this key is wrong").
fn key_span(root: &Node, at: &str) -> Option<(String, Span)> {
    let tokens = pointer::tokens(at)?;
    let (last, parent) = tokens.split_last()?;
    let mut node = root;
    for t in parent {
        node = match &node.value {
            Value::Object(_) => node.get(t)?,
            Value::Array(items) => items.get(pointer::index(t)?)?,
            _ => return None,
        };
    }
    let member = node.members().iter().rev().find(|m| m.key == *last)?;
    Some((last.clone(), member.key_span))
}

fn type_name(kind: &TypeKind) -> String {
    match kind {
        TypeKind::Single(t) => format!("{t}"),
        TypeKind::Multiple(set) => format!("{set:?}").to_lowercase(),
    }
}

fn locate(
    root: &Node,
    at: &str,
    kind: &ValidationErrorKind,
    raw: &str,
    help: Option<String>,
) -> Violation {
    let node = root.at_pointer(at);
    let node_span = node.map_or(Span::default(), |n| n.span);
    let named = key_span(root, at);
    let what = match &named {
        Some((key, _)) => format!("`{key}`"),
        None => "the file".to_string(),
    };
    let (span, pointer, message) = match kind {
        ValidationErrorKind::AdditionalProperties { unexpected }
        | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
            let key = unexpected.first().cloned().unwrap_or_default();
            let child = pointer::push(at, &key);
            let span = key_span(root, &child).map_or(node_span, |(_, s)| s);
            let message = if unexpected.len() > 1 {
                format!("unknown keys {} in {what}", quoted(unexpected))
            } else {
                format!("unknown key `{key}` in {what}")
            };
            (span, child, message)
        }
        ValidationErrorKind::Required { property } => {
            let property = property.as_str().unwrap_or_default();
            let span = named.as_ref().map_or(node_span, |(_, s)| *s);
            (span, at.to_string(), format!("{what} has no `{property}`"))
        }
        ValidationErrorKind::Type { kind } => (
            node_span,
            at.to_string(),
            format!(
                "{what} must be {}, not {}",
                article(&type_name(kind)),
                article(node.map_or("nothing", Node::kind_name))
            ),
        ),
        ValidationErrorKind::Enum { options } => (
            node_span,
            at.to_string(),
            format!("{what} must be one of {}", options_text(options)),
        ),
        ValidationErrorKind::Constant { expected_value } => (
            node_span,
            at.to_string(),
            format!("{what} must be {expected_value}"),
        ),
        ValidationErrorKind::FalseSchema | ValidationErrorKind::Not { .. } => (
            named.as_ref().map_or(node_span, |(_, s)| *s),
            at.to_string(),
            format!("{what} is not allowed here"),
        ),
        _ => (node_span, at.to_string(), format!("{what}: {raw}")),
    };
    Violation {
        pointer,
        span,
        message,
        help,
    }
}

fn quoted(keys: &[String]) -> String {
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn options_text(options: &Json) -> String {
    match options {
        Json::Array(items) => items
            .iter()
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

fn article(noun: &str) -> String {
    match noun.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => format!("an {noun}"),
        _ => format!("a {noun}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lists_are_cut_after_the_budget_and_the_first_cut_is_named() {
        let mut doc = json!({"a": [1, 2, 3], "b": [[4, 5, 6], 7, 8], "c": [9, 10]});
        // "a" + 3 values + "b" = 5; then [4,5,6] is the 6th and cut inside.
        let first = cut_lists(&mut doc, &mut 6);
        assert_eq!(first.as_deref(), Some("/b/0/1"));
        assert_eq!(doc, json!({"a": [1, 2, 3], "b": [[4]], "c": [9]}));
    }

    #[test]
    fn nothing_is_cut_within_the_budget() {
        let mut doc = json!({"a/b": [1, 2], "c": {"d": [3]}});
        let before = doc.clone();
        assert_eq!(cut_lists(&mut doc, &mut 7), None);
        assert_eq!(doc, before);
        assert_eq!(cut_lists(&mut doc, &mut 1).as_deref(), Some("/a~1b/1"));
    }
}
