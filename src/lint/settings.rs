//! Everything that decides how one input is linted, resolved by the run
//! for its path before the lint starts: the `mcplint.toml` that applies
//! (rule selection, severities, reviewed exceptions, the team's policy and
//! credential formats), whether inline ignores count, which rules run, the
//! facts of the file's project, and how to ask git about the file.
//!
//! A report keeps the settings it was made with, so that every later lint
//! of the same file (each `--fix` round, the `--diff` preview) applies
//! exactly the same ones.

use std::path::Path;
use std::sync::Arc;

use crate::config::Config;
use crate::finding::Persona;
use crate::knowledge::policy::Team;
use crate::model::ProjectServer;
use crate::rules::{self, Rule};

#[derive(Clone)]
pub struct Settings {
    /// The config file that applies to the path; `None`: built-in defaults.
    pub config: Option<Arc<Config>>,
    /// Honour `mcplint-ignore[rule]: reason` comments.
    pub inline_ignores: bool,
    /// The rules that run: all of them, or only the secret rules
    /// (`mcplint history`), or none (a past version of an excluded path).
    pub rules: &'static [&'static dyn Rule],
    /// The servers of the file's project (settings files).
    pub project: Arc<[ProjectServer]>,
    /// Where the file stands in git, asked only when it holds a literal
    /// secret.
    pub git: Arc<dyn GitFacts>,
    /// Whom the report is for: findings of a higher persona are left out.
    pub persona: Persona,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            config: None,
            inline_ignores: true,
            rules: rules::RULES,
            project: Arc::from(Vec::new()),
            git: Arc::new(NoGit),
            persona: Persona::default(),
        }
    }
}

impl Settings {
    /// What the config adds to the rules' view: policy and credentials.
    pub fn team(&self) -> Team<'_> {
        self.config
            .as_deref()
            .map_or_else(Team::default, Config::team)
    }
}

/// Where a file stands in git, for grading a literal secret in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GitState {
    /// Git tracks it (or it is staged): the secret is published with it.
    Tracked,
    /// Git ignores it: personal, not committed.
    Ignored,
    /// In a repository, neither tracked nor ignored: the next `git add`
    /// publishes it.
    Untracked,
    /// Not in a repository, or a past version (`history` says more).
    Unknown,
}

/// Answers where a path stands in git. The run's answer reads the
/// repositories; tests and `history` answer without them.
pub trait GitFacts: Send + Sync {
    fn state(&self, path: &Path) -> GitState;
}

/// No repository is asked: every path is [`GitState::Unknown`].
pub struct NoGit;

impl GitFacts for NoGit {
    fn state(&self, _: &Path) -> GitState {
        GitState::Unknown
    }
}
