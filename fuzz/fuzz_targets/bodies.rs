//! The fuzz targets' bodies and the checks they make: what must hold of
//! any tree a parser returns and of any report the engine returns, whatever
//! the input. Each `fuzz_targets/<target>.rs` calls its body here, and
//! `tests/fuzz_regressions.rs` includes this file to run every committed
//! seed and every crash found (`fuzz/regressions/<target>/`) through the
//! same body in the normal test suite.

#![allow(dead_code)]

use std::path::Path;

use mcplint::clients::{formats, Format};
use mcplint::fix;
use mcplint::lint::Report;
use mcplint::lint::{self, FileReport, Input, Settings};
use mcplint::report::{self, human};
use mcplint::syntax::parse::json::{self, Flavor};
use mcplint::syntax::parse::{toml, yaml, Node, ParseFailure, Value};
use mcplint::syntax::source::Span;

/// A target's body: any bytes in, a panic on a broken guarantee.
pub type Body = fn(&[u8]);

/// The target names, for scripts and the regression test.
pub const TARGETS: &[(&str, Body)] = &[
    ("parse_json", parse_json),
    ("parse_toml", parse_toml),
    ("parse_yaml", parse_yaml),
    ("lint_file", lint_file),
    ("fix_roundtrip", fix_roundtrip),
];

/// Any UTF-8 text: a tree whose spans are sound, or a failure whose span
/// is, in the three JSON flavours (strict, JSONC, the lenient recovery).
pub fn parse_json(data: &[u8]) {
    let Some((text, bom)) = utf8(data) else {
        return;
    };
    for flavor in [Flavor::Strict, Flavor::Jsonc, Flavor::Lenient] {
        match json::parse(&text[bom..], bom, flavor) {
            Ok(root) => check_tree(text, &root, true),
            Err(failure) => check_span(text, failure.span),
        }
    }
}

/// TOML tables are not contiguous (`[a]` … `[a.b]` later), so a member
/// may lie outside its table's span; every span is still sound.
pub fn parse_toml(data: &[u8]) {
    parse_with(data, toml::parse);
}

pub fn parse_yaml(data: &[u8]) {
    parse_with(data, yaml::parse);
}

/// Any UTF-8 text through a parser of a language whose members need not
/// nest by position: sound spans, or a failure whose span is.
fn parse_with(data: &[u8], parse: impl Fn(&str, usize) -> Result<Node<'_>, ParseFailure>) {
    let Some((text, bom)) = utf8(data) else {
        return;
    };
    match parse(&text[bom..], bom) {
        Ok(root) => check_tree(text, &root, false),
        Err(failure) => check_span(text, failure.span),
    }
}

/// The whole lint of one file as any client format (the first byte picks
/// it), rendered in every output format: no panic, sound spans, and no
/// output holds a masked value.
pub fn lint_file(data: &[u8]) {
    let Some((format, bytes)) = split(data) else {
        return;
    };
    let report = Report {
        files: vec![lint(format, bytes)],
        ..Report::default()
    };
    let outputs = render(&report);
    check_masked(&report.files[0], &outputs);
}

/// parse → lint → every fix, unsafe ones included → re-parse: a fix never
/// makes a parsable file unparsable.
pub fn fix_roundtrip(data: &[u8]) {
    let Some((format, bytes)) = split(data) else {
        return;
    };
    let report = lint(format, bytes);
    if report.unparsable {
        return;
    }
    let (fixed, problems) = fix::fixed_text(&report, true);
    assert!(problems.is_empty(), "{problems:?}");
    let Some(fixed) = fixed else { return };
    let again = lint(format, fixed.as_bytes());
    assert!(!again.unparsable, "the fixed file does not parse:\n{fixed}");
}

fn utf8(data: &[u8]) -> Option<(&str, usize)> {
    let text = std::str::from_utf8(data).ok()?;
    Some((text, if text.starts_with('\u{feff}') { 3 } else { 0 }))
}

fn render(report: &Report) -> Vec<String> {
    let style = human::Style {
        color: false,
        width: 100,
        quiet: false,
        group: false,
    };
    vec![
        human::render(report, &style),
        report::json::render(report),
        report::sarif::render(report),
        report::github::render(report),
        report::gitlab::render(report),
        report::statistics::render_text(report),
    ]
}

/// Every span of the tree lies inside `text` on character boundaries, and
/// (where the language nests by position) a child lies inside its parent:
/// labels, masks and edits slice by spans.
fn check_tree(text: &str, node: &Node, nested: bool) {
    check_span(text, node.span);
    match &node.value {
        Value::Object(members) => {
            for m in members {
                check_span(text, m.key_span);
                check_tree(text, &m.value, nested);
                assert!(
                    !nested || inside(m.value.span, node.span),
                    "member outside its object"
                );
            }
        }
        Value::Array(items) => {
            for item in items {
                check_tree(text, item, nested);
                assert!(
                    !nested || inside(item.span, node.span),
                    "element outside its array"
                );
            }
        }
        _ => {}
    }
}

fn check_span(text: &str, span: Span) {
    assert!(span.start <= span.end, "span {span:?} runs backwards");
    assert!(
        span.end as usize <= text.len(),
        "span {span:?} past the end ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start as usize),
        "span {span:?} starts inside a character"
    );
    assert!(
        text.is_char_boundary(span.end as usize),
        "span {span:?} ends inside a character"
    );
}

fn inside(inner: Span, outer: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// The first byte picks the client format, the rest is the file.
fn split(data: &[u8]) -> Option<(&'static Format, &[u8])> {
    let (&pick, rest) = data.split_first()?;
    Some((formats()[pick as usize % formats().len()], rest))
}

/// Lint `bytes` as `format`, checking every finding's and mask's span.
fn lint(format: &'static Format, bytes: &[u8]) -> FileReport {
    let path = Path::new(format.paths[0]);
    let input = Input::new(path, format, bytes).shown_as(format.paths[0]);
    let report = lint::file(input, &Settings::default());
    let text = &report.source.text;
    for mask in &report.masks {
        check_span(text, *mask);
    }
    for finding in &report.findings {
        check_span(text, finding.primary.span);
        for label in &finding.related {
            check_span(text, label.span);
        }
        if let Some(fix) = &finding.fix {
            for edit in &fix.edits {
                check_span(text, edit.span);
            }
        }
    }
    report
}

/// No output holds the text of a masked span that occurs once in the file
/// (a value repeated as a server name is shown where the name is needed;
/// snippets still mask every copy) and is not in mcplint's own text (the
/// rule documentation SARIF carries quotes placeholders).
fn check_masked(file: &FileReport, outputs: &[String]) {
    let text = &file.source.text;
    static OWN: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let own = OWN.get_or_init(|| render(&Report::default()).concat());
    for mask in &file.masks {
        let secret = &text[mask.start as usize..mask.end as usize];
        if secret.len() < 12 || text.matches(secret).count() > 1 || own.contains(secret) {
            continue;
        }
        for out in outputs {
            assert!(
                !out.contains(secret),
                "an output holds the masked text {secret:?}:\n{out}"
            );
        }
    }
}
