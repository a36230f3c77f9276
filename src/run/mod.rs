//! A whole run: discover the inputs, resolve each one's settings, lint
//! them all through [`lint::file`] on every core, and collect one
//! deterministic report; then report the config files' stale exceptions.
//!
//! Settings files are linted after the other files: their permission rules
//! need the servers of their project's `.mcp.json`, taken from that file's
//! report in this run (or, when the run does not include it, from a lint of
//! it with its own settings).

pub mod baseline;
pub mod changed;
pub mod discover;
pub mod history;
pub mod user;

mod configs;
mod git;
pub mod read;
mod settings;
mod stale;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

pub use configs::Configs;
pub use read::{human_size, DEFAULT_MAX_FILE_SIZE};
pub use settings::Resolver;

use crate::clients::{self, Format};
use crate::finding::Persona;
use crate::lint::{self, FileError, FileReport, Input, Report};
use crate::model::ProjectServer;

pub struct Options {
    pub max_file_size: u64,
    /// Read every path in this format, whatever its name (`--client`).
    pub forced: Option<&'static Format>,
    /// Also lint every client's per-user config files (`--user`).
    pub user: bool,
    /// Honour `mcplint-ignore[rule]: reason` comments (`--no-inline-ignores` turns it off).
    pub inline_ignores: bool,
    pub config: ConfigChoice,
    /// `--persona`: whom the report is for, over the configs' choice.
    pub persona: Option<Persona>,
    /// Configs read from standard input or git's index, linted and
    /// filtered like the rest.
    pub in_memory: Vec<InMemory>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            forced: None,
            user: false,
            inline_ignores: true,
            config: ConfigChoice::Discover,
            persona: None,
            in_memory: Vec::new(),
        }
    }
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

/// One input of the run: where its bytes come from, and what it is.
struct Job {
    path: PathBuf,
    display: String,
    format: &'static Format,
    /// Why it was read as `format`, when its content said so.
    why: Option<String>,
    /// Held in memory (standard input, a staged blob); else read from `path`.
    held: Option<usize>,
}

/// Lint every config under `paths`.
pub fn check(paths: &[PathBuf], cwd: &Path, options: &Options) -> Report {
    let resolver =
        Resolver::new(&options.config, cwd, options.inline_ignores).with_persona(options.persona);
    let (jobs, errors) = jobs(paths, cwd, options, &resolver);
    let mut report = lint_jobs(&jobs, options, &resolver);
    report.errors.extend(errors);
    report.errors.sort_by(|a, b| a.file.cmp(&b.file));
    // Named files alone (pre-commit, an editor) cannot tell whether an
    // exception for another file still matches.
    let walked = paths.iter().any(|p| p.is_dir());
    stale::report(&resolver, &mut report, walked);
    for broken in resolver.into_broken() {
        // One report per config file: its mistakes beside its stale exceptions.
        match report.files.iter_mut().find(|f| {
            f.format.id == crate::config::CONFIG_FORMAT.id && f.source.path == broken.source.path
        }) {
            Some(file) => {
                file.findings.splice(0..0, broken.findings);
                file.misconfigured |= broken.misconfigured;
                file.unparsable |= broken.unparsable;
            }
            None => report.files.push(broken),
        }
    }
    report
}

/// The inputs of a run, in report order: discovered files, per-user files,
/// then what is held in memory; and the paths that could not be searched.
fn jobs(
    paths: &[PathBuf],
    cwd: &Path,
    options: &Options,
    resolver: &Resolver,
) -> (Vec<Job>, Vec<FileError>) {
    let recognise = |path: &Path| {
        options
            .forced
            .or_else(|| resolver.client_for(path))
            .or_else(|| clients::for_path(path))
    };
    let mut found = discover::discover_with(paths, cwd, &recognise);
    if options.user {
        user::add_to(&mut found.targets);
    }
    let mut jobs: Vec<Job> = found
        .targets
        .into_iter()
        .filter(|t| !resolver.excluded(&t.path))
        .map(|t| Job {
            path: t.path,
            display: t.display,
            format: t.format,
            why: t.why,
            held: None,
        })
        .collect();
    for (i, held) in options.in_memory.iter().enumerate() {
        // A per-glob client of the config file applies to standard input
        // and staged blobs by the name they stand for.
        let claimed = options
            .forced
            .or_else(|| resolver.client_for(&held.name))
            .or(held.format);
        // Unclaimed by its name: its content may still say it is a config.
        let (format, why) = match claimed {
            Some(format) => (format, None),
            None => match held_by_content(held) {
                Some(by) => (by.format, Some(by.why)),
                None => continue,
            },
        };
        if resolver.excluded(&held.name) {
            continue;
        }
        jobs.push(Job {
            path: held.name.clone(),
            display: held.display.clone(),
            format,
            why,
            held: Some(i),
        });
    }
    (jobs, found.errors)
}

/// Recognise content held in memory (standard input, a staged blob) by the
/// name it stands for and its bytes, as the walk recognises a file.
fn held_by_content(held: &InMemory) -> Option<clients::recognise::ByContent> {
    if !clients::recognise::name_suggests_mcp(&held.name)
        || held.bytes.len() as u64 > clients::recognise::MAX_PROBE
    {
        return None;
    }
    clients::recognise::by_content(&held.name, std::str::from_utf8(&held.bytes).ok()?)
}

/// Lint every job: first the files no other file's facts depend on, then
/// the settings files with the servers of their projects.
fn lint_jobs(jobs: &[Job], options: &Options, resolver: &Resolver) -> Report {
    let project_of: Vec<Option<PathBuf>> = jobs
        .iter()
        .map(|j| lint::servers_file_for(&j.path, j.format.id))
        .collect();
    let mut outcomes: Vec<Option<Result<FileReport, FileError>>> =
        (0..jobs.len()).map(|_| None).collect();
    let first: Vec<usize> = (0..jobs.len())
        .filter(|&i| project_of[i].is_none())
        .collect();
    let lint_one = |i: usize, project: Arc<[ProjectServer]>| {
        let job = &jobs[i];
        let bytes = match job.held {
            Some(h) => Ok(options.in_memory[h].bytes.clone()),
            None => read::bytes(&job.path, options.max_file_size),
        };
        let input = bytes.map(|b| {
            Input::new(&job.path, job.format, b)
                .shown_as(&job.display)
                .assumed(job.why.clone())
        });
        input
            .map(|input| {
                let mut settings = resolver.settings_for(&job.path);
                settings.project = project;
                lint::file(input, &settings)
            })
            .map_err(|message| FileError {
                file: job.display.clone(),
                message,
                is_config: true,
            })
    };
    for (i, outcome) in in_parallel(&first, &|i| lint_one(i, Arc::from(Vec::new()))) {
        outcomes[i] = Some(outcome);
    }
    let second: Vec<usize> = (0..jobs.len())
        .filter(|&i| project_of[i].is_some())
        .collect();
    let mut projects: Vec<(&PathBuf, Arc<[ProjectServer]>)> = Vec::new();
    for servers_file in project_of.iter().flatten() {
        if projects.iter().any(|(p, _)| *p == servers_file) {
            continue;
        }
        let servers = match linted(&outcomes, servers_file) {
            Some(report) => lint::servers_of(report),
            None => servers_from_disk(servers_file, options, resolver),
        };
        projects.push((servers_file, Arc::from(servers)));
    }
    let project_for = |i: usize| {
        projects
            .iter()
            .find(|(p, _)| project_of[i].as_ref() == Some(*p))
            .map_or_else(|| Arc::from(Vec::new()), |(_, s)| Arc::clone(s))
    };
    for (i, outcome) in in_parallel(&second, &|i| lint_one(i, project_for(i))) {
        outcomes[i] = Some(outcome);
    }
    let mut report = Report::default();
    for outcome in outcomes.into_iter().flatten() {
        match outcome {
            Ok(file) => report.files.push(file),
            Err(error) => report.errors.push(error),
        }
    }
    report
}

/// The servers of a project `.mcp.json` this run does not lint itself,
/// linted with the settings of its own path; none when it is not there.
fn servers_from_disk(path: &Path, options: &Options, resolver: &Resolver) -> Vec<ProjectServer> {
    let Some(format) = clients::for_path(path) else {
        return Vec::new();
    };
    let Ok(bytes) = read::bytes(path, options.max_file_size) else {
        return Vec::new();
    };
    let display = crate::syntax::source::display_path(path, &resolver.cwd);
    let report = lint::file(
        Input::new(path, format, bytes).shown_as(display),
        &resolver.settings_for(path),
    );
    lint::servers_of(&report)
}

/// The report this run made of `path`, if it linted that file. Only
/// reports of the same name are compared as files, so a large walk costs
/// no canonicalisation per file.
fn linted<'o>(
    outcomes: &'o [Option<Result<FileReport, FileError>>],
    path: &Path,
) -> Option<&'o FileReport> {
    let canonical = path.canonicalize().ok();
    outcomes.iter().flatten().flatten().find(|r| {
        let here = r.source.path.as_path();
        here == path
            || (here.file_name() == path.file_name()
                && canonical.is_some()
                && here.canonicalize().ok() == canonical)
    })
}

/// `work` over `indices` on every core; results in the order of `indices`.
fn in_parallel<T: Send>(indices: &[usize], work: &(dyn Fn(usize) -> T + Sync)) -> Vec<(usize, T)> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(indices.len().max(1));
    if workers == 1 {
        // One file (or one core): no thread to spawn, no stack to map.
        return indices.iter().map(|&i| (i, work(i))).collect();
    }
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, T)>> = Mutex::new(Vec::with_capacity(indices.len()));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                let Some(&i) = indices.get(n) else { break };
                let outcome = work(i);
                results.lock().unwrap().push((i, outcome));
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by_key(|(i, _)| *i);
    results
}
