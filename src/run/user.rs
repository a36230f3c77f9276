//! `--user`: the per-user config files of every client, on Linux, macOS
//! and Windows. Each client's module lists its files; their folders come from `HOME`, `XDG_CONFIG_HOME`, `APPDATA`
//! and the clients' own variables (`CLAUDE_CONFIG_DIR`, `CODEX_HOME`,
//! `CLINE_DIR`), so a test can point them at a fake home. Every candidate
//! is checked on every system: a path that does not exist costs a `stat`.

use std::path::{Path, PathBuf};

use crate::clients::{self, Base, Format};
use crate::run::discover::Target;

/// Environment lookups, injectable for tests.
pub trait Env {
    fn var(&self, name: &str) -> Option<PathBuf>;
}

/// The process environment.
pub struct ProcessEnv;

impl Env for ProcessEnv {
    fn var(&self, name: &str) -> Option<PathBuf> {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    }
}

fn home(env: &dyn Env) -> Option<PathBuf> {
    env.var("HOME").or_else(|| env.var("USERPROFILE"))
}

fn base_dir(env: &dyn Env, base: Base) -> Option<PathBuf> {
    match base {
        Base::Home => home(env),
        Base::Config => env
            .var("XDG_CONFIG_HOME")
            .or_else(|| home(env).map(|h| h.join(".config"))),
        Base::AppData => env.var("APPDATA"),
        Base::AppSupport => home(env).map(|h| h.join("Library/Application Support")),
        Base::Var(name, default) => env.var(name).or_else(|| home(env).map(|h| h.join(default))),
    }
}

/// Show a path under the home directory as `~/…`.
pub fn display(path: &Path, env: &dyn Env) -> String {
    match home(env).and_then(|h| path.strip_prefix(&h).ok().map(Path::to_path_buf)) {
        Some(rest) => format!("~/{}", rest.to_string_lossy().replace('\\', "/")),
        None => path.to_string_lossy().replace('\\', "/"),
    }
}

/// The files of a folder, sorted.
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    files
}

/// Every per-user config of every client that exists.
pub fn targets(env: &dyn Env) -> Vec<Target> {
    let mut out: Vec<Target> = Vec::new();
    let mut push = |path: PathBuf, format: &'static Format| {
        if path.is_file() && !out.iter().any(|t| t.path == path) {
            out.push(Target {
                display: display(&path, env),
                path,
                format,
                why: None,
            });
        }
    };
    for client in clients::CLIENTS {
        for file in client.user_files {
            let Some(dir) = base_dir(env, file.base).map(|d| d.join(file.path)) else {
                continue;
            };
            match file.format {
                Some(id) => {
                    if let Some(format) = client.formats.iter().find(|f| f.id == id) {
                        push(dir, format);
                    }
                }
                None => {
                    for path in files_in(&dir) {
                        if let Some(format) = clients::for_path(&path) {
                            push(path, format);
                        }
                    }
                }
            }
        }
    }
    out
}

/// Add the per-user files of the process environment to `found`, except
/// those the walk found already (a home inside the tree being linted, or
/// `mcplint --user ~`): compared by canonical path, each is linted once.
pub fn add_to(found: &mut Vec<Target>) {
    let key = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let mut known: std::collections::HashSet<PathBuf> =
        found.iter().map(|t| key(&t.path)).collect();
    for t in targets(&ProcessEnv) {
        if known.insert(key(&t.path)) {
            found.push(t);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    struct FakeEnv(HashMap<&'static str, PathBuf>);

    impl Env for FakeEnv {
        fn var(&self, name: &str) -> Option<PathBuf> {
            self.0.get(name).cloned()
        }
    }

    #[test]
    fn every_user_file_names_one_of_its_clients_formats() {
        for client in clients::CLIENTS {
            for file in client.user_files {
                if let Some(id) = file.format {
                    assert!(
                        client.formats.iter().any(|f| f.id == id),
                        "{}: {id}",
                        client.id
                    );
                }
            }
        }
    }

    #[test]
    fn finds_files_under_a_fake_home() {
        let home = tempfile::tempdir().unwrap();
        let h = home.path();
        for rel in [
            ".claude.json",
            ".cursor/mcp.json",
            ".config/zed/settings.json",
            "appdata/Claude/claude_desktop_config.json",
            "codex-home/config.toml",
        ] {
            let p = h.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, "{}").unwrap();
        }
        let env = FakeEnv(HashMap::from([
            ("HOME", h.to_path_buf()),
            ("APPDATA", h.join("appdata")),
            ("CODEX_HOME", h.join("codex-home")),
        ]));
        let found: Vec<(String, &str)> = targets(&env)
            .into_iter()
            .map(|t| (t.display, t.format.id))
            .collect();
        assert_eq!(
            found,
            [
                ("~/.claude.json".to_string(), "claude-code-user"),
                (
                    "~/appdata/Claude/claude_desktop_config.json".to_string(),
                    "claude-desktop"
                ),
                ("~/.cursor/mcp.json".to_string(), "cursor"),
                ("~/codex-home/config.toml".to_string(), "codex"),
                ("~/.config/zed/settings.json".to_string(), "zed"),
            ]
        );
    }
}
