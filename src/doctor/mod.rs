//! `mcplint doctor`: what would fail when each configured server starts
//! in this environment. The configs are found, read and modelled as a lint
//! reads them; then every reference a server holds is looked up in the
//! environment the client gives it (the process environment, and the env
//! files that client loads). A value is never printed: only names, and
//! where each is used. Nothing is run and nothing is fetched.

mod checks;
mod env_files;
pub mod render;

use std::path::{Path, PathBuf};

use crate::lint;
use crate::run::discover;
use crate::run::{self, ConfigChoice, Resolver};
use crate::syntax::source::SourceFile;

pub use checks::{Check, Verdict};

/// Where variable values come from: the process environment in a real
/// run, a map in tests.
pub trait Environment {
    fn var(&self, name: &str) -> Option<String>;
}

/// The environment mcplint itself runs in.
pub struct ProcessEnvironment;

impl Environment for ProcessEnvironment {
    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok()
    }
}

/// One server and what would stop it.
#[derive(Debug)]
pub struct ServerReport {
    pub name: String,
    pub line: usize,
    /// Its client does not start it (`disabled: true`): nothing is checked.
    pub disabled: bool,
    pub checks: Vec<Check>,
}

impl ServerReport {
    pub fn starts(&self) -> bool {
        self.checks.iter().all(|c| c.verdict != Verdict::Fails)
    }
}

/// One config file.
#[derive(Debug)]
pub struct ConfigReport {
    pub file: String,
    pub client: &'static str,
    pub servers: Vec<ServerReport>,
    /// Why the file could not be read, if it could not.
    pub error: Option<String>,
}

#[derive(Debug, Default)]
pub struct Report {
    pub configs: Vec<ConfigReport>,
}

impl Report {
    /// Would every server start?
    pub fn healthy(&self) -> bool {
        self.configs
            .iter()
            .all(|c| c.error.is_none() && c.servers.iter().all(ServerReport::starts))
    }
}

pub struct Options {
    pub user: bool,
    pub max_file_size: u64,
}

/// Check every config under `paths` (and the per-user ones with `user`).
pub fn run(paths: &[PathBuf], cwd: &Path, options: &Options, env: &dyn Environment) -> Report {
    let resolver = Resolver::new(&ConfigChoice::Discover, cwd, true);
    let recognise = |path: &Path| {
        resolver
            .client_for(path)
            .or_else(|| crate::clients::for_path(path))
    };
    let mut found = discover::discover_with(paths, cwd, &recognise);
    if options.user {
        run::user::add_to(&mut found.targets);
    }
    let mut report = Report::default();
    for error in found.errors {
        report.configs.push(ConfigReport {
            file: error.file.clone(),
            client: "",
            servers: Vec::new(),
            error: Some(error.message.clone()),
        });
    }
    for target in found.targets {
        if resolver.excluded(&target.path) {
            continue;
        }
        let client = target.format.client;
        let mut config = ConfigReport {
            file: target.display.clone(),
            client: client.name,
            servers: Vec::new(),
            error: None,
        };
        let bytes = match run::read::bytes(&target.path, options.max_file_size) {
            Ok(bytes) => bytes,
            Err(e) => {
                config.error = Some(e);
                report.configs.push(config);
                continue;
            }
        };
        let source = SourceFile {
            path: target.path.clone(),
            display: target.display.clone(),
            text: String::new(),
        };
        let files = env_files::Loader::new(&target.path);
        match lint::inspect(bytes, source, target.format, |file, analysis| {
            checks::servers(file, analysis, env, &files)
        }) {
            Ok(servers) => config.servers = servers,
            Err(e) => config.error = Some(format!("cannot be read: {e}")),
        }
        // A file with no servers (a settings file) has nothing to start.
        if config.servers.is_empty() && config.error.is_none() {
            continue;
        }
        report.configs.push(config);
    }
    report
}
