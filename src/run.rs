//! A whole run: discover the targets, lint them in parallel, collect one
//! deterministic report.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use crate::config::{self, Config, Team};
use crate::configs::Configs;
use crate::discover::{self, Target};
use crate::engine::{self, FileError, FileReport, Outcome};
use crate::finding::Finding;
use crate::finding::Severity;
use crate::formats::{self, Format};
use crate::rules;
use crate::user;

pub struct Report {
    /// Every config that was read and parsed or reported as unparsable.
    pub files: Vec<FileReport>,
    /// Files and directories that could not be read at all.
    pub errors: Vec<FileError>,
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
    /// Honour `mcplint-ignore[rule]: reason` comments (`--no-inline-ignores` turns it off).
    pub inline_ignores: bool,
    pub config: ConfigChoice,
    /// Configs read from standard input or git's index, linted and
    /// filtered like the rest.
    pub in_memory: Vec<InMemory>,
}

/// Content not read from the worktree, and the file name it stands for.
pub struct InMemory {
    pub name: PathBuf,
    pub display: String,
    /// The format its name says; `None` leaves it to a `[[client]]` glob
    /// of the config file (unclaimed, it is not linted).
    pub format: Option<&'static Format>,
    pub bytes: Vec<u8>,
}

/// Which `mcplint.toml` applies.
#[derive(Clone, Debug, Default)]
pub enum ConfigChoice {
    /// The nearest one above the working directory (up to the repository root).
    #[default]
    Discover,
    /// `--config PATH`.
    Path(PathBuf),
    /// `--no-config`.
    Ignore,
}

/// Lint every config under `paths`.
pub fn check(paths: &[PathBuf], cwd: &Path, options: &Options) -> Report {
    let configs = Configs::new(&options.config, cwd);
    let mut report = check_with(paths, cwd, options, &configs);
    report.files.extend(configs.into_broken());
    report
}

fn check_with(paths: &[PathBuf], cwd: &Path, options: &Options, configs: &Configs) -> Report {
    let recognise = |path: &Path| {
        options
            .forced
            .or_else(|| configs.for_path(path).and_then(|c| c.client_for(path)))
            .or_else(|| formats::for_path(path))
    };
    let mut found = discover::discover_with(paths, cwd, &recognise);
    if options.user {
        for t in user::targets(&user::ProcessEnv) {
            if !found.targets.iter().any(|f| f.path == t.path) {
                found.targets.push(t);
            }
        }
    }
    found.targets.retain(|t| {
        !configs
            .for_path(&t.path)
            .is_some_and(|c| c.excluded(&t.path))
    });
    let target_configs: Vec<Option<Arc<Config>>> = found
        .targets
        .iter()
        .map(|t| configs.for_path(&t.path))
        .collect();
    let mut report = lint_all(&found.targets, options.max_file_size, &|i| {
        target_configs[i]
            .as_deref()
            .map_or_else(Team::default, Config::team)
    });
    for held in &options.in_memory {
        // A per-glob client of the config file applies to standard input
        // and staged blobs by the name they stand for.
        let config = configs.for_path(&held.name);
        let Some(format) = options
            .forced
            .or_else(|| config.as_ref().and_then(|c| c.client_for(&held.name)))
            .or(held.format)
        else {
            continue;
        };
        if config.as_ref().is_some_and(|c| c.excluded(&held.name)) {
            continue;
        }
        report.files.push(crate::engine::lint_bytes_with(
            held.bytes.clone(),
            &held.name,
            held.display.clone(),
            format,
            config.as_deref().map_or_else(Team::default, Config::team),
        ));
    }
    report.errors.extend(found.errors);
    report.errors.sort_by(|a, b| a.file.cmp(&b.file));
    if options.inline_ignores {
        for file in &mut report.files {
            crate::suppress::apply(file);
        }
    }
    grade_by_git(&mut report);
    // Named files alone (pre-commit, an editor) cannot tell whether an
    // exception for another file still matches.
    let walked = paths.iter().any(|p| p.is_dir());
    apply_configs(configs, &mut report, walked);
    report
}

/// The config files over findings that were not linted from the working
/// tree (`mcplint history`): each file's path is relative to `root`, and
/// exceptions that match nothing are not called stale (they speak of the
/// working tree, not of every past version).
pub fn apply_config_to(report: &mut Report, root: &Path, cwd: &Path, choice: &ConfigChoice) {
    let configs = Configs::new(choice, cwd);
    let mut files = std::mem::take(&mut report.files);
    let relative: Vec<PathBuf> = files.iter().map(|f| f.source.path.clone()).collect();
    for file in &mut files {
        file.source.path = root.join(&file.source.path);
    }
    let mut linted = Report {
        files,
        errors: Vec::new(),
    };
    apply_configs(&configs, &mut linted, false);
    for (file, path) in linted.files.iter_mut().zip(relative) {
        let excluded = configs
            .for_path(&file.source.path)
            .is_some_and(|c| c.excluded(&file.source.path));
        file.source.path = path;
        if excluded {
            file.findings.clear();
        }
    }
    // Stale-exception reports (on the config files) speak of the working tree.
    linted
        .files
        .retain(|f| f.format.id != config::CONFIG_FORMAT.id);
    report.files = linted.files;
    report.files.extend(configs.into_broken());
}

/// Each file's findings through the config that applies to it.
fn apply_configs(configs: &Configs, report: &mut Report, walked: bool) {
    let mut groups: Vec<(Arc<Config>, Vec<&mut FileReport>)> = Vec::new();
    for file in &mut report.files {
        let Some(config) = configs.for_path(&file.source.path) else {
            continue;
        };
        match groups.iter_mut().find(|(c, _)| Arc::ptr_eq(c, &config)) {
            Some((_, files)) => files.push(file),
            None => groups.push((config, vec![file])),
        }
    }
    // A config none of whose files were linted (all excluded, or none
    // there) still has its stale exceptions reported when the run walked.
    for config in configs.loaded() {
        if !groups.iter().any(|(c, _)| Arc::ptr_eq(c, &config)) {
            groups.push((config, Vec::new()));
        }
    }
    let mut stale = Vec::new();
    for (config, mut files) in groups {
        stale.extend(apply(&config, &mut files, walked));
    }
    report.files.extend(stale);
}

/// Rule selection, severities and reviewed exceptions of the config file;
/// unmatched and expired exceptions are reported on the config file.
fn apply(config: &Config, files: &mut [&mut FileReport], walked: bool) -> Option<FileReport> {
    let today = config::today();
    let mut used = vec![false; config.ignores.len()];
    let mut seen = vec![walked; config.ignores.len()];
    for file in files.iter_mut() {
        let relative = config.relative(&file.source.path).into_owned();
        for (i, ig) in config.ignores.iter().enumerate() {
            seen[i] |= ig.path.is_match(&relative);
        }
        let display = file.source.display.clone();
        file.findings.retain_mut(|f| {
            if !config.enabled(f.rule) {
                return false;
            }
            if let Some(level) = config.severity_of(f.rule) {
                f.severity = level;
            }
            let fingerprint = f.fingerprint(&display);
            let hit = config.ignores.iter().position(|ig| {
                ig.rule == f.rule.id
                    && ig.path.is_match(&relative)
                    && ig
                        .pointer
                        .as_deref()
                        .is_none_or(|p| f.pointer == p || f.pointer.starts_with(&format!("{p}/")))
                    && ig.hash.as_deref().is_none_or(|h| h == fingerprint)
                    && ig.expires.as_deref().is_none_or(|e| e >= today.as_str())
            });
            match hit {
                Some(i) => {
                    used[i] = true;
                    false
                }
                None => true,
            }
        });
    }
    let mut stale = Vec::new();
    for (i, ig) in config.ignores.iter().enumerate().filter(|(i, _)| seen[*i]) {
        let expired = ig.expires.as_deref().filter(|e| *e < today.as_str());
        let message = match (expired, used[i]) {
            (Some(date), _) => format!(
                "ignore of `{}` expired on {date}; its findings are reported again",
                ig.rule
            ),
            (None, false) => format!("ignore of `{}` matches no finding", ig.rule),
            (None, true) => continue,
        };
        stale.push(
            Finding::new(&rules::STALE_IGNORE, ig.span, message)
                .label(format!("reason given: {}", ig.reason))
                .help("remove the entry, or fix its rule, path or pointer; renew an expired one only after review")
                .at(&ig.at, None)
                .discriminator(ig.at.clone()),
        );
    }
    (!stale.is_empty()).then(|| FileReport {
        source: config.source.clone(),
        format: &config::CONFIG_FORMAT,
        findings: stale,
        masks: Vec::new(),
        unparsable: false,
    })
}

/// Lint targets on every core; results come back in target order.
pub fn lint_all<'p>(
    targets: &[Target],
    max_file_size: u64,
    team: &(dyn Fn(usize) -> Team<'p> + Sync),
) -> Report {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, Outcome)>> = Mutex::new(Vec::with_capacity(targets.len()));
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(targets.len().max(1));
    let lint = |i: usize, t: &Target| {
        engine::lint_path_with(&t.path, t.display.clone(), t.format, max_file_size, team(i))
    };
    if workers == 1 {
        // One file (or one core): no thread to spawn, no stack to map.
        let outcomes = targets
            .iter()
            .enumerate()
            .map(|(i, t)| (i, lint(i, t)))
            .collect();
        return collect(outcomes);
    }
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(t) = targets.get(i) else { break };
                let outcome = lint(i, t);
                results.lock().unwrap().push((i, outcome));
            });
        }
    });
    collect(results.into_inner().unwrap())
}

/// A literal secret in a file git tracks (or would commit) is an error; in
/// a git-ignored personal file it is a warning. The message says which.
fn grade_by_git(report: &mut Report) {
    let mut repos: Vec<(PathBuf, git2::Repository)> = Vec::new();
    for file in &mut report.files {
        if !file.findings.iter().any(|f| f.rule.id == "literal-secret") {
            continue;
        }
        let Some(dir) = file
            .source
            .path
            .parent()
            .and_then(|d| d.canonicalize().ok())
        else {
            continue;
        };
        let known = repos.iter().position(|(root, _)| dir.starts_with(root));
        let index = match known {
            Some(i) => i,
            None => {
                let Ok(repo) = git2::Repository::discover(&dir) else {
                    continue;
                };
                let Some(root) = repo.workdir().and_then(|w| w.canonicalize().ok()) else {
                    continue;
                };
                repos.push((root, repo));
                repos.len() - 1
            }
        };
        let (root, repo) = &repos[index];
        let Some(name) = file.source.path.file_name() else {
            continue;
        };
        let Ok(relative) = dir.join(name).strip_prefix(root).map(Path::to_path_buf) else {
            continue;
        };
        let tracked = repo
            .index()
            .is_ok_and(|i| i.get_path(&relative, 0).is_some());
        let ignored = !tracked && repo.is_path_ignored(&relative).unwrap_or(false);
        for f in file
            .findings
            .iter_mut()
            .filter(|f| f.rule.id == "literal-secret")
        {
            if ignored {
                f.severity = f.severity.min(Severity::Warning);
                f.message.push_str(" (in a git-ignored file: not committed, but readable by every tool on this machine)");
            } else if tracked {
                f.message
                    .push_str(" (git tracks this file: the secret is published with it)");
            } else {
                f.message
                    .push_str(" (not git-ignored: the next `git add` publishes it)");
            }
        }
    }
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
