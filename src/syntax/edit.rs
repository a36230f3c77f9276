//! One replacement of a byte range of the original text.

use super::source::Span;

/// A byte-range replacement in the original text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}
