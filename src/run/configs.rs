//! Which `mcplint.toml` applies to each linted file: the nearest one above
//! the file, up to its repository root — so each package of a monorepo
//! keeps its own rules and exceptions — else the one above the working
//! directory (per-user files, paths outside the tree). `--config PATH`
//! applies one file to everything; `--no-config` none.
//!
//! Each directory is looked at once and each config read once, however
//! many files share them; a broken config is reported once, on itself.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::ConfigChoice;
use crate::config::{self, Config};
use crate::lint::FileReport;

pub struct Configs {
    /// `--config` / `--no-config`: the same answer for every path.
    fixed: Option<Option<Arc<Config>>>,
    /// The config of the working directory, for files with none above them.
    fallback: Option<Arc<Config>>,
    cwd: PathBuf,
    /// Directory as walked → the config that applies there (a walk asks
    /// once per file; this spares a canonicalisation each time).
    by_walked_dir: Mutex<HashMap<PathBuf, Option<Arc<Config>>>>,
    /// Canonical directory → the config that applies there.
    by_dir: Mutex<HashMap<PathBuf, Option<Arc<Config>>>>,
    /// Config path → the loaded config (`None`: it has errors).
    loaded: Mutex<HashMap<PathBuf, Option<Arc<Config>>>>,
    broken: Mutex<Vec<FileReport>>,
}

impl Configs {
    pub fn new(choice: &ConfigChoice, cwd: &Path) -> Self {
        let mut configs = Configs {
            fixed: None,
            fallback: None,
            cwd: cwd.to_path_buf(),
            by_walked_dir: Mutex::default(),
            by_dir: Mutex::default(),
            loaded: Mutex::default(),
            broken: Mutex::default(),
        };
        match choice {
            ConfigChoice::Path(path) => configs.fixed = Some(configs.load(path)),
            ConfigChoice::Ignore => configs.fixed = Some(None),
            ConfigChoice::Discover => {
                configs.fallback = config::find(cwd).and_then(|p| configs.load(&p));
            }
        }
        configs
    }

    /// The config for a file (absolute, or relative to the working directory).
    pub fn for_path(&self, path: &Path) -> Option<Arc<Config>> {
        if let Some(fixed) = &self.fixed {
            return fixed.clone();
        }
        let absolute = self.cwd.join(path);
        let walked = absolute.parent().unwrap_or(&absolute);
        self.for_walked_dir(walked)
    }

    /// The config for the files of a directory, as walked.
    fn for_walked_dir(&self, walked: &Path) -> Option<Arc<Config>> {
        if let Some(known) = self.by_walked_dir.lock().unwrap().get(walked) {
            return known.clone();
        }
        // A walk asks about a directory just after its parent: a real
        // directory (not a link) below a known one has its own config or
        // its parent's, and needs no canonicalisation (a `readlink` for
        // each component of its path).
        let parent_known = walked.parent().and_then(|parent| {
            let known = self.by_walked_dir.lock().unwrap().get(parent).cloned();
            known.filter(|_| {
                walked.file_name().is_some()
                    && std::fs::symlink_metadata(walked).is_ok_and(|m| m.is_dir())
            })
        });
        let found = match parent_known {
            Some(inherited) => match self.config_in(walked) {
                Some(path) => self.load(&path).or_else(|| self.fallback.clone()),
                None if walked.join(".git").exists() => self.fallback.clone(),
                None => inherited,
            },
            None => {
                let dir = walked
                    .canonicalize()
                    .unwrap_or_else(|_| walked.to_path_buf());
                self.for_dir(&dir).or_else(|| self.fallback.clone())
            }
        };
        self.by_walked_dir
            .lock()
            .unwrap()
            .insert(walked.to_path_buf(), found.clone());
        found
    }

    /// The config file in `dir` itself, if any.
    fn config_in(&self, dir: &Path) -> Option<PathBuf> {
        config::FILE_NAMES
            .iter()
            .map(|name| dir.join(name))
            .find(|candidate| candidate.is_file())
    }

    /// The nearest config at or above `dir`, stopping at a repository root.
    fn for_dir(&self, dir: &Path) -> Option<Arc<Config>> {
        if let Some(known) = self.by_dir.lock().unwrap().get(dir) {
            return known.clone();
        }
        let found = match self.config_in(dir) {
            Some(path) => self.load(&path),
            None if dir.join(".git").exists() => None,
            None => dir.parent().and_then(|parent| self.for_dir(parent)),
        };
        self.by_dir
            .lock()
            .unwrap()
            .insert(dir.to_path_buf(), found.clone());
        found
    }

    fn load(&self, path: &Path) -> Option<Arc<Config>> {
        let key = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        // Held while loading: two walker threads never read (or report) one file twice.
        let mut loaded_configs = self.loaded.lock().unwrap();
        if let Some(known) = loaded_configs.get(&key) {
            return known.clone();
        }
        let loaded = match config::load(path, &self.cwd) {
            Ok((c, problems)) if problems.is_empty() => Some(Arc::new(c)),
            // Its valid entries (exclusions, exceptions, disabled rules)
            // still apply: a mistake elsewhere in the file never widens
            // what the user narrowed. The run is still no pass.
            Ok((c, problems)) => {
                let mut report = FileReport::empty(c.source.clone(), &config::CONFIG_FORMAT);
                report.findings = problems;
                report.misconfigured = true;
                self.broken.lock().unwrap().push(report);
                Some(Arc::new(c))
            }
            Err((source, findings)) => {
                let mut report = FileReport::empty(source, &config::CONFIG_FORMAT);
                report.findings = findings;
                report.unparsable = true;
                self.broken.lock().unwrap().push(report);
                None
            }
        };
        loaded_configs.insert(key, loaded.clone());
        loaded
    }

    /// Every config this run has read and can use.
    pub fn loaded(&self) -> Vec<Arc<Config>> {
        let mut all: Vec<Arc<Config>> = self
            .loaded
            .lock()
            .unwrap()
            .values()
            .flatten()
            .cloned()
            .collect();
        all.sort_by(|a, b| a.source.path.cmp(&b.source.path));
        all
    }

    /// The reports of config files that could not be used.
    pub fn into_broken(self) -> Vec<FileReport> {
        self.broken.into_inner().unwrap()
    }
}
