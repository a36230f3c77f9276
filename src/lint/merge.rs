//! One problem, one finding: a literal secret that is also a broad
//! credential is one `literal-secret` finding that says so, not two
//! findings on the same value. Applied after the user's suppressions, so
//! that ignoring `literal-secret` on a value still leaves its breadth shown.

use super::FileReport;

const LITERAL: &str = "literal-secret";
const BROAD: &str = "broad-credential";

pub fn apply(report: &mut FileReport) {
    let literal_spans: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule.id == LITERAL)
        .map(|f| f.primary.span)
        .collect();
    let mut merged = Vec::new();
    report.findings.retain(|f| {
        let duplicate = f.rule.id == BROAD && literal_spans.contains(&f.primary.span);
        if duplicate {
            merged.push(f.primary.span);
        }
        !duplicate
    });
    for f in &mut report.findings {
        if f.rule.id == LITERAL && merged.contains(&f.primary.span) {
            f.message.push_str(", a broad credential");
        }
    }
}
