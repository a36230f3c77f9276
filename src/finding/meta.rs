//! What every rule declares about itself: its id, summary, category,
//! default severity and persona, whether it can fix, and its documentation.

use super::{Category, Persona, Severity};

/// Whether a rule can offer a fix (shown in `mcplint rules`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixAvailability {
    None,
    Sometimes,
    Always,
}

#[derive(Debug)]
pub struct RuleMeta {
    /// Stable kebab-case id naming the problem; never reused.
    pub id: &'static str,
    pub summary: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub fix: FixAvailability,
    /// The least persona its findings are shown to (a finding may ask
    /// for a higher one).
    pub persona: Persona,
    /// Markdown: What it does / Why is this bad / Example / Use instead.
    pub docs: &'static str,
}
