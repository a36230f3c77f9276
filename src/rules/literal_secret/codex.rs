//! Codex TOML: the secret leaves the file and Codex is told which
//! variable to forward.

use crate::analysis::Candidate;
use crate::finding::{Applicability, Edit, Extraction, Fix};
use crate::model::Site;
use crate::parse::Value;
use crate::source::Span;

/// Codex expands nothing, but forwards variables it is told about: an
/// `env` entry becomes `env_vars = ["NAME"]`, an inline `bearer_token` (or
/// an `Authorization: Bearer` http header) becomes `bearer_token_env_var`.
pub(super) fn codex_fix(
    file: &crate::model::McpFile,
    site: &Site,
    c: &Candidate,
    var: &str,
) -> Option<Fix> {
    let text = file.source.text.as_str();
    let server = file.server_of(site)?;
    let tokens = crate::parse::pointer::tokens(&site.pointer)?;
    let server_depth = crate::parse::pointer::tokens(&server.pointer)?.len();
    let rest: Vec<&str> = tokens[server_depth..].iter().map(String::as_str).collect();
    // The `key = value` entry holding the secret, and its container.
    let (container, key) = match rest.as_slice() {
        [table, key] => (server.node.get(table)?, *key),
        [key] => (server.node, *key),
        _ => return None,
    };
    let member = container.members().iter().rev().find(|m| m.key == key)?;
    let whole_value = site.text().len() == c.range.len();
    let (name, addition) = match (rest.as_slice(), site.field) {
        (["env", _], _) if whole_value => (key.to_string(), ("env_vars", format!("\"{key}\""))),
        (["bearer_token"], _) if whole_value => (
            var.to_string(),
            ("bearer_token_env_var", format!("\"{var}\"")),
        ),
        (["http_headers", h], _)
            if h.eq_ignore_ascii_case("authorization") && site.text().starts_with("Bearer ") =>
        {
            (
                var.to_string(),
                ("bearer_token_env_var", format!("\"{var}\"")),
            )
        }
        _ => return None,
    };
    let mut edits = vec![remove_entry(text, container, member)?];
    edits.push(add_entry(text, server.node, addition.0, &addition.1)?);
    Some(Fix {
        title: format!(
            "forward {name} with `{} = …` instead of writing it in the file",
            addition.0
        ),
        applicability: Applicability::Safe,
        edits,
        extraction: Some(Extraction {
            var: name,
            value: site.text()[c.range.clone()].to_string(),
            client: "codex",
            rotate: super::rotate_link(c),
        }),
    })
}

/// Remove `key = value` (with its comma in an inline table, or its whole
/// line in a `[table]`).
fn remove_entry(
    text: &str,
    container: &crate::parse::Node,
    member: &crate::parse::Member,
) -> Option<Edit> {
    let start = member.key_span.start as usize;
    let end = member.value.span.end as usize;
    let inline = text.get(container.span.range())?.starts_with('{');
    if inline {
        // `{ A = "x", KEY = "v" }`: take the comma after, else the one before.
        let after = &text[end..];
        if let Some(i) = after
            .find(|ch: char| !ch.is_whitespace())
            .filter(|&i| after[i..].starts_with(','))
        {
            // The comma and the whitespace after it.
            let rest = &after[i + 1..];
            let taken = i + 1 + rest.len() - rest.trim_start().len();
            return Some(Edit {
                span: Span::new(start, end + taken),
                replacement: String::new(),
            });
        }
        let before = &text[..start];
        // The only entry: `{ KEY = "v" }` becomes `{  }`.
        let from = before.trim_end().strip_suffix(',').map_or(start, str::len);
        return Some(Edit {
            span: Span::new(from, end),
            replacement: String::new(),
        });
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
    text[line_start..start].trim().is_empty().then(|| Edit {
        span: Span::new(line_start, line_end),
        replacement: String::new(),
    })
}

/// Add `key = [value]` (or `key = value` for a string) to a server table,
/// or the value to an existing array.
fn add_entry(text: &str, server: &crate::parse::Node, key: &str, value: &str) -> Option<Edit> {
    if let Some(existing) = server.get(key) {
        return match &existing.value {
            Value::Array(items) => Some(match items.last() {
                Some(last) => Edit {
                    span: Span::new(last.span.end as usize, last.span.end as usize),
                    replacement: format!(", {value}"),
                },
                None => Edit {
                    span: Span::new(
                        existing.span.start as usize + 1,
                        existing.span.start as usize + 1,
                    ),
                    replacement: value.to_string(),
                },
            }),
            _ => None,
        };
    }
    let line = if key == "env_vars" {
        format!("{key} = [{value}]")
    } else {
        format!("{key} = {value}")
    };
    let header = text.get(server.span.range())?;
    if !header.starts_with('[') {
        return None; // an inline or dotted server: leave the layout to the user
    }
    let end = server.span.end as usize;
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
    let newline = if line_end == text.len() && !text.ends_with('\n') {
        "\n"
    } else {
        ""
    };
    Some(Edit {
        span: Span::new(line_end, line_end),
        replacement: format!("{newline}{line}\n"),
    })
}
