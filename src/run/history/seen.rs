//! Every config version the walk finds, each distinct blob linted once on
//! every core while the walk goes on; and `HEAD`'s configs, so that what
//! it still holds is known.

use std::collections::HashMap;

use git2::{Oid, Repository};

use super::blobs::{self, Blob, Hash, Salt};
use super::walk::{self, Walked};
use super::{short, Options};
use crate::clients::Format;
use crate::lint::FileReport;

pub struct Seen {
    pub walked: Walked,
    /// For each version of the walk, the number of its blob.
    pub version_blobs: Vec<usize>,
    /// `HEAD`'s configs: path and the number of its blob.
    pub head: Vec<(String, usize)>,
    /// Every distinct (blob, format), by number.
    pub blobs: Vec<Blob>,
    /// Each blob's name where it was first seen (`path@commit`), for errors.
    pub names: Vec<String>,
    /// Each blob's credentials, or why it could not be read.
    pub found: Vec<Result<Vec<Hash>, String>>,
}

/// Walk the commits of `options`, linting what they brought in.
pub fn every_version(
    repo: &Repository,
    options: &Options,
    salt: &Salt,
    settings: &blobs::SettingsFor,
) -> Result<Seen, String> {
    let hashes_of = |_: usize, report: FileReport| -> Vec<Hash> {
        blobs::credentials(&report, salt).map(|(_, h)| h).collect()
    };
    let max = options.max_file_size;
    let mut distinct = Distinct::default();
    let (walked, head, version_blobs, found) = std::thread::scope(|scope| {
        let pool = blobs::Pool::start(scope, repo.path(), max, settings, &hashes_of);
        let mut see = |id: Oid, format, path: &str, name: &dyn Fn() -> String| {
            let (index, new) = distinct.index(id, format, path, name);
            if new {
                pool.lint(index, distinct.blobs[index].clone());
            }
            index
        };
        let mut version_blobs = Vec::new();
        let walked = walk::walk(repo, &options.revisions, |v, commit| {
            let name = || format!("{}@{}", v.path, short(commit.id));
            version_blobs.push(see(v.blob, v.format, &v.path, &name));
        });
        let head = walk::head_configs(repo).map(|configs| {
            configs
                .into_iter()
                .map(|(path, id, format)| {
                    let index = see(id, format, &path, &|| format!("{path}@HEAD"));
                    (path, index)
                })
                .collect::<Vec<_>>()
        });
        let found = pool.finish(distinct.blobs.len());
        (walked, head, version_blobs, found)
    });
    Ok(Seen {
        walked: walked?,
        version_blobs,
        head: head?,
        blobs: distinct.blobs,
        names: distinct.names,
        found,
    })
}

/// Each distinct (blob, path) once, named after where it was first seen:
/// the same bytes at a Cursor and a Codex path are two configs, and at two
/// paths of one client they may fall under different settings (a path's
/// `[[ignore]]`, another package's `mcplint.toml`).
#[derive(Default)]
struct Distinct {
    index: HashMap<(Oid, String), usize>,
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
        name: &dyn Fn() -> String,
    ) -> (usize, bool) {
        let next = self.blobs.len();
        let index = *self.index.entry((id, path.to_string())).or_insert(next);
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
