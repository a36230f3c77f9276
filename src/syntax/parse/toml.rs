//! TOML through `toml_edit`, whose parsed [`Document`] keeps a byte range
//! on every key, value and table header, converted into our [`Node`] tree.
//!
//! The tree follows the TOML data model: `[a.b]` headers, dotted keys and
//! inline tables all become nested objects, `[[x]]` an array of objects.
//! Spans:
//! - a `[table]` or `[[table]]` element: its header line, brackets included;
//! - a table that only exists implicitly (`a` in `[a.b]` or `a.b = 1`): the
//!   key segment that first created it;
//! - an array of tables: from its first header to its last;
//! - the root: the whole text;
//! - a key: the key segment as written, quotes included (for `[a.b]` the
//!   key `b` is the `b` of that header).
//!
//! Scalars: integers and floats are [`Value::Number`] with their source text
//! (`0x1F`, `1_000`, `inf`); offset date-times, local dates and times are
//! [`Value::Str`] holding their source text (which the client sees as
//! neither a string nor a number, but a string keeps the text for messages).

use std::borrow::Cow;
use std::ops::Range;
use std::panic::{self, AssertUnwindSafe};

use toml_edit::{Document, Item, Table, TomlError};

use super::{Member, Node, ParseFailure, StrStyle, Value};
use crate::syntax::source::Span;

/// Deepest nesting of tables and arrays converted; `toml_edit` itself stops
/// well before this, so it is only a guard for the recursive conversion.
const MAX_DEPTH: usize = 256;

/// Parse `text`; `offset` is added to every span (the BOM the caller skipped).
pub fn parse(text: &str, offset: usize) -> Result<Node<'_>, ParseFailure> {
    if text.trim().is_empty() {
        return Err(ParseFailure {
            message: "the file is empty; an MCP config must be a TOML document with tables".into(),
            span: Span::new(offset, offset + text.len()),
        });
    }
    // NOTE: as for YAML, a bug in the third-party parser must not take
    // the whole run down: a panic becomes a parse failure.
    let parsed = panic::catch_unwind(AssertUnwindSafe(|| {
        let doc = Document::parse(text).map_err(|e| failure(&e, text, offset))?;
        let conv = Converter { text, offset };
        conv.members(doc.as_table(), 1)
    }));
    let members = parsed.unwrap_or_else(|_| {
        Err(ParseFailure {
            message: "invalid TOML: the TOML parser failed on this file".into(),
            span: Span::new(offset, offset),
        })
    })?;
    Ok(Node::new(
        Span::new(offset, offset + text.len()),
        Value::Object(members),
    ))
}

fn failure(err: &TomlError, text: &str, offset: usize) -> ParseFailure {
    let range = err.span().map(|r| clamp(text, r)).unwrap_or(0..0);
    let raw = err.message();
    let message = if raw.contains("recurs") {
        "invalid TOML: nested too deeply (tables and arrays more than a few dozen levels deep)"
            .to_owned()
    } else {
        format!("invalid TOML: {raw}")
    };
    ParseFailure {
        message,
        span: Span::new(offset + range.start, offset + range.end),
    }
}

fn clamp(text: &str, r: Range<usize>) -> Range<usize> {
    let end = r.end.min(text.len());
    r.start.min(end)..end
}

fn too_deep(span: Span) -> ParseFailure {
    ParseFailure {
        message: format!(
            "invalid TOML: nested too deeply (tables and arrays more than {MAX_DEPTH} levels deep)"
        ),
        span,
    }
}

struct Converter<'a> {
    text: &'a str,
    offset: usize,
}

impl<'a> Converter<'a> {
    /// Span of `range` in the file, or `fallback` when the parser kept none.
    fn span(&self, range: Option<Range<usize>>, fallback: Span) -> Span {
        match range {
            Some(r) if r.end > r.start => {
                let r = clamp(self.text, r);
                Span::new(self.offset + r.start, self.offset + r.end)
            }
            _ => fallback,
        }
    }

    /// The members of a `[table]` (or the root), in source order.
    fn members(&self, table: &Table, depth: usize) -> Result<Vec<Member<'a>>, ParseFailure> {
        let mut members = Vec::with_capacity(table.len());
        for (name, item) in table.iter() {
            let key_range = table.key(name).and_then(|k| k.span());
            let key_span = self.span(key_range.clone(), Span::new(self.offset, self.offset));
            members.push(Member {
                key: self.key_text(name, key_range),
                key_span,
                value: self.item(item, key_span, depth)?,
            });
        }
        // NOTE: toml_edit moves an implicit table that is later given its own
        // header to the end of its parent; source order is nicer for reports.
        members.sort_by_key(|m| m.key_span.start);
        Ok(members)
    }

    /// The decoded key, borrowed from the source when written bare.
    fn key_text(&self, name: &str, range: Option<Range<usize>>) -> Cow<'a, str> {
        match range.and_then(|r| self.text.get(r)) {
            Some(raw) if raw == name => Cow::Borrowed(raw),
            _ => Cow::Owned(name.to_owned()),
        }
    }

    fn item(&self, item: &Item, key_span: Span, depth: usize) -> Result<Node<'a>, ParseFailure> {
        if depth > MAX_DEPTH {
            return Err(too_deep(key_span));
        }
        Ok(match item {
            Item::Table(t) => Node::new(
                self.span(t.span(), key_span),
                Value::Object(self.members(t, depth + 1)?),
            ),
            Item::ArrayOfTables(a) => {
                let mut elements = Vec::with_capacity(a.len());
                for t in a.iter() {
                    elements.push(Node::new(
                        self.span(t.span(), key_span),
                        Value::Object(self.members(t, depth + 2)?),
                    ));
                }
                Node::new(self.span(a.span(), key_span), Value::Array(elements))
            }
            Item::Value(v) => self.value(v, key_span, depth)?,
            Item::None => Node::new(key_span, Value::Null),
        })
    }

    fn value(
        &self,
        value: &toml_edit::Value,
        key_span: Span,
        depth: usize,
    ) -> Result<Node<'a>, ParseFailure> {
        use toml_edit::Value as V;
        if depth > MAX_DEPTH {
            return Err(too_deep(key_span));
        }
        let span = self.span(value.span(), key_span);
        Ok(match value {
            V::String(s) => self.string(s.value(), span),
            V::Integer(_) | V::Float(_) => match self.source(span) {
                Some(raw) => Node::new(span, Value::Number(raw)),
                None => Node::new(span, Value::Null),
            },
            V::Boolean(b) => Node::new(span, Value::Bool(*b.value())),
            V::Datetime(d) => match self.source(span) {
                Some(raw) => Node::string(span, Cow::Borrowed(raw), StrStyle::Verbatim { lead: 0 }),
                None => Node::string(span, Cow::Owned(d.value().to_string()), StrStyle::Opaque),
            },
            V::Array(a) => {
                let mut elements = Vec::with_capacity(a.len());
                for e in a.iter() {
                    elements.push(self.value(e, span, depth + 1)?);
                }
                Node::new(span, Value::Array(elements))
            }
            V::InlineTable(t) => {
                let mut members = Vec::with_capacity(t.len());
                for (name, v) in t.iter() {
                    let key_range = t.key(name).and_then(|k| k.span());
                    let member_key_span = self.span(key_range.clone(), span);
                    members.push(Member {
                        key: self.key_text(name, key_range),
                        key_span: member_key_span,
                        value: self.value(v, member_key_span, depth + 1)?,
                    });
                }
                members.sort_by_key(|m| m.key_span.start);
                Node::new(span, Value::Object(members))
            }
        })
    }

    /// Source text of a span given in file offsets.
    fn source(&self, span: Span) -> Option<&'a str> {
        let start = (span.start as usize).checked_sub(self.offset)?;
        let end = (span.end as usize).checked_sub(self.offset)?;
        self.text.get(start..end)
    }

    /// A string scalar, with the style that maps its decoded text back.
    fn string(&self, decoded: &str, span: Span) -> Node<'a> {
        let Some(raw) = self.source(span) else {
            return Node::string(span, Cow::Owned(decoded.to_owned()), StrStyle::Opaque);
        };
        let (lead, verbatim) = if raw.starts_with("'''") {
            // NOTE: a newline right after the opening quotes is trimmed,
            // and CRLF may be normalised; the check below catches both.
            (3, true)
        } else if raw.starts_with("\"\"\"") {
            (3, false)
        } else if raw.starts_with('\'') {
            (1, true)
        } else {
            // A basic string: JSON-compatible escapes map exactly.
            let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or_default();
            let style = if raw.len() >= 2 && escapes_map_exactly(inner, decoded.len(), TOML_ESCAPES)
            {
                StrStyle::Escaped
            } else {
                StrStyle::Opaque
            };
            return Node::string(span, Cow::Owned(decoded.to_owned()), style);
        };
        if verbatim {
            if let Some(source) = raw.get(lead..lead + decoded.len()) {
                if source == decoded && lead + decoded.len() <= raw.len().saturating_sub(lead) {
                    return Node::string(
                        span,
                        Cow::Borrowed(source),
                        StrStyle::Verbatim { lead: lead as u8 },
                    );
                }
            }
        }
        Node::string(span, Cow::Owned(decoded.to_owned()), StrStyle::Opaque)
    }
}

/// One-character TOML escapes that decode to a single byte (`\e` is TOML 1.1).
const TOML_ESCAPES: &[u8] = b"btnfre\"\\";

/// Whether `crate::syntax::parse::strings` maps every decoded byte of `inner` (the
/// text between the quotes) back exactly: only `\uXXXX` outside the
/// surrogate range and the one-character escapes listed in `one_byte`
/// (each decoding to one byte) may appear, and the decoded length must come
/// out as `decoded_len`. `\U`, `\x` and the like widen the mapping to the
/// whole scalar instead (callers then use [`StrStyle::Opaque`]).
pub(super) fn escapes_map_exactly(inner: &str, decoded_len: usize, one_byte: &[u8]) -> bool {
    let bytes = inner.as_bytes();
    let mut i = 0;
    let mut out = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' || b == b'\r' {
            return false;
        }
        if b != b'\\' {
            let len = match b {
                0x00..=0x7F => 1,
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            i += len;
            out += len;
            continue;
        }
        match bytes.get(i + 1) {
            Some(b'u') => {
                let code = inner
                    .get(i + 2..i + 6)
                    .filter(|h| h.bytes().all(|c| c.is_ascii_hexdigit()))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32);
                let Some(c) = code else {
                    return false;
                };
                i += 6;
                out += c.len_utf8();
            }
            Some(c) if one_byte.contains(c) => {
                i += 2;
                out += 1;
            }
            _ => return false,
        }
    }
    out == decoded_len
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse::strings::span_in;
    use crate::syntax::parse::test_support::{secret_source, src};

    const CODEX: &str = r#"# Codex CLI — ~/.codex/config.toml
model = "o3"
approval_policy = "on-request"

[mcp_servers.github]
command = "npx"
args = ["-y", "@modelcontextprotocol/server-github"]
env_vars = ["A"]
startup_timeout_sec = 20

[mcp_servers.github.env]
GITHUB_PERSONAL_ACCESS_TOKEN = "ghp_0123456789abcdefghijABCDEFGHIJ012345"
TOKEN = 'ghp_literal0123456789'

[mcp_servers.search]
command = "uvx"
env = { BRAVE_API_KEY = "BSA-key-ünïcode-123", MODE = "fast" }

[mcp_servers.remote]
url = "https://mcp.example.com/mcp"
http_headers = { Authorization = "Bearer sk-live-abcdef" }
bearer_token_env_var = "REMOTE_TOKEN"
"#;

    #[test]
    fn codex_config_tree_and_spans() {
        let root = parse(CODEX, 0).unwrap();
        assert_eq!(root.span, Span::new(0, CODEX.len()));
        let servers = root.get("mcp_servers").unwrap();
        // An implicit table spans the key segment that created it.
        assert_eq!(src(CODEX, servers.span), "mcp_servers");
        let names: Vec<_> = servers.members().iter().map(|m| &*m.key).collect();
        assert_eq!(names, ["github", "search", "remote"]);

        let github = &servers.members()[0];
        assert_eq!(src(CODEX, github.key_span), "github");
        assert_eq!(src(CODEX, github.value.span), "[mcp_servers.github]");
        let env_member = github.value.members().iter().find(|m| m.key == "env");
        let env_member = env_member.unwrap();
        assert_eq!(src(CODEX, env_member.key_span), "env");
        assert_eq!(
            src(CODEX, env_member.value.span),
            "[mcp_servers.github.env]"
        );

        let token = root
            .at_pointer("/mcp_servers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN")
            .unwrap();
        assert_eq!(
            src(CODEX, token.span),
            "\"ghp_0123456789abcdefghijABCDEFGHIJ012345\""
        );
        assert_eq!(token.style, StrStyle::Escaped);
        let literal = root.at_pointer("/mcp_servers/github/env/TOKEN").unwrap();
        assert_eq!(src(CODEX, literal.span), "'ghp_literal0123456789'");
        assert_eq!(literal.style, StrStyle::Verbatim { lead: 1 });
        assert_eq!(literal.as_str(), Some("ghp_literal0123456789"));

        let vars = root.at_pointer("/mcp_servers/github/env_vars").unwrap();
        assert_eq!(src(CODEX, vars.span), "[\"A\"]");
        assert_eq!(vars.elements()[0].as_str(), Some("A"));
        assert_eq!(
            root.at_pointer("/mcp_servers/github/args/1")
                .and_then(Node::as_str),
            Some("@modelcontextprotocol/server-github")
        );
        let timeout = root
            .at_pointer("/mcp_servers/github/startup_timeout_sec")
            .unwrap();
        assert_eq!(timeout.value, Value::Number("20"));

        // Inline tables: braces span, keys inside.
        let env = root.at_pointer("/mcp_servers/search/env").unwrap();
        assert!(src(CODEX, env.span).starts_with("{ BRAVE_API_KEY"));
        assert!(src(CODEX, env.span).ends_with("\"fast\" }"));
        assert_eq!(src(CODEX, env.members()[0].key_span), "BRAVE_API_KEY");
        // Non-ASCII text before a value does not shift spans.
        let mode = root.at_pointer("/mcp_servers/search/env/MODE").unwrap();
        assert_eq!(src(CODEX, mode.span), "\"fast\"");

        let auth = root
            .at_pointer("/mcp_servers/remote/http_headers/Authorization")
            .unwrap();
        assert_eq!(src(CODEX, auth.span), "\"Bearer sk-live-abcdef\"");
        assert_eq!(
            secret_source(
                CODEX,
                &root,
                "/mcp_servers/remote/http_headers/Authorization",
                "sk-live-abcdef"
            ),
            "sk-live-abcdef"
        );
        assert_eq!(
            secret_source(
                CODEX,
                &root,
                "/mcp_servers/search/env/BRAVE_API_KEY",
                "ünïcode-123"
            ),
            "ünïcode-123"
        );
    }

    #[test]
    fn offset_is_applied() {
        let text = "a = 'x'\n[t]\nb = 1\n";
        let root = parse(text, 3).unwrap();
        assert_eq!(root.span, Span::new(3, 3 + text.len()));
        let a = root.get("a").unwrap();
        assert_eq!(a.span, Span::new(7, 10));
        assert_eq!(root.members()[0].key_span, Span::new(3, 4));
        assert_eq!(span_in(a, &format!("xyz{text}"), 0..1), Span::new(8, 9));
        assert_eq!(root.get("t").unwrap().span, Span::new(11, 14));
    }

    #[test]
    fn string_styles_map_secrets_to_their_bytes() {
        let text = concat!(
            "basic = \"pre \\u00e9\\t ghp_SECRET\"\n",
            "big_u = \"x \\U0001F600 ghp_SECRET\"\n",
            "hex = \"\\x41 ghp_SECRET\"\n",
            "literal = 'C:\\path ghp_SECRET'\n",
            "ml_literal = '''ghp_SECRET\nnext'''\n",
            "ml_literal_nl = '''\nghp_SECRET'''\n",
            "ml_basic = \"\"\"ghp_SECRET\"\"\"\n",
        );
        let root = parse(text, 0).unwrap();
        let style = |k: &str| root.get(k).unwrap().style;
        assert_eq!(style("basic"), StrStyle::Escaped);
        assert_eq!(style("big_u"), StrStyle::Opaque);
        assert_eq!(style("hex"), StrStyle::Opaque);
        assert_eq!(style("literal"), StrStyle::Verbatim { lead: 1 });
        assert_eq!(style("ml_literal"), StrStyle::Verbatim { lead: 3 });
        assert_eq!(style("ml_literal_nl"), StrStyle::Opaque);
        assert_eq!(style("ml_basic"), StrStyle::Opaque);

        for key in ["basic", "literal", "ml_literal"] {
            assert_eq!(
                secret_source(text, &root, &format!("/{key}"), "ghp_SECRET"),
                "ghp_SECRET",
                "{key}"
            );
        }
        assert_eq!(
            secret_source(text, &root, "/basic", "é\t"),
            "\\u00e9\\t",
            "escapes widen the span"
        );
        for key in ["big_u", "hex", "ml_literal_nl", "ml_basic"] {
            let node = root.get(key).unwrap();
            assert_eq!(
                secret_source(text, &root, &format!("/{key}"), "ghp_SECRET"),
                src(text, node.span),
                "{key}"
            );
        }
        assert_eq!(root.get("big_u").unwrap().as_str(), Some("x 😀 ghp_SECRET"));
        assert_eq!(
            root.get("ml_literal_nl").unwrap().as_str(),
            Some("ghp_SECRET")
        );
    }

    #[test]
    fn dotted_keys_quoted_keys_and_arrays_of_tables() {
        let text = concat!(
            "a.b.c = 1\n",
            "\"quoted.key\" = true\n",
            "when = 1979-05-27T07:32:00Z\n",
            "hex = 0xFF\n",
            "[[servers]]\n",
            "name = \"one\"\n",
            "[[servers]]\n",
            "name = \"two\"\n",
            "env = { x.y = 'z' }\n",
        );
        let root = parse(text, 0).unwrap();
        let a = root.get("a").unwrap();
        assert_eq!(src(text, a.span), "a");
        assert_eq!(root.at_pointer("/a/b/c").unwrap().value, Value::Number("1"));
        assert_eq!(
            src(text, root.at_pointer("/a/b").unwrap().span),
            "b",
            "implicit dotted table spans its key"
        );
        let quoted = root
            .members()
            .iter()
            .find(|m| m.key == "quoted.key")
            .unwrap();
        assert_eq!(src(text, quoted.key_span), "\"quoted.key\"");
        assert_eq!(quoted.value.value, Value::Bool(true));
        let when = root.get("when").unwrap();
        assert_eq!(when.as_str(), Some("1979-05-27T07:32:00Z"));
        assert_eq!(when.style, StrStyle::Verbatim { lead: 0 });
        assert_eq!(root.get("hex").unwrap().value, Value::Number("0xFF"));

        let servers = root.get("servers").unwrap();
        assert_eq!(servers.elements().len(), 2);
        assert_eq!(src(text, servers.elements()[1].span), "[[servers]]");
        assert!(src(text, servers.span).starts_with("[[servers]]"));
        assert_eq!(
            root.at_pointer("/servers/1/name").and_then(Node::as_str),
            Some("two")
        );
        let z = root.at_pointer("/servers/1/env/x/y").unwrap();
        assert_eq!(src(text, z.span), "'z'");
    }

    #[test]
    fn non_ascii_before_values_keeps_byte_spans() {
        let text = "# ünïcödé ☃ 😀\n\"namé\" = \"välue\"\n[\"tablé\"]\n'kéy' = 'ghp_X'\n";
        let root = parse(text, 0).unwrap();
        assert_eq!(src(text, root.members()[0].key_span), "\"namé\"");
        assert_eq!(src(text, root.get("namé").unwrap().span), "\"välue\"");
        assert_eq!(src(text, root.get("tablé").unwrap().span), "[\"tablé\"]");
        let key = root.at_pointer("/tablé/kéy").unwrap();
        assert_eq!(src(text, key.span), "'ghp_X'");
        assert_eq!(secret_source(text, &root, "/tablé/kéy", "X"), "X");
    }

    #[test]
    fn syntax_error_has_a_position() {
        let text = "[mcp_servers.x]\ncommand = \"npx\nargs = []\n";
        let err = parse(text, 0).unwrap_err();
        assert!(err.message.starts_with("invalid TOML: "), "{}", err.message);
        let at = err.span.start as usize;
        assert!(at >= text.find("\"npx").unwrap() && at <= text.find("args").unwrap());

        let text = "a = 1 2\n";
        let err = parse(text, 5).unwrap_err();
        assert_eq!(err.span.start, 5 + 4);
    }

    #[test]
    fn duplicate_keys_are_errors_at_the_second_key() {
        let text = "[mcp_servers.github]\ncommand = \"a\"\ncommand = \"b\"\n";
        let err = parse(text, 0).unwrap_err();
        assert!(err.message.contains("duplicate key"), "{}", err.message);
        assert_eq!(err.span.start as usize, text.rfind("command").unwrap());
        assert_eq!(src(text, err.span), "command");

        let text = "[a]\nx = 1\n[a]\ny = 2\n";
        let err = parse(text, 0).unwrap_err();
        assert!(err.message.contains("duplicate key"), "{}", err.message);
        assert_eq!(err.span.start as usize, text.rfind('a').unwrap());
    }

    #[test]
    fn empty_file_fails_cleanly() {
        for text in ["", "  \n\t\n"] {
            let err = parse(text, 0).unwrap_err();
            assert!(
                err.message.starts_with("the file is empty"),
                "{}",
                err.message
            );
        }
        // Comments alone are a valid, empty TOML document.
        assert_eq!(parse("# nothing\n", 0).unwrap().members().len(), 0);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let n = 10_000;
        let cases = [
            format!("a = {}{}", "[".repeat(n), "]".repeat(n)),
            format!("a = {}1{}", "{b = ".repeat(n), "}".repeat(n)),
            format!("[{}]", vec!["k"; n].join(".")),
            format!("{} = 1", vec!["k"; n].join(".")),
        ];
        for text in cases {
            let err = parse(&text, 0).unwrap_err();
            assert!(err.message.contains("nested too deeply"), "{}", err.message);
            assert!(err.span.end as usize <= text.len());
        }
    }

    #[test]
    fn invalid_characters_fail_cleanly() {
        for text in [
            "a = \"x\u{0}y\"",
            "a = 1\u{7}",
            "a = \"\u{7f}\"",
            "a = \"\\ud800\"",
            "a\u{feff} = 1",
        ] {
            let err = parse(text, 0).unwrap_err();
            assert!(err.message.starts_with("invalid TOML: "), "{}", err.message);
            assert!(err.span.end as usize <= text.len());
        }
        // A byte-order mark the caller did not skip is tolerated, spans stay exact.
        let text = "\u{feff}a = 1";
        let root = parse(text, 0).unwrap();
        assert_eq!(src(text, root.members()[0].key_span), "a");
    }

    #[test]
    fn escape_check_matches_the_source_mapping() {
        assert!(escapes_map_exactly(r"a\tb\u00e9", 5, TOML_ESCAPES));
        assert!(!escapes_map_exactly(r"a\U0001F600", 5, TOML_ESCAPES));
        assert!(!escapes_map_exactly(r"\x41", 1, TOML_ESCAPES));
        assert!(!escapes_map_exactly(r"\ud800", 3, TOML_ESCAPES));
        assert!(!escapes_map_exactly("a\\", 1, TOML_ESCAPES));
    }
}
