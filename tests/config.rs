//! `mcplint.toml`: rule selection and severities, excludes, per-glob
//! clients, reviewed exceptions, the team policy, and clear errors.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const PAT: &str = "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";

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// `mcplint --format json ARGS…` in `root`, for the pedantic persona
/// unless ARGS name one: these tests select and rate rules of every persona.
fn run(root: &Path, args: &[&str]) -> (i32, Value) {
    let persona: &[&str] = if args.contains(&"--persona") {
        &[]
    } else {
        &["--persona", "pedantic"]
    };
    let out = Command::cargo_bin("mcplint")
        .unwrap()
        .current_dir(root)
        .args(["--format", "json"])
        .args(persona)
        .args(args)
        .env("HOME", root.join("no-home"))
        .output()
        .unwrap();
    let doc = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code().unwrap(), doc)
}

/// The findings of `rule`.
fn findings_of<'a>(doc: &'a Value, rule: &'a str) -> impl Iterator<Item = &'a Value> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(move |f| f["rule"] == rule)
}

/// How many findings of `rule`.
fn count(doc: &Value, rule: &str) -> usize {
    findings_of(doc, rule).count()
}

/// Run git in `dir` (with an identity, for commits); it must succeed.
fn git(dir: &Path, args: &[&str]) {
    let ok = std::process::Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .current_dir(dir)
        .status()
        .unwrap();
    assert!(ok.success(), "git {args:?}");
}

fn rules(doc: &Value) -> Vec<String> {
    let mut r: Vec<String> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect();
    r.sort();
    r
}

fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    write(
        dir.path(),
        ".mcp.json",
        &format!(
            r#"{{"mcpServers": {{"gh": {{"command": "acme-gh", "env": {{"GITHUB_TOKEN": "{PAT}"}}}}, "mem": {{"command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"]}}}}}}"#
        ),
    );
    dir
}

#[test]
fn without_config_everything_runs() {
    let d = repo();
    let (code, doc) = run(d.path(), &[]);
    assert_eq!(code, 1);
    // The classic PAT is broad: the literal-secret finding says so, once.
    assert_eq!(rules(&doc), ["literal-secret", "unpinned-package"]);
}

#[test]
fn rules_can_be_disabled_selected_and_re_rated() {
    let d = repo();
    write(
        d.path(),
        "mcplint.toml",
        "[rules]\ndisable = [\"supply-chain\", \"literal-secret\"]\n[rules.severity]\nbroad-credential = \"note\"\n",
    );
    // With literal-secret off, the breadth it carried is reported on its own.
    let (code, doc) = run(d.path(), &[]);
    assert_eq!(code, 0);
    assert_eq!(rules(&doc), ["broad-credential"]);
    let broad = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "broad-credential")
        .unwrap();
    assert_eq!(broad["severity"], "note");
    write(
        d.path(),
        "mcplint.toml",
        "[rules]\nselect = [\"unpinned-package\"]\n",
    );
    let (code, doc) = run(d.path(), &[]);
    assert_eq!(
        (code, rules(&doc)),
        (0, vec!["unpinned-package".to_string()])
    );
    // --no-config and --config PATH
    let (_, doc) = run(d.path(), &["--no-config"]);
    assert_eq!(rules(&doc).len(), 2);
    write(d.path(), "other.toml", "[rules]\nselect = [\"secret\"]\n");
    let (_, doc) = run(d.path(), &["--config", "other.toml"]);
    assert_eq!(rules(&doc), ["literal-secret"]);
}

#[test]
fn excludes_and_per_glob_clients() {
    let d = repo();
    write(
        d.path(),
        "vendor/x/.mcp.json",
        &format!(r#"{{"mcpServers": {{"v": {{"command": "x", "env": {{"API_KEY": "{PAT}"}}}}}}}}"#),
    );
    write(
        d.path(),
        "team/servers.mcp.json",
        r#"{"mcpServers": {"c": {"command": "acme", "env": {"T": "${T}"}}}}"#,
    );
    write(d.path(), "mcplint.toml", "exclude = [\"vendor/**\"]\n\n[[client]]\nglob = \"team/*.mcp.json\"\nclient = \"cursor\"\n");
    let (_, doc) = run(d.path(), &[".", "team/servers.mcp.json"]);
    let files: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    assert!(!files.iter().any(|f| f.starts_with("vendor/")), "{files:?}");
    let cursor = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["file"] == "team/servers.mcp.json")
        .expect("team file linted");
    assert_eq!(cursor["client"], "cursor");
    assert_eq!(cursor["rule"], "unexpanded-reference");
}

#[test]
fn reviewed_exceptions_hide_findings_and_stale_ones_are_reported() {
    let d = repo();
    write(
        d.path(),
        "mcplint.toml",
        r#"[[ignore]]
rule = "literal-secret"
path = ".mcp.json"
pointer = "/mcpServers/gh"
reason = "revoked test token kept for the demo"

[[ignore]]
rule = "unpinned-package"
path = "nowhere/**"
reason = "mistyped path"

[[ignore]]
rule = "broad-credential"
path = "**"
reason = "was accepted until the end of 2020"
expires = "2020-12-31"
"#,
    );
    let (code, doc) = run(d.path(), &[]);
    assert_eq!(code, 1);
    let found: Vec<(String, String)> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        !found.iter().any(|(r, _)| r == "literal-secret"),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(r, _)| r == "broad-credential"),
        "expired ignore no longer applies: {found:?}"
    );
    let stale: Vec<&(String, String)> = found.iter().filter(|(r, _)| r == "stale-ignore").collect();
    assert_eq!(stale.len(), 2, "{found:?}");
    assert!(stale.iter().all(|(_, f)| f == "mcplint.toml"));
    assert_eq!(
        doc["files_scanned"], 1,
        "the config file is not an MCP config"
    );
}

#[test]
fn config_mistakes_are_errors_at_their_span() {
    let d = repo();
    write(d.path(), "mcplint.toml", "[rules]\nselekt = [\"secret\"]\ndisable = [\"no-such-rule\"]\n\n[[ignore]]\nrule = \"literal-secret\"\npath = \"**\"\n");
    let (code, doc) = run(d.path(), &[]);
    assert_eq!(code, 2, "{doc:#}");
    let problems: Vec<(&str, u64)> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["file"] == "mcplint.toml")
        .map(|f| (f["message"].as_str().unwrap(), f["line"].as_u64().unwrap()))
        .collect();
    assert!(
        problems
            .iter()
            .any(|(m, l)| m.contains("selekt") && *l == 2),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|(m, l)| m.contains("no-such-rule") && *l == 3),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|(m, _)| m.contains("reason")),
        "an ignore needs a reason: {problems:?}"
    );
    // The configs are still linted with nothing lost.
    assert!(rules(&doc).contains(&"literal-secret".to_string()));
}

/// A repository holding `.mcp.json` and `mcplint.toml`.
fn project(mcp: &str, config: &str) -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir(d.path().join(".git")).unwrap();
    write(d.path(), ".mcp.json", mcp);
    write(d.path(), "mcplint.toml", config);
    d
}

#[test]
fn team_policy_limits_scopes_and_requires_read_only() {
    let d = project(
        r#"{"mcpServers": {
  "github": {"type": "http", "url": "https://api.githubcopilot.com/mcp/", "oauth": {"scopes": "read:org repo"}},
  "docs": {"type": "http", "url": "https://api.githubcopilot.com/mcp/readonly", "oauth": {"scopes": "read:org"}}
}}"#,
        "[[policy]]\nprofile = \"github\"\nmax-rank = \"read\"\nrequire-read-only = true\n",
    );
    let (code, doc) = run(d.path(), &[]);
    assert_eq!(code, 1);
    let violations: Vec<(&str, &str)> = findings_of(&doc, "policy-violation")
        .map(|f| {
            (
                f["server"].as_str().unwrap(),
                f["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(
        violations
            .iter()
            .any(|(s, m)| *s == "github" && m.contains("`repo`")),
        "{violations:?}"
    );
    assert!(
        violations
            .iter()
            .any(|(s, m)| *s == "github" && m.contains("read-only")),
        "{violations:?}"
    );
    assert!(
        !violations.iter().any(|(s, _)| *s == "docs"),
        "the narrow server meets the policy: {violations:?}"
    );
}

#[test]
fn policy_allows_only_the_listed_scopes() {
    let d = project(
        r#"{"mcpServers": {
  "github": {"type": "http", "url": "https://api.githubcopilot.com/mcp/", "oauth": {"scopes": "read:org repo read:user"}}
}}"#,
        "[[policy]]\nserver = \"github\"\nallowed-scopes = [\"read:org\", \"read:user\"]\n",
    );
    let (_, doc) = run(d.path(), &[]);
    let messages: Vec<&str> = findings_of(&doc, "policy-violation")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(messages.len(), 1, "{doc:#}");
    assert!(
        messages[0]
            .starts_with("scope `repo` of `github` is not among the policy's allowed scopes"),
        "{messages:?}"
    );
}

#[test]
fn policies_select_servers_by_name_package_or_image() {
    let d = project(
        r#"{"mcpServers": {
  "ops": {"command": "acme-ops-mcp"},
  "db": {"command": "npx", "args": ["-y", "@acme/db-mcp@1.4.2"]},
  "gh": {"command": "docker", "args": ["run", "-i", "--rm", "ghcr.io/github/github-mcp-server:v0.9.0"]},
  "other": {"command": "npx", "args": ["-y", "@acme/docs-mcp@2.0.0"]},
  "fetch": {"command": "docker", "args": ["run", "-i", "--rm", "mcp/fetch:2025.4.7"]}
}}"#,
        "[[policy]]\nserver = \"ops\"\nrequire-read-only = true\n\n\
         [[policy]]\npackage = \"@acme/db-mcp\"\nrequire-read-only = true\n\n\
         [[policy]]\npackage = \"ghcr.io/github/github-mcp-server\"\nrequire-read-only = true\n",
    );
    let (_, doc) = run(d.path(), &[]);
    let mut servers: Vec<&str> = findings_of(&doc, "policy-violation")
        .map(|f| f["server"].as_str().unwrap())
        .collect();
    servers.sort();
    assert_eq!(servers, ["db", "gh", "ops"], "{doc:#}");
}

#[test]
fn policy_applies_when_several_files_are_linted() {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir(d.path().join(".git")).unwrap();
    let wide = r#"{"mcpServers": {"github": {"type": "http", "url": "https://api.githubcopilot.com/mcp/"}}}"#;
    for dir in ["a", "b", "c"] {
        write(d.path(), &format!("{dir}/.mcp.json"), wide);
    }
    write(
        d.path(),
        "mcplint.toml",
        "[[policy]]\nprofile = \"github\"\nrequire-read-only = true\n",
    );
    let (_, doc) = run(d.path(), &[]);
    let n = count(&doc, "policy-violation");
    assert_eq!(n, 3, "{doc:#}");
}

#[test]
fn inline_ignores_need_a_rule_and_a_reason() {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir(d.path().join(".git")).unwrap();
    write(
        d.path(),
        ".vscode/mcp.json",
        &format!(
            "{{\n  \"servers\": {{\n    \"demo\": {{\n      \"command\": \"acme\",\n      // mcplint-ignore[literal-secret]: revoked token kept for the workshop\n      \"env\": {{ \"GITHUB_TOKEN\": \"{PAT}\" }}\n    }},\n    \"other\": {{\n      \"command\": \"acme\",\n      \"env\": {{ \"API_KEY\": \"Zk29vLq8mR4tXw7NqP3s\" }} // mcplint-ignore[literal-secret]\n    }}\n  }}\n}}\n"
        ),
    );
    write(
        d.path(),
        ".codex/config.toml",
        &format!("[mcp_servers.gh]\ncommand = \"acme\"\n# mcplint-ignore[literal-secret, broad-credential]: sandbox account\nenv = {{ GITHUB_TOKEN = \"{PAT}\" }}\n"),
    );
    let (_, doc) = run(d.path(), &[]);
    let found: Vec<(String, String, u64)> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    // Suppressed, with a reason.
    assert!(
        !found
            .iter()
            .any(|(r, f, l)| r == "literal-secret" && f == ".vscode/mcp.json" && *l == 6),
        "{found:?}"
    );
    assert!(
        !found.iter().any(
            |(r, f, _)| (r == "literal-secret" || r == "broad-credential")
                && f == ".codex/config.toml"
        ),
        "{found:?}"
    );
    // Without a reason: not suppressed, and the marker is reported.
    assert!(
        found
            .iter()
            .any(|(r, f, l)| r == "literal-secret" && f == ".vscode/mcp.json" && *l == 10),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(r, f, l)| r == "stale-ignore" && f == ".vscode/mcp.json" && *l == 10),
        "{found:?}"
    );
    // CI can refuse them all.
    let (_, doc) = run(d.path(), &["--no-inline-ignores"]);
    let secrets = count(&doc, "literal-secret");
    assert_eq!(secrets, 3, "{doc:#}");
}

#[test]
fn git_decides_between_error_and_warning() {
    let d = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| git(d.path(), args);
    git(&["init", "-q"]);
    let leak = format!(r#"{{"env": {{"GITHUB_TOKEN": "{PAT}"}}}}"#);
    write(d.path(), ".claude/settings.json", &leak);
    write(d.path(), ".claude/settings.local.json", &leak);
    write(d.path(), ".gitignore", ".claude/settings.local.json\n");
    git(&["add", ".claude/settings.json", ".gitignore"]);
    // The walk skips the ignored file; pre-commit or `--user` name it.
    let (code, doc) = run(d.path(), &[".", ".claude/settings.local.json"]);
    assert_eq!(code, 1);
    let secrets: Vec<(&str, &str, &str)> = findings_of(&doc, "literal-secret")
        .map(|f| {
            (
                f["file"].as_str().unwrap(),
                f["severity"].as_str().unwrap(),
                f["message"].as_str().unwrap(),
            )
        })
        .collect();
    let tracked = secrets
        .iter()
        .find(|s| s.0 == ".claude/settings.json")
        .unwrap();
    assert_eq!(tracked.1, "error");
    assert!(tracked.2.contains("git tracks this file"), "{tracked:?}");
    let personal = secrets
        .iter()
        .find(|s| s.0 == ".claude/settings.local.json")
        .unwrap();
    assert_eq!(personal.1, "warning");
    assert!(personal.2.contains("git-ignored"), "{personal:?}");
}

fn mcplint_in(root: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("mcplint")
        .unwrap()
        .current_dir(root)
        .args(args)
        .env("HOME", root.join("no-home"))
        .output()
        .unwrap()
}

#[test]
fn a_baseline_reports_only_new_findings_and_never_stores_values() {
    let d = repo();
    assert!(mcplint_in(d.path(), &["baseline", "write"])
        .status
        .success());
    let text = std::fs::read_to_string(d.path().join("mcplint-baseline.json")).unwrap();
    assert!(!text.contains(PAT) && !text.contains("\"line\""), "{text}");
    // Recorded findings no longer fail.
    let (code, doc) = run(
        d.path(),
        &[
            "--baseline",
            "mcplint-baseline.json",
            "--persona",
            "regular",
        ],
    );
    assert_eq!((code, rules(&doc).len()), (0, 0), "{doc:#}");
    // Unrelated edits (new lines above) change nothing; a new secret is new.
    let mcp = std::fs::read_to_string(d.path().join(".mcp.json")).unwrap();
    let edited = mcp.replacen("{", "{\n\n", 1).replace(
        r#""mem":"#,
        r#""new": {"command": "acme", "env": {"API_KEY": "Zk29vLq8mR4tXw7NqP3s"}}, "mem":"#,
    );
    std::fs::write(d.path().join(".mcp.json"), edited).unwrap();
    let (code, doc) = run(
        d.path(),
        &[
            "--baseline",
            "mcplint-baseline.json",
            "--persona",
            "regular",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(rules(&doc), ["literal-secret"], "{doc:#}");
    // Rewriting it does not churn: same entries, same order.
    assert!(mcplint_in(d.path(), &["baseline", "write"])
        .status
        .success());
    let again = std::fs::read_to_string(d.path().join("mcplint-baseline.json")).unwrap();
    assert!(again.len() > text.len());
    // Swapping a baselined secret for another one at the same place is new.
    let mcp = std::fs::read_to_string(d.path().join(".mcp.json")).unwrap();
    let swapped: String = PAT[..PAT.len() - 4].to_string() + "Q7x2";
    std::fs::write(d.path().join(".mcp.json"), mcp.replace(PAT, &swapped)).unwrap();
    let (code, doc) = run(
        d.path(),
        &[
            "--baseline",
            "mcplint-baseline.json",
            "--persona",
            "regular",
        ],
    );
    assert_eq!(code, 1, "{doc:#}");
    assert!(
        rules(&doc).contains(&"literal-secret".to_string()),
        "{doc:#}"
    );
    // Prune drops fixed entries.
    std::fs::write(d.path().join(".mcp.json"), r#"{"mcpServers": {}}"#).unwrap();
    assert!(mcplint_in(d.path(), &["baseline", "prune"])
        .status
        .success());
    let pruned: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(d.path().join("mcplint-baseline.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(pruned["entries"].as_array().unwrap().len(), 0);
}

#[test]
fn changed_since_lints_only_what_differs_from_a_revision() {
    let d = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| git(d.path(), args);
    let leak = format!(
        r#"{{"mcpServers": {{"gh": {{"command": "acme-gh", "env": {{"GITHUB_TOKEN": "{PAT}"}}}}}}}}"#
    );
    git(&["init", "-q"]);
    write(d.path(), ".mcp.json", &leak);
    write(d.path(), ".cursor/mcp.json", r#"{"mcpServers": {}}"#);
    write(d.path(), "old/.mcp.json", &leak);
    git(&["add", "."]);
    git(&["commit", "-qm", "base"]);
    // Changed, new (untracked), staged and deleted files since the base.
    write(d.path(), ".cursor/mcp.json", &leak);
    write(
        d.path(),
        ".vscode/mcp.json",
        &leak.replace("mcpServers", "servers"),
    );
    write(d.path(), "staged/.mcp.json", &leak);
    git(&["add", "staged/.mcp.json"]);
    std::fs::remove_file(d.path().join("old/.mcp.json")).unwrap();
    let files = |doc: &Value| {
        let mut f: Vec<String> = findings_of(doc, "literal-secret")
            .map(|f| f["file"].as_str().unwrap().to_string())
            .collect();
        f.sort();
        f
    };
    let (code, doc) = run(d.path(), &["--changed-since", "HEAD"]);
    assert_eq!(code, 1);
    assert_eq!(
        files(&doc),
        [".cursor/mcp.json", ".vscode/mcp.json", "staged/.mcp.json"],
        "{doc:#}"
    );
    // Only under the named paths.
    let (_, doc) = run(d.path(), &["--changed-since", "HEAD", ".vscode"]);
    assert_eq!(files(&doc), [".vscode/mcp.json"], "{doc:#}");
    // Nothing changed: a clean pass.
    git(&["add", "-A"]);
    git(&["commit", "-qm", "next"]);
    let (code, doc) = run(d.path(), &["--changed-since", "HEAD"]);
    assert_eq!((code, files(&doc).len()), (0, 0), "{doc:#}");
    // A revision that does not exist is a usage error, said plainly.
    let out = mcplint_in(d.path(), &["--changed-since", "no-such-branch"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot resolve `no-such-branch`"), "{err}");
}

#[test]
fn standard_input_follows_the_config_like_any_file() {
    let d = repo();
    write(
        d.path(),
        "mcplint.toml",
        "[rules]\ndisable = [\"supply-chain\", \"broad-credential\"]\n[[ignore]]\nrule = \"literal-secret\"\npath = \"docs/.mcp.json\"\nreason = \"revoked demo token\"\n",
    );
    let text = std::fs::read_to_string(d.path().join(".mcp.json")).unwrap();
    let piped = |name: &str| {
        let out = Command::cargo_bin("mcplint")
            .unwrap()
            .current_dir(d.path())
            .args(["--format", "json", "-", "--stdin-filename", name])
            .env("HOME", d.path().join("no-home"))
            .write_stdin(text.clone())
            .output()
            .unwrap();
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        (out.status.code().unwrap(), rules(&doc))
    };
    // Disabled rules stay disabled; the exception matches the name given,
    // and is not called stale when the run never saw its file.
    assert_eq!(piped(".mcp.json"), (1, vec!["literal-secret".to_string()]));
    assert_eq!(piped("docs/.mcp.json"), (0, Vec::<String>::new()));
    // The same holds for a named file (pre-commit passes only staged ones);
    // a walk of the tree does call it stale.
    let (_, doc) = run(d.path(), &[".mcp.json"]);
    assert_eq!(rules(&doc), ["literal-secret"], "{doc:#}");
    let (_, doc) = run(d.path(), &[]);
    assert_eq!(rules(&doc), ["literal-secret", "stale-ignore"], "{doc:#}");
}

#[test]
fn staged_lints_what_the_commit_will_record() {
    let d = tempfile::tempdir().unwrap();
    let leak = format!(
        r#"{{"mcpServers": {{"gh": {{"command": "acme-gh", "env": {{"GITHUB_TOKEN": "{PAT}"}}}}}}}}"#
    );
    let clean = r#"{"mcpServers": {"gh": {"command": "acme-gh"}}}"#;
    git(d.path(), &["init", "-q"]);
    write(d.path(), ".cursor/mcp.json", &leak);
    write(d.path(), "notes.txt", "not a config");
    git(d.path(), &["add", "."]);
    // Before the first commit every indexed config counts.
    let (code, doc) = run(d.path(), &["--staged"]);
    assert_eq!((code, count(&doc, "literal-secret")), (1, 1), "{doc:#}");
    write(d.path(), ".cursor/mcp.json", clean);
    git(d.path(), &["add", "."]);
    assert_eq!(run(d.path(), &["--staged"]).0, 0);
    git(d.path(), &["commit", "-qm", "base"]);
    // Staged: the leak. Working tree: cleaned up but not re-added.
    write(d.path(), ".mcp.json", &leak);
    git(d.path(), &["add", ".mcp.json"]);
    write(d.path(), ".mcp.json", clean);
    // Unstaged only: not part of the commit.
    write(d.path(), ".cursor/mcp.json", &leak);
    let (code, doc) = run(d.path(), &["--staged"]);
    assert_eq!(code, 1, "{doc:#}");
    let files: Vec<&str> = findings_of(&doc, "literal-secret")
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, [".mcp.json"], "{doc:#}");
    // --fix cannot rewrite the index.
    let out = mcplint_in(d.path(), &["--staged", "--fix"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_config_named_from_inside_its_client_directory_is_recognised() {
    let d = tempfile::tempdir().unwrap();
    git(d.path(), &["init", "-q"]);
    let leak = format!(
        r#"{{"servers": {{"gh": {{"type": "http", "url": "https://mcp.acme-corp.net/mcp", "headers": {{"X-API-Key": "{PAT}"}}}}}}}}"#
    );
    write(d.path(), ".vscode/mcp.json", &leak);
    git(d.path(), &["add", "."]);
    let inside = d.path().join(".vscode");
    for args in [&["mcp.json"][..], &["--staged"][..]] {
        let (code, doc) = run(&inside, args);
        assert_eq!(code, 1, "{args:?}: {doc:#}");
        assert_eq!(count(&doc, "literal-secret"), 1, "{args:?}: {doc:#}");
        assert_eq!(doc["findings"][0]["file"], "mcp.json", "{args:?}");
    }
}

/// A monorepo: each package keeps its own mcplint.toml, found above each
/// file whatever directory mcplint runs from.
#[test]
fn each_file_follows_the_nearest_config_above_it() {
    let d = repo();
    let leak = std::fs::read_to_string(d.path().join(".mcp.json")).unwrap();
    write(d.path(), "packages/a/.mcp.json", &leak);
    write(d.path(), "packages/b/.mcp.json", &leak);
    write(
        d.path(),
        "mcplint.toml",
        "[rules]\ndisable = [\"supply-chain\", \"broad-credential\"]\n",
    );
    write(
        d.path(),
        "packages/a/mcplint.toml",
        "[rules]\ndisable = [\"supply-chain\", \"broad-credential\"]\n[[ignore]]\nrule = \"literal-secret\"\npath = \".mcp.json\"\nreason = \"revoked demo token of package a\"\n",
    );
    let secrets_in = |doc: &Value| -> Vec<String> {
        let mut files: Vec<String> = findings_of(doc, "literal-secret")
            .map(|f| f["file"].as_str().unwrap().to_string())
            .collect();
        files.sort();
        files
    };
    let (_, doc) = run(d.path(), &[]);
    assert_eq!(
        secrets_in(&doc),
        [".mcp.json", "packages/b/.mcp.json"],
        "{doc:#}"
    );
    assert_eq!(count(&doc, "stale-ignore"), 0, "{doc:#}");
    // From inside the package, and from a sibling naming it: the same answer.
    let (code, doc) = run(&d.path().join("packages/a"), &[]);
    assert_eq!((code, secrets_in(&doc)), (0, vec![]), "{doc:#}");
    let (_, doc) = run(&d.path().join("packages/b"), &["../a/.mcp.json", "."]);
    assert_eq!(secrets_in(&doc), [".mcp.json"], "{doc:#}");
    // A mistake in one package's config is reported on it, and the other
    // packages are still linted under their own.
    write(
        d.path(),
        "packages/b/mcplint.toml",
        "[rules]\ndisable = [\"no-such-rule\"]\n",
    );
    let (code, doc) = run(d.path(), &[]);
    assert_eq!(code, 2, "{doc:#}");
    let invalid: Vec<&str> = findings_of(&doc, "invalid-config")
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    assert_eq!(invalid, ["packages/b/mcplint.toml"], "{doc:#}");
    assert_eq!(
        secrets_in(&doc),
        [".mcp.json", "packages/b/.mcp.json"],
        "{doc:#}"
    );
    // --config applies one file to every path, overriding the nearer one.
    let (_, doc) = run(d.path(), &["--config", "mcplint.toml", "packages/a"]);
    assert_eq!(secrets_in(&doc), ["packages/a/.mcp.json"], "{doc:#}");
    let (_, doc) = run(d.path(), &["--no-config", "packages/a"]);
    assert!(count(&doc, "unpinned-package") > 0, "{doc:#}");
}

/// A `[[client]]` glob claims standard input and staged blobs by the name
/// they stand for, like files on disk; staged blobs respect --max-file-size.
#[test]
fn client_globs_and_size_limits_apply_to_stdin_and_staged_blobs() {
    let d = tempfile::tempdir().unwrap();
    git(d.path(), &["init", "-q"]);
    write(
        d.path(),
        "mcplint.toml",
        "[rules]\ndisable = [\"supply-chain\", \"broad-credential\"]\n[[client]]\nglob = \"deploy/*.json\"\nclient = \"cursor\"\n",
    );
    // Claude Code syntax in a file the config says Cursor reads.
    let text = r#"{"mcpServers": {"gh": {"command": "acme-gh", "env": {"GITHUB_TOKEN": "${GITHUB_TOKEN}"}}}}"#;
    let out = Command::cargo_bin("mcplint")
        .unwrap()
        .current_dir(d.path())
        .args([
            "--format",
            "json",
            "-",
            "--stdin-filename",
            "deploy/servers.json",
        ])
        .env("HOME", d.path().join("no-home"))
        .write_stdin(text)
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rules(&doc), ["unexpanded-reference"], "{doc:#}");
    // Staged: the same file, claimed by the glob.
    write(d.path(), "deploy/servers.json", text);
    write(
        d.path(),
        "deploy/big/.mcp.json",
        &format!(
            "{{\"mcpServers\": {{}}, \"pad\": \"{}\"}}",
            "x".repeat(4096)
        ),
    );
    git(d.path(), &["add", "."]);
    let (code, doc) = run(d.path(), &["--staged", "--max-file-size", "1K"]);
    assert_eq!(code, 2, "{doc:#}");
    assert_eq!(rules(&doc), ["unexpanded-reference"], "{doc:#}");
    let errors = doc["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{doc:#}");
    assert!(
        errors[0]["message"]
            .as_str()
            .unwrap()
            .contains("over the 1.0 KiB limit"),
        "{doc:#}"
    );
}

/// `[[credential]]`: the team's own token format is found like a built-in
/// one (and masked), and a format that misses its own examples is a config
/// error at that example.
#[test]
fn team_credential_formats_are_detected_and_checked_when_loaded() {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir(d.path().join(".git")).unwrap();
    let token = "acmedt_Q7hK2mX9pL4vR8sN3wB6yT1cF5gJ0dZe";
    let format = |example: &str| {
        format!(
            "[rules]\ndisable = [\"supply-chain\"]\n\n[[credential]]\nid = \"acme-deploy-token\"\nprovider = \"Acme\"\nkind = \"deploy token\"\npattern = '''\\bacmedt_[A-Za-z0-9]{{32}}\\b'''\nkeywords = [\"acmedt_\"]\nprefix = \"acmedt_\"\nentropy = 3.0\nrotate = \"https://deploy.acme-corp.net/tokens\"\nexamples = [\"{example}\"]\nnegative_examples = [\"acmedt_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]\n"
        )
    };
    write(d.path(), "mcplint.toml", &format(token));
    // Under a name that says nothing: only the format can find it.
    write(
        d.path(),
        ".mcp.json",
        &format!(
            r#"{{"mcpServers": {{"deploy": {{"command": "acme-deploy", "args": ["--target", "{token}"]}}}}}}"#
        ),
    );
    let (code, doc) = run(d.path(), &[]);
    assert_eq!(code, 1, "{doc:#}");
    let found: Vec<&Value> = findings_of(&doc, "literal-secret").collect();
    assert_eq!(found.len(), 1, "{doc:#}");
    assert!(
        found[0]["message"]
            .as_str()
            .unwrap()
            .contains("Acme deploy token"),
        "{doc:#}"
    );
    assert!(!doc.to_string().contains(token), "masked everywhere");
    // Without the config the value is just an argument.
    let (_, doc) = run(d.path(), &["--no-config"]);
    assert_eq!(count(&doc, "literal-secret"), 0, "{doc:#}");
    // An example its own pattern misses: an error on that example's line.
    write(d.path(), "mcplint.toml", &format("acmedt_short"));
    let (code, doc) = run(d.path(), &[]);
    assert_eq!(code, 2, "{doc:#}");
    let bad: Vec<&Value> = findings_of(&doc, "invalid-config").collect();
    assert_eq!(bad.len(), 1, "{doc:#}");
    assert_eq!(bad[0]["pointer"], "/credential/0/examples/0", "{doc:#}");
    assert_eq!(bad[0]["line"], 13, "{doc:#}");
    // A pattern that does not compile, and a built-in id.
    write(
        d.path(),
        "mcplint.toml",
        &format(token)
            .replace("{32}", "{32")
            .replace("acme-deploy-token", "github-classic-pat"),
    );
    let (_, doc) = run(d.path(), &[]);
    let messages: Vec<&str> = findings_of(&doc, "invalid-config")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("id of a built-in format")),
        "{messages:?}"
    );
}

/// `persona = …` chooses whom the report is for; `--persona` overrides it;
/// a persona that does not exist is a config error, not a silent default.
#[test]
fn the_persona_comes_from_the_config_and_the_flag_overrides_it() {
    let d = repo();
    let rules_at = |args: &[&str]| rules(&run(d.path(), args).1);
    // The memory server is unpinned: advice for the pedantic persona.
    assert_eq!(rules_at(&["--persona", "regular"]), ["literal-secret"]);
    write(d.path(), "mcplint.toml", "persona = \"pedantic\"\n");
    assert_eq!(
        rules_at(&["--persona", "pedantic"]),
        ["literal-secret", "unpinned-package"]
    );
    let (_, doc) = run(d.path(), &["--no-config", "--persona", "regular"]);
    assert_eq!(rules(&doc), ["literal-secret"]);
    // The config alone (the helper names no persona when one is given).
    let out = mcplint_in(d.path(), &["--format", "json"]);
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rules(&doc), ["literal-secret", "unpinned-package"]);
    assert_eq!(
        rules_at(&["--persona", "regular"]),
        ["literal-secret"],
        "the flag overrides the config"
    );
    write(d.path(), "mcplint.toml", "persona = \"paranoid\"\n");
    let out = mcplint_in(d.path(), &["--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        rules(&doc).contains(&"invalid-config".to_string()),
        "{doc:#}"
    );
}
