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

use git2::{Oid, Repository};

use crate::run::Report;
pub use walk::{open, Revisions};

pub struct Options {
    pub revisions: Revisions,
    /// Blobs larger than this are not read (an error, as in `check`).
    pub max_file_size: u64,
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
    let seen = seen::every_version(repo, options, &salt)?;
    let introducing = introduced::first_versions(&seen);
    let report = introduced::report(repo, &seen, &introducing, &salt, options.max_file_size);
    Ok(Scan {
        report,
        commits: seen.walked.commits.len(),
    })
}
