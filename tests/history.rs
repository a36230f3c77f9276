//! `mcplint history`: credentials committed to MCP configs, found in
//! scratch repositories built with the `git` command line. Every token is
//! fake (the GitHub ones carry a valid checksum, so they are recognised).

mod common;

use common::{github_mcp, mcplint_in, run, Run, Tree, CLEAN_MCP, GHP};
use serde_json::Value;

/// A second fake GitHub token (from the fixtures) and a fake Slack one.
const GHP_2: &str = "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";
const XOXB: &str = "xoxb-7730918264-8129475036-Zq4Lm8Rt2Vx6Nb1Kc9Hd3Wf0";

/// A scratch repository; commits get increasing, fixed dates.
struct Repo {
    tree: Tree,
    clock: std::cell::Cell<i64>,
}

impl Repo {
    fn new() -> Repo {
        let repo = Repo {
            tree: Tree::new(),
            // 2024-03-01T00:00:00Z
            clock: std::cell::Cell::new(1_709_251_200),
        };
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    /// Run git in the repository; its standard output, trimmed.
    fn git(&self, args: &[&str]) -> String {
        let date = format!("{} +0000", self.clock.get());
        let out = std::process::Command::new("git")
            .args(args)
            .current_dir(&self.tree.root)
            .env("HOME", self.tree.root.join(".no-such-home"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@acme-corp.net")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@acme-corp.net")
            .env("GIT_AUTHOR_DATE", &date)
            .env("GIT_COMMITTER_DATE", &date)
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .output()
            .expect("git is installed");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Write the files, commit everything, advance the clock a day; the
    /// new commit's full id.
    fn commit(&self, files: &[(&str, &str)], message: &str) -> String {
        for (path, text) in files {
            self.tree.write(path, text);
        }
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "--allow-empty", "-m", message]);
        self.clock.set(self.clock.get() + 86_400);
        self.git(&["rev-parse", "HEAD"])
    }

    fn history(&self, args: &[&str]) -> Run {
        run(mcplint_in(&self.tree.root)
            .args(["history", "--color", "never"])
            .args(args))
    }

    /// `mcplint history --format json ARGS…`: exit code and findings.
    fn json(&self, args: &[&str]) -> (i32, Vec<Value>) {
        let r = self.history(&[&["--format", "json"], args].concat());
        let doc = r.json();
        let findings = doc["findings"].as_array().unwrap().clone();
        (r.code, findings)
    }
}

fn short(id: &str) -> &str {
    &id[..12]
}

fn message(f: &Value) -> &str {
    f["message"].as_str().unwrap()
}

#[test]
fn a_secret_added_then_removed_is_reported_with_its_first_commit() {
    let repo = Repo::new();
    repo.commit(&[(".mcp.json", CLEAN_MCP)], "clean config");
    let added = repo.commit(&[(".mcp.json", &github_mcp(GHP))], "add github");
    repo.commit(&[(".mcp.json", CLEAN_MCP)], "use a reference");
    let (code, findings) = repo.json(&[]);
    assert_eq!(code, 1);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!(f["rule"], "literal-secret");
    assert_eq!(f["file"], format!(".mcp.json@{}", short(&added)));
    assert_eq!(
        f["pointer"],
        "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN"
    );
    // The snippet's position is in the version that introduced it.
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(7), Some(42))
    );
    assert!(
        message(f).contains(&format!("committed in {} (2024-03-02)", short(&added))),
        "{}",
        message(f)
    );
    assert!(message(f).contains("removed at HEAD"), "{}", message(f));
    assert!(!message(f).contains("still present"), "{}", message(f));
    assert_eq!(f["secret_preview"], "ghp_…xe");
}

#[test]
fn a_secret_still_at_head_says_so() {
    let repo = Repo::new();
    let added = repo.commit(&[(".cursor/mcp.json", &github_mcp(GHP))], "add");
    // An unrelated edit of the same file: a new blob, the same secret.
    repo.commit(
        &[(
            ".cursor/mcp.json",
            &github_mcp(GHP).replace("1.2.0", "1.3.0"),
        )],
        "bump",
    );
    let (code, findings) = repo.json(&[]);
    assert_eq!(code, 1);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(
        findings[0]["file"],
        format!(".cursor/mcp.json@{}", short(&added))
    );
    assert!(
        message(&findings[0]).ends_with("still present at HEAD"),
        "{}",
        message(&findings[0])
    );
}

#[test]
fn one_blob_in_many_commits_and_branches_is_reported_once() {
    let repo = Repo::new();
    let config = github_mcp(GHP);
    let first = repo.commit(&[(".mcp.json", &config)], "add");
    repo.git(&["checkout", "-q", "-b", "feature"]);
    for i in 0..3 {
        repo.commit(&[("src/lib.rs", &format!("// {i}\n"))], "work");
    }
    repo.commit(&[(".mcp.json", CLEAN_MCP)], "remove on feature");
    repo.commit(&[(".mcp.json", &config)], "put back on feature");
    repo.git(&["checkout", "-q", "main"]);
    repo.commit(&[("README.md", "hello\n")], "docs");
    repo.git(&["merge", "-q", "--no-edit", "feature"]);
    let (code, findings) = repo.json(&["--all"]);
    assert_eq!(code, 1);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["file"], format!(".mcp.json@{}", short(&first)));
}

#[test]
fn a_merge_does_not_introduce_what_its_side_branch_committed() {
    let repo = Repo::new();
    repo.commit(&[(".mcp.json", CLEAN_MCP)], "clean");
    repo.git(&["checkout", "-q", "-b", "side"]);
    let side = repo.commit(&[(".cursor/mcp.json", &github_mcp(GHP_2))], "side");
    repo.git(&["checkout", "-q", "main"]);
    repo.commit(&[("README.md", "hello\n")], "docs");
    repo.git(&["merge", "-q", "--no-edit", "side"]);
    let (_, findings) = repo.json(&[]);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(
        findings[0]["file"],
        format!(".cursor/mcp.json@{}", short(&side))
    );
    assert!(message(&findings[0]).ends_with("still present at HEAD"));
    // Without the side branch's commits, the merge alone brought in nothing.
    let (code, findings) = repo.json(&["side..main"]);
    assert_eq!((code, findings.len()), (0, 0), "{findings:#?}");
}

#[test]
fn all_refs_find_a_secret_on_a_side_branch_that_head_never_had() {
    let repo = Repo::new();
    repo.commit(&[(".mcp.json", CLEAN_MCP)], "clean");
    repo.git(&["checkout", "-q", "-b", "experiment"]);
    let leaked = repo.commit(&[(".mcp.json", &github_mcp(GHP))], "try a token");
    repo.git(&["checkout", "-q", "main"]);
    let (code, findings) = repo.json(&[]);
    assert_eq!((code, findings.len()), (0, 0), "{findings:#?}");
    let (code, findings) = repo.json(&["--all"]);
    assert_eq!(code, 1);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["file"], format!(".mcp.json@{}", short(&leaked)));
    assert!(message(&findings[0]).contains("removed at HEAD"));
}

#[test]
fn a_range_scans_only_its_commits() {
    let repo = Repo::new();
    let a = repo.commit(&[(".mcp.json", &github_mcp(GHP))], "first token");
    repo.commit(&[("README.md", "hello\n")], "docs");
    let b = repo.commit(
        &[(".codex/config.toml", &format!("[mcp_servers.slack]\ncommand = \"npx\"\nargs = [\"-y\", \"@acme/slack-mcp@2.0.1\"]\nenv = {{ SLACK_BOT_TOKEN = \"{XOXB}\" }}\n"))],
        "second token",
    );
    let (_, everything) = repo.json(&[]);
    assert_eq!(everything.len(), 2, "{everything:#?}");
    let (code, findings) = repo.json(&[&format!("{a}..{b}")]);
    assert_eq!(code, 1);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(
        findings[0]["file"],
        format!(".codex/config.toml@{}", short(&b))
    );
    assert_eq!(findings[0]["client"], "codex");
    // A single revision is it and its ancestors.
    let (_, findings) = repo.json(&[&a]);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["file"], format!(".mcp.json@{}", short(&a)));
}

#[test]
fn files_that_are_not_mcp_configs_are_ignored() {
    let repo = Repo::new();
    repo.commit(
        &[
            ("config.json", &github_mcp(GHP)),
            // An MCP name without a server map in it.
            ("src/mcp.json", r#"{"name": "acme", "tools": ["search"], "token": "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"}"#),
            (".mcp.json.bak", &github_mcp(GHP)),
            (".mcp.json", CLEAN_MCP),
        ],
        "configs",
    );
    let (code, findings) = repo.json(&[]);
    assert_eq!((code, findings.len()), (0, 0), "{findings:#?}");
}

#[test]
fn a_secret_moved_to_another_config_is_still_at_head_there() {
    let repo = Repo::new();
    repo.commit(&[(".mcp.json", &github_mcp(GHP))], "add");
    repo.git(&["rm", "-q", ".mcp.json"]);
    repo.commit(&[(".cursor/mcp.json", &github_mcp(GHP))], "move to cursor");
    let (_, findings) = repo.json(&[]);
    let old = findings
        .iter()
        .find(|f| f["file"].as_str().unwrap().starts_with(".mcp.json@"))
        .expect("the first path is reported");
    assert!(
        message(old).contains("still present in `.cursor/mcp.json`"),
        "{}",
        message(old)
    );
    assert_eq!(findings.len(), 2, "one per path: {findings:#?}");
}

#[test]
fn help_points_at_the_providers_rotation_page() {
    let repo = Repo::new();
    repo.commit(&[(".mcp.json", &github_mcp(GHP))], "add");
    let (_, findings) = repo.json(&[]);
    let help = findings[0]["help"].as_str().unwrap();
    let detector = mcplint::knowledge::detect::Detectors::builtin_with_examples()
        .list
        .iter()
        .find(|d| {
            d.spec
                .examples
                .iter()
                .any(|e| e.value().starts_with("ghp_"))
        })
        .expect("a GitHub classic token format");
    match &detector.spec.rotate {
        Some(url) => assert!(help.contains(url.as_str()), "{help}"),
        None => assert!(help.contains("revoke it in your GitHub account"), "{help}"),
    }
}

#[test]
fn no_output_format_shows_a_committed_secret() {
    let repo = Repo::new();
    repo.commit(&[(".mcp.json", &github_mcp(GHP))], "add");
    repo.commit(
        &[(".codex/config.toml", &format!("[mcp_servers.slack]\ncommand = \"npx\"\nenv = {{ SLACK_BOT_TOKEN = \"{XOXB}\" }}\n"))],
        "slack",
    );
    repo.commit(&[(".mcp.json", CLEAN_MCP)], "remove");
    repo.git(&["checkout", "-q", "-b", "side"]);
    repo.commit(&[(".cursor/mcp.json", &github_mcp(GHP_2))], "side");
    repo.git(&["checkout", "-q", "main"]);
    for format in ["human", "json", "sarif", "github", "gitlab"] {
        let r = repo.history(&["--all", "--format", format]);
        assert_eq!(r.code, 1, "{format}: {}", r.stderr);
        let printed = format!("{}{}", r.stdout, r.stderr);
        for secret in [GHP, GHP_2, XOXB] {
            // Any 10 characters after the 5-character vendor prefix.
            for start in 5..secret.len() - 10 {
                let piece = &secret[start..start + 10];
                assert!(
                    !printed.contains(piece),
                    "{format} printed part of a secret"
                );
            }
        }
        match format {
            "json" => {
                let doc: Value = serde_json::from_str(&r.stdout).unwrap();
                assert_eq!(doc["findings"].as_array().unwrap().len(), 3);
            }
            "sarif" => {
                let doc: Value = serde_json::from_str(&r.stdout).unwrap();
                assert_eq!(doc["version"], "2.1.0");
                let results = doc["runs"][0]["results"].as_array().unwrap();
                assert_eq!(results.len(), 3);
                assert!(results.iter().all(|r| r["ruleId"] == "literal-secret"));
            }
            "human" => assert!(r.stdout.contains("committed in"), "{}", r.stdout),
            _ => {}
        }
    }
}

#[test]
fn output_file_and_fail_on_work_as_in_check() {
    let repo = Repo::new();
    repo.commit(&[(".mcp.json", &github_mcp(GHP))], "add");
    let out = repo.tree.path("report.sarif");
    let r = repo.history(&[
        "--format",
        "sarif",
        "--output",
        out.to_str().unwrap(),
        "--fail-on",
        "never",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.is_empty());
    let doc: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(doc["runs"][0]["results"].as_array().unwrap().len(), 1);
}

#[test]
fn a_clean_history_exits_zero() {
    let repo = Repo::new();
    repo.commit(&[(".mcp.json", CLEAN_MCP)], "clean");
    repo.commit(
        &[(".mcp.json", &CLEAN_MCP.replace("v0.9.1", "v0.9.2"))],
        "bump",
    );
    let r = repo.history(&["--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(r.json()["files_scanned"], 2);
}

#[test]
fn outside_a_repository_is_an_error() {
    let tree = Tree::new();
    tree.write(".mcp.json", github_mcp(GHP));
    let r = run(mcplint_in(&tree.root).args(["history"]));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("history needs a git repository"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_bad_range_is_an_error() {
    let repo = Repo::new();
    repo.commit(&[(".mcp.json", CLEAN_MCP)], "clean");
    let r = repo.history(&["no-such-branch..HEAD"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("cannot resolve `no-such-branch..HEAD`"),
        "{}",
        r.stderr
    );
    let r = repo.history(&["--all", "HEAD"]);
    assert_eq!(r.code, 2, "a range and --all together: {}", r.stderr);
}

#[test]
fn an_empty_repository_has_nothing_to_report() {
    let repo = Repo::new();
    let r = repo.history(&["--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn the_repository_is_left_untouched() {
    let repo = Repo::new();
    repo.commit(&[(".mcp.json", &github_mcp(GHP))], "add");
    let status = repo.git(&["status", "--porcelain", "--ignored"]);
    let refs = repo.git(&["show-ref"]);
    repo.history(&["--all"]);
    assert_eq!(repo.git(&["status", "--porcelain", "--ignored"]), status);
    assert_eq!(repo.git(&["show-ref"]), refs);
}

#[test]
fn a_merge_that_resolves_to_a_new_secret_introduced_it() {
    let repo = Repo::new();
    repo.commit(&[(".mcp.json", CLEAN_MCP)], "clean");
    repo.git(&["checkout", "-q", "-b", "left"]);
    repo.commit(
        &[(".mcp.json", &CLEAN_MCP.replace("v0.9.1", "v0.9.2"))],
        "left",
    );
    repo.git(&["checkout", "-q", "main"]);
    repo.commit(
        &[(".mcp.json", &CLEAN_MCP.replace("v0.9.1", "v0.9.3"))],
        "right",
    );
    // The conflict is resolved by pasting a token: only the merge has it.
    let conflict = std::process::Command::new("git")
        .args(["merge", "-q", "left"])
        .current_dir(&repo.tree.root)
        .env("HOME", repo.tree.root.join(".no-such-home"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(!conflict.status.success(), "the branches must conflict");
    let merge = repo.commit(&[(".mcp.json", &github_mcp(GHP))], "merge left");
    let (_, findings) = repo.json(&[]);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["file"], format!(".mcp.json@{}", short(&merge)));
}

#[test]
fn a_config_under_a_directory_not_named_in_utf8_is_scanned() {
    use std::os::unix::ffi::OsStrExt;
    let repo = Repo::new();
    let dir = repo.tree.root.join(std::ffi::OsStr::from_bytes(b"caf\xe9"));
    std::fs::create_dir_all(dir.join(".cursor")).unwrap();
    std::fs::write(dir.join(".cursor/mcp.json"), github_mcp(GHP)).unwrap();
    repo.commit(&[], "latin-1 directory name");
    let (code, findings) = repo.json(&[]);
    assert_eq!(code, 1);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert!(message(&findings[0]).ends_with("still present at HEAD"));
}

#[test]
fn a_version_over_the_size_limit_is_an_error() {
    let repo = Repo::new();
    repo.commit(&[(".mcp.json", CLEAN_MCP)], "clean");
    let r = repo.history(&["--max-file-size", "100", "--format", "json"]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    let errors = r.json()["errors"].as_array().unwrap().clone();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0]["message"]
            .as_str()
            .unwrap()
            .contains("--max-file-size"),
        "{errors:#?}"
    );
}

#[test]
fn exit_zero_and_statistics_work_as_in_check() {
    let repo = Repo::new();
    repo.commit(&[(".mcp.json", &github_mcp(GHP))], "add");
    let r = repo.history(&["--exit-zero"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("committed in"), "{}", r.stdout);
    let r = repo.history(&["--statistics", "--format", "json"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.contains("literal-secret"), "{}", r.stdout);
    let r = repo.history(&["--statistics", "--format", "sarif"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
}

/// The config that applies to a path today holds for its past versions:
/// a reviewed exception or an exclude silences a fake token in history,
/// `--no-config` brings it back, and a subdirectory's config applies there.
#[test]
fn the_config_file_applies_to_past_versions() {
    let repo = Repo::new();
    repo.commit(
        &[
            ("docs/demo/.mcp.json", &github_mcp(GHP)),
            ("vendor/.mcp.json", &github_mcp(GHP_2)),
            ("apps/web/.mcp.json", &github_mcp(GHP)),
        ],
        "docs with a revoked demo token, a vendored config, an app",
    );
    repo.commit(
        &[("apps/web/.mcp.json", CLEAN_MCP)],
        "the app uses a reference",
    );
    let files = |findings: &[Value]| -> Vec<String> {
        let mut f: Vec<String> = findings
            .iter()
            .map(|f| {
                f["file"]
                    .as_str()
                    .unwrap()
                    .split('@')
                    .next()
                    .unwrap()
                    .to_string()
            })
            .collect();
        f.sort();
        f
    };
    let (_, all) = repo.json(&[]);
    assert_eq!(
        files(&all),
        [
            "apps/web/.mcp.json",
            "docs/demo/.mcp.json",
            "vendor/.mcp.json"
        ]
    );
    repo.tree.write(
        "mcplint.toml",
        "exclude = [\"vendor/**\"]\n[[ignore]]\nrule = \"literal-secret\"\npath = \"docs/demo/.mcp.json\"\nreason = \"revoked demo token\"\n",
    );
    let (code, found) = repo.json(&[]);
    assert_eq!(
        (code, files(&found)),
        (1, vec!["apps/web/.mcp.json".to_string()])
    );
    let (_, all_again) = repo.json(&["--no-config"]);
    assert_eq!(files(&all_again).len(), 3);
    // The nearest config of the path decides, as in `check`.
    repo.tree
        .write("apps/mcplint.toml", "[rules]\ndisable = [\"secret\"]\n");
    let (code, found) = repo.json(&[]);
    assert_eq!((code, found.len()), (0, 0), "{found:#?}");
}
