//! One input through the whole lint, whatever brought it: a walked or
//! named file, standard input, a staged blob, a `--fix` round, the `--diff`
//! preview, `baseline write`, a past version in `history`. [`file`] is the
//! only way in, and it applies every setting; no caller applies a part of
//! them after it.
//!
//! decode → parse → model → rules → inline ignores → git grading → the
//! config's rule selection, severities and exceptions → one finding per
//! problem → the persona.

mod exceptions;
mod git_grade;
mod inline_ignores;
mod merge;
mod pipeline;
mod project;
mod report;
mod settings;

use std::path::PathBuf;

pub use exceptions::ExceptionUse;
pub use pipeline::inspect;
pub use project::{servers_file_for, servers_of};
pub use report::{FileError, FileReport, Report, Scope, Version};
pub use settings::{GitFacts, GitState, NoGit, Settings};

use crate::clients::Format;
use crate::finding::Finding;
use crate::syntax::source::SourceFile;

/// The bytes of one config, the path they stand for and its client format.
pub struct Input {
    /// Where the file is (or the name it stands for: standard input, a blob).
    pub path: PathBuf,
    /// The name shown in reports.
    pub display: String,
    pub format: &'static Format,
    pub bytes: Vec<u8>,
    /// Why it is read as `format`, when its content (not its path) said so.
    pub assumed: Option<String>,
}

impl Input {
    /// An input shown under its own path.
    pub fn new(
        path: impl Into<PathBuf>,
        format: &'static Format,
        bytes: impl Into<Vec<u8>>,
    ) -> Self {
        let path = path.into();
        Input {
            display: path.display().to_string(),
            path,
            format,
            bytes: bytes.into(),
            assumed: None,
        }
    }

    /// The same input, read as its format because `why` (content
    /// recognition) says so.
    pub fn assumed(mut self, why: Option<String>) -> Self {
        self.assumed = why;
        self
    }

    /// The same input shown as `display`.
    pub fn shown_as(mut self, display: impl Into<String>) -> Self {
        self.display = display.into();
        self
    }
}

/// Lint one input under `settings`: its report after suppression, severity
/// and git grading.
pub fn file(input: Input, settings: &Settings) -> FileReport {
    let team = settings.team();
    let given = pipeline::Given {
        format: input.format,
        team,
        rules: settings.rules,
        project: &settings.project,
    };
    let source = SourceFile {
        path: input.path,
        display: input.display,
        text: String::new(),
    };
    let found = pipeline::run(input.bytes, source, &given);
    let mut report = FileReport {
        source: found.source,
        format: input.format,
        findings: found.findings,
        masks: found.masks,
        unparsable: found.unparsable,
        settings: settings.clone(),
        exceptions: Vec::new(),
        hidden: Vec::new(),
        assumed: input.assumed,
        misconfigured: false,
        version: None,
    };
    if settings.inline_ignores {
        inline_ignores::apply(&mut report);
    }
    git_grade::apply(&mut report);
    if let Some(config) = &settings.config {
        exceptions::apply(config, &mut report);
    }
    merge::apply(&mut report);
    // Last, so that an exception matching a finding of a higher persona
    // is still in use.
    let persona = settings.persona;
    let (shown, hidden): (Vec<_>, Vec<_>) = std::mem::take(&mut report.findings)
        .into_iter()
        .partition(|f| f.shown_to(persona));
    report.findings = shown;
    report.hidden = hidden.iter().map(Finding::least_persona).collect();
    report
}
