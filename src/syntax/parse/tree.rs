use std::borrow::Cow;

use super::pointer;
use crate::syntax::source::Span;

/// One value of a parsed config, with the span of its source text
/// (for strings: the quotes included).
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    pub span: Span,
    pub value: Value<'a>,
    /// For strings: how decoded text maps back to source bytes.
    pub style: StrStyle,
}

/// How a string scalar is written, so a range of its decoded text can be
/// mapped back to source bytes (labels and masks on exactly the secret).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StrStyle {
    /// One quote on each side, JSON-style backslash escapes in between
    /// (JSON, TOML basic strings, YAML double-quoted on one line).
    #[default]
    Escaped,
    /// The decoded text is the source text after `lead` opening bytes
    /// (TOML literal strings, YAML plain and single-quoted scalars).
    Verbatim { lead: u8 },
    /// No simple mapping (folded or multi-line scalars): any range maps to
    /// the whole scalar.
    Opaque,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Object(Vec<Member<'a>>),
    Array(Vec<Node<'a>>),
    Str(Cow<'a, str>),
    /// The number as written, so nothing is lost to float conversion.
    Number(&'a str),
    Bool(bool),
    Null,
}

/// An object member. Duplicate keys are kept in source order: the last one
/// is the one clients use, and a later rule reports the others.
#[derive(Debug, Clone, PartialEq)]
pub struct Member<'a> {
    pub key: Cow<'a, str>,
    pub key_span: Span,
    pub value: Node<'a>,
}

impl<'a> Node<'a> {
    pub fn new(span: Span, value: Value<'a>) -> Self {
        Node {
            span,
            value,
            style: StrStyle::Escaped,
        }
    }

    pub fn string(span: Span, text: Cow<'a, str>, style: StrStyle) -> Self {
        Node {
            span,
            value: Value::Str(text),
            style,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn members(&self) -> &[Member<'a>] {
        match &self.value {
            Value::Object(m) => m,
            _ => &[],
        }
    }

    pub fn elements(&self) -> &[Node<'a>] {
        match &self.value {
            Value::Array(e) => e,
            _ => &[],
        }
    }

    pub fn is_object(&self) -> bool {
        matches!(self.value, Value::Object(_))
    }

    /// The member a client would read for `key`: the last of duplicates.
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        self.members()
            .iter()
            .rev()
            .find(|m| m.key == key)
            .map(|m| &m.value)
    }

    /// Resolve an RFC 6901 JSON pointer (`""` is the node itself).
    pub fn at_pointer(&self, ptr: &str) -> Option<&Node<'a>> {
        let mut node = self;
        for token in pointer::tokens(ptr)? {
            node = match &node.value {
                Value::Object(_) => node.get(&token)?,
                Value::Array(items) => items.get(pointer::index(&token)?)?,
                _ => return None,
            };
        }
        Some(node)
    }

    /// A short word for messages: "object", "string", …
    pub fn kind_name(&self) -> &'static str {
        match self.value {
            Value::Object(_) => "object",
            Value::Array(_) => "array",
            Value::Str(_) => "string",
            Value::Number(_) => "number",
            Value::Bool(_) => "boolean",
            Value::Null => "null",
        }
    }
}
