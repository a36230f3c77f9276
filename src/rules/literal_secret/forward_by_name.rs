//! A client that expands nothing but forwards variables by name (Codex's
//! TOML): the secret leaves the file and the client is told which variable
//! to forward.

use crate::finding::{Applicability, Edit, Extraction, Fix};
use crate::knowledge::analysis::Candidate;
use crate::model::Site;
use crate::syntax::parse::Value;
use crate::syntax::source::Span;

/// The client forwards variables it is told about: an
/// `env` entry becomes `env_vars = ["NAME"]`, an inline `bearer_token` (or
/// an `Authorization: Bearer` http header) becomes `bearer_token_env_var`.
pub(super) fn fix(
    file: &crate::model::McpFile,
    site: &Site,
    c: &Candidate,
    var: &str,
) -> Option<Fix> {
    let text = file.source.text.as_str();
    let server = file.server_of(site)?;
    let tokens = crate::syntax::parse::pointer::tokens(&site.pointer)?;
    let server_depth = crate::syntax::parse::pointer::tokens(&server.pointer)?.len();
    let rest: Vec<&str> = tokens[server_depth..].iter().map(String::as_str).collect();
    // The `key = value` entry holding the secret, and the `env` (or
    // `http_headers`) table holding it, if not the server's own.
    let (table, key) = match rest.as_slice() {
        [table, key] => (Some(member_of(server.node, table)?), *key),
        [key] => (None, *key),
        _ => return None,
    };
    let container = table.map_or(server.node, |t| &t.value);
    let member = member_of(container, key)?;
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
    // The removal first: where it starts at the offset of the addition
    // (the line after the server's header), the fixer applies a fix's edits
    // in this order.
    let mut edits = match table.and_then(|t| remove_emptied(text, server.node, t, member)) {
        Some(removal) => removal,
        None => vec![remove_entry(text, container, member)?],
    };
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
            client: file.format.client,
            rotate: super::rotate_link(c),
        }),
    })
}

/// The last member named `key` (a lenient parse may keep duplicates).
fn member_of<'n, 't>(
    node: &'n crate::syntax::parse::Node<'t>,
    key: &str,
) -> Option<&'n crate::syntax::parse::Member<'t>> {
    node.members().iter().rev().find(|m| m.key == key)
}

/// Remove `table` whole when `entry` is all it holds: an empty `env = {}`
/// or `[mcp_servers.NAME.env]` only says nothing. `None` when `table` keeps
/// other entries or is laid out in a way not handled here (the entry alone
/// is removed then, which leaves an empty table but a valid file).
fn remove_emptied(
    text: &str,
    server: &crate::syntax::parse::Node,
    table: &crate::syntax::parse::Member,
    entry: &crate::syntax::parse::Member,
) -> Option<Vec<Edit>> {
    if table.value.members().len() != 1 {
        return None;
    }
    let written = text.get(table.value.span.range())?;
    if written.starts_with('{') {
        remove_inline_table(text, table).map(|edit| vec![edit])
    } else if written.starts_with('[') {
        remove_table(text, server, &table.value, entry)
    } else {
        None // a dotted `env.KEY = …`: the table has no line of its own
    }
}

/// Remove the line `key = { … }` of an inline table. A comment at its end
/// stays, on a line of its own: nothing the user wrote is lost.
fn remove_inline_table(text: &str, table: &crate::syntax::parse::Member) -> Option<Edit> {
    let start = line_start(text, table.key_span.start as usize);
    let close = table.value.span.end as usize;
    let end = line_end(text, close);
    let alone = text[start..table.key_span.start as usize].trim().is_empty()
        && is_blank_or_comment(&text[close..end]);
    alone.then(|| Edit {
        span: Span::new(start, end),
        replacement: kept_comment(text, start, close, end),
    })
}

/// The comment at the end of the line `start..end` (after `after`), as a
/// line of its own with the line's indentation and line ending; empty
/// when the line has none.
fn kept_comment(text: &str, start: usize, after: usize, end: usize) -> String {
    let comment = text[after..end].trim();
    if !comment.starts_with('#') {
        return String::new();
    }
    let line = &text[start..end];
    let indent = &line[..line.len() - line.trim_start().len()];
    let newline = if line.ends_with("\r\n") {
        "\r\n"
    } else if line.ends_with('\n') {
        "\n"
    } else {
        ""
    };
    format!("{indent}{comment}{newline}")
}

/// Remove a `[table]` whose only entry is `entry`: its header line and the
/// entry's lines. A comment at the end of either stays on a line of its
/// own in its place. Comment lines in the
/// table stay where they are: whether one was about the removed entry,
/// the table, or the next table cannot be told, and a stray comment
/// harms nothing while a lost one cannot be recovered. Without comment
/// lines the blank lines around the table are tidied so that one blank
/// line still separates its neighbours.
fn remove_table(
    text: &str,
    server: &crate::syntax::parse::Node,
    table: &crate::syntax::parse::Node,
    entry: &crate::syntax::parse::Member,
) -> Option<Vec<Edit>> {
    let header = line_start(text, table.span.start as usize);
    let header_end = line_end(text, table.span.end as usize);
    let entry_start = line_start(text, entry.key_span.start as usize);
    let entry_end = line_end(text, entry.value.span.end as usize);
    if !text[header..table.span.start as usize].trim().is_empty()
        || !text[entry_start..entry.key_span.start as usize]
            .trim()
            .is_empty()
        || header_end > entry_start
    {
        return None;
    }
    // Another server's fix adds its line at the end of that server's
    // header line; a removal starting at the same offset could take it
    // along, depending on the order the fixes are applied in.
    let after_other_header = |at: usize| {
        let own = line_end(text, server.span.end as usize);
        at > 0 && at != own && is_header(previous_line(text, at))
    };
    if after_other_header(header) {
        return None;
    }
    let removal = |start: usize, end: usize| Edit {
        span: Span::new(start, end),
        replacement: String::new(),
    };
    let header_comment = kept_comment(text, header, table.span.end as usize, header_end);
    let entry_comment = kept_comment(text, entry_start, entry.value.span.end as usize, entry_end);
    if !text[header_end..entry_start].trim().is_empty()
        || !header_comment.is_empty()
        || !entry_comment.is_empty()
    {
        return Some(vec![
            Edit {
                replacement: header_comment,
                ..removal(header, header_end)
            },
            Edit {
                replacement: entry_comment,
                ..removal(entry_start, entry_end)
            },
        ]);
    }
    let blanks_before = blank_lines_before(text, header);
    let blanks_after = blank_lines_after(text, entry_end);
    let span = if blanks_after == text.len() {
        // Last in the file: the blank lines before it would end the file.
        let from = if after_other_header(blanks_before) {
            header
        } else {
            blanks_before
        };
        (from, text.len())
    } else if header == 0 || blanks_before < header {
        (header, blanks_after)
    } else {
        (header, entry_end)
    };
    Some(vec![removal(span.0, span.1)])
}

/// Offset of the start of the line holding `at`.
fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// Offset just past the newline ending the line holding `at` (the end of
/// the text on the last line).
fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i + 1)
}

/// The line before the one starting at `at` (which is not 0).
fn previous_line(text: &str, at: usize) -> &str {
    &text[line_start(text, at - 1)..at]
}

fn is_header(line: &str) -> bool {
    line.trim_start().starts_with('[')
}

fn is_blank_or_comment(rest: &str) -> bool {
    let rest = rest.trim();
    rest.is_empty() || rest.starts_with('#')
}

/// Start of the blank lines just before the line starting at `at`.
fn blank_lines_before(text: &str, mut at: usize) -> usize {
    while at > 0 && previous_line(text, at).trim().is_empty() {
        at = line_start(text, at - 1);
    }
    at
}

/// End of the blank lines just after the line ending at `at`.
fn blank_lines_after(text: &str, mut at: usize) -> usize {
    while at < text.len() && text[at..line_end(text, at)].trim().is_empty() {
        at = line_end(text, at);
    }
    at
}

/// Remove `key = value` (with its comma in an inline table, or its whole
/// line in a `[table]`).
fn remove_entry(
    text: &str,
    container: &crate::syntax::parse::Node,
    member: &crate::syntax::parse::Member,
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
    let (from, to) = (line_start(text, start), line_end(text, end));
    text[from..start].trim().is_empty().then(|| Edit {
        span: Span::new(from, to),
        replacement: String::new(),
    })
}

/// Add `key = [value]` (or `key = value` for a string) to a server table,
/// or the value to an existing array.
fn add_entry(
    text: &str,
    server: &crate::syntax::parse::Node,
    key: &str,
    value: &str,
) -> Option<Edit> {
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
