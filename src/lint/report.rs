//! What a lint produces: one file's report, a file that could not be read,
//! and the report of a whole run, which every output renders.

use super::{ExceptionUse, Settings};
use crate::clients::Format;
use crate::config;
use crate::finding::{Finding, Persona, Severity};
use crate::syntax::source::{SourceFile, Span};

/// The findings of one config file, with what is needed to show them.
pub struct FileReport {
    pub source: SourceFile,
    pub format: &'static Format,
    pub findings: Vec<Finding>,
    /// Spans of every credential found: masked in anything shown.
    pub masks: Vec<Span>,
    /// The file could not be parsed (its findings hold why).
    pub unparsable: bool,
    /// The settings it was linted with: a re-lint of the same file (a fix
    /// round, a diff) uses them again.
    pub settings: Settings,
    /// The config's exceptions whose path matched this file.
    pub exceptions: Vec<ExceptionUse>,
    /// The least persona of each finding the settings' persona does not
    /// show.
    pub hidden: Vec<Persona>,
    /// Why the file was read as `format`, when its content (not its path)
    /// said so: every report says which client was assumed.
    pub assumed: Option<String>,
    /// mcplint's own config with mistakes: its valid entries apply, its
    /// findings say what is wrong, and the run is no pass (exit 2).
    pub misconfigured: bool,
    /// A past version (`history`): `source.display` names it `path@commit`.
    pub version: Option<Version>,
}

/// Which commit's version of a file a report is about, and where code
/// scanning can place it.
#[derive(Clone, Debug)]
pub struct Version {
    /// The path in the repository, as it is (or was) at `HEAD`.
    pub path: String,
    /// The commit's short id.
    pub commit: String,
    /// `HEAD` still has a file at `path`.
    pub at_head: bool,
}

impl FileReport {
    /// Where a report on this file is placed by tools that know only the
    /// working tree (SARIF, annotations): the path alone, for a past version too.
    pub fn place(&self) -> &str {
        self.version
            .as_ref()
            .map_or(&self.source.display, |v| &v.path)
    }
}

impl FileReport {
    /// A report with no findings, linted with the default settings.
    pub fn empty(source: SourceFile, format: &'static Format) -> Self {
        FileReport {
            source,
            format,
            findings: Vec::new(),
            masks: Vec::new(),
            unparsable: false,
            settings: Settings::default(),
            exceptions: Vec::new(),
            hidden: Vec::new(),
            assumed: None,
            misconfigured: false,
            version: None,
        }
    }
}

/// A file that could not be read at all, or a path that could not be searched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    pub file: String,
    pub message: String,
    /// The path is an MCP config (it counts among the files scanned); a
    /// missing path or an unsearchable directory does not.
    pub is_config: bool,
}

/// Every file a run looked at.
#[derive(Default)]
pub struct Report {
    /// Every config that was read and parsed or reported as unparsable.
    pub files: Vec<FileReport>,
    /// Files and directories that could not be read at all.
    pub errors: Vec<FileError>,
    /// How the run was narrowed, for the summary to say.
    pub scope: Scope,
}

/// What a run looked at, when that was not simply the paths it was given.
#[derive(Clone, Debug, Default)]
pub struct Scope {
    /// `--changed-since REV`: only files changed since REV.
    pub changed_since: Option<String>,
    /// `history`: how many distinct paths the versions scanned belong to.
    pub history_paths: Option<usize>,
    /// `--baseline FILE`: the file, and how many findings it hid.
    pub baseline: Option<(String, usize)>,
}

impl Report {
    /// MCP config files looked at, readable or not (mcplint's own config
    /// file is not one of them).
    pub fn files_scanned(&self) -> usize {
        self.files
            .iter()
            .filter(|f| f.format.id != config::CONFIG_FORMAT.id)
            .count()
            + self.errors.iter().filter(|e| e.is_config).count()
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.files
            .iter()
            .flat_map(|f| &f.findings)
            .filter(|f| f.severity == severity)
            .count()
    }

    /// Findings a higher persona would show: how many `pedantic` would,
    /// and how many `auditor` would.
    pub fn hidden(&self) -> (usize, usize) {
        let hidden = self.files.iter().flat_map(|f| &f.hidden);
        let pedantic = hidden.clone().filter(|p| **p <= Persona::Pedantic).count();
        (pedantic, hidden.count())
    }

    /// Did anything stop a file from being checked in full?
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty() || self.files.iter().any(|f| f.unparsable || f.misconfigured)
    }

    /// 2 when a file could not be read or parsed, 1 when a finding is at or
    /// above `fail_on`, else 0.
    pub fn exit_code(&self, fail_on: Option<Severity>) -> u8 {
        if self.has_errors() {
            return 2;
        }
        let failing = fail_on.is_some_and(|level| {
            self.files
                .iter()
                .flat_map(|f| &f.findings)
                .any(|f| f.severity >= level)
        });
        u8::from(failing)
    }
}
