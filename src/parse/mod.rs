//! Parsing with exact spans: every format becomes the same [`Node`] tree,
//! whose strings know how to map a decoded range back to source bytes.

pub mod json;
pub mod pointer;
pub mod strings;
pub mod toml;
mod tree;
pub mod yaml;

pub use tree::{Member, Node, StrStyle, Value};

use crate::source::Span;

/// Why a file could not be turned into a tree, with the position to blame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseFailure {
    pub message: String,
    pub span: Span,
}
