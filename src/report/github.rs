//! `--format github`: GitHub Actions workflow commands that annotate the
//! exact line and column of each finding.

use crate::finding::Severity;
use crate::lint::Report;

/// Workflow-command data escaping.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Workflow-command property escaping (also `:` and `,`).
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for (file, f, at) in super::located(report) {
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let mut message = f.message.clone();
        if let Some(help) = &f.help {
            message.push_str(&format!("\nhelp: {help}"));
        }
        out.push_str(&format!(
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            property(file.place()),
            at.start.line,
            at.start.column,
            at.end.line,
            at.end.column,
            property(&format!("mcplint {}", f.rule.id)),
            data(&message)
        ));
    }
    for e in &report.errors {
        out.push_str(&format!(
            "::error file={},title=mcplint::{}\n",
            property(&e.file),
            data(&e.message)
        ));
    }
    out
}
