//! `mcplint history [REV-RANGE] [--all]`: every credential ever committed
//! to an MCP config, because a secret removed from the file is still in
//! the repository, and valid until someone revokes it.
//!
//! How it goes, and what it promises:
//! - The commits are `HEAD`'s ancestry by default, a revision's or a range's
//!   (`A..B`, `A...B`) when one is given, every ref's with `--all`.
//! - Each commit's tree is compared with its parents' (git skips identical
//!   subtrees by id, so this is cheap), and the config blobs it brought in
//!   are kept: configs are recognised by path exactly as `mcplint check`
//!   recognises them. A merge brings in only what differs from every parent.
//! - Each distinct blob is linted once, in parallel, by the same engine as
//!   `check`. A credential is a `literal-secret` finding, known by a salted
//!   hash of its value; the value itself never outlives the lint.
//! - A credential is reported once per path it was committed at, in the
//!   version that introduced it: the first commit, oldest first with every
//!   commit after its parents (`git rev-list --date-order --reverse`).
//! - Whether `HEAD` still holds it is read from `HEAD`'s own configs.
//!
//! Nothing is executed, nothing goes over the network, nothing is written
//! to the repository: only objects are read.

mod blobs;
mod findings;
mod walk;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use git2::Oid;

use crate::engine::{FileError, FileReport};
use crate::formats::Format;
use crate::run::Report;
use crate::source::SourceFile;
use blobs::{Blob, Hash, Salt};
use findings::{AtHead, Introduction};
pub use walk::Revisions;

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

/// Scan the history of the repository around `cwd`.
pub fn scan(cwd: &Path, options: &Options) -> Result<Scan, String> {
    let repo = walk::open(cwd)?;
    // NOTE: libgit2 re-hashes every object it reads to check it; git does
    // not when reading, and it costs a tenth of a history scan. (A setting
    // of the whole process, which runs this one command.)
    git2::opts::strict_hash_verification(false);
    let salt = Salt::new();
    let max = options.max_file_size;
    let hashes_of = |_: usize, report: FileReport| -> Vec<Hash> {
        blobs::credentials(&report, &salt).map(|(_, h)| h).collect()
    };
    let mut distinct = Distinct::default();
    // Blobs are linted on every core while the walk goes on finding more.
    let (walked, head, version_blobs, head_blobs, found) = std::thread::scope(|scope| {
        let pool = blobs::Pool::start(scope, &hashes_of);
        let mut version_blobs = Vec::new();
        let walked = walk::walk(&repo, &options.revisions, |v, commit| {
            let name = || format!("{}@{}", v.path, short(commit.id));
            let (index, new) = distinct.index(v.blob, v.format, &v.path, name);
            if new {
                pool.lint(&repo, index, distinct.blobs[index].clone(), max);
            }
            version_blobs.push(index);
        });
        let head = walk::head_configs(&repo);
        let mut head_blobs = Vec::new();
        for (path, id, format) in head.iter().flatten() {
            let (index, new) = distinct.index(*id, format, path, || format!("{path}@HEAD"));
            if new {
                pool.lint(&repo, index, distinct.blobs[index].clone(), max);
            }
            head_blobs.push(index);
        }
        let found = pool.finish(distinct.blobs.len());
        (walked, head, version_blobs, head_blobs, found)
    });
    let (walked, head) = (walked?, head?);
    let Distinct { blobs, names, .. } = distinct;

    let mut at_head: HashMap<Hash, Vec<String>> = HashMap::new();
    for ((path, _, _), &b) in head.iter().zip(&head_blobs) {
        for hash in found[b].iter().flatten() {
            at_head.entry(*hash).or_default().push(path.clone());
        }
    }

    // The first version of each (credential, path), in commit order.
    let mut seen: HashSet<(Hash, &str)> = HashSet::new();
    let mut introduced: Vec<(usize, Vec<Hash>)> = Vec::new();
    for (vi, v) in walked.versions.iter().enumerate() {
        let Ok(hashes) = &found[version_blobs[vi]] else {
            continue;
        };
        let new: Vec<Hash> = hashes
            .iter()
            .filter(|h| seen.insert((**h, v.path.as_str())))
            .copied()
            .collect();
        if !new.is_empty() {
            introduced.push((vi, new));
        }
    }

    // Those versions linted again, on every core, and told as history.
    let told = |i: usize, file: FileReport| -> FileReport {
        let (vi, hashes) = &introduced[i];
        let v = &walked.versions[*vi];
        let commit = &walked.commits[v.commit];
        let mut chosen: Vec<(usize, AtHead)> = Vec::new();
        let mut taken: HashSet<Hash> = HashSet::new();
        for (f, hash) in blobs::credentials(&file, &salt) {
            if !hashes.contains(&hash) || !taken.insert(hash) {
                continue;
            }
            let state = match at_head.get(&hash) {
                Some(paths) if paths.contains(&v.path) => AtHead::Here,
                Some(paths) => AtHead::Elsewhere(paths),
                None => AtHead::Gone,
            };
            chosen.push((f, state));
        }
        let introduction = Introduction {
            short_id: &short(commit.id),
            date: &crate::config::date(commit.time),
        };
        findings::told_as_history(file, &chosen, &introduction)
    };
    let stories = std::thread::scope(|scope| {
        let pool = blobs::Pool::start(scope, &told);
        for (i, (vi, _)) in introduced.iter().enumerate() {
            let v = &walked.versions[*vi];
            let blob = Blob {
                path: v.path.clone(),
                ..blobs[version_blobs[*vi]].clone()
            };
            pool.lint(&repo, i, blob, max);
        }
        pool.finish(introduced.len())
    });

    let mut report = Report {
        files: Vec::new(),
        errors: Vec::new(),
    };
    let mut shown = vec![false; blobs.len()];
    for ((vi, _), story) in introduced.iter().zip(stories) {
        let b = version_blobs[*vi];
        match story {
            Ok(file) => report.files.push(file),
            Err(message) => report.errors.push(FileError {
                file: names[b].clone(),
                message,
                is_config: true,
            }),
        }
        shown[b] = true;
    }
    for (b, result) in found.iter().enumerate() {
        match result {
            Err(message) => report.errors.push(FileError {
                file: names[b].clone(),
                message: message.clone(),
                is_config: true,
            }),
            Ok(_) if !shown[b] => report.files.push(scanned(&blobs[b], &names[b])),
            Ok(_) => {}
        }
    }
    report.errors.sort_by(|a, b| a.file.cmp(&b.file));
    report.errors.dedup();
    Ok(Scan {
        report,
        commits: walked.commits.len(),
    })
}

/// Each distinct (blob, format) once, named after where it was first seen.
#[derive(Default)]
struct Distinct {
    index: HashMap<(Oid, &'static str), usize>,
    blobs: Vec<Blob>,
    names: Vec<String>,
}

impl Distinct {
    /// The number of a blob in this format, and whether it is new.
    fn index(
        &mut self,
        id: Oid,
        format: &'static Format,
        path: &str,
        name: impl FnOnce() -> String,
    ) -> (usize, bool) {
        let next = self.blobs.len();
        let index = *self.index.entry((id, format.id)).or_insert(next);
        if index == next {
            self.names.push(name());
            self.blobs.push(Blob {
                id,
                format,
                path: path.to_string(),
            });
        }
        (index, index == next)
    }
}

/// A version scanned and found clean: no text kept, nothing to show.
fn scanned(blob: &Blob, name: &str) -> FileReport {
    FileReport {
        source: SourceFile {
            path: PathBuf::from(&blob.path),
            display: name.to_string(),
            text: String::new(),
        },
        format: blob.format,
        findings: Vec::new(),
        masks: Vec::new(),
        unparsable: false,
    }
}
