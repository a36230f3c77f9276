//! JSON and JSONC through `jsonc-parser`, whose AST keeps a byte range on
//! every node (serde_json keeps none), converted into our [`Node`] tree.

use jsonc_parser::ast;
use jsonc_parser::errors::ParseErrorKind;
use jsonc_parser::{CollectOptions, ParseOptions};

use super::{Member, Node, ParseFailure, StrStyle, Value};
use crate::syntax::source::Span;

/// Which JSON a client accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    /// RFC 8259: no comments, no trailing commas.
    Strict,
    /// JSON with `//` and `/* */` comments and trailing commas (VS Code style).
    Jsonc,
    /// Everything jsonc-parser can recover from (missing commas, single
    /// quotes, bare keys): used only to keep checking a file whose real
    /// flavour failed, so its secrets are still found and masked.
    Lenient,
}

/// Parse `text`; `offset` is added to every span (the BOM the caller skipped).
pub fn parse(text: &str, offset: usize, flavor: Flavor) -> Result<Node<'_>, ParseFailure> {
    if text.trim().is_empty() {
        return Err(ParseFailure {
            message: "the file is empty; an MCP config must be a JSON object".into(),
            span: Span::new(offset, offset + text.len()),
        });
    }
    let loose = flavor != Flavor::Strict;
    let lenient = flavor == Flavor::Lenient;
    let options = ParseOptions {
        allow_comments: loose,
        allow_trailing_commas: loose,
        allow_loose_object_property_names: lenient,
        allow_missing_commas: lenient,
        allow_single_quoted_strings: lenient,
        allow_hexadecimal_numbers: lenient,
        allow_unary_plus_numbers: lenient,
        allow_bare_decimal_point_numbers: lenient,
        allow_non_finite_numbers: lenient,
        allow_extended_string_escapes: lenient,
    };
    let parsed =
        jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &options).map_err(|e| {
            let r = e.range();
            ParseFailure {
                message: describe(e.kind(), flavor),
                span: Span::new(offset + r.start, offset + r.end.max(r.start)),
            }
        })?;
    let root = parsed.value.ok_or_else(|| ParseFailure {
        message: "the file holds only comments; an MCP config must be a JSON object".into(),
        span: Span::new(offset, offset + text.len()),
    })?;
    let root = convert(root, offset);
    if !lenient {
        if let Some(at) = raw_control_in_string(&root, text, offset) {
            return Err(ParseFailure {
                message: "invalid JSON: a line break or control character inside a string; \
                          clients reject it (write \\n or \\t)"
                    .into(),
                span: Span::new(at, at + 1),
            });
        }
    }
    Ok(root)
}

/// The first raw control character (a line break, a tab) inside a string
/// or key: JSON needs them escaped, and clients refuse the file.
fn raw_control_in_string(node: &Node<'_>, text: &str, offset: usize) -> Option<usize> {
    let control = |span: Span| {
        let range = span.range();
        text.as_bytes()
            .get(range.start - offset..range.end - offset)?
            .iter()
            .position(|&b| b < 0x20)
            .map(|i| range.start + i)
    };
    match &node.value {
        Value::Str(_) => control(node.span),
        Value::Array(items) => items
            .iter()
            .find_map(|n| raw_control_in_string(n, text, offset)),
        Value::Object(members) => members.iter().find_map(|m| {
            control(m.key_span).or_else(|| raw_control_in_string(&m.value, text, offset))
        }),
        _ => None,
    }
}

fn describe(kind: &ParseErrorKind, flavor: Flavor) -> String {
    match (kind, flavor) {
        (ParseErrorKind::CommentsNotAllowed, Flavor::Strict) => {
            "invalid JSON: comments are not allowed; this client reads the file as strict JSON"
                .into()
        }
        (ParseErrorKind::TrailingCommasNotAllowed, _) => {
            "invalid JSON: trailing comma; this client rejects it".into()
        }
        (ParseErrorKind::NestingDepthExceeded, _) => {
            "invalid JSON: nested too deeply (objects and arrays more than a few hundred levels deep)".into()
        }
        (kind, _) => {
            let text = kind.to_string();
            let mut chars = text.chars();
            let lowered = chars
                .next()
                .map(|c| c.to_lowercase().chain(chars).collect::<String>())
                .unwrap_or_default();
            format!("invalid JSON: {lowered}")
        }
    }
}

fn span(r: jsonc_parser::common::Range, offset: usize) -> Span {
    Span::new(offset + r.start, offset + r.end)
}

/// A vector of exactly the iterator's length. `collect` from the parser's
/// own vectors reuses their allocation, sized for the parser's larger
/// nodes: a config of 10^4 one-entry servers kept 4 MB of it.
fn exact<T>(items: impl ExactSizeIterator<Item = T>) -> Vec<T> {
    let mut out = Vec::with_capacity(items.len());
    out.extend(items);
    out
}

fn convert(value: ast::Value<'_>, offset: usize) -> Node<'_> {
    match value {
        ast::Value::StringLit(s) => Node::string(span(s.range, offset), s.value, StrStyle::Escaped),
        ast::Value::NumberLit(n) => Node::new(span(n.range, offset), Value::Number(n.value)),
        ast::Value::BooleanLit(b) => Node::new(span(b.range, offset), Value::Bool(b.value)),
        ast::Value::NullKeyword(n) => Node::new(span(n.range, offset), Value::Null),
        ast::Value::Array(a) => Node::new(
            span(a.range, offset),
            Value::Array(exact(a.elements.into_iter().map(|e| convert(e, offset)))),
        ),
        ast::Value::Object(o) => {
            let members = exact(o.properties.into_iter().map(|p| {
                let (key, key_span) = match p.name {
                    ast::ObjectPropName::String(s) => (s.value, span(s.range, offset)),
                    ast::ObjectPropName::Word(w) => (w.value.into(), span(w.range, offset)),
                };
                Member {
                    key,
                    key_span,
                    value: convert(p.value, offset),
                }
            }));
            Node::new(span(o.range, offset), Value::Object(members))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_cover_source_tokens() {
        let text = r#"{"mcpServers": {"gh": {"env": {"T": "v\"x"}}}}"#;
        let root = parse(text, 0, Flavor::Strict).unwrap();
        let v = root.at_pointer("/mcpServers/gh/env/T").unwrap();
        assert_eq!(&text[v.span.range()], r#""v\"x""#);
        assert_eq!(v.as_str(), Some("v\"x"));
        let member = &root.get("mcpServers").unwrap().members()[0];
        assert_eq!(&text[member.key_span.range()], "\"gh\"");
    }

    #[test]
    fn offset_is_applied() {
        let root = parse("{\"a\": 1}", 3, Flavor::Strict).unwrap();
        assert_eq!(root.get("a").unwrap().span, Span::new(9, 10));
    }

    #[test]
    fn strict_rejects_comments_with_a_position() {
        let text = "{\n  // note\n  \"a\": 1\n}";
        let err = parse(text, 0, Flavor::Strict).unwrap_err();
        assert!(err.message.contains("comments"), "{}", err.message);
        assert_eq!(&text[err.span.range()][..2], "//");
        assert!(parse(text, 0, Flavor::Jsonc).is_ok());
    }

    #[test]
    fn lenient_recovers_common_breakage() {
        let text = "{\"a\": \"x\" \"b\": 'y', c: 1,}";
        assert!(parse(text, 0, Flavor::Strict).is_err());
        let root = parse(text, 0, Flavor::Lenient).unwrap();
        assert_eq!(root.get("b").and_then(Node::as_str), Some("y"));
    }

    #[test]
    fn a_raw_line_break_in_a_string_is_an_error_at_its_byte() {
        let text = "{\"env\": {\"A\": \"one\ntwo\"}, \"b\": \"ok\\n\"}";
        let e = parse(text, 0, Flavor::Jsonc).unwrap_err();
        assert!(e.message.contains("line break"), "{}", e.message);
        assert_eq!(e.span.range(), 18..19);
        assert!(parse("{\"b\": \"ok\\n\"}\n", 0, Flavor::Strict).is_ok());
        assert!(parse(text, 0, Flavor::Lenient).is_ok());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let err = parse(&text, 0, Flavor::Strict).unwrap_err();
        assert!(err.message.contains("nested"), "{}", err.message);
    }

    #[test]
    fn empty_and_truncated_files_fail_cleanly() {
        assert!(parse("  \n", 0, Flavor::Strict)
            .unwrap_err()
            .message
            .contains("empty"));
        let err = parse("{\"a\": ", 0, Flavor::Strict).unwrap_err();
        assert!(err.message.starts_with("invalid JSON"), "{}", err.message);
    }
}
