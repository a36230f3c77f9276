//! Each path's [`Settings`]: the `mcplint.toml` that applies to it (see
//! [`Configs`]), the run's inline-ignore policy, and the run's view of git.
//! Every entry point resolves settings here, so none applies fewer.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::configs::Configs;
use super::git::Repositories;
use super::ConfigChoice;
use crate::clients::Format;
use crate::finding::Persona;
use crate::lint::{FileReport, GitFacts, Settings};

pub struct Resolver {
    configs: Configs,
    inline_ignores: bool,
    /// `--persona`, over the config's `persona = …`.
    persona: Option<Persona>,
    git: Arc<dyn GitFacts>,
    pub cwd: PathBuf,
}

impl Resolver {
    pub fn new(choice: &ConfigChoice, cwd: &Path, inline_ignores: bool) -> Self {
        Resolver {
            configs: Configs::new(choice, cwd),
            inline_ignores,
            persona: None,
            git: Arc::new(Repositories::default()),
            cwd: cwd.to_path_buf(),
        }
    }

    /// Answer git questions with `git` instead of the repositories on disk
    /// (`history`: a past version is neither tracked nor ignored today).
    pub fn with_git(mut self, git: Arc<dyn GitFacts>) -> Self {
        self.git = git;
        self
    }

    /// Report for `persona` whatever the configs say (`--persona`).
    pub fn with_persona(mut self, persona: Option<Persona>) -> Self {
        self.persona = persona;
        self
    }

    /// The settings a file at `path` is linted with.
    pub fn settings_for(&self, path: &Path) -> Settings {
        let config = self.configs.for_path(path);
        let persona = self
            .persona
            .or_else(|| config.as_ref().and_then(|c| c.persona))
            .unwrap_or_default();
        Settings {
            config,
            inline_ignores: self.inline_ignores,
            git: Arc::clone(&self.git),
            persona,
            ..Settings::default()
        }
    }

    /// The client format a `[[client]]` glob of the config gives `path`.
    pub fn client_for(&self, path: &Path) -> Option<&'static Format> {
        self.configs.for_path(path).and_then(|c| c.client_for(path))
    }

    /// Does the config that applies to `path` exclude it?
    pub fn excluded(&self, path: &Path) -> bool {
        self.configs
            .for_path(path)
            .is_some_and(|c| c.excluded(path))
    }

    pub fn configs(&self) -> &Configs {
        &self.configs
    }

    /// The reports of config files that could not be used.
    pub fn into_broken(self) -> Vec<FileReport> {
        self.configs.into_broken()
    }
}
