//! Shared helpers for the end-to-end tests of the `mcplint` binary: temp
//! trees, a hermetic command, and JSON-report accessors.
//!
//! Every token here is fake. The GitHub one has a valid CRC32 checksum (so
//! checksum-verifying detectors accept it); none grants access to anything.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

/// A GitHub classic PAT whose checksum verifies (fake).
pub const GHP: &str = "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";
/// A generic secret that counts only because of the name it sits under.
pub const API_KEY_VALUE: &str = "s3cr3tV4lu3Abc9Zq";

/// A realistic `.mcp.json` with only `${VAR}` references: nothing to report.
pub const CLEAN_MCP: &str = r#"{
  "mcpServers": {
    "github": {
      "command": "docker",
      "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "-e", "GITHUB_TOOLSETS=repos,issues", "ghcr.io/github/github-mcp-server:v0.9.1", "--read-only"],
      "env": {
        "GITHUB_PERSONAL_ACCESS_TOKEN": "${GITHUB_PERSONAL_ACCESS_TOKEN}"
      }
    },
    "sentry": {
      "type": "http",
      "url": "https://mcp.sentry.dev/mcp/acme/web",
      "headers": { "Authorization": "Bearer ${SENTRY_AUTH_TOKEN}" }
    },
    "postgres": {
      "command": "uvx",
      "args": ["postgres-mcp==0.3.0", "--access-mode=restricted"],
      "env": { "DATABASE_URI": "${DATABASE_URL:-postgresql://localhost:5432/dev}" }
    }
  }
}
"#;

/// The GitHub server of the README, with its token pasted in: the token is
/// on line 7, starting at column 42.
pub fn github_mcp(token: &str) -> String {
    format!(
        r#"{{
  "mcpServers": {{
    "github": {{
      "command": "npx",
      "args": ["-y", "@acme/github-tools-mcp@1.2.0"],
      "env": {{
        "GITHUB_PERSONAL_ACCESS_TOKEN": "{token}"
      }}
    }}
  }}
}}
"#
    )
}

/// One server with a generic secret under `API_KEY`.
pub fn api_key_mcp(server: &str) -> String {
    format!(
        r#"{{
  "mcpServers": {{
    "{server}": {{
      "command": "uvx",
      "args": ["acme-mcp==1.4.0"],
      "env": {{ "API_KEY": "{API_KEY_VALUE}" }}
    }}
  }}
}}
"#
    )
}

/// A placeholder left under a credential name: a note, not an error.
pub const PLACEHOLDER_MCP: &str = r#"{
  "mcpServers": {
    "github": {
      "command": "npx",
      "args": ["-y", "@acme/github-tools-mcp@1.2.0"],
      "env": {
        "GITHUB_TOKEN": "<YOUR_TOKEN>"
      }
    }
  }
}
"#;

/// A temporary directory tree; `root` is canonical so that it matches the
/// working directory the child process sees.
pub struct Tree {
    _dir: tempfile::TempDir,
    pub root: PathBuf,
}

impl Tree {
    pub fn new() -> Tree {
        let dir = tempfile::tempdir().expect("create temp dir");
        let root = dir.path().canonicalize().expect("canonicalize temp dir");
        Tree { _dir: dir, root }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// Write `contents` at `rel`, creating parent directories.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create parent dirs");
        }
        std::fs::write(&path, contents).expect("write file");
        path
    }

    pub fn mkdir(&self, rel: &str) -> PathBuf {
        let path = self.path(rel);
        std::fs::create_dir_all(&path).expect("create dir");
        path
    }

    pub fn read(&self, rel: &str) -> Vec<u8> {
        std::fs::read(self.path(rel)).expect("read file")
    }

    /// `mcplint` run in the root of the tree.
    pub fn cmd(&self) -> Command {
        mcplint_in(&self.root)
    }

    /// `git init` in `rel` (the root when empty).
    pub fn git_init(&self, rel: &str) {
        let dir = if rel.is_empty() {
            self.root.clone()
        } else {
            self.mkdir(rel)
        };
        self.git_in(&dir, &["init", "-q"]);
    }

    /// Run git in the root as a fixed author; it must succeed.
    pub fn git(&self, args: &[&str]) {
        self.git_in(&self.root, args);
    }

    /// Git in `dir`, hermetic: no user or system config, no inherited
    /// repository; it must succeed.
    fn git_in(&self, dir: &Path, args: &[&str]) {
        let status = std::process::Command::new("git")
            .args(["-c", "user.name=dev", "-c", "user.email=dev@acme-corp.net"])
            .args(args)
            .current_dir(dir)
            .env("HOME", fake_home(&self.root))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .status()
            .expect("git is installed");
        assert!(status.success(), "git {args:?} failed in {}", dir.display());
    }
}

impl Default for Tree {
    fn default() -> Self {
        Tree::new()
    }
}

/// A HOME that does not exist: no global gitignore or git config of the
/// person running the tests can change what is discovered.
fn fake_home(root: &Path) -> PathBuf {
    root.join(".no-such-home")
}

/// The binary, hermetic: fixed width, no colour variables, no user git
/// config, and a 20 s timeout so that a hang fails instead of blocking.
pub fn mcplint_in(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("mcplint").expect("binary built");
    cmd.current_dir(dir)
        .timeout(Duration::from_secs(20))
        .env("COLUMNS", "100")
        .env("HOME", fake_home(dir))
        .env("XDG_CONFIG_HOME", fake_home(dir))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("FORCE_COLOR")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE");
    cmd
}

/// What one run produced.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn from_output(out: Output) -> Run {
        let run = Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        run.assert_no_panic();
        run
    }

    /// Never a panic, an abort or a signal: an exit code in 0..=2.
    pub fn assert_no_panic(&self) {
        assert!(
            !self.stdout.contains("panicked") && !self.stderr.contains("panicked"),
            "mcplint panicked:\nstdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        assert!(
            (0..=2).contains(&self.code),
            "unexpected exit status {} (a crash or signal?)\nstdout:\n{}\nstderr:\n{}",
            self.code,
            self.stdout,
            self.stderr
        );
    }

    pub fn expect_code(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "exit status\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// stdout as the JSON report.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

/// Run a prepared command to completion (panics if it timed out).
pub fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("mcplint ran (or timed out)");
    Run::from_output(out)
}

/// `mcplint --format json ARGS…` in `dir`.
pub fn run_json(dir: &Path, args: &[&str]) -> (i32, Value) {
    let r = run(mcplint_in(dir).args(["--format", "json"]).args(args));
    let v = r.json();
    (r.code, v)
}

/// `mcplint --color never ARGS…` in `dir`.
pub fn run_human(dir: &Path, args: &[&str]) -> Run {
    run(mcplint_in(dir).args(["--color", "never"]).args(args))
}

pub fn all_findings(report: &Value) -> &Vec<Value> {
    report["findings"].as_array().expect("findings is an array")
}

/// Rules that accompany the ones these tests are about: privilege breadth
/// of a token, unnarrowed servers and unpinned packages (tested in
/// tests/privilege.rs). The CLI tests look past them.
pub const COMPANIONS: &[&str] = &[
    "broad-credential",
    "unnarrowed-server",
    "unpinned-package",
    "credentials-in-url",
    "deprecated-sse",
];

/// Findings, without the companion rules.
pub fn findings(report: &Value) -> Vec<Value> {
    all_findings(report)
        .iter()
        .filter(|f| !COMPANIONS.iter().any(|c| f["rule"] == *c))
        .cloned()
        .collect()
}

pub fn errors(report: &Value) -> &Vec<Value> {
    report["errors"].as_array().expect("errors is an array")
}

/// Findings of one rule.
pub fn by_rule<'a>(report: &'a Value, rule: &str) -> Vec<&'a Value> {
    all_findings(report)
        .iter()
        .filter(|f| f["rule"] == rule)
        .collect()
}

/// The one finding at `pointer` in `file` (panics unless exactly one).
pub fn at<'a>(report: &'a Value, file: &str, pointer: &str) -> &'a Value {
    let hits: Vec<&Value> = all_findings(report)
        .iter()
        .filter(|f| !COMPANIONS.iter().any(|c| f["rule"] == *c))
        .filter(|f| f["file"] == file && f["pointer"] == pointer)
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "expected one finding at {file}#{pointer}, got {}:\n{report:#}",
        hits.len()
    );
    hits[0]
}

/// Files named in findings and errors, sorted and deduplicated.
pub fn files_reported(report: &Value) -> Vec<String> {
    let mut files: Vec<String> = findings(report)
        .iter()
        .chain(errors(report))
        .map(|f| f["file"].as_str().expect("file is a string").to_string())
        .collect();
    files.sort();
    files.dedup();
    files
}

/// The bytes a finding's `offset`/`length` designate in `source`.
pub fn span_text<'a>(source: &'a [u8], finding: &Value) -> &'a [u8] {
    let offset = finding["offset"].as_u64().expect("offset") as usize;
    let length = finding["length"].as_u64().expect("length") as usize;
    assert!(
        offset + length <= source.len(),
        "span {offset}+{length} past end of a {}-byte file",
        source.len()
    );
    &source[offset..offset + length]
}

/// 1-based line and column (in characters) of a byte offset, the way an
/// editor shows them: a leading byte-order mark is not a column.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let mut col_text = &before[line_start..];
    if line == 1 {
        col_text = col_text.strip_prefix('\u{feff}').unwrap_or(col_text);
    }
    (line, col_text.chars().count() + 1)
}

pub fn has_ansi(text: &str) -> bool {
    text.contains("\x1b[")
}
