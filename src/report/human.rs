//! The human report: one miette diagnostic per finding, with the snippet
//! rendered from the masked copy of the file, then a one-line summary.

use std::fmt::Write as _;
use std::ops::Range;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic,
    Severity as MietteSeverity,
};

use super::excerpt::Excerpt;
use super::masked_text;
use crate::clients::formats;
use crate::finding::{Finding, Severity};
use crate::lint::Report;
use crate::syntax::source::LineIndex;

pub struct Style {
    pub color: bool,
    pub width: usize,
    /// Diagnostics only, without the summary line (`--quiet`).
    pub quiet: bool,
    /// Many findings of one kind in one file: the first in full, the rest
    /// one line each (off with `--no-group`).
    pub group: bool,
}

/// How many findings of one rule and severity in one file it takes to
/// group them: two are shown in full.
const GROUP_FROM: usize = 3;

fn handler(style: &Style) -> GraphicalReportHandler {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
        .with_urls(false)
        // Wrap at spaces only, and never inside a word: a URL in help
        // stays whole, so it can be copied or clicked.
        .with_word_separator(textwrap::WordSeparator::AsciiSpace)
        .with_break_words(false)
        .without_syntax_highlighting()
}

fn severity(s: Severity) -> MietteSeverity {
    match s {
        Severity::Error => MietteSeverity::Error,
        Severity::Warning => MietteSeverity::Warning,
        Severity::Note => MietteSeverity::Advice,
    }
}

fn diagnostic(f: &Finding, excerpt: &Excerpt, primary: Range<usize>) -> MietteDiagnostic {
    let mut labels = vec![LabeledSpan::new_primary_with_span(
        Some(f.primary.text.clone()).filter(|t| !t.is_empty()),
        primary,
    )];
    labels.extend(
        f.related
            .iter()
            .filter(|l| excerpt.contains(&l.span.range()))
            .map(|l| {
                LabeledSpan::new_with_span(Some(l.text.clone()), excerpt.map_range(l.span.range()))
            }),
    );
    let mut help = f.help.clone().unwrap_or_default();
    if !help.is_empty() {
        help.push('\n');
    }
    if let Some(fix) = f
        .fix
        .as_ref()
        .filter(|x| x.applicability != crate::finding::Applicability::DisplayOnly)
    {
        let how = if fix.applicability == crate::finding::Applicability::Safe {
            "--fix"
        } else {
            "--fix --unsafe-fixes"
        };
        help.push_str(&format!("fixable with {how}: {}\n", fix.title));
    }
    help.push_str(&format!("details: mcplint explain {}", f.rule.id));
    MietteDiagnostic::new(f.message.clone())
        .with_code(f.rule.id)
        .with_severity(severity(f.severity))
        .with_labels(labels)
        .with_help(help)
}

pub fn render(report: &Report, style: &Style) -> String {
    let handler = handler(style);
    let mut out = String::new();
    for file in &report.files {
        if file.findings.is_empty() {
            continue;
        }
        let text = masked_text(file);
        let index = LineIndex::new(&text);
        if let Some(why) = &file.assumed {
            let _ = writeln!(
                out,
                "note: {} was recognised by its content: {why}\n",
                file.source.display
            );
        }
        // Errors first, then warnings, then notes; in file order within each.
        let mut findings: Vec<&Finding> = file.findings.iter().collect();
        findings.sort_by_key(|f| (std::cmp::Reverse(f.severity), f.primary.span.start));
        // Findings of one rule and severity, by the first of them (one pass:
        // a file may hold thousands).
        let mut kinds: std::collections::HashMap<(&str, Severity), Vec<&Finding>> =
            std::collections::HashMap::new();
        for f in &findings {
            kinds.entry((f.rule.id, f.severity)).or_default().push(f);
        }
        for f in &findings {
            let alike = &kinds[&(f.rule.id, f.severity)];
            let grouped = style.group && alike.len() >= GROUP_FROM;
            if grouped && !std::ptr::eq(alike[0], *f) {
                continue;
            }
            let (excerpt, primary) = Excerpt::around(
                &file.source.display,
                &text,
                &index,
                f.primary.span.range(),
                f.secret_preview.as_deref(),
            );
            let d = diagnostic(f, &excerpt, primary);
            let report = miette::Report::new(d).with_source_code(excerpt);
            let _ = handler.render_report(&mut out, report.as_ref());
            if grouped {
                more_like_this(&mut out, &file.source.display, &text, &index, &alike[1..]);
            }
            out.push('\n');
        }
    }
    for e in &report.errors {
        // Not a rule: no code that `mcplint explain` would not know.
        let d = MietteDiagnostic::new(format!("{}: {}", e.file, e.message))
            .with_severity(MietteSeverity::Error);
        let _ = handler.render_report(&mut out, &d);
        out.push('\n');
    }
    if !style.quiet {
        out.push_str(&summary(report));
    }
    out
}

/// The rest of a group, one line each: where, and what.
fn more_like_this(
    out: &mut String,
    display: &str,
    text: &str,
    index: &LineIndex,
    rest: &[&Finding],
) {
    let _ = writeln!(
        out,
        "  … {} more like this ({}):",
        rest.len(),
        rest[0].rule.id
    );
    for f in rest {
        let at = index.line_col(text, f.primary.span.start as usize);
        let _ = writeln!(
            out,
            "    {display}:{}:{}: {}",
            at.line, at.column, f.message
        );
    }
    let _ = writeln!(out, "    (--no-group shows each in full)");
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The last line: files scanned and findings by severity.
pub fn summary(report: &Report) -> String {
    let mut out = String::new();
    if report.files_scanned() == 0 {
        if let Some(rev) = &report.scope.changed_since {
            let _ = write!(out, "mcplint: no changed MCP config files since {rev}");
        } else {
            let paths: Vec<&str> = formats()
                .iter()
                .flat_map(|f| f.paths.iter().copied())
                .collect();
            let _ = write!(
                out,
                "mcplint: no MCP config files found (looked for {} and {} other names; `mcplint formats` lists them)",
                paths[..3].join(", "),
                paths.len() - 3
            );
        }
        if !report.errors.is_empty() {
            let _ = write!(
                out,
                "; {} could not be read",
                plural(report.errors.len(), "path", "paths")
            );
        }
        out.push('\n');
        return out;
    }
    let unreadable = report.errors.len() + report.files.iter().filter(|f| f.unparsable).count();
    let scanned = match report.scope.history_paths {
        Some(paths) => format!(
            "{} of {}",
            plural(report.files_scanned(), "version", "versions"),
            plural(paths, "MCP config file", "MCP config files")
        ),
        None => plural(
            report.files_scanned(),
            "MCP config file",
            "MCP config files",
        ),
    };
    let _ = write!(
        out,
        "mcplint: {scanned} scanned: {}, {}, {}",
        plural(report.count(Severity::Error), "error", "errors"),
        plural(report.count(Severity::Warning), "warning", "warnings"),
        plural(report.count(Severity::Note), "note", "notes"),
    );
    if unreadable > 0 {
        let _ = write!(
            out,
            "; {} could not be read or parsed",
            plural(unreadable, "file", "files")
        );
    }
    for file in report.files.iter().filter(|f| f.misconfigured) {
        let _ = write!(
            out,
            "; {} has mistakes (its valid entries still apply)",
            file.source.display
        );
    }
    let (pedantic, auditor) = report.hidden();
    if auditor > 0 {
        let _ = write!(out, "; {}", hidden(pedantic, auditor));
    }
    if let Some((file, hid)) = &report.scope.baseline {
        let _ = write!(
            out,
            "; {} hidden by the baseline ({file})",
            plural(*hid, "finding", "findings")
        );
    }
    out.push('\n');
    out
}

/// What a higher persona would add: `3 more with --persona pedantic`.
fn hidden(pedantic: usize, auditor: usize) -> String {
    if pedantic == auditor {
        format!("{pedantic} more with --persona pedantic")
    } else if pedantic == 0 {
        format!("{auditor} more with --persona auditor")
    } else {
        format!("{pedantic} more with --persona pedantic, {auditor} with --persona auditor")
    }
}
