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

use crate::formats::Format;
use crate::parse::{pointer, Node, Value};
use crate::source::Span;

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
    if format.id != "claude-code-user" {
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

fn validate_as(id: &str, instance: Json, root: &Node) -> Vec<Violation> {
    let Some(compiled) = compiled(id) else {
        return Vec::new();
    };
    let mut out: Vec<Violation> = compiled
        .validator
        .iter_errors(&instance)
        .take(MOST_PER_FILE + 1)
        .map(|e| {
            let at = e.instance_path().as_str().to_string();
            let help = description(&compiled.schema, e.schema_path().as_str());
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
    }
    out
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
