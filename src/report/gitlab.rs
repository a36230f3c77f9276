//! `--format gitlab`: a GitLab Code Quality report.

use serde_json::json;

use crate::finding::Severity;
use crate::lint::Report;

pub fn render(report: &Report) -> String {
    let mut issues = Vec::new();
    for (file, f, at) in super::located(report) {
        let severity = match (f.severity, f.rule.category) {
            (Severity::Error, crate::finding::Category::Secret) => "critical",
            (Severity::Error, _) => "major",
            (Severity::Warning, _) => "minor",
            (Severity::Note, _) => "info",
        };
        issues.push(json!({
            "type": "issue",
            "check_name": f.rule.id,
            "description": f.message,
            "content": { "body": f.help.clone().unwrap_or_default() },
            "categories": ["Security"],
            "fingerprint": f.fingerprint(&file.source.display),
            "severity": severity,
            "location": {
                "path": file.place(),
                "positions": {
                    "begin": { "line": at.start.line, "column": at.start.column },
                    "end": { "line": at.end.line, "column": at.end.column }
                }
            }
        }));
    }
    let mut out = serde_json::to_string_pretty(&issues).unwrap_or_default();
    out.push('\n');
    out
}
