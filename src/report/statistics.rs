//! `--statistics`: how many findings each rule has, most first — the
//! overview a team reads before deciding what to fix, suppress or baseline.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::finding::{Applicability, Severity};
use crate::lint::Report;

#[derive(Serialize)]
pub struct Count {
    pub rule: &'static str,
    pub count: usize,
    /// The highest severity among the rule's findings.
    pub severity: Severity,
    /// Findings `--fix` (or `--fix --unsafe-fixes`) can change.
    pub fixable: usize,
    pub summary: &'static str,
}

pub fn counts(report: &Report) -> Vec<Count> {
    let mut by_rule: BTreeMap<&'static str, Count> = BTreeMap::new();
    for f in report.files.iter().flat_map(|file| &file.findings) {
        let entry = by_rule.entry(f.rule.id).or_insert(Count {
            rule: f.rule.id,
            count: 0,
            severity: f.severity,
            fixable: 0,
            summary: f.rule.summary,
        });
        entry.count += 1;
        entry.severity = entry.severity.max(f.severity);
        let fixable = f
            .fix
            .as_ref()
            .is_some_and(|x| x.applicability != Applicability::DisplayOnly);
        entry.fixable += usize::from(fixable);
    }
    let mut counts: Vec<Count> = by_rule.into_values().collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.rule.cmp(b.rule)));
    counts
}

/// One line per rule: count, id, severity, fixable count, summary.
pub fn render_text(report: &Report) -> String {
    let counts = counts(report);
    let width = counts.iter().map(|c| c.rule.len()).max().unwrap_or(0);
    let digits = counts
        .iter()
        .map(|c| c.count.to_string().len())
        .max()
        .unwrap_or(1);
    let mut out = String::new();
    for c in &counts {
        let fixable = if c.fixable > 0 {
            format!("[{} fixable] ", c.fixable)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "{:>digits$}  {:<width$}  {:<7}  {fixable}{}",
            c.count,
            c.rule,
            c.severity.as_str(),
            c.summary
        );
    }
    out.push_str(&crate::report::human::summary(report));
    out
}

pub fn render_json(report: &Report) -> String {
    let mut text = serde_json::to_string_pretty(&counts(report)).unwrap_or_else(|_| "[]".into());
    text.push('\n');
    text
}
