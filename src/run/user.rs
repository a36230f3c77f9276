//! `--user`: the per-user config files of every client, on Linux, macOS
//! and Windows. Locations come from `HOME`, `XDG_CONFIG_HOME`, `APPDATA`
//! and the clients' own variables (`CLAUDE_CONFIG_DIR`, `CODEX_HOME`,
//! `CLINE_DIR`), so a test can point them at a fake home. Every candidate
//! is checked on every system: a path that does not exist costs a `stat`.

use std::path::{Path, PathBuf};

use crate::formats::{self, Format};
use crate::run::discover::Target;

/// Where one client keeps a user-level file.
struct Location {
    base: Base,
    path: &'static str,
    format: &'static str,
}

#[derive(Clone, Copy)]
enum Base {
    Home,
    /// `$XDG_CONFIG_HOME`, else `~/.config`.
    Config,
    /// `%APPDATA%` (Windows roaming profile).
    AppData,
    /// `~/Library/Application Support` (macOS).
    AppSupport,
    /// A client's own directory variable, else a default under the home.
    Var(&'static str, &'static str),
}

const LOCATIONS: &[Location] = &[
    // Claude Code
    Location {
        base: Base::Var("CLAUDE_CONFIG_DIR", ""),
        path: ".claude.json",
        format: "claude-code-user",
    },
    Location {
        base: Base::Var("CLAUDE_CONFIG_DIR", ".claude"),
        path: "settings.json",
        format: "claude-code-settings",
    },
    // Claude Desktop
    Location {
        base: Base::AppSupport,
        path: "Claude/claude_desktop_config.json",
        format: "claude-desktop",
    },
    Location {
        base: Base::AppData,
        path: "Claude/claude_desktop_config.json",
        format: "claude-desktop",
    },
    Location {
        base: Base::Config,
        path: "Claude/claude_desktop_config.json",
        format: "claude-desktop",
    },
    // Cursor
    Location {
        base: Base::Home,
        path: ".cursor/mcp.json",
        format: "cursor",
    },
    // VS Code user profile
    Location {
        base: Base::Config,
        path: "Code/User/mcp.json",
        format: "vscode",
    },
    Location {
        base: Base::AppSupport,
        path: "Code/User/mcp.json",
        format: "vscode",
    },
    Location {
        base: Base::AppData,
        path: "Code/User/mcp.json",
        format: "vscode",
    },
    // Copilot CLI
    Location {
        base: Base::Home,
        path: ".copilot/mcp-config.json",
        format: "copilot-cli",
    },
    // Windsurf
    Location {
        base: Base::Home,
        path: ".codeium/windsurf/mcp_config.json",
        format: "windsurf",
    },
    // Gemini CLI
    Location {
        base: Base::Home,
        path: ".gemini/settings.json",
        format: "gemini-cli",
    },
    // Codex
    Location {
        base: Base::Var("CODEX_HOME", ".codex"),
        path: "config.toml",
        format: "codex",
    },
    // Zed
    Location {
        base: Base::Config,
        path: "zed/settings.json",
        format: "zed",
    },
    Location {
        base: Base::AppData,
        path: "Zed/settings.json",
        format: "zed",
    },
    // Cline
    Location {
        base: Base::Var("CLINE_DIR", ".cline"),
        path: "data/settings/cline_mcp_settings.json",
        format: "cline",
    },
    Location {
        base: Base::Home,
        path: "Documents/Cline/MCP/cline_mcp_settings.json",
        format: "cline",
    },
    Location {
        base: Base::Config,
        path: "Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json",
        format: "cline",
    },
    Location {
        base: Base::AppSupport,
        path: "Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json",
        format: "cline",
    },
    Location {
        base: Base::AppData,
        path: "Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json",
        format: "cline",
    },
    // Roo Code
    Location {
        base: Base::Config,
        path: "Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json",
        format: "roo-code",
    },
    Location {
        base: Base::AppSupport,
        path: "Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json",
        format: "roo-code",
    },
    Location {
        base: Base::AppData,
        path: "Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json",
        format: "roo-code",
    },
    // Amazon Q
    Location {
        base: Base::Home,
        path: ".aws/amazonq/mcp.json",
        format: "amazon-q",
    },
    // OpenCode
    Location {
        base: Base::Config,
        path: "opencode/opencode.json",
        format: "opencode",
    },
    Location {
        base: Base::Config,
        path: "opencode/opencode.jsonc",
        format: "opencode",
    },
    // Continue
    Location {
        base: Base::Home,
        path: ".continue/config.yaml",
        format: "continue",
    },
    // Goose
    Location {
        base: Base::Config,
        path: "goose/config.yaml",
        format: "goose",
    },
    Location {
        base: Base::AppData,
        path: "Block/goose/config/config.yaml",
        format: "goose",
    },
];

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

/// Every per-user config that exists, and Continue's per-user server files.
pub fn targets(env: &dyn Env) -> Vec<Target> {
    let mut out: Vec<Target> = Vec::new();
    let mut push = |path: PathBuf, format: &'static Format| {
        if path.is_file() && !out.iter().any(|t| t.path == path) {
            out.push(Target {
                display: display(&path, env),
                path,
                format,
            });
        }
    };
    for loc in LOCATIONS {
        let (Some(dir), Some(format)) = (base_dir(env, loc.base), formats::by_name(loc.format))
        else {
            continue;
        };
        push(dir.join(loc.path), format);
    }
    if let Some(dir) = home(env).map(|h| h.join(".continue/mcpServers")) {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        files.sort();
        for path in files {
            if let Some(format) = formats::for_path(&path) {
                push(path, format);
            }
        }
    }
    out
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
    fn every_location_names_a_known_format() {
        for loc in LOCATIONS {
            assert!(formats::by_name(loc.format).is_some(), "{}", loc.format);
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
