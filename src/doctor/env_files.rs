//! The env files a client loads into a server's environment: a server's
//! own `envFile` (VS Code, Cursor and the other editors whose entries take
//! one), and Continue's `.env` files. Read on first use, at most once.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::clients::{Client, EDITOR_ENV_FILE};
use crate::fix::envfile;

/// Env files for the servers of one config file.
pub struct Loader {
    /// The folder a client treats as the workspace: the parent of the
    /// client's own folder (`.vscode`, `.cursor`, `.continue`), else the
    /// config's folder.
    workspace: PathBuf,
    read: RefCell<HashMap<PathBuf, Vec<(String, String)>>>,
}

impl Loader {
    pub fn new(config: &Path) -> Self {
        let dir = config.parent().unwrap_or(Path::new("."));
        let workspace = dir
            .ancestors()
            .find(|a| {
                a.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with('.') && n.len() > 1)
            })
            .and_then(Path::parent)
            .unwrap_or(dir)
            .to_path_buf();
        Loader {
            workspace,
            read: RefCell::new(HashMap::new()),
        }
    }

    /// The env files `client` loads for a server whose `envFile` key (if
    /// any) is `env_file`, in the order the client reads them.
    pub fn files_for(&self, client: &Client, env_file: Option<&str>) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = self.own_file(client, env_file).into_iter().collect();
        if client.id == "continue" {
            files.push(self.workspace.join(".env"));
            files.push(self.workspace.join(".continue/.env"));
            if let Some(home) = std::env::var_os("HOME") {
                files.push(PathBuf::from(home).join(".continue/.env"));
            }
        }
        files
    }

    /// The file a server's own `envFile` key names, for the clients that
    /// read that key.
    pub fn own_file(&self, client: &Client, env_file: Option<&str>) -> Option<PathBuf> {
        env_file
            .filter(|_| client.env_file == EDITOR_ENV_FILE)
            .map(|path| self.resolve(path))
    }

    /// `${workspaceFolder}/.env`, `~/x.env` or a path relative to the
    /// workspace.
    fn resolve(&self, path: &str) -> PathBuf {
        let workspace = self.workspace.to_string_lossy();
        let path = path
            .replace("${workspaceFolder}", &workspace)
            .replace("${workspaceRoot}", &workspace);
        if let Some(rest) = path.strip_prefix("~/") {
            if let Some(home) = std::env::var_os("HOME") {
                return PathBuf::from(home).join(rest);
            }
        }
        let path = PathBuf::from(path);
        if path.is_absolute() {
            path
        } else {
            self.workspace.join(path)
        }
    }

    /// Variable `name` from the first of `files` that sets it.
    pub fn lookup(&self, files: &[PathBuf], name: &str) -> Option<(String, PathBuf)> {
        let mut read = self.read.borrow_mut();
        for file in files {
            let vars = read.entry(file.clone()).or_insert_with(|| {
                if self.readable(file) {
                    envfile::read(file)
                } else {
                    Vec::new()
                }
            });
            if let Some((_, value)) = vars.iter().find(|(k, _)| k == name) {
                return Some((value.clone(), file.clone()));
            }
        }
        None
    }

    /// May `file` be read? A regular file of at most 1 MiB inside the
    /// workspace or the home folder: a config under review must not make
    /// doctor read a device, a FIFO or a file elsewhere on the machine.
    pub fn readable(&self, file: &Path) -> bool {
        let Ok(meta) = std::fs::metadata(file) else {
            return false;
        };
        let inside = |root: &Path| {
            file.canonicalize()
                .ok()
                .zip(root.canonicalize().ok())
                .is_some_and(|(f, r)| f.starts_with(r))
        };
        let home = std::env::var_os("HOME").map(PathBuf::from);
        meta.is_file()
            && meta.len() <= 1024 * 1024
            && (inside(&self.workspace) || home.as_deref().is_some_and(inside))
    }

    pub fn workspace(&self) -> &Path {
        &self.workspace
    }
}
