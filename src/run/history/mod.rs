//! `mcplint history [REV-RANGE] [--all]`: every credential ever committed
//! to an MCP config, because a secret removed from the file is still in
//! the repository, and valid until someone revokes it.
//!
//! How it goes, and what it promises:
//! - The commits are `HEAD`'s ancestry by default, a revision's or a range's
//!   (`A..B`, `A...B`) when one is given, every ref's with `--all`.
//! - Each commit's tree is compared with its first parent's, skipping
//!   subtrees with equal ids (so a commit costs what it changed), and the
//!   config blobs it brought in are kept: configs are recognised by path
//!   exactly as `mcplint check` recognises them. A merge brings in only
//!   what differs from every parent.
//! - Each distinct blob is linted once, in parallel, by the same engine as
//!   `check`. A credential is a `literal-secret` finding, known by a salted
//!   hash of its value; the value itself never outlives the lint. The few
//!   versions that introduced one are linted again to locate it.
//! - A credential is reported once per path it was committed at, in the
//!   version that introduced it: the first commit, oldest first with every
//!   commit after its parents (`git rev-list --date-order --reverse`).
//! - Whether `HEAD` still holds it is read from `HEAD`'s own configs.
//!
//! Nothing is executed, nothing goes over the network, nothing is written
//! to the repository: only objects are read.

mod blobs;
mod findings;
mod introduced;
mod seen;
mod walk;

use std::path::PathBuf;
use std::sync::Arc;

use git2::{Oid, Repository};

use crate::finding::Persona;
use crate::lint::{NoGit, Report, Settings};
use crate::rules::SECRET_RULES;
use crate::run::{ConfigChoice, Resolver};
pub use walk::{open, Revisions};

pub struct Options {
    pub revisions: Revisions,
    /// Blobs larger than this are not read (an error, as in `check`).
    pub max_file_size: u64,
    /// The `mcplint.toml` of each path, as `check` finds it today.
    pub config: ConfigChoice,
    /// Where mcplint runs (configs are found from there, as in `check`).
    pub cwd: PathBuf,
    /// `--persona`, as in `check`.
    pub persona: Option<Persona>,
}

/// The report, with what was scanned to produce it.
pub struct Scan {
    /// One file per config version that introduced a credential, plus an
    /// empty one per other version scanned (so that counts of files
    /// scanned count versions).
    pub report: Report,
    pub commits: usize,
}

/// Length of the commit ids shown: fixed, so that names (and the
/// fingerprints made from them) do not change as the repository grows.
const SHORT_ID: usize = 12;

fn short(id: Oid) -> String {
    id.to_string()[..SHORT_ID].to_string()
}

/// Scan the history of `repo` (see [`open`]).
pub fn scan(repo: &Repository, options: &Options) -> Result<Scan, String> {
    // NOTE: libgit2 re-hashes every object it reads to check it; git does
    // not when reading, and it costs a tenth of a history scan. (A setting
    // of the whole process, which runs this one command.)
    git2::opts::strict_hash_verification(false);
    let salt = blobs::Salt::new();
    // NOTE: each version is linted with the settings its path has today:
    // the rule selection, exceptions (hashes included) and credential
    // formats of the `mcplint.toml` that applies to it, and its inline
    // ignores. A past version is neither tracked nor ignored now, so git
    // grading says nothing; the message tells its history instead.
    let root = repo.workdir().unwrap_or(repo.path()).to_path_buf();
    let resolver = Resolver::new(&options.config, &options.cwd, true)
        .with_git(Arc::new(NoGit))
        .with_persona(options.persona);
    let settings = |path: &str| -> (PathBuf, Settings) {
        let absolute = root.join(path);
        let mut settings = resolver.settings_for(&absolute);
        settings.rules = if resolver.excluded(&absolute) {
            &[]
        } else {
            SECRET_RULES
        };
        (absolute, settings)
    };
    let seen = seen::every_version(repo, options, &salt, &settings)?;
    let introducing = introduced::first_versions(&seen);
    let mut report = introduced::report(
        repo,
        &seen,
        &introducing,
        &salt,
        options.max_file_size,
        &settings,
    );
    report.files.extend(resolver.into_broken());
    Ok(Scan {
        report,
        commits: seen.walked.commits.len(),
    })
}
