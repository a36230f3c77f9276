//! Parsing with exact spans: every format becomes the same [`Node`] tree,
//! whose strings know how to map a decoded range back to source bytes.

pub mod json;
pub mod pointer;
pub mod strings;
pub mod toml;
mod tree;
pub mod yaml;

pub use tree::{Member, Node, StrStyle, Value};

use crate::syntax::source::Span;

/// Why a file could not be turned into a tree, with the position to blame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseFailure {
    pub message: String,
    pub span: Span,
}

/// Span helpers shared by the parsers' tests.
#[cfg(test)]
pub(crate) mod test_support {
    use super::{strings::span_in, Node};
    use crate::syntax::source::Span;

    pub fn src(text: &str, span: Span) -> &str {
        &text[span.range()]
    }

    /// Source text of the secret `needle` inside the string at `ptr`.
    pub fn secret_source<'t>(text: &'t str, root: &Node, ptr: &str, needle: &str) -> &'t str {
        let node = root.at_pointer(ptr).unwrap();
        let decoded = node.as_str().unwrap();
        let at = decoded.find(needle).unwrap();
        &text[span_in(node, text, at..at + needle.len()).range()]
    }
}
