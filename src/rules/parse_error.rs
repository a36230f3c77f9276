use super::{FixAvailability, RuleMeta};
use crate::finding::{Category, Finding, Persona, Severity};
use crate::syntax::parse::ParseFailure;

pub static META: RuleMeta = RuleMeta {
    id: "parse-error",
    summary: "the file is not valid for its client (malformed JSON, wrong encoding)",
    category: Category::Schema,
    severity: Severity::Error,
    fix: FixAvailability::None,
    persona: Persona::Regular,
    docs: include_str!("parse_error.md"),
};

/// The diagnostic for a file that could not be parsed. Reported by the
/// engine, since no model exists for rules to check.
pub fn parse_failure(failure: &ParseFailure) -> Finding {
    Finding::new(&META, failure.span, failure.message.clone())
        .label("here")
        .help("the client cannot load this file, so none of its servers start; fix the syntax and run mcplint again")
        .discriminator("parse")
}
