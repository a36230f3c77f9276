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
    let walked = walk::walk(&repo, &options.revisions)?;
    let head = walk::head_configs(&repo)?;

    let mut distinct = Distinct::default();
    let version_blobs: Vec<usize> = walked
        .versions
        .iter()
        .map(|v| {
            let blob = Blob {
                id: v.blob,
                format: v.format,
                path: &v.path,
            };
            distinct.index(blob, || {
                format!("{}@{}", v.path, short(walked.commits[v.commit].id))
            })
        })
        .collect();
    let head_blobs: Vec<usize> = head
        .iter()
        .map(|(path, id, format)| {
            let blob = Blob {
                id: *id,
                format,
                path,
            };
            distinct.index(blob, || format!("{path}@HEAD"))
        })
        .collect();
    let Distinct { blobs, names, .. } = distinct;

    let salt = Salt::new();
    let found = blobs::scan(repo.path(), &blobs, &salt, options.max_file_size);

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

    let mut report = Report {
        files: Vec::new(),
        errors: Vec::new(),
    };
    let mut shown = vec![false; blobs.len()];
    for (vi, hashes) in introduced {
        let v = &walked.versions[vi];
        let b = version_blobs[vi];
        let commit = &walked.commits[v.commit];
        let lint = blobs::lint(
            &repo,
            Blob {
                path: &v.path,
                ..blobs[b]
            },
            options.max_file_size,
        );
        let file = match lint {
            Ok(file) => file,
            Err(message) => {
                report.errors.push(FileError {
                    file: names[b].clone(),
                    message,
                    is_config: true,
                });
                continue;
            }
        };
        let mut chosen: Vec<(usize, AtHead)> = Vec::new();
        let mut taken: HashSet<Hash> = HashSet::new();
        for (i, hash) in blobs::credentials(&file, &salt) {
            if !hashes.contains(&hash) || !taken.insert(hash) {
                continue;
            }
            let state = match at_head.get(&hash) {
                Some(paths) if paths.contains(&v.path) => AtHead::Here,
                Some(paths) => AtHead::Elsewhere(paths),
                None => AtHead::Gone,
            };
            chosen.push((i, state));
        }
        let short_id = short(commit.id);
        let date = crate::config::date(commit.time);
        let introduction = Introduction {
            short_id: &short_id,
            date: &date,
        };
        report
            .files
            .push(findings::told_as_history(file, &chosen, &introduction));
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
struct Distinct<'p> {
    index: HashMap<(Oid, &'static str), usize>,
    blobs: Vec<Blob<'p>>,
    names: Vec<String>,
}

impl<'p> Distinct<'p> {
    fn index(&mut self, blob: Blob<'p>, name: impl FnOnce() -> String) -> usize {
        *self
            .index
            .entry((blob.id, blob.format.id))
            .or_insert_with(|| {
                self.names.push(name());
                self.blobs.push(blob);
                self.blobs.len() - 1
            })
    }
}

/// A version scanned and found clean: no text kept, nothing to show.
fn scanned(blob: &Blob, name: &str) -> FileReport {
    FileReport {
        source: SourceFile {
            path: PathBuf::from(blob.path),
            display: name.to_string(),
            text: String::new(),
        },
        format: blob.format,
        findings: Vec::new(),
        masks: Vec::new(),
        unparsable: false,
    }
}
