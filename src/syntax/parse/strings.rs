//! Map a range of a decoded JSON string back to the bytes of its source
//! literal, so a label can point at (and a mask can cover) exactly the
//! secret inside `"Bearer \u0067hp_…"`.

use super::{Node, StrStyle};
use crate::syntax::source::Span;

/// Source span of a byte range of `node`'s decoded string, in `source`.
pub fn span_in(node: &Node, source: &str, decoded: std::ops::Range<usize>) -> Span {
    let at = node.span.start as usize;
    match node.style {
        StrStyle::Escaped => {
            let literal = source.get(node.span.range()).unwrap_or_default();
            source_span(literal, at, decoded)
        }
        StrStyle::Verbatim { lead } => {
            let start = at + lead as usize;
            let end = (start + decoded.end).min(node.span.end as usize);
            Span::new((start + decoded.start).min(end), end)
        }
        StrStyle::Opaque => node.span,
    }
}

/// `literal` is the source text of the string token, quotes included, and
/// `at` its offset in the file. Returns the source span of the decoded
/// byte range `decoded`.
pub fn source_span(literal: &str, at: usize, decoded: std::ops::Range<usize>) -> Span {
    let inner = literal
        .get(1..literal.len().saturating_sub(1))
        .unwrap_or_default();
    if !inner.contains('\\') {
        let end = decoded.end.min(inner.len());
        let start = decoded.start.min(end);
        return Span::new(at + 1 + start, at + 1 + end);
    }
    let (mut start, mut end) = (None, None);
    let mut out = 0; // decoded byte position
    let bytes = inner.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if start.is_none() && out >= decoded.start {
            start = Some(i);
        }
        if out >= decoded.end {
            end = Some(i);
            break;
        }
        let (raw_len, decoded_len) = escape_lengths(inner, i);
        i += raw_len;
        out += decoded_len;
    }
    let end = end.unwrap_or(bytes.len());
    let start = start.unwrap_or(end).min(end);
    Span::new(at + 1 + start, at + 1 + end)
}

/// Source length and decoded UTF-8 length of the character or escape at `i`.
fn escape_lengths(inner: &str, i: usize) -> (usize, usize) {
    let bytes = inner.as_bytes();
    if bytes[i] != b'\\' {
        let len = utf8_len(bytes[i]);
        return (len, len);
    }
    match bytes.get(i + 1) {
        Some(b'u') => {
            let unit = |at: usize| {
                inner
                    .get(at..at + 4)
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
            };
            match unit(i + 2) {
                Some(hi @ 0xD800..=0xDBFF)
                    if bytes.get(i + 6) == Some(&b'\\') && bytes.get(i + 7) == Some(&b'u') =>
                {
                    match unit(i + 8) {
                        Some(0xDC00..=0xDFFF) => (12, 4),
                        _ => (6, char_len(hi)),
                    }
                }
                Some(code) => (6, char_len(code)),
                None => (2, 1),
            }
        }
        Some(_) => (2, 1),
        None => (1, 1),
    }
}

fn char_len(code: u32) -> usize {
    char::from_u32(code).map_or(3, char::len_utf8)
}

fn utf8_len(first: u8) -> usize {
    match first {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(literal: &str, decoded: &str, needle: &str, expect_raw: &str) {
        let start = decoded.find(needle).unwrap();
        let span = source_span(literal, 10, start..start + needle.len());
        assert_eq!(
            &literal[span.start as usize - 10..span.end as usize - 10],
            expect_raw
        );
    }

    #[test]
    fn plain_string_is_offset_by_the_quote() {
        check("\"Bearer abc\"", "Bearer abc", "abc", "abc");
    }

    #[test]
    fn escapes_widen_the_source_span() {
        check(r#""a\"b\u0041c""#, "a\"bAc", "bAc", r"b\u0041c");
        check(r#""\n\tkey""#, "\n\tkey", "key", "key");
        check(r#""x\ud83d\ude00y""#, "x\u{1F600}y", "y", "y");
        check(r#""é\/z""#, "é/z", "/z", r"\/z");
    }
}
