//! What a run says about itself is true: `--user` alone lints the per-user
//! files alone, `--diff` refuses what `--fix` refuses, and the summary says
//! what was looked at (changed files, versions of files, findings a
//! baseline hid, a `mcplint.toml` with mistakes whose valid entries still
//! apply).

mod common;

use common::{github_mcp, run, run_human, run_json, Tree, CLEAN_MCP, GHP};

/// A project whose config holds a token, and a home (elsewhere) whose
/// Cursor config holds one.
fn project_and_home() -> (Tree, Tree) {
    let t = Tree::new();
    t.write(".mcp.json", github_mcp(GHP));
    let home = Tree::new();
    home.write(".cursor/mcp.json", github_mcp(GHP));
    (t, home)
}

fn files_of(doc: &serde_json::Value) -> Vec<String> {
    let mut files: Vec<String> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap().to_string())
        .collect();
    files.sort();
    files.dedup();
    files
}

#[test]
fn user_alone_lints_only_the_per_user_files() {
    let (t, home) = project_and_home();
    let home = &home.root;
    let alone = run(t
        .cmd()
        .args(["--user", "--format", "json"])
        .env("HOME", home));
    let doc = alone.json();
    assert_eq!(doc["files_scanned"], 1, "{doc:#}");
    let files = files_of(&doc);
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].ends_with(".cursor/mcp.json"), "{files:?}");

    // `--user .` adds the tree.
    let both = run(t
        .cmd()
        .args(["--user", "--format", "json", "."])
        .env("HOME", home));
    let doc = both.json();
    assert_eq!(doc["files_scanned"], 2, "{doc:#}");
    assert!(files_of(&doc).contains(&".mcp.json".to_string()));

    // A home inside the tree is linted once, not once per way it was found.
    let inside = Tree::new();
    inside.write("home/.cursor/mcp.json", github_mcp(GHP));
    let r = run(inside
        .cmd()
        .args(["--user", "--format", "json", "."])
        .env("HOME", inside.path("home")));
    assert_eq!(r.json()["files_scanned"], 1, "{}", r.stdout);

    // Without --user, the home is not read.
    let (_, doc) = run_json(&t.root, &[]);
    assert_eq!(files_of(&doc), [".mcp.json"]);
}

#[test]
fn doctor_user_alone_checks_only_the_per_user_files() {
    let (t, home) = project_and_home();
    let r = run(t
        .cmd()
        .args(["doctor", "--user", "--format", "json"])
        .env("HOME", &home.root));
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let files: Vec<&str> = doc["configs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["file"].as_str().unwrap())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].ends_with(".cursor/mcp.json"), "{files:?}");
}

#[test]
fn user_diff_and_user_fix_refuse_alike_with_the_same_reason() {
    let (t, home_tree) = project_and_home();
    t.git_init("");
    let home = &home_tree.root;
    let diff = run(t.cmd().args(["--user", "--diff"]).env("HOME", home)).expect_code(2);
    let fix = run(t.cmd().args(["--user", "--fix"]).env("HOME", home)).expect_code(2);
    let reason = "is outside this project: fix it with --env-file";
    assert!(diff.stderr.contains(reason), "{}", diff.stderr);
    assert!(fix.stderr.contains(reason), "{}", fix.stderr);
    // Nothing was written by either.
    assert_eq!(
        home_tree.read(".cursor/mcp.json"),
        github_mcp(GHP).as_bytes()
    );
    // With an env file for per-user secrets, both go ahead.
    let env = home_tree.path("secrets.env");
    let env = env.to_str().unwrap();
    let diff = run(t
        .cmd()
        .args(["--user", "--diff", "--env-file", env])
        .env("HOME", home))
    .expect_code(1);
    assert!(diff.stdout.contains("mcp.json"), "{}", diff.stdout);
    assert!(!diff.stdout.contains(GHP), "the diff printed the token");
}

#[test]
fn nothing_changed_since_a_revision_says_so() {
    let t = Tree::new();
    t.git_init("");
    t.write(".mcp.json", CLEAN_MCP);
    t.git(&["add", "."]);
    t.git(&["commit", "-qm", "init"]);
    let r = run_human(&t.root, &["--changed-since", "HEAD"]).expect_code(0);
    assert!(
        r.stdout.contains("no changed MCP config files since HEAD"),
        "{}",
        r.stdout
    );
    assert!(
        !r.stdout.contains("no MCP config files found"),
        "{}",
        r.stdout
    );
    // A changed file is linted and counted as usual.
    t.write(".mcp.json", github_mcp(GHP));
    let r = run_human(&t.root, &["--changed-since", "HEAD"]).expect_code(1);
    assert!(
        r.stdout.contains("1 MCP config file scanned"),
        "{}",
        r.stdout
    );
}

#[test]
fn history_counts_versions_of_files() {
    let t = Tree::new();
    t.git_init("");
    t.write(".mcp.json", github_mcp(GHP));
    t.git(&["add", "."]);
    t.git(&["commit", "-qm", "token"]);
    t.write(".mcp.json", CLEAN_MCP);
    t.git(&["commit", "-qam", "no token"]);
    let r = run(t.cmd().args(["history", "--color", "never"])).expect_code(1);
    assert!(
        r.stdout
            .contains("2 versions of 1 MCP config file scanned: 1 error"),
        "{}",
        r.stdout
    );
}

#[test]
fn history_sarif_is_placed_at_the_files_path_with_the_commit_beside() {
    let t = Tree::new();
    t.git_init("");
    t.write(".mcp.json", github_mcp(GHP));
    t.write(
        "gone/.cursor/mcp.json",
        github_mcp(GHP).replace("github", "gh"),
    );
    t.git(&["add", "."]);
    t.git(&["commit", "-qm", "tokens"]);
    t.write(".mcp.json", CLEAN_MCP);
    t.git(&["rm", "-rq", "gone"]);
    t.git(&["commit", "-qam", "no tokens"]);
    let r = run(t.cmd().args(["history", "--format", "sarif"])).expect_code(1);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let results = doc["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty(), "{doc:#}");
    let mut uris: Vec<(&str, bool)> = results
        .iter()
        .map(|r| {
            let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap();
            assert!(
                !uri.contains('@'),
                "not a path code scanning can place: {uri}"
            );
            let commit = r["properties"]["commit"].as_str().unwrap();
            assert_eq!(commit.len(), 12, "{commit}");
            assert!(
                r["message"]["text"].as_str().unwrap().contains(commit),
                "the commit is said in the message"
            );
            (uri, r["properties"]["pathAtHead"].as_bool().unwrap())
        })
        .collect();
    uris.sort();
    uris.dedup();
    assert_eq!(
        uris,
        [(".mcp.json", true), ("gone/.cursor/mcp.json", false)]
    );
    // The annotations name the path too.
    let r = run(t.cmd().args(["history", "--format", "github"])).expect_code(1);
    assert!(r.stdout.contains("file=.mcp.json,line="), "{}", r.stdout);
    // The human report keeps `path@commit`: it shows that version's lines.
    let r = run(t.cmd().args(["history", "--color", "never"]));
    assert!(r.stdout.contains(".mcp.json@"), "{}", r.stdout);
}

#[test]
fn a_baseline_run_says_how_many_findings_it_hid() {
    let t = Tree::new();
    t.write(".mcp.json", github_mcp(GHP));
    run(t.cmd().args(["baseline", "write"])).expect_code(0);
    let r = run_human(&t.root, &["--baseline", "mcplint-baseline.json"]).expect_code(0);
    assert!(
        r.stdout
            .contains("1 finding hidden by the baseline (mcplint-baseline.json)"),
        "{}",
        r.stdout
    );
    let (_, doc) = run_json(&t.root, &["--baseline", "mcplint-baseline.json"]);
    assert_eq!(doc["hidden_by_baseline"], 1, "{doc:#}");
    // Without --baseline, no such field.
    let (_, doc) = run_json(&t.root, &[]);
    assert!(doc.get("hidden_by_baseline").is_none());
}

#[test]
fn a_config_with_a_bad_key_still_applies_its_valid_entries() {
    let t = Tree::new();
    t.write(".mcp.json", github_mcp(GHP));
    t.write("vendor/.mcp.json", github_mcp(GHP));
    t.write(
        "mcplint.toml",
        r#"exclude = ["vendor/**"]
colour = "always"

[[ignore]]
rule = "literal-secret"
path = ".mcp.json"
reason = "revoked demo token, kept to show the mistake"
"#,
    );
    let (code, doc) = run_json(&t.root, &[]);
    assert_eq!(code, 2, "a bad key is an error: {doc:#}");
    let findings = doc["findings"].as_array().unwrap();
    // The exclusion and the exception held: no literal-secret anywhere.
    assert!(
        findings.iter().all(|f| f["rule"] != "literal-secret"),
        "{doc:#}"
    );
    let bad: Vec<&serde_json::Value> = findings
        .iter()
        .filter(|f| f["file"] == "mcplint.toml")
        .collect();
    assert_eq!(bad.len(), 1, "{doc:#}");
    assert_eq!(bad[0]["rule"], "invalid-config");
    assert_eq!(bad[0]["line"], 2, "at the bad key's line");
    // The help names the keys that belong there.
    let help = bad[0]["help"].as_str().unwrap();
    assert!(
        help.starts_with("the keys here are `client`, `credential`, `exclude`, `ignore`"),
        "{help}"
    );
    let r = run_human(&t.root, &[]).expect_code(2);
    assert!(
        r.stdout
            .contains("mcplint.toml has mistakes (its valid entries still apply)"),
        "{}",
        r.stdout
    );
    // A file that does not parse at all applies nothing, and says so.
    t.write("mcplint.toml", "exclude = [\"vendor/**\"\n[[ignore]\n");
    let (code, doc) = run_json(&t.root, &[]);
    assert_eq!(code, 2);
    assert!(
        doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "literal-secret" && f["file"] == "vendor/.mcp.json"),
        "{doc:#}"
    );
}

#[test]
fn a_shallow_clone_is_named_as_why_a_revision_is_missing() {
    let t = Tree::new();
    t.git_init("origin");
    t.write("origin/.mcp.json", CLEAN_MCP);
    t.git(&["-C", "origin", "add", "."]);
    t.git(&["-C", "origin", "commit", "-qm", "one"]);
    t.write("origin/.mcp.json", github_mcp(GHP));
    t.git(&["-C", "origin", "commit", "-qam", "two"]);
    let url = format!("file://{}", t.path("origin").display());
    t.git(&["clone", "-q", "--depth", "1", &url, "shallow"]);
    let dir = t.path("shallow");
    let r = run_human(&dir, &["--changed-since", "HEAD~1"]).expect_code(2);
    assert!(
        r.stderr.contains("cannot resolve `HEAD~1`") && r.stderr.contains("this clone is shallow"),
        "{}",
        r.stderr
    );
    let r = run(common::mcplint_in(&dir).args(["history", "--color", "never"])).expect_code(1);
    assert!(
        r.stderr
            .contains("this clone is shallow: history sees only the commits fetched"),
        "{}",
        r.stderr
    );
    // A full clone says nothing of the kind.
    t.git(&["clone", "-q", &url, "full"]);
    let r = run(common::mcplint_in(&t.path("full")).args(["history", "--color", "never"]))
        .expect_code(1);
    assert!(!r.stderr.contains("shallow"), "{}", r.stderr);
}
