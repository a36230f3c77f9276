//! `--changed-since REV`: lint only the files that differ from a revision
//! (committed, staged, unstaged or new and not ignored), so a CI job on a
//! large repository looks at what a pull request touches. Deleted files
//! are dropped; files that are not MCP configs are skipped later, as for
//! any named path.
//!
//! `--staged`: the content git's index holds for staged configs, which is
//! what a commit will record, whatever the working tree holds.

use std::path::{Path, PathBuf};

/// Why a revision may be missing: a shallow clone, as CI checkouts are.
pub fn shallow_hint(repo: &git2::Repository) -> &'static str {
    if repo.is_shallow() {
        "; this clone is shallow (actions/checkout fetches one commit unless `fetch-depth: 0`): fetch the revision first"
    } else {
        ""
    }
}

/// The files under `roots` (relative to `cwd`) that changed since `rev`.
pub fn since(rev: &str, cwd: &Path, roots: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let (repo, workdir) = open(cwd, "--changed-since")?;
    let tree = repo
        .revparse_single(rev)
        .and_then(|object| object.peel_to_tree())
        .map_err(|e| {
            format!(
                "--changed-since: cannot resolve `{rev}`: {}{}",
                e.message(),
                shallow_hint(&repo)
            )
        })?;
    let mut options = git2::DiffOptions::new();
    options.include_untracked(true).recurse_untracked_dirs(true);
    let diff = repo
        .diff_tree_to_workdir_with_index(Some(&tree), Some(&mut options))
        .map_err(|e| format!("--changed-since: {}", e.message()))?;
    let roots = absolute_roots(cwd, roots);
    let here = canonical(cwd);
    let mut files: Vec<PathBuf> = diff
        .deltas()
        .filter(|d| d.status() != git2::Delta::Deleted)
        .filter_map(|d| d.new_file().path().map(|p| canonical(&workdir.join(p))))
        .filter(|p| p.is_file() && roots.iter().any(|root| p.starts_with(root)))
        // Reported as the user would name them: relative to where mcplint runs.
        .map(|p| p.strip_prefix(&here).map(Path::to_path_buf).unwrap_or(p))
        .collect();
    files.sort();
    files.dedup();
    Ok(files)
}

/// The repository around `cwd` and its working tree (canonical), for `flag`.
fn open(cwd: &Path, flag: &str) -> Result<(git2::Repository, PathBuf), String> {
    let repo =
        git2::Repository::discover(cwd).map_err(|_| format!("{flag} needs a git repository"))?;
    let workdir = repo
        .workdir()
        .map(canonical)
        .ok_or_else(|| format!("{flag} needs a working tree, not a bare repository"))?;
    Ok((repo, workdir))
}

/// The named paths, absolute, to compare with the repository's files.
fn absolute_roots(cwd: &Path, roots: &[PathBuf]) -> Vec<PathBuf> {
    roots.iter().map(|r| canonical(&cwd.join(r))).collect()
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// The staged content of every MCP config under `roots` that differs from
/// `HEAD` (or every indexed one before the first commit).
pub fn staged(
    cwd: &Path,
    roots: &[PathBuf],
    recognise: &dyn Fn(&Path) -> Option<&'static crate::clients::Format>,
    max_file_size: u64,
) -> Result<(Vec<crate::run::InMemory>, Vec<crate::lint::FileError>), String> {
    let (repo, workdir) = open(cwd, "--staged")?;
    let head = repo.head().ok().and_then(|h| h.peel_to_tree().ok());
    let index = repo
        .index()
        .map_err(|e| format!("--staged: cannot read git's index: {}", e.message()))?;
    let diff = repo
        .diff_tree_to_index(head.as_ref(), Some(&index), None)
        .map_err(|e| format!("--staged: {}", e.message()))?;
    let roots = absolute_roots(cwd, roots);
    let here = canonical(cwd);
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for delta in diff.deltas().filter(|d| d.status() != git2::Delta::Deleted) {
        let file = delta.new_file();
        let Some(relative) = file.path() else {
            continue;
        };
        let path = workdir.join(relative);
        if !roots.iter().any(|root| path.starts_with(root)) {
            continue;
        }
        // Recognised by its place in the repository, shown relative to
        // here; a name that suggests MCP is left to its content (the run
        // recognises held content as the walk does).
        let format = recognise(&path);
        if format.is_none() && !crate::clients::recognise::name_suggests_mcp(&path) {
            continue;
        }
        let display = crate::syntax::source::display_path(&path, &here);
        if file.size() > max_file_size {
            // Too big to be a config unless its path says it is one.
            if format.is_none() {
                continue;
            }
            errors.push(crate::lint::FileError {
                file: display,
                message: format!(
                    "the staged content is {}, over the {} limit; raise it with --max-file-size",
                    crate::run::human_size(file.size()),
                    crate::run::human_size(max_file_size)
                ),
                is_config: true,
            });
            continue;
        }
        let blob = repo
            .find_blob(file.id())
            .map_err(|e| format!("--staged: {display}: {}", e.message()))?;
        out.push(crate::run::InMemory {
            name: path,
            display,
            format,
            bytes: blob.content().to_vec(),
        });
    }
    Ok((out, errors))
}
