//! Text in and text out: source files with line indexes and spans, the
//! JSON/JSONC/TOML/YAML parsers, variable-reference syntax, span edits and
//! atomic writes. Knows nothing of MCP.

pub mod edit;
pub mod json_edit;
pub mod parse;
pub mod reference;
pub mod source;
pub mod write;
