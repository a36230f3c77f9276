//! Each distinct config blob linted once, on every core, exactly as
//! `mcplint check` lints a file. Of the credentials found, only a salted
//! hash of each value outlives the lint: enough to recognise the same
//! credential in another version, useless to anyone reading memory or
//! output for the value.

use std::hash::BuildHasher;
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc, Mutex};
use std::thread::{Scope, ScopedJoinHandle};

use git2::{ObjectType, Oid, Repository};
use sha2::{Digest, Sha256};

use crate::clients::Format;
use crate::lint::{self, FileReport, Input, Settings};
use crate::rules::LITERAL_SECRET;
use crate::run::human_size;

/// A credential's identity: its value, salted and hashed.
pub type Hash = [u8; 16];

/// A random salt for this run only, so a hash cannot be looked up in a
/// table of known tokens.
pub struct Salt([u8; 16]);

impl Salt {
    pub fn new() -> Self {
        // std seeds `RandomState` from the operating system's randomness.
        let mut salt = [0; 16];
        for (i, half) in salt.chunks_mut(8).enumerate() {
            let random = std::collections::hash_map::RandomState::new().hash_one(i);
            half.copy_from_slice(&random.to_le_bytes());
        }
        Salt(salt)
    }

    pub fn hash(&self, value: &str) -> Hash {
        let digest = Sha256::new()
            .chain_update(self.0)
            .chain_update(value.as_bytes())
            .finalize();
        let mut hash = [0; 16];
        hash.copy_from_slice(&digest[..16]);
        hash
    }
}

impl Default for Salt {
    fn default() -> Self {
        Salt::new()
    }
}

/// A blob to lint, in the format of a path it was committed at (the same
/// bytes at a Cursor and a Codex path are two different configs).
#[derive(Clone)]
pub struct Blob {
    pub id: Oid,
    pub format: &'static Format,
    /// A path it was committed at, for the lint's file name.
    pub path: String,
}

/// A blob's bytes, or why it is not linted.
fn read(repo: &Repository, blob: &Blob, max_size: u64) -> Result<Vec<u8>, String> {
    let odb = repo.odb().map_err(|e| e.message().to_string())?;
    // NOTE: read whole, then measured: asking the size first costs a second
    // walk of the delta chain for every blob, and a config blob big enough
    // to matter is rare (git itself reads such blobs whole for `log -p`).
    let object = odb.read(blob.id).map_err(|e| e.message().to_string())?;
    if object.kind() != ObjectType::Blob {
        return Err(format!("object {} is not a blob", blob.id));
    }
    let size = object.len() as u64;
    if size > max_size {
        return Err(format!(
            "is {}, larger than the {} limit; raise it with --max-file-size",
            human_size(size),
            human_size(max_size)
        ));
    }
    Ok(object.data().to_vec())
}

/// How the blobs of a repository path are linted: the path in the working
/// tree and the settings `check` would use there today (see `history::scan`).
pub type SettingsFor<'a> = dyn Fn(&str) -> (PathBuf, Settings) + Sync + 'a;

/// Lint a blob's bytes as `check` lints a file at its path; the report
/// names it by its repository path.
fn lint_blob(bytes: Vec<u8>, blob: &Blob, settings: &SettingsFor) -> FileReport {
    let (at, settings) = settings(&blob.path);
    let input = Input::new(at, blob.format, bytes).shown_as(&blob.path);
    let mut report = lint::file(input, &settings);
    report.source.path = PathBuf::from(&blob.path);
    report
}

/// The credentials a report found, as (index into its findings, hash),
/// in file order.
pub fn credentials<'r>(
    report: &'r FileReport,
    salt: &'r Salt,
) -> impl Iterator<Item = (usize, Hash)> + 'r {
    report
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| std::ptr::eq(f.rule, &LITERAL_SECRET))
        .filter_map(|(i, f)| {
            // NOTE: the value as written in the file (escapes and all): the
            // same token spelled with a JSON escape counts as another one.
            let value = report.source.text.get(f.primary.span.range())?;
            Some((i, salt.hash(value)))
        })
}

/// Workers that read and lint blobs on every core, as the caller finds
/// them, and make a `T` of each report with `work` (the report, which
/// holds the secrets, is dropped there). Each worker opens the repository
/// for itself (a `git2::Repository` cannot be shared between threads), so
/// the walking thread, the longest, only walks.
pub struct Pool<'scope, T> {
    jobs: mpsc::Sender<Job>,
    workers: Vec<ScopedJoinHandle<'scope, Vec<Done<T>>>>,
}

/// Job number `.0` done: what `work` made of it, or why it was not linted.
type Done<T> = (usize, Result<T, String>);

/// Job number `.0`: a blob to read and lint.
type Job = (usize, Blob);

impl<'scope, T: Send + 'scope> Pool<'scope, T> {
    pub fn start<'env, W>(
        scope: &'scope Scope<'scope, 'env>,
        git_dir: &'env Path,
        max_size: u64,
        settings: &'env SettingsFor<'env>,
        work: &'env W,
    ) -> Self
    where
        W: Fn(usize, FileReport) -> T + Sync,
    {
        let (jobs, queue) = mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        let count = std::thread::available_parallelism().map_or(1, |n| n.get());
        let workers = (0..count)
            .map(|_| {
                let queue = Arc::clone(&queue);
                scope.spawn(move || {
                    // Most values recur in many versions of a file.
                    crate::knowledge::detect::remember_scans();
                    let repo = Repository::open(git_dir).map_err(|e| e.message().to_string());
                    let mut done = Vec::new();
                    loop {
                        // The lock is held only to take the next job.
                        let job = queue.lock().map(|q| q.recv());
                        let Ok(Ok((i, blob))) = job else { break };
                        let bytes = match &repo {
                            Ok(repo) => read(repo, &blob, max_size),
                            Err(e) => Err(e.clone()),
                        };
                        done.push((i, bytes.map(|b| work(i, lint_blob(b, &blob, settings)))));
                    }
                    done
                })
            })
            .collect();
        Pool { jobs, workers }
    }

    /// Read the blob of job `index` here, and lint it on a worker.
    pub fn lint(&self, index: usize, blob: Blob) {
        // The workers outlive every send: they stop only when the pool does.
        let _ = self.jobs.send((index, blob));
    }

    /// Wait for the `count` jobs sent, and their results in job order.
    pub fn finish(self, count: usize) -> Vec<Result<T, String>> {
        drop(self.jobs);
        // A blob whose worker died is an error, not a clean blob.
        let mut results: Vec<Result<T, String>> = (0..count)
            .map(|_| Err("could not be linted (internal error)".to_string()))
            .collect();
        for worker in self.workers {
            for (i, found) in worker.join().unwrap_or_default() {
                results[i] = found;
            }
        }
        results
    }
}
