//! Layout-keeping insertions and removals in JSON/JSONC text, for fixes:
//! a new member or element goes where the file's author would have put
//! it — on its own line with its neighbours' indentation in a multi-line
//! container, inline in a one-line one — and nothing else moves.
//!
//! Values are given as JSON text; callers quote strings with [`string`].

use super::edit::Edit;
use crate::syntax::parse::{Node, Value};
use crate::syntax::source::Span;

/// `text` as a JSON string literal.
pub fn string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

/// Add `"key": value` at the end of `object`.
pub fn insert_member(source: &str, object: &Node, key: &str, value: &str) -> Option<Edit> {
    let Value::Object(members) = &object.value else {
        return None;
    };
    let entry = format!("{}: {value}", string(key));
    let at = |offset: usize, replacement: String| {
        Some(Edit {
            span: Span::new(offset, offset),
            replacement,
        })
    };
    match members.last() {
        Some(last) => {
            let end = last.value.span.end as usize;
            let start = last.key_span.start as usize;
            if same_line(source, object.span.start as usize, start) {
                at(end, format!(", {entry}"))
            } else {
                at(
                    end,
                    format!(",{}{}{entry}", newline(source), indent_of(source, start)),
                )
            }
        }
        None => empty_container(source, object, &entry),
    }
}

/// Add `"name": value` to the map at `object[key]`, creating the map (on
/// one line) when `object` has none.
pub fn insert_into_map(
    source: &str,
    object: &Node,
    key: &str,
    name: &str,
    value: &str,
) -> Option<Edit> {
    match object.get(key) {
        Some(map) => insert_member(source, map, name, value),
        None => insert_member(
            source,
            object,
            key,
            &format!("{{ {}: {value} }}", string(name)),
        ),
    }
}

/// Add `value` at the end of `array`.
pub fn push_element(source: &str, array: &Node, value: &str) -> Option<Edit> {
    let Value::Array(items) = &array.value else {
        return None;
    };
    match items.last() {
        Some(last) => {
            let end = last.span.end as usize;
            let start = last.span.start as usize;
            let replacement = if same_line(source, array.span.start as usize, start) {
                format!(", {value}")
            } else {
                format!(",{}{}{value}", newline(source), indent_of(source, start))
            };
            Some(Edit {
                span: Span::new(end, end),
                replacement,
            })
        }
        None => empty_container(source, array, value),
    }
}

/// Insert `values` just before `element`, in the same line style.
pub fn insert_before(source: &str, element: &Node, values: &[String]) -> Edit {
    let start = element.span.start as usize;
    // Only indentation between the line break and the element.
    let own_line = source[..start]
        .rsplit('\n')
        .next()
        .is_some_and(|before| before.trim().is_empty());
    let separator = if own_line {
        format!(",{}{}", newline(source), indent_of(source, start))
    } else {
        ", ".to_string()
    };
    let mut replacement = values.join(&separator);
    replacement.push_str(&separator);
    Edit {
        span: Span::new(start, start),
        replacement,
    }
}

/// Remove `elements` (consecutive items of `array`) with one comma, so the
/// array stays valid and its other items keep their lines.
pub fn remove_elements(
    source: &str,
    array: &Node,
    elements: std::ops::Range<usize>,
) -> Option<Edit> {
    let items = array.elements();
    if elements.is_empty() || elements.end > items.len() {
        return None;
    }
    let first = &items[elements.start];
    let last = &items[elements.end - 1];
    let span = if let Some(next) = items.get(elements.end) {
        // Up to the next item: takes the comma after and the line break.
        Span::new(first.span.start as usize, next.span.start as usize)
    } else if let Some(previous) = elements.start.checked_sub(1).map(|i| &items[i]) {
        // The tail: from the end of the item before (its comma goes too).
        Span::new(previous.span.end as usize, last.span.end as usize)
    } else {
        // Every item: keep the brackets.
        Span::new(first.span.start as usize, last.span.end as usize)
    };
    // A comment between the items would go with them: leave that to the user.
    let removed = &source[span.range()];
    if removed.contains("//") || removed.contains("/*") {
        return None;
    }
    Some(Edit {
        span,
        replacement: String::new(),
    })
}

fn empty_container(source: &str, container: &Node, entry: &str) -> Option<Edit> {
    let open = container.span.start as usize + 1;
    let close = (container.span.end as usize).checked_sub(1)?;
    let inside = source.get(open..close)?;
    if inside.contains(['\n', '\r']) {
        let indent = indent_of(source, container.span.start as usize);
        let unit = indent_unit(source);
        return Some(Edit {
            span: Span::new(open, close),
            replacement: format!(
                "{nl}{indent}{unit}{entry}{nl}{indent}",
                nl = newline(source)
            ),
        });
    }
    Some(Edit {
        span: Span::new(open, close),
        replacement: entry.to_string(),
    })
}

fn same_line(source: &str, a: usize, b: usize) -> bool {
    !source[a.min(b)..a.max(b)].contains('\n')
}

/// The leading whitespace of the line holding `offset`.
pub fn indent_of(source: &str, offset: usize) -> String {
    let line_start = source[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    source[line_start..offset]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect()
}

/// The file's line break: CRLF when it uses CRLF.
pub fn newline(source: &str) -> &'static str {
    if source.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    }
}

/// One level of indentation as the file writes it (the first indented
/// line's), two spaces when nothing is indented.
pub fn indent_unit(source: &str) -> String {
    source
        .lines()
        .map(|l| {
            l.chars()
                .take_while(|c| *c == ' ' || *c == '\t')
                .collect::<String>()
        })
        .find(|i| !i.is_empty())
        .unwrap_or_else(|| "  ".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse::json;

    fn apply(source: &str, edit: Edit) -> String {
        let mut out = source.to_string();
        out.replace_range(edit.span.range(), &edit.replacement);
        out
    }

    fn root(source: &str) -> Node<'_> {
        json::parse(source, 0, json::Flavor::Strict).expect("valid JSON")
    }

    #[test]
    fn no_elements_or_elements_past_the_end_are_not_removed() {
        let text = "[\"-y\", \"acme-mcp\", \"--stdio\"]";
        let array = root(text);
        assert!(remove_elements(text, &array, 1..1).is_none());
        assert!(remove_elements(text, &array, 2..4).is_none());
        let edit = remove_elements(text, &array, 1..2).unwrap();
        assert_eq!(apply(text, edit), "[\"-y\", \"--stdio\"]");
    }

    #[test]
    fn a_member_follows_its_neighbours() {
        let text = "{\n    \"a\": 1,\n    \"b\": 2\n}\n";
        let edit = insert_member(text, &root(text), "c", "3").unwrap();
        assert_eq!(
            apply(text, edit),
            "{\n    \"a\": 1,\n    \"b\": 2,\n    \"c\": 3\n}\n"
        );
        let inline = "{ \"a\": 1 }";
        let edit = insert_member(inline, &root(inline), "c", "3").unwrap();
        assert_eq!(apply(inline, edit), "{ \"a\": 1, \"c\": 3 }");
        let crlf = "{\r\n  \"a\": 1\r\n}";
        let edit = insert_member(crlf, &root(crlf), "c", "3").unwrap();
        assert_eq!(apply(crlf, edit), "{\r\n  \"a\": 1,\r\n  \"c\": 3\r\n}");
    }

    #[test]
    fn empty_containers_get_one_entry() {
        let text = "{}";
        assert_eq!(
            apply(
                text,
                insert_member(text, &root(text), "k", "\"v\"").unwrap()
            ),
            "{\"k\": \"v\"}"
        );
        let text = "[\n]";
        assert_eq!(
            apply(text, push_element(text, &root(text), "1").unwrap()),
            "[\n  1\n]"
        );
    }

    #[test]
    fn elements_are_pushed_inserted_and_removed() {
        let text = "[\n  \"-y\",\n  \"pkg\"\n]";
        let r = root(text);
        assert_eq!(
            apply(text, push_element(text, &r, "\"--x\"").unwrap()),
            "[\n  \"-y\",\n  \"pkg\",\n  \"--x\"\n]"
        );
        let pkg = &r.elements()[1];
        let edit = insert_before(text, pkg, &["\"-e\"".into(), "\"A\"".into()]);
        assert_eq!(
            apply(text, edit),
            "[\n  \"-y\",\n  \"-e\",\n  \"A\",\n  \"pkg\"\n]"
        );
        let inline = "[\"a\", \"b\", \"c\"]";
        let r = root(inline);
        assert_eq!(
            apply(inline, remove_elements(inline, &r, 1..2).unwrap()),
            "[\"a\", \"c\"]"
        );
        assert_eq!(
            apply(inline, remove_elements(inline, &r, 1..3).unwrap()),
            "[\"a\"]"
        );
        assert_eq!(
            apply(inline, remove_elements(inline, &r, 0..3).unwrap()),
            "[]"
        );
    }

    #[test]
    fn new_lines_take_the_indentation_of_their_line_and_of_the_file() {
        // The leading whitespace of the line, not what precedes the element on it.
        let text = "[\n    \"-y\", \"pkg\"\n]";
        assert_eq!(
            apply(text, push_element(text, &root(text), "\"--x\"").unwrap()),
            "[\n    \"-y\", \"pkg\",\n    \"--x\"\n]"
        );
        // A tab-indented file gets tabs inside an empty container.
        let text = "{\n\t\"env\": {\n\t}\n}";
        let env = root(text).get("env").unwrap().clone();
        assert_eq!(
            apply(text, insert_member(text, &env, "K", "\"v\"").unwrap()),
            "{\n\t\"env\": {\n\t\t\"K\": \"v\"\n\t}\n}"
        );
    }

    #[test]
    fn elements_with_a_comment_between_them_are_left_to_the_user() {
        for text in [
            "[\"a\", // why\n \"b\", \"c\"]",
            "[\"a\", /* why */ \"b\", \"c\"]",
        ] {
            let r = json::parse(text, 0, json::Flavor::Jsonc).unwrap();
            assert_eq!(remove_elements(text, &r, 0..2), None, "{text}");
            assert!(remove_elements(text, &r, 2..3).is_some(), "{text}");
        }
    }
}
