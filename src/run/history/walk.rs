//! Which versions of MCP configs a stretch of history brought in: every
//! commit's tree is compared with its first parent's, and a config blob
//! counts only where a commit made it differ from all of its parents.

use std::path::Path;

use git2::{FileMode, ObjectType, Oid, Repository, Sort, Tree};

use crate::clients::{self, Format};

/// The commits to scan, as `mcplint history` names them.
#[derive(Clone, Debug)]
pub enum Revisions {
    /// `HEAD` and its ancestors.
    Head,
    /// A revision (its ancestors), `A..B` or `A...B`.
    Range(String),
    /// The commits of every ref, as `git log --all`.
    All,
}

/// A commit of the walk; its index in [`Walked::commits`] is its order.
pub struct Commit {
    pub id: Oid,
    /// Committer time (Unix seconds).
    pub time: i64,
}

/// A config blob that a commit brought in at a path.
pub struct Version {
    /// Index into [`Walked::commits`].
    pub commit: usize,
    pub path: String,
    pub blob: Oid,
    pub format: &'static Format,
}

pub struct Walked {
    /// Oldest first: every commit after its parents, otherwise by
    /// committer time (`git rev-list --date-order --reverse`).
    pub commits: Vec<Commit>,
    /// In commit order.
    pub versions: Vec<Version>,
}

/// The repository around `cwd`; a bare one will do, since only objects
/// are read.
pub fn open(cwd: &Path) -> Result<Repository, String> {
    Repository::discover(cwd).map_err(|_| {
        format!(
            "history needs a git repository, and {} is not inside one",
            cwd.display()
        )
    })
}

/// Every config version the commits of `revisions` brought in, each also
/// handed to `found` as soon as it is known.
pub fn walk(
    repo: &Repository,
    revisions: &Revisions,
    mut found: impl FnMut(&Version, &Commit),
) -> Result<Walked, String> {
    let git = |e: git2::Error| format!("history: {}", e.message());
    let mut walk = repo.revwalk().map_err(git)?;
    // NOTE: topological order puts a commit that introduced a secret before
    // every commit that inherited it, whatever the clocks said.
    walk.set_sorting(Sort::TOPOLOGICAL | Sort::TIME | Sort::REVERSE)
        .map_err(git)?;
    match revisions {
        Revisions::Head => {
            if repo.head().is_err() {
                // A repository without commits has no history to scan.
                return Ok(Walked {
                    commits: Vec::new(),
                    versions: Vec::new(),
                });
            }
            walk.push_head().map_err(git)?;
        }
        Revisions::All => {
            walk.push_glob("*").map_err(git)?;
            // A detached HEAD is a ref of its own.
            if repo.head_detached().unwrap_or(false) {
                walk.push_head().map_err(git)?;
            }
        }
        Revisions::Range(spec) => push_range(repo, &mut walk, spec)?,
    }
    let mut walked = Walked {
        commits: Vec::new(),
        versions: Vec::new(),
    };
    let mut changed = Vec::new();
    for id in walk {
        let id = id.map_err(git)?;
        let commit = repo.find_commit(id).map_err(git)?;
        let index = walked.commits.len();
        walked.commits.push(Commit {
            id,
            time: commit.time().seconds(),
        });
        let tree = commit.tree().map_err(git)?;
        let parents: Vec<Tree> = commit
            .parents()
            .map(|p| p.tree())
            .collect::<Result<_, _>>()
            .map_err(git)?;
        changed.clear();
        configs_changed(repo, parents.first(), &tree, "", &mut changed).map_err(git)?;
        for (path, blob, format) in changed.drain(..) {
            // A merge brings in a version only when it differs from every
            // parent's: one taken from a side branch came with that branch.
            let inherited = parents
                .iter()
                .skip(1)
                .any(|p| p.get_path(Path::new(&path)).is_ok_and(|e| e.id() == blob));
            if !inherited {
                let version = Version {
                    commit: index,
                    path,
                    blob,
                    format,
                };
                found(&version, &walked.commits[index]);
                walked.versions.push(version);
            }
        }
    }
    Ok(walked)
}

/// The config blobs of `new` that `old` lacks or holds otherwise, as
/// (path, blob, format). Subtrees with the same id on both sides are
/// skipped unread, which is what makes a walk over thousands of commits
/// cheap: a commit touches few directories.
fn configs_changed(
    repo: &Repository,
    old: Option<&Tree>,
    new: &Tree,
    dir: &str,
    out: &mut Vec<(String, Oid, &'static Format)>,
) -> Result<(), git2::Error> {
    for entry in new.iter() {
        // A directory's name need not be UTF-8; a config's always is.
        let name = String::from_utf8_lossy(entry.name_bytes());
        let before = old.and_then(|t| t.get_name_bytes(entry.name_bytes()));
        if before.as_ref().is_some_and(|b| b.id() == entry.id()) {
            continue;
        }
        match entry.kind() {
            Some(ObjectType::Tree) => {
                let subtree = repo.find_tree(entry.id())?;
                let old_subtree = match &before {
                    Some(b) if b.kind() == Some(ObjectType::Tree) => Some(repo.find_tree(b.id())?),
                    _ => None,
                };
                let dir = format!("{dir}{name}/");
                configs_changed(repo, old_subtree.as_ref(), &subtree, &dir, out)?;
            }
            Some(ObjectType::Blob) if is_file(entry.filemode()) => {
                let path = format!("{dir}{name}");
                if let Some(format) = clients::for_path(Path::new(&path)) {
                    out.push((path, entry.id(), format));
                } else if clients::recognise::name_suggests_mcp(Path::new(&path)) {
                    // Recognised by content, as the walk of a worktree does.
                    let blob = repo.find_blob(entry.id())?;
                    let by = (blob.size() as u64 <= clients::recognise::MAX_PROBE)
                        .then(|| std::str::from_utf8(blob.content()).ok())
                        .flatten()
                        .and_then(|text| clients::recognise::by_content(Path::new(&path), text));
                    if let Some(by) = by {
                        out.push((path, entry.id(), by.format));
                    }
                }
            }
            // Symlinks and submodules hold no config text.
            _ => {}
        }
    }
    Ok(())
}

/// A regular or executable file (not a symlink).
fn is_file(mode: i32) -> bool {
    mode == i32::from(FileMode::Blob) || mode == i32::from(FileMode::BlobExecutable)
}

/// Push a revision (and its ancestors) or a range onto the walk.
fn push_range(repo: &Repository, walk: &mut git2::Revwalk, spec: &str) -> Result<(), String> {
    let bad = |e: git2::Error| {
        format!(
            "history: cannot resolve `{spec}`: {}{}",
            e.message(),
            crate::run::changed::shallow_hint(repo)
        )
    };
    let parsed = repo.revparse(spec).map_err(bad)?;
    let commit_of = |object: Option<&git2::Object>| -> Result<Oid, String> {
        match object {
            Some(o) => o.peel_to_commit().map(|c| c.id()).map_err(bad),
            None => repo
                .head()
                .and_then(|h| h.peel_to_commit())
                .map(|c| c.id())
                .map_err(bad),
        }
    };
    let mode = parsed.mode();
    if mode.contains(git2::RevparseMode::SINGLE) {
        return walk.push(commit_of(parsed.from())?).map_err(bad);
    }
    let from = commit_of(parsed.from())?;
    let to = commit_of(parsed.to())?;
    walk.push(to).map_err(bad)?;
    if mode.contains(git2::RevparseMode::MERGE_BASE) {
        // `A...B`: what either side has that their common ancestry lacks.
        walk.push(from).map_err(bad)?;
        if let Ok(base) = repo.merge_base(from, to) {
            walk.hide(base).map_err(bad)?;
        }
    } else {
        walk.hide(from).map_err(bad)?;
    }
    Ok(())
}

/// The configs in `HEAD`'s tree, as (path, blob, format); none when the
/// repository has no commit yet.
pub fn head_configs(repo: &Repository) -> Result<Vec<(String, Oid, &'static Format)>, String> {
    let Ok(tree) = repo.head().and_then(|h| h.peel_to_tree()) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    // Compared with nothing, every config of the tree is new.
    configs_changed(repo, None, &tree, "", &mut out)
        .map_err(|e| format!("history: cannot read HEAD's tree: {}", e.message()))?;
    Ok(out)
}
