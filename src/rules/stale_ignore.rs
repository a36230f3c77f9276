use super::{FixAvailability, RuleMeta};
use crate::finding::{Category, Persona, Severity};

/// Reported by the run itself (an ignore can only be unused once every
/// file was linted), on the config file.
pub static META: RuleMeta = RuleMeta {
    id: "stale-ignore",
    summary: "an ignore in mcplint.toml matches nothing or has expired",
    category: Category::Hygiene,
    severity: Severity::Warning,
    fix: FixAvailability::None,
    persona: Persona::Regular,
    docs: include_str!("stale_ignore.md"),
};
