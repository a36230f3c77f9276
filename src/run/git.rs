//! Where a linted file stands in git, for grading its literal secrets:
//! each repository is opened once per run, and asked only about files that
//! hold one.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::lint::{GitFacts, GitState};

/// The repositories met so far, by canonical working-tree root.
#[derive(Default)]
pub struct Repositories {
    // NOTE: a `git2::Repository` may move between threads but not be shared;
    // the lock makes the cache usable from every lint worker.
    open: Mutex<Vec<(PathBuf, git2::Repository)>>,
}

impl GitFacts for Repositories {
    fn state(&self, path: &Path) -> GitState {
        self.lookup(path).unwrap_or(GitState::Unknown)
    }
}

impl Repositories {
    fn lookup(&self, path: &Path) -> Option<GitState> {
        // A file named on the command line (`.mcp.json`) has an empty parent.
        let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
        let dir = parent.unwrap_or(Path::new(".")).canonicalize().ok()?;
        let name = path.file_name()?;
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        let index = match open.iter().position(|(root, _)| dir.starts_with(root)) {
            Some(i) => i,
            None => {
                let repo = git2::Repository::discover(&dir).ok()?;
                let root = repo.workdir()?.canonicalize().ok()?;
                open.push((root, repo));
                open.len() - 1
            }
        };
        let (root, repo) = &open[index];
        let relative = dir.join(name).strip_prefix(root).ok()?.to_path_buf();
        let tracked = repo
            .index()
            .is_ok_and(|i| i.get_path(&relative, 0).is_some());
        Some(if tracked {
            GitState::Tracked
        } else if repo.is_path_ignored(&relative).unwrap_or(false) {
            GitState::Ignored
        } else {
            GitState::Untracked
        })
    }
}
