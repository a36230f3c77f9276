//! Which version introduced each credential at each path, and the report:
//! those versions linted again (in parallel) to locate the credentials in
//! them, told as history, plus one empty file per other version scanned.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use git2::Repository;

use super::blobs::{self, Blob, Hash, Salt};
use super::findings::{self, AtHead, Introduction};
use super::seen::Seen;
use super::short;
use crate::lint::Report;
use crate::lint::{FileError, FileReport};
use crate::syntax::source::SourceFile;

/// A version (index into the walk's versions) and the credentials it was
/// the first to bring to its path.
pub struct Introducing {
    pub version: usize,
    pub credentials: Vec<Hash>,
}

/// The first version of each (credential, path), in commit order.
pub fn first_versions(seen: &Seen) -> Vec<Introducing> {
    let mut known: HashSet<(Hash, &str)> = HashSet::new();
    let mut out = Vec::new();
    for (vi, v) in seen.walked.versions.iter().enumerate() {
        let Ok(hashes) = &seen.found[seen.version_blobs[vi]] else {
            continue;
        };
        let new: Vec<Hash> = hashes
            .iter()
            .filter(|h| known.insert((**h, v.path.as_str())))
            .copied()
            .collect();
        if !new.is_empty() {
            out.push(Introducing {
                version: vi,
                credentials: new,
            });
        }
    }
    out
}

/// The paths at which `HEAD` holds each credential.
pub fn at_head(seen: &Seen) -> HashMap<Hash, Vec<String>> {
    let mut out: HashMap<Hash, Vec<String>> = HashMap::new();
    for (path, b) in &seen.head {
        for hash in seen.found[*b].iter().flatten() {
            out.entry(*hash).or_default().push(path.clone());
        }
    }
    out
}

/// The report: one file per introducing version, with its credentials;
/// an empty one per other version; the blobs that could not be read.
pub fn report(
    repo: &Repository,
    seen: &Seen,
    introducing: &[Introducing],
    salt: &Salt,
    max_size: u64,
    settings: &blobs::SettingsFor,
) -> Report {
    let at_head = at_head(seen);
    let told = |i: usize, file: FileReport| -> FileReport {
        let Introducing {
            version,
            credentials,
        } = &introducing[i];
        let v = &seen.walked.versions[*version];
        let commit = &seen.walked.commits[v.commit];
        let mut chosen: Vec<(usize, AtHead)> = Vec::new();
        let mut taken: HashSet<Hash> = HashSet::new();
        for (f, hash) in blobs::credentials(&file, salt) {
            // One finding per credential, where it first occurs in the file.
            if !credentials.contains(&hash) || !taken.insert(hash) {
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
            path_at_head: seen.head.iter().any(|(path, _)| *path == v.path),
        };
        findings::told_as_history(file, &chosen, &introduction)
    };
    let stories = std::thread::scope(|scope| {
        let pool = blobs::Pool::start(scope, repo.path(), max_size, settings, &told);
        for (i, intro) in introducing.iter().enumerate() {
            let v = &seen.walked.versions[intro.version];
            let blob = Blob {
                path: v.path.clone(),
                ..seen.blobs[seen.version_blobs[intro.version]].clone()
            };
            pool.lint(i, blob);
        }
        pool.finish(introducing.len())
    });

    let paths: HashSet<&str> = seen.walked.versions.iter().map(|v| &*v.path).collect();
    let mut report = Report::default();
    report.scope.history_paths = Some(paths.len());
    let error = |b: usize, message: String| FileError {
        file: seen.names[b].clone(),
        message,
        is_config: true,
    };
    let mut shown = vec![false; seen.blobs.len()];
    for (intro, story) in introducing.iter().zip(stories) {
        let b = seen.version_blobs[intro.version];
        match story {
            Ok(file) => report.files.push(file),
            Err(message) => report.errors.push(error(b, message)),
        }
        shown[b] = true;
    }
    for (b, found) in seen.found.iter().enumerate() {
        match found {
            Err(message) => report.errors.push(error(b, message.clone())),
            Ok(_) if !shown[b] => report.files.push(scanned(&seen.blobs[b], &seen.names[b])),
            Ok(_) => {}
        }
    }
    report.errors.sort_by(|a, b| a.file.cmp(&b.file));
    report.errors.dedup();
    report
}

/// A version scanned and found clean: no text kept, nothing to show, but
/// counted among the files scanned.
fn scanned(blob: &Blob, name: &str) -> FileReport {
    let source = SourceFile {
        path: PathBuf::from(&blob.path),
        display: name.to_string(),
        text: String::new(),
    };
    FileReport::empty(source, blob.format)
}
