//! A whole run: discover the targets, lint them in parallel, collect one
//! deterministic report.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use crate::discover::{self, Target};
use crate::engine::{self, FileError, FileReport, Outcome};
use crate::finding::Severity;
use crate::formats::Format;
use crate::user;

pub struct Report {
    /// Every config that was read and parsed or reported as unparsable.
    pub files: Vec<FileReport>,
    /// Files and directories that could not be read at all.
    pub errors: Vec<FileError>,
}

impl Report {
    /// Config files looked at, readable or not.
    pub fn files_scanned(&self) -> usize {
        self.files.len() + self.errors.iter().filter(|e| e.is_config).count()
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.files
            .iter()
            .flat_map(|f| &f.findings)
            .filter(|f| f.severity == severity)
            .count()
    }

    /// Did anything stop a file from being checked in full?
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty() || self.files.iter().any(|f| f.unparsable)
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

pub struct Options {
    pub max_file_size: u64,
    /// Read every path in this format, whatever its name (`--client`).
    pub forced: Option<&'static Format>,
    /// Also lint every client's per-user config files (`--user`).
    pub user: bool,
}

/// Lint every config under `paths`.
pub fn check(paths: &[PathBuf], cwd: &Path, options: &Options) -> Report {
    let mut found = discover::discover(paths, cwd, options.forced);
    if options.user {
        for t in user::targets(&user::ProcessEnv) {
            if !found.targets.iter().any(|f| f.path == t.path) {
                found.targets.push(t);
            }
        }
    }
    let mut report = lint_all(&found.targets, options.max_file_size);
    report.errors.extend(found.errors);
    report.errors.sort_by(|a, b| a.file.cmp(&b.file));
    report
}

/// Lint targets on every core; results come back in target order.
pub fn lint_all(targets: &[Target], max_file_size: u64) -> Report {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, Outcome)>> = Mutex::new(Vec::with_capacity(targets.len()));
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(targets.len().max(1));
    let lint = |t: &Target| engine::lint_path(&t.path, t.display.clone(), t.format, max_file_size);
    if workers == 1 {
        // One file (or one core): no thread to spawn, no stack to map.
        let outcomes = targets.iter().map(lint).enumerate().collect();
        return collect(outcomes);
    }
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(t) = targets.get(i) else { break };
                let outcome =
                    engine::lint_path(&t.path, t.display.clone(), t.format, max_file_size);
                results.lock().unwrap().push((i, outcome));
            });
        }
    });
    collect(results.into_inner().unwrap())
}

/// Outcomes, in target order, into a report.
fn collect(mut results: Vec<(usize, Outcome)>) -> Report {
    results.sort_by_key(|(i, _)| *i);
    let mut report = Report {
        files: Vec::new(),
        errors: Vec::new(),
    };
    for (_, outcome) in results {
        match outcome {
            Outcome::Linted(file) => report.files.push(file),
            Outcome::Failed(error) => report.errors.push(error),
        }
    }
    report
}
