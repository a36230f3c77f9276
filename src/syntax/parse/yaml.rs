//! YAML through `saphyr-parser`'s event API, whose events carry the source
//! range of every scalar and collection; the tree is built from the events
//! here, without recursion.
//!
//! What the tree keeps and drops:
//! - only the first document of a stream is read (later ones are not even
//!   parsed, so their errors are not reported);
//! - tags (`!!str`, `!Ref`) are ignored, and plain scalars resolve by the
//!   YAML 1.2 core schema: `true`/`false` → bool, `null`/`~`/empty → null,
//!   integers and floats → [`Value::Number`] with their source text,
//!   anything else a string; quoted and block scalars are always strings;
//! - an alias (`*name`) becomes a null node spanning the alias: expanding it
//!   would let a few lines grow into billions of nodes ("billion laughs");
//!   a merge key `<<: *base` is therefore a member holding null;
//! - a mapping key that is not a scalar (`? [a, b]`, an alias) becomes the
//!   source text of the key; duplicate keys are kept in source order;
//! - spans leave out node properties (`&anchor`, `!tag`); a block scalar
//!   (`|`, `>`) spans its indicator through its last non-blank character.
//!
//! `saphyr-parser` reports positions in characters; they are converted to
//! byte offsets before anything else.

use std::borrow::Cow;
use std::panic::{self, AssertUnwindSafe};

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError};

use super::toml::escapes_map_exactly;
use super::{Member, Node, ParseFailure, StrStyle, Value};
use crate::syntax::source::Span;

/// Deepest nesting of mappings and sequences accepted.
const MAX_DEPTH: usize = 256;

/// One-character YAML escapes that decode to a single byte, as
/// `crate::syntax::parse::strings` maps them (`\x`, `\U`, `\N`, `\_`, `\L`, `\P`
/// decode to other widths, so a string using them is opaque).
const YAML_ESCAPES: &[u8] = b"0abtnvfre \t\"/\\";

/// Parse `text`; `offset` is added to every span (the BOM the caller skipped).
pub fn parse(text: &str, offset: usize) -> Result<Node<'_>, ParseFailure> {
    if text.trim().is_empty() {
        return Err(ParseFailure {
            message: "the file is empty; an MCP config must be a YAML mapping".into(),
            span: Span::new(offset, offset + text.len()),
        });
    }
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| !allowed_char(c)) {
        return Err(ParseFailure {
            message: format!(
                "invalid YAML: the control character U+{:04X} is not allowed in a YAML file",
                u32::from(c)
            ),
            span: Span::new(offset + at, offset + at + c.len_utf8()),
        });
    }
    // NOTE: the parser is a third-party state machine; a bug there must
    // not take the whole run down, so a panic becomes a parse failure.
    match panic::catch_unwind(AssertUnwindSafe(|| Builder::new(text, offset).run())) {
        Ok(result) => result,
        Err(_) => Err(ParseFailure {
            message: "invalid YAML: the YAML parser failed on this file".into(),
            span: Span::new(offset, offset),
        }),
    }
}

/// YAML 1.2's printable set (5.1): no C0 controls but tab and line
/// breaks, no DEL, no C1 controls but NEL, no U+FFFE/U+FFFF. The parser
/// lets some through; clients built on libyaml reject them.
fn allowed_char(c: char) -> bool {
    match c {
        '\t' | '\n' | '\r' | '\u{85}' => true,
        '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}' => false,
        _ => true,
    }
}

/// Byte offsets of character indices (the parser counts characters).
struct CharOffsets {
    /// `None` for ASCII text, where both are the same.
    bytes: Option<Vec<u32>>,
    len: usize,
}

impl CharOffsets {
    fn new(text: &str) -> Self {
        let bytes =
            (!text.is_ascii()).then(|| text.char_indices().map(|(i, _)| i as u32).collect());
        CharOffsets {
            bytes,
            len: text.len(),
        }
    }

    fn byte(&self, index: usize) -> usize {
        match &self.bytes {
            None => index.min(self.len),
            Some(table) => table.get(index).map_or(self.len, |&b| b as usize),
        }
    }
}

/// A collection being filled.
enum Frame<'a> {
    Seq {
        start: usize,
        end: usize,
        items: Vec<Node<'a>>,
    },
    Map {
        start: usize,
        end: usize,
        members: Vec<Member<'a>>,
        key: Option<(Cow<'a, str>, Span)>,
    },
}

struct Builder<'a> {
    text: &'a str,
    offset: usize,
    chars: CharOffsets,
    stack: Vec<Frame<'a>>,
    /// Local byte offset where the previous event ended.
    last_end: usize,
}

impl<'a> Builder<'a> {
    fn new(text: &'a str, offset: usize) -> Self {
        Builder {
            text,
            offset,
            chars: CharOffsets::new(text),
            stack: Vec::new(),
            last_end: 0,
        }
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.offset + start, self.offset + end.max(start))
    }

    fn run(mut self) -> Result<Node<'a>, ParseFailure> {
        let mut parser = Parser::new_from_str(self.text);
        let mut root = None;
        while let Some(next) = parser.next_event() {
            let (event, span) = next.map_err(|e| self.scan_failure(&e))?;
            let raw_start = self.chars.byte(span.start.index());
            let raw_end = self.chars.byte(span.end.index()).max(raw_start);
            let done = match event {
                Event::Nothing | Event::StreamStart | Event::DocumentStart(_) => None,
                Event::DocumentEnd | Event::StreamEnd => {
                    if root.is_some() || matches!(event, Event::StreamEnd) {
                        break;
                    }
                    None
                }
                Event::Alias(_) => {
                    let start = self.skip_properties(raw_start, raw_end);
                    Some(Node::new(self.span(start, raw_end), Value::Null))
                }
                Event::Scalar(value, style, _, _) => {
                    if self.expects_key() {
                        // Keys are strings as written: no type resolution.
                        let (start, end, _) = self.scalar_range(style, raw_start, raw_end);
                        let key_span = self.span(start, end);
                        if let Some(Frame::Map {
                            key, end: map_end, ..
                        }) = self.stack.last_mut()
                        {
                            *map_end = (*map_end).max(end);
                            *key = Some((value, key_span));
                        }
                        None
                    } else {
                        Some(self.scalar(value, style, raw_start, raw_end))
                    }
                }
                Event::SequenceStart(..) | Event::MappingStart(..) => {
                    let start = self.skip_properties(raw_start, raw_end);
                    if self.stack.len() >= MAX_DEPTH {
                        return Err(ParseFailure {
                            message: format!(
                                "invalid YAML: nested too deeply (mappings and sequences more than {MAX_DEPTH} levels deep)"
                            ),
                            span: self.span(start, start + usize::from(start < self.text.len())),
                        });
                    }
                    self.stack
                        .push(if matches!(event, Event::SequenceStart(..)) {
                            Frame::Seq {
                                start,
                                end: start,
                                items: Vec::new(),
                            }
                        } else {
                            Frame::Map {
                                start,
                                end: start,
                                members: Vec::new(),
                                key: None,
                            }
                        });
                    None
                }
                Event::SequenceEnd | Event::MappingEnd => {
                    // Flow collections end with their bracket; block ones
                    // with an empty span where the next token starts.
                    let closed = raw_end > raw_start;
                    self.stack.pop().map(|frame| match frame {
                        Frame::Seq { start, end, items } => {
                            let end = if closed { raw_end } else { end };
                            Node::new(self.span(start, end), Value::Array(items))
                        }
                        Frame::Map {
                            start,
                            end,
                            mut members,
                            key,
                        } => {
                            let end = if closed { raw_end } else { end };
                            if let Some((key, key_span)) = key {
                                members.push(Member {
                                    key,
                                    key_span,
                                    value: Node::new(
                                        Span::new(key_span.end as usize, key_span.end as usize),
                                        Value::Null,
                                    ),
                                });
                            }
                            Node::new(self.span(start, end), Value::Object(members))
                        }
                    })
                }
            };
            self.last_end = raw_end;
            if let Some(node) = done {
                if let Some(node) = self.attach(node) {
                    root = Some(node);
                }
            }
        }
        root.ok_or_else(|| ParseFailure {
            message: "the file holds only comments; an MCP config must be a YAML mapping".into(),
            span: Span::new(self.offset, self.offset + self.text.len()),
        })
    }

    fn scan_failure(&self, err: &ScanError) -> ParseFailure {
        let at = self.chars.byte(err.marker().index());
        let end = self.text[at..]
            .chars()
            .next()
            .filter(|c| !matches!(c, '\n' | '\r'))
            .map_or(at, |c| at + c.len_utf8());
        let info = err.info();
        let message = if info.contains("recursion limit") {
            format!(
                "invalid YAML: nested too deeply (mappings and sequences more than {MAX_DEPTH} levels deep)"
            )
        } else {
            format!("invalid YAML: {info}")
        };
        ParseFailure {
            message,
            span: self.span(at, end),
        }
    }

    /// Whether the next node completed is a mapping key.
    fn expects_key(&self) -> bool {
        matches!(self.stack.last(), Some(Frame::Map { key: None, .. }))
    }

    /// Put a finished node into its parent; returns it when it is the root.
    fn attach(&mut self, node: Node<'a>) -> Option<Node<'a>> {
        let text = self.text;
        let offset = self.offset;
        match self.stack.last_mut() {
            None => Some(node),
            Some(Frame::Seq { end, items, .. }) => {
                *end = (*end).max(node.span.end as usize - offset);
                items.push(node);
                None
            }
            Some(Frame::Map {
                end, members, key, ..
            }) => {
                *end = (*end).max(node.span.end as usize - offset);
                match key.take() {
                    Some((key, key_span)) => members.push(Member {
                        key,
                        key_span,
                        value: node,
                    }),
                    None => {
                        // A collection or alias as a key: its source text.
                        let local =
                            node.span.start as usize - offset..node.span.end as usize - offset;
                        *key = Some((
                            Cow::Borrowed(text.get(local).unwrap_or_default()),
                            node.span,
                        ));
                    }
                }
                None
            }
        }
    }

    /// Skip node properties (`&anchor`, `!tag`), blanks and comments
    /// from `pos`, not past `end`.
    fn skip_properties(&self, mut pos: usize, end: usize) -> usize {
        let bytes = self.text.as_bytes();
        while pos < end {
            match bytes[pos] {
                b' ' | b'\t' | b'\r' | b'\n' => pos += 1,
                b'#' => pos = self.line_end(pos),
                b'&' | b'!' => pos = self.property_end(pos),
                _ => break,
            }
        }
        pos.min(end)
    }

    fn line_end(&self, pos: usize) -> usize {
        let rest = &self.text.as_bytes()[pos..];
        pos + rest
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .unwrap_or(rest.len())
    }

    fn property_end(&self, pos: usize) -> usize {
        let rest = &self.text.as_bytes()[pos..];
        if rest.starts_with(b"!<") {
            return rest
                .iter()
                .position(|&b| b == b'>')
                .map_or(self.text.len(), |p| pos + p + 1);
        }
        pos + rest
            .iter()
            .position(|&b| {
                matches!(
                    b,
                    b' ' | b'\t' | b'\r' | b'\n' | b',' | b'[' | b']' | b'{' | b'}'
                )
            })
            .unwrap_or(rest.len())
    }

    /// The `|` or `>` of a block scalar: between the previous event and the
    /// scalar there are only indicators, blanks, comments and properties.
    fn block_indicator(&self, raw_start: usize, raw_end: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let mut pos = self.last_end.min(raw_start);
        while pos < raw_end {
            match bytes[pos] {
                b'|' | b'>' => return Some(pos),
                b' ' | b'\t' | b'\r' | b'\n' | b':' | b'-' | b'?' | b',' => pos += 1,
                b'#' => pos = self.line_end(pos),
                b'&' | b'!' => pos = self.property_end(pos),
                _ => return None,
            }
        }
        None
    }

    /// Local byte range of a scalar's token, and whether it is a block scalar.
    fn scalar_range(
        &self,
        style: ScalarStyle,
        raw_start: usize,
        raw_end: usize,
    ) -> (usize, usize, bool) {
        match style {
            ScalarStyle::Literal | ScalarStyle::Folded => {
                let start = self
                    .block_indicator(raw_start, raw_end)
                    .unwrap_or_else(|| self.skip_properties(raw_start, raw_end));
                let trimmed = self.text[start..raw_end]
                    .trim_end_matches([' ', '\t', '\r', '\n'])
                    .len();
                (
                    start,
                    start + trimmed.max(usize::from(start < raw_end)),
                    true,
                )
            }
            _ => (self.skip_properties(raw_start, raw_end), raw_end, false),
        }
    }

    fn scalar(
        &self,
        value: Cow<'a, str>,
        style: ScalarStyle,
        raw_start: usize,
        raw_end: usize,
    ) -> Node<'a> {
        let (start, end, block) = self.scalar_range(style, raw_start, raw_end);
        let span = self.span(start, end);
        let token = &self.text[start..end];
        if block {
            return Node::string(span, value, StrStyle::Opaque);
        }
        match style {
            ScalarStyle::Plain => {
                if token != value {
                    // A plain scalar folded over several lines.
                    return Node::string(span, value, StrStyle::Opaque);
                }
                match resolve_plain(token) {
                    Plain::Null => Node::new(span, Value::Null),
                    Plain::Bool(b) => Node::new(span, Value::Bool(b)),
                    Plain::Number => Node::new(span, Value::Number(token)),
                    Plain::Str => {
                        Node::string(span, Cow::Borrowed(token), StrStyle::Verbatim { lead: 0 })
                    }
                }
            }
            ScalarStyle::SingleQuoted => {
                let inner = token.get(1..token.len().saturating_sub(1));
                match inner {
                    Some(inner) if token.len() >= 2 && inner == value => {
                        Node::string(span, Cow::Borrowed(inner), StrStyle::Verbatim { lead: 1 })
                    }
                    _ => Node::string(span, value, StrStyle::Opaque),
                }
            }
            ScalarStyle::DoubleQuoted => {
                let inner = token
                    .get(1..token.len().saturating_sub(1))
                    .unwrap_or_default();
                let style =
                    if token.len() >= 2 && escapes_map_exactly(inner, value.len(), YAML_ESCAPES) {
                        StrStyle::Escaped
                    } else {
                        StrStyle::Opaque
                    };
                Node::string(span, value, style)
            }
            _ => Node::string(span, value, StrStyle::Opaque),
        }
    }
}

enum Plain {
    Null,
    Bool(bool),
    Number,
    Str,
}

/// YAML 1.2 core schema resolution of a plain scalar.
fn resolve_plain(s: &str) -> Plain {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Plain::Null,
        "true" | "True" | "TRUE" => return Plain::Bool(true),
        "false" | "False" | "FALSE" => return Plain::Bool(false),
        ".nan" | ".NaN" | ".NAN" => return Plain::Number,
        _ => {}
    }
    let digits = |s: &str, radix: u32| !s.is_empty() && s.chars().all(|c| c.is_digit(radix));
    if let Some(hex) = s.strip_prefix("0x") {
        return if digits(hex, 16) {
            Plain::Number
        } else {
            Plain::Str
        };
    }
    if let Some(oct) = s.strip_prefix("0o") {
        return if digits(oct, 8) {
            Plain::Number
        } else {
            Plain::Str
        };
    }
    let unsigned = s.strip_prefix(['-', '+']).unwrap_or(s);
    if matches!(unsigned, ".inf" | ".Inf" | ".INF") {
        return Plain::Number;
    }
    // [0-9]+ | (\.[0-9]+ | [0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        None => digits(mantissa, 10),
        Some(("", frac)) => digits(frac, 10),
        Some((int, frac)) => digits(int, 10) && (frac.is_empty() || digits(frac, 10)),
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['-', '+']).unwrap_or(e), 10));
    if mantissa_ok && exponent_ok {
        Plain::Number
    } else {
        Plain::Str
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse::test_support::{secret_source, src};

    const CONTINUE: &str = r#"# .continue/mcpServers/github.yaml — ünïcode comment ☃
name: GitHub MCP server
version: 0.0.1
schema: v1
mcpServers:
  - name: github
    command: npx
    args:
      - "-y"
      - "@modelcontextprotocol/server-github"
    env:
      GITHUB_PERSONAL_ACCESS_TOKEN: ghp_0123456789abcdefghijABCDEFGHIJ012345
      TOKEN: "Bearer sk-live-é-abcdef"
      QUOTED: 'ghp_single'
  - name: brave
    command: uvx
    args: [mcp-server-brave, --port, 8080]
    env: {BRAVE_API_KEY: "BSA123"}
"#;

    #[test]
    fn continue_config_tree_and_spans() {
        let text = CONTINUE;
        let root = parse(text, 0).unwrap();
        assert_eq!(
            root.get("name").and_then(Node::as_str),
            Some("GitHub MCP server")
        );
        assert_eq!(
            root.get("version").unwrap().value,
            Value::Str("0.0.1".into())
        );
        assert_eq!(root.get("schema").and_then(Node::as_str), Some("v1"));
        assert_eq!(src(text, root.members()[0].key_span), "name");
        assert_eq!(
            src(text, root.get("name").unwrap().span),
            "GitHub MCP server"
        );

        let servers = root.get("mcpServers").unwrap();
        assert_eq!(servers.elements().len(), 2);
        assert!(src(text, servers.span).starts_with("- name: github"));
        assert!(src(text, servers.span).ends_with("\"BSA123\"}"));
        let first = &servers.elements()[0];
        assert!(src(text, first.span).starts_with("name: github"));
        assert!(src(text, first.span).ends_with("'ghp_single'"));

        let token = root
            .at_pointer("/mcpServers/0/env/GITHUB_PERSONAL_ACCESS_TOKEN")
            .unwrap();
        assert_eq!(
            src(text, token.span),
            "ghp_0123456789abcdefghijABCDEFGHIJ012345"
        );
        assert_eq!(token.style, StrStyle::Verbatim { lead: 0 });
        let env = root.at_pointer("/mcpServers/0/env").unwrap();
        assert_eq!(src(text, env.members()[1].key_span), "TOKEN");
        let bearer = root.at_pointer("/mcpServers/0/env/TOKEN").unwrap();
        assert_eq!(src(text, bearer.span), "\"Bearer sk-live-é-abcdef\"");
        assert_eq!(bearer.style, StrStyle::Escaped);
        assert_eq!(
            secret_source(text, &root, "/mcpServers/0/env/TOKEN", "sk-live-é-abcdef"),
            "sk-live-é-abcdef"
        );
        assert_eq!(
            secret_source(text, &root, "/mcpServers/0/env/QUOTED", "ghp_single"),
            "ghp_single"
        );
        assert_eq!(
            src(text, root.at_pointer("/mcpServers/0/args/1").unwrap().span),
            "\"@modelcontextprotocol/server-github\""
        );

        let args = root.at_pointer("/mcpServers/1/args").unwrap();
        assert_eq!(src(text, args.span), "[mcp-server-brave, --port, 8080]");
        assert_eq!(args.elements()[2].value, Value::Number("8080"));
        assert_eq!(src(text, args.elements()[1].span), "--port");
        let flow = root.at_pointer("/mcpServers/1/env").unwrap();
        assert_eq!(src(text, flow.span), "{BRAVE_API_KEY: \"BSA123\"}");
        assert_eq!(src(text, flow.members()[0].key_span), "BRAVE_API_KEY");
    }

    #[test]
    fn goose_extensions_map() {
        let text = "\
GOOSE_PROVIDER: openai
extensions:
  github:
    enabled: true
    type: stdio
    cmd: npx
    args: [-y, '@modelcontextprotocol/server-github']
    envs:
      GITHUB_PERSONAL_ACCESS_TOKEN: ghp_goose0123456789
    timeout: 300
  fetch:
    enabled: false
    type: builtin
    bundled: null
";
        let root = parse(text, 0).unwrap();
        let ext = root.get("extensions").unwrap();
        let names: Vec<_> = ext.members().iter().map(|m| &*m.key).collect();
        assert_eq!(names, ["github", "fetch"]);
        assert_eq!(src(text, ext.members()[1].key_span), "fetch");
        assert_eq!(
            root.at_pointer("/extensions/github/enabled").unwrap().value,
            Value::Bool(true)
        );
        assert_eq!(
            root.at_pointer("/extensions/fetch/enabled").unwrap().value,
            Value::Bool(false)
        );
        assert_eq!(
            root.at_pointer("/extensions/fetch/bundled").unwrap().value,
            Value::Null
        );
        assert_eq!(
            root.at_pointer("/extensions/github/timeout").unwrap().value,
            Value::Number("300")
        );
        let tok = root
            .at_pointer("/extensions/github/envs/GITHUB_PERSONAL_ACCESS_TOKEN")
            .unwrap();
        assert_eq!(src(text, tok.span), "ghp_goose0123456789");
        let arg = root.at_pointer("/extensions/github/args/1").unwrap();
        assert_eq!(src(text, arg.span), "'@modelcontextprotocol/server-github'");
        assert_eq!(arg.style, StrStyle::Verbatim { lead: 1 });
        let github = root.at_pointer("/extensions/github").unwrap();
        assert!(src(text, github.span).starts_with("enabled: true"));
        assert!(src(text, github.span).ends_with("timeout: 300"));
    }

    #[test]
    fn non_ascii_text_before_values_keeps_byte_spans() {
        let text = "# ☃ ünïcödé 😀\nnamé: välue 😀\nlist:\n  - ключ: 'значение'\n  - \"日本語 ghp_X\"\nafter: ok\n";
        let root = parse(text, 0).unwrap();
        assert_eq!(src(text, root.members()[0].key_span), "namé");
        assert_eq!(src(text, root.get("namé").unwrap().span), "välue 😀");
        let k = root.at_pointer("/list/0/ключ").unwrap();
        assert_eq!(src(text, k.span), "'значение'");
        assert_eq!(secret_source(text, &root, "/list/1", "ghp_X"), "ghp_X");
        assert_eq!(secret_source(text, &root, "/list/0/ключ", "чение"), "чение");
        assert_eq!(src(text, root.get("after").unwrap().span), "ok");
        // And with an offset (a BOM the caller skipped).
        let root = parse(text, 3).unwrap();
        assert_eq!(
            root.get("after").unwrap().span.start as usize,
            3 + text.find("ok").unwrap()
        );
    }

    #[test]
    fn crlf_line_endings() {
        let text = "a: 1\r\nb:\r\n  c: \"x\"\r\n  d: |\r\n    lit\r\ne: z\r\n";
        let root = parse(text, 0).unwrap();
        assert_eq!(src(text, root.at_pointer("/b/c").unwrap().span), "\"x\"");
        assert_eq!(
            src(text, root.at_pointer("/b/d").unwrap().span),
            "|\r\n    lit"
        );
        assert_eq!(src(text, root.get("e").unwrap().span), "z");
    }

    #[test]
    fn string_styles_map_secrets_to_their_bytes() {
        let text = "\
plain: Bearer ghp_SECRET
single: 'it''s ghp_SECRET'
single_plain: 'x ghp_SECRET'
double: \"\\t\\u00e9 ghp_SECRET\"
double_x: \"\\x41 ghp_SECRET\"
double_nel: \"\\N ghp_SECRET\"
double_multi: \"a
  ghp_SECRET\"
plain_multi: a
  ghp_SECRET
literal: |
  ghp_SECRET
folded: >-
  x
  ghp_SECRET
tagged: !!str &anchor ghp_SECRET
";
        let root = parse(text, 0).unwrap();
        let style = |k: &str| root.get(k).unwrap().style;
        assert_eq!(style("plain"), StrStyle::Verbatim { lead: 0 });
        assert_eq!(style("single"), StrStyle::Opaque);
        assert_eq!(style("single_plain"), StrStyle::Verbatim { lead: 1 });
        assert_eq!(style("double"), StrStyle::Escaped);
        assert_eq!(style("double_x"), StrStyle::Opaque);
        assert_eq!(style("double_nel"), StrStyle::Opaque);
        assert_eq!(style("double_multi"), StrStyle::Opaque);
        assert_eq!(style("plain_multi"), StrStyle::Opaque);
        assert_eq!(style("literal"), StrStyle::Opaque);
        assert_eq!(style("folded"), StrStyle::Opaque);
        assert_eq!(style("tagged"), StrStyle::Verbatim { lead: 0 });

        for key in ["plain", "single_plain", "double", "tagged"] {
            assert_eq!(
                secret_source(text, &root, &format!("/{key}"), "ghp_SECRET"),
                "ghp_SECRET",
                "{key}"
            );
        }
        assert_eq!(secret_source(text, &root, "/double", "\té"), "\\t\\u00e9");
        for key in [
            "single",
            "double_x",
            "double_nel",
            "double_multi",
            "plain_multi",
            "literal",
            "folded",
        ] {
            let node = root.get(key).unwrap();
            assert_eq!(
                secret_source(text, &root, &format!("/{key}"), "ghp_SECRET"),
                src(text, node.span),
                "{key}"
            );
        }
        assert_eq!(
            src(text, root.get("single").unwrap().span),
            "'it''s ghp_SECRET'"
        );
        assert_eq!(
            src(text, root.get("double_multi").unwrap().span),
            "\"a\n  ghp_SECRET\""
        );
        assert_eq!(
            src(text, root.get("plain_multi").unwrap().span),
            "a\n  ghp_SECRET"
        );
        assert_eq!(
            src(text, root.get("literal").unwrap().span),
            "|\n  ghp_SECRET"
        );
        assert_eq!(
            src(text, root.get("folded").unwrap().span),
            ">-\n  x\n  ghp_SECRET"
        );
        assert_eq!(src(text, root.get("tagged").unwrap().span), "ghp_SECRET");
        assert_eq!(root.get("folded").unwrap().as_str(), Some("x ghp_SECRET"));
    }

    #[test]
    fn block_scalars_with_comments_properties_and_sequences() {
        let text = "\
a: | # a|comment >
  one
b: &anc !!str >+
  two

c:
  - |-
    three
  - x
d: |

  after blank
";
        let root = parse(text, 0).unwrap();
        assert_eq!(
            src(text, root.get("a").unwrap().span),
            "| # a|comment >\n  one"
        );
        assert_eq!(src(text, root.get("b").unwrap().span), ">+\n  two");
        assert_eq!(root.get("b").unwrap().as_str(), Some("two\n\n"));
        assert_eq!(
            src(text, root.at_pointer("/c/0").unwrap().span),
            "|-\n    three"
        );
        assert_eq!(src(text, root.at_pointer("/c/1").unwrap().span), "x");
        assert_eq!(src(text, root.get("d").unwrap().span), "|\n\n  after blank");
    }

    #[test]
    fn core_schema_resolution() {
        let text = "\
t: true
f: FALSE
n: ~
n2: null
e:
i: -12
o: 0o17
h: 0xFF
fl: 1.5e3
dot: .5
inf: -.inf
nan: .NaN
s: yes
v: 1.2.3
q: \"true\"
sq: '12'
tag: !!str 7
";
        let root = parse(text, 0).unwrap();
        let v = |k: &str| root.get(k).unwrap().value.clone();
        assert_eq!(v("t"), Value::Bool(true));
        assert_eq!(v("f"), Value::Bool(false));
        assert_eq!(v("n"), Value::Null);
        assert_eq!(v("n2"), Value::Null);
        assert_eq!(v("e"), Value::Null);
        for (k, n) in [
            ("i", "-12"),
            ("o", "0o17"),
            ("h", "0xFF"),
            ("fl", "1.5e3"),
            ("dot", ".5"),
            ("inf", "-.inf"),
            ("nan", ".NaN"),
            ("tag", "7"),
        ] {
            assert_eq!(v(k), Value::Number(n), "{k}");
        }
        assert_eq!(v("s"), Value::Str("yes".into()));
        assert_eq!(v("v"), Value::Str("1.2.3".into()));
        assert_eq!(v("q"), Value::Str("true".into()));
        assert_eq!(v("sq"), Value::Str("12".into()));
        let e = root.get("e").unwrap();
        assert!(e.span.is_empty());
    }

    #[test]
    fn aliases_are_null_and_keys_are_stringified() {
        let text = "\
base: &b {command: npx, env: {T: x}}
copy: *b
merged:
  <<: *b
? [a, b]
: complex
1: one
null: n
";
        let root = parse(text, 0).unwrap();
        let base = root.get("base").unwrap();
        assert_eq!(src(text, base.span), "{command: npx, env: {T: x}}");
        let copy = root.get("copy").unwrap();
        assert_eq!(copy.value, Value::Null);
        assert_eq!(src(text, copy.span), "*b");
        assert_eq!(root.at_pointer("/merged/<<").unwrap().value, Value::Null);
        let complex = root.members().iter().find(|m| m.key == "[a, b]").unwrap();
        assert_eq!(src(text, complex.key_span), "[a, b]");
        assert_eq!(complex.value.as_str(), Some("complex"));
        assert_eq!(root.get("1").and_then(Node::as_str), Some("one"));
        assert_eq!(root.get("null").and_then(Node::as_str), Some("n"));
    }

    #[test]
    fn billion_laughs_stays_small() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for i in 1..30 {
            text.push_str(&format!(
                "a{i}: &a{i} [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            ));
        }
        let root = parse(&text, 0).unwrap();
        assert_eq!(root.members().len(), 30);
        assert!(root.at_pointer("/a29/0").unwrap().value == Value::Null);
    }

    #[test]
    fn only_the_first_document_is_read() {
        let text = "---\na: 1\n...\n---\nb: 2\n---\n[broken\n";
        let root = parse(text, 0).unwrap();
        assert_eq!(root.get("a").unwrap().value, Value::Number("1"));
        assert!(root.get("b").is_none());
        let root = parse("--- just a scalar\n", 0).unwrap();
        assert_eq!(root.as_str(), Some("just a scalar"));
    }

    #[test]
    fn syntax_error_has_a_position() {
        let text = "mcpServers:\n  - name: é x\n    command: [npx\n";
        let err = parse(text, 0).unwrap_err();
        assert!(err.message.starts_with("invalid YAML: "), "{}", err.message);
        assert!(err.span.end as usize <= text.len());
        assert!(err.span.start as usize > text.find("[npx").unwrap());

        let text = "a: é\n b: c: d\n";
        let err = parse(text, 2).unwrap_err();
        assert!(err.message.starts_with("invalid YAML: "), "{}", err.message);
        let at = err.span.start as usize - 2;
        assert_eq!(&text[at..at + 1], ":", "{err:?}");
        assert_eq!(
            at,
            text.find("b:").unwrap() + 1,
            "a byte offset after the é"
        );
    }

    #[test]
    fn empty_and_comment_only_files_fail_cleanly() {
        for text in ["", "  \n\n"] {
            let err = parse(text, 0).unwrap_err();
            assert!(
                err.message.starts_with("the file is empty"),
                "{}",
                err.message
            );
        }
        let err = parse("# just a comment\n", 0).unwrap_err();
        assert!(err.message.contains("only comments"), "{}", err.message);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let n = 10_000;
        let mut block_maps = String::new();
        // Indentation grows with depth, so the text grows quadratically.
        for i in 0..1_000 {
            block_maps.push_str(&" ".repeat(i));
            block_maps.push_str("k:\n");
        }
        let cases = [
            format!("{}{}", "[".repeat(n), "]".repeat(n)),
            format!("{}{}", "{a: ".repeat(n), "}".repeat(n)),
            format!("{}x\n", "- ".repeat(n)),
            block_maps,
        ];
        for text in cases {
            let err = parse(&text, 0).unwrap_err();
            assert!(err.message.contains("nested too deeply"), "{}", err.message);
            assert!(err.span.end as usize <= text.len());
        }
        // Just under the limit is fine.
        let ok = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert!(parse(&ok, 0).is_ok());
    }

    #[test]
    fn invalid_characters_fail_cleanly() {
        for text in [
            "a: \"x\u{0}y\"",
            "a: b\u{7}",
            "a: \u{9b}",
            "a:\tb: c",
            "a: \"\\q\"",
            "key: 'open",
        ] {
            let err = parse(text, 0).unwrap_err();
            assert!(
                err.message.starts_with("invalid YAML: "),
                "{text:?}: {}",
                err.message
            );
            assert!(err.span.end as usize <= text.len());
        }
        let err = parse("é: b\u{7}", 1).unwrap_err();
        assert_eq!(err.span, Span::new(1 + 5, 1 + 6));
    }

    #[test]
    fn never_panics_on_mangled_input() {
        // Deterministic mutations of a realistic file: truncations and
        // single-character substitutions with YAML indicators.
        let base = CONTINUE;
        let specials = [
            '[', ']', '{', '}', ':', '-', '?', '&', '*', '!', '|', '>', '\'', '"', '#', '\t', '\n',
            'é',
        ];
        let boundaries: Vec<usize> = base.char_indices().map(|(i, _)| i).collect();
        for (n, &at) in boundaries.iter().enumerate() {
            let _ = parse(&base[..at], 0);
            let c = specials[n % specials.len()];
            let next = boundaries.get(n + 1).copied().unwrap_or(base.len());
            let mangled = format!("{}{c}{}", &base[..at], &base[next..]);
            if let Ok(root) = parse(&mangled, 0) {
                check_spans(&root, &mangled);
            }
        }
    }

    fn check_spans(node: &Node, text: &str) {
        assert!(text.get(node.span.range()).is_some(), "{node:?}");
        for m in node.members() {
            assert!(text.get(m.key_span.range()).is_some());
            check_spans(&m.value, text);
        }
        for e in node.elements() {
            check_spans(e, text);
        }
    }
}
