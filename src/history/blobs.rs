//! Each distinct config blob linted once, on every core, exactly as
//! `mcplint check` lints a file. Of the credentials found, only a salted
//! hash of each value outlives the lint: enough to recognise the same
//! credential in another version, useless to anyone reading memory or
//! output for the value.

use std::hash::BuildHasher;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use git2::{ObjectType, Oid, Repository};
use sha2::{Digest, Sha256};

use crate::engine::{self, FileReport};
use crate::formats::Format;
use crate::rules::{LITERAL_SECRET, SECRET_RULES};

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
#[derive(Clone, Copy)]
pub struct Blob<'p> {
    pub id: Oid,
    pub format: &'static Format,
    /// A path it was committed at, for the lint's file name.
    pub path: &'p str,
}

/// Read and lint one blob; the report holds the secrets, so it must not
/// be kept.
pub fn lint(repo: &Repository, blob: Blob, max_size: u64) -> Result<FileReport, String> {
    let odb = repo.odb().map_err(|e| e.message().to_string())?;
    let (size, kind) = odb
        .read_header(blob.id)
        .map_err(|e| e.message().to_string())?;
    if kind != ObjectType::Blob {
        return Err(format!("object {} is not a blob", blob.id));
    }
    if size as u64 > max_size {
        return Err(format!(
            "is {}, larger than the {} limit; raise it with --max-file-size",
            engine::human_size(size as u64),
            engine::human_size(max_size)
        ));
    }
    let object = odb.read(blob.id).map_err(|e| e.message().to_string())?;
    Ok(engine::lint_bytes_by(
        object.data().to_vec(),
        Path::new(blob.path),
        blob.path.to_string(),
        blob.format,
        SECRET_RULES,
    ))
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

/// The credential hashes of every blob (or why it could not be read), in
/// the order of `blobs`. Each worker opens the repository for itself, as a
/// `git2::Repository` cannot be shared between threads.
pub fn scan(
    git_dir: &Path,
    blobs: &[Blob],
    salt: &Salt,
    max_size: u64,
) -> Vec<Result<Vec<Hash>, String>> {
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(blobs.len().max(1));
    let work = || -> Vec<(usize, Result<Vec<Hash>, String>)> {
        let mut done = Vec::new();
        let repo = Repository::open(git_dir);
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(&blob) = blobs.get(i) else { break };
            let hashes = match &repo {
                Ok(repo) => lint(repo, blob, max_size)
                    .map(|report| credentials(&report, salt).map(|(_, h)| h).collect()),
                Err(e) => Err(e.message().to_string()),
            };
            done.push((i, hashes));
        }
        done
    };
    let done: Vec<(usize, Result<Vec<Hash>, String>)> = if workers == 1 {
        work()
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..workers).map(|_| scope.spawn(work)).collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        })
    };
    // A blob whose worker died is an error, not a clean blob.
    let mut results: Vec<Result<Vec<Hash>, String>> = blobs
        .iter()
        .map(|_| Err("could not be linted (internal error)".to_string()))
        .collect();
    for (i, hashes) in done {
        results[i] = hashes;
    }
    results
}
