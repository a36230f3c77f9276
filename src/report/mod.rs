//! Reports. Every format shows the same findings, and none shows a secret:
//! messages never contain one, previews are masked, and source snippets are
//! rendered from a copy of the file with every credential masked.

mod excerpt;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod sarif;
pub mod statistics;

use crate::finding::Finding;
use crate::lint::FileReport;
use crate::syntax::source::{LineCol, LineIndex};

/// Start and end (exclusive) of a finding, as lines and columns.
pub struct Position {
    pub start: LineCol,
    pub end: LineCol,
}

/// Line/column positions for the findings of one file, computed once.
pub struct Positions<'r> {
    file: &'r FileReport,
    index: LineIndex,
}

impl<'r> Positions<'r> {
    pub fn new(file: &'r FileReport) -> Self {
        Positions {
            file,
            index: LineIndex::new(&file.source.text),
        }
    }

    pub fn of(&self, finding: &Finding) -> Position {
        let text = &self.file.source.text;
        let span = finding.primary.span;
        Position {
            start: self.index.line_col(text, span.start as usize),
            end: self.index.line_col(text, span.end as usize),
        }
    }
}

/// Every finding with its file and position, in report order (one line
/// index per file with findings).
pub fn located(report: &crate::lint::Report) -> Vec<(&FileReport, &Finding, Position)> {
    let mut out = Vec::new();
    for file in report.files.iter().filter(|f| !f.findings.is_empty()) {
        let positions = Positions::new(file);
        out.extend(file.findings.iter().map(|f| (file, f, positions.of(f))));
    }
    out
}

/// The file's text with every credential masked, offsets unchanged.
pub fn masked_text(file: &FileReport) -> String {
    crate::knowledge::detect::mask::mask(&file.source.text, &file.masks)
}
