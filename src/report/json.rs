//! `--format json`: versioned, documented in the README. Version 1.

use serde::Serialize;

use crate::lint::Report;

pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    tool: Tool,
    files_scanned: usize,
    /// With `--baseline`: how many findings it hid.
    #[serde(skip_serializing_if = "Option::is_none")]
    hidden_by_baseline: Option<usize>,
    findings: Vec<JsonFinding<'a>>,
    errors: Vec<JsonError<'a>>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'static str,
    category: &'static str,
    severity: &'static str,
    confidence: crate::finding::Confidence,
    persona: crate::finding::Persona,
    file: &'a str,
    client: &'static str,
    /// Why the file was read as `client`, when its content (not its path)
    /// said so; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    client_assumed: Option<&'a str>,
    server: Option<&'a str>,
    pointer: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    offset: u32,
    length: usize,
    message: &'a str,
    help: Option<&'a str>,
    secret_preview: Option<&'a str>,
    fingerprint: String,
    fix: Option<JsonFix<'a>>,
}

/// A fix as edits of the config file; never the secret (the env file's
/// value is not in it).
#[derive(Serialize)]
struct JsonFix<'a> {
    title: &'a str,
    applicability: crate::finding::Applicability,
    edits: Vec<JsonEdit<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    env_var: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    offset: u32,
    length: usize,
    replacement: &'a str,
}

#[derive(Serialize)]
struct JsonError<'a> {
    file: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
}

pub fn render(report: &Report) -> String {
    let mut findings = Vec::new();
    let mut errors = Vec::new();
    for (file, f, at) in super::located(report) {
        // `errors` says why a file could not be read; its other findings
        // (secrets found all the same) are findings only.
        if file.unparsable && f.rule.id == crate::rules::PARSE_ERROR.id {
            errors.push(JsonError {
                file: &file.source.display,
                message: &f.message,
                line: Some(at.start.line),
                column: Some(at.start.column),
            });
        }
        findings.push(JsonFinding {
            rule: f.rule.id,
            category: f.rule.category.as_str(),
            severity: f.severity.as_str(),
            confidence: f.confidence,
            persona: f.least_persona(),
            file: &file.source.display,
            client: file.format.client.id,
            client_assumed: file.assumed.as_deref(),
            server: f.server.as_deref(),
            pointer: &f.pointer,
            line: at.start.line,
            column: at.start.column,
            end_line: at.end.line,
            end_column: at.end.column,
            offset: f.primary.span.start,
            length: f.primary.span.len(),
            message: &f.message,
            help: f.help.as_deref(),
            secret_preview: f.secret_preview.as_deref(),
            fingerprint: f.fingerprint(&file.source.display),
            fix: f.fix.as_ref().map(|fix| JsonFix {
                title: &fix.title,
                applicability: fix.applicability,
                edits: fix
                    .edits
                    .iter()
                    .map(|e| JsonEdit {
                        offset: e.span.start,
                        length: e.span.len(),
                        replacement: &e.replacement,
                    })
                    .collect(),
                env_var: fix.extraction.as_ref().map(|x| x.var.as_str()),
            }),
        });
    }
    for e in &report.errors {
        errors.push(JsonError {
            file: &e.file,
            message: &e.message,
            line: None,
            column: None,
        });
    }
    let doc = Document {
        version: VERSION,
        tool: Tool {
            name: "mcplint",
            version: env!("CARGO_PKG_VERSION"),
        },
        files_scanned: report.files_scanned(),
        hidden_by_baseline: report.scope.baseline.as_ref().map(|(_, n)| *n),
        findings,
        errors,
    };
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}
