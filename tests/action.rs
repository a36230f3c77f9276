//! The GitHub Actions composite action (`action.yml`): its shape, and its
//! scripts run for real against a scratch repository with the mcplint
//! under test on PATH. The scripts are bash, and the stand-in tools
//! shell scripts: Unix only.
#![cfg(unix)]

use std::path::Path;
use std::process::Command;

use mcplint::syntax::parse::{yaml, Node, Value};

const ACTION: &str = include_str!("../action.yml");
const README: &str = include_str!("../README.md");

fn action() -> Node<'static> {
    yaml::parse(ACTION, 0).expect("action.yml is YAML")
}

fn steps<'a>(root: &'a Node<'a>) -> &'a [Node<'a>] {
    root.at_pointer("/runs/steps").expect("steps").elements()
}

/// The step named `name`.
fn step<'a>(root: &'a Node<'a>, name: &str) -> &'a Node<'a> {
    steps(root)
        .iter()
        .find(|s| s.get("name").and_then(Node::as_str) == Some(name))
        .unwrap_or_else(|| panic!("no step {name:?}"))
}

/// The position of the step named `name`.
fn position(root: &Node, name: &str) -> usize {
    steps(root)
        .iter()
        .position(|s| s.get("name").and_then(Node::as_str) == Some(name))
        .unwrap_or_else(|| panic!("no step {name:?}"))
}

fn text<'a>(node: &'a Node, ptr: &str) -> &'a str {
    node.at_pointer(ptr)
        .and_then(Node::as_str)
        .unwrap_or_else(|| panic!("no string at {ptr}"))
}

fn input_names() -> Vec<String> {
    action()
        .get("inputs")
        .unwrap()
        .members()
        .iter()
        .map(|m| m.key.to_string())
        .collect()
}

#[test]
fn a_composite_action_with_documented_inputs() {
    let root = action();
    assert_eq!(
        root.at_pointer("/runs/using").and_then(Node::as_str),
        Some("composite")
    );
    assert_eq!(
        input_names(),
        ["paths", "fail-on", "args", "sarif-file", "upload-sarif"]
    );
    assert_eq!(
        text(&root, "/inputs/upload-sarif/default"),
        "true",
        "SARIF is uploaded unless turned off"
    );
    // The current major of upload-sarif (v4, on Node 24).
    assert_eq!(
        text(step(&root, "Upload SARIF"), "/uses"),
        "github/codeql-action/upload-sarif@v4"
    );
    // Inputs reach scripts through `env`, never inside the script text.
    for s in steps(&root) {
        if let Some(script) = s.get("run").and_then(Node::as_str) {
            assert!(
                !script.contains("${{"),
                "expression spliced into a script:\n{script}"
            );
        }
    }
}

struct Ran {
    status: i32,
    stdout: String,
    stderr: String,
    /// What the step wrote to `$GITHUB_OUTPUT`.
    output: String,
    /// What the step wrote to `$GITHUB_PATH`.
    path: String,
}

impl Ran {
    /// The value the step set for output `name`.
    fn get(&self, name: &str) -> Option<&str> {
        self.output
            .lines()
            .find_map(|l| l.strip_prefix(name)?.strip_prefix('='))
    }
}

/// The directory of the mcplint under test.
fn mcplint_dir() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_mcplint")).parent().unwrap()
}

/// PATH with the mcplint under test first.
fn path_with_mcplint() -> String {
    format!(
        "{}:{}",
        mcplint_dir().display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// PATH without any directory that holds an `mcplint`.
fn path_without_mcplint() -> String {
    let path = std::env::var("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .filter(|d| !d.join("mcplint").exists())
        .map(|d| d.display().to_string())
        .collect::<Vec<_>>()
        .join(":")
}

/// Run a step's script with bash as the runner does (`bash -eo pipefail`),
/// in `dir`, with the mcplint under test first on PATH unless `env` sets
/// PATH.
fn run_step(name: &str, dir: &Path, env: &[(&str, &str)]) -> Ran {
    let root = action();
    let script = text(step(&root, name), "/run").to_string();
    let github_output = dir.join("github-output.txt");
    let github_path = dir.join("github-path.txt");
    std::fs::write(&github_output, "").unwrap();
    std::fs::write(&github_path, "").unwrap();
    let out = Command::new("bash")
        .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", &script])
        .current_dir(dir)
        .env("PATH", path_with_mcplint())
        .env("GITHUB_OUTPUT", &github_output)
        .env("GITHUB_PATH", &github_path)
        .envs(env.iter().copied())
        .output()
        .expect("bash runs");
    Ran {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        output: std::fs::read_to_string(&github_output).unwrap(),
        path: std::fs::read_to_string(&github_path).unwrap(),
    }
}

/// An executable shell script `dir/name`.
fn fake_tool(dir: &Path, name: &str, script: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(dir).unwrap();
    let file = dir.join(name);
    std::fs::write(&file, format!("#!/bin/sh\n{script}\n")).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o755)).unwrap();
}

fn write(dir: &Path, name: &str, text: &str) {
    let file = dir.join(name);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(file, text).unwrap();
}

const TOKEN: &str = "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";

fn leaky_config() -> String {
    format!(
        r#"{{"mcpServers": {{"github": {{"command": "github-mcp-server", "args": ["stdio", "--read-only"], "env": {{"GITHUB_PERSONAL_ACCESS_TOKEN": "{TOKEN}"}}}}}}}}"#
    )
}

fn lint_env<'a>(paths: &'a str, args: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("MCPLINT_PATHS", paths),
        ("MCPLINT_FAIL_ON", "warning"),
        ("MCPLINT_ARGS", args),
        ("MCPLINT_SARIF", "mcplint.sarif"),
    ]
}

#[test]
fn the_lint_step_writes_sarif_annotates_and_reports_the_status() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), ".mcp.json", &leaky_config());
    let ran = run_step("Run mcplint", d.path(), &lint_env(".", ""));
    assert_eq!(
        ran.status, 0,
        "the step itself succeeds so SARIF is uploaded"
    );
    assert_eq!(ran.output.trim(), "exit-code=1");
    assert!(
        ran.stdout.contains("::error file=.mcp.json,line=1"),
        "{}",
        ran.stdout
    );
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(d.path().join("mcplint.sarif")).unwrap())
            .unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(
        results.iter().any(|r| r["ruleId"] == "literal-secret"),
        "{sarif:#}"
    );
    assert!(!ran.stdout.contains(TOKEN) && !sarif.to_string().contains(TOKEN));
}

#[test]
fn a_path_cannot_inject_shell_or_options() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), ".mcp.json", r#"{"mcpServers": {}}"#);
    let ran = run_step("Run mcplint", d.path(), &lint_env("$(touch pwned) .", ""));
    assert!(!d.path().join("pwned").exists());
    assert_eq!(
        ran.output.trim(),
        "exit-code=2",
        "the odd path is reported missing"
    );
    // A path that looks like an option is a path (after `--`), so `paths`
    // cannot carry the options `args` refuses.
    write(d.path(), "leak/.mcp.json", &leaky_config());
    let ran = run_step("Run mcplint", d.path(), &lint_env("--exit-zero leak", ""));
    assert_eq!(ran.output.trim(), "exit-code=2", "{}", ran.stdout);
    assert!(ran.stdout.contains("::error file=leak/.mcp.json"));
}

/// `args` that the action refuses, with the option and the input each
/// message must name.
const REFUSED: &[(&str, &str, &str)] = &[
    ("--format json", "--format", "sarif-file input"),
    ("--format=gitlab", "--format", "sarif-file input"),
    ("--output out.sarif", "--output", "sarif-file input"),
    ("--output=out.sarif", "--output", "sarif-file input"),
    ("-o out.sarif", "--output", "sarif-file input"),
    ("-oout.sarif", "--output", "sarif-file input"),
    ("-qo out.sarif", "--output", "sarif-file input"),
    ("--fail-on error", "--fail-on", "fail-on input"),
    ("--fail-on=note", "--fail-on", "fail-on input"),
    ("--exit-zero", "--exit-zero", "fail-on input to never"),
    ("--fix", "--fix", "mcplint --fix"),
    ("--fix --unsafe-fixes", "--fix", "mcplint --fix"),
    ("--diff", "--diff", "--diff locally"),
    ("--statistics", "--statistics", "SARIF and annotations"),
    ("-- other", "--", "paths input"),
    // Among allowed options, and on a second line.
    (
        "--no-inline-ignores\n--format sarif",
        "--format",
        "sarif-file input",
    ),
];

#[test]
fn refused_args_name_the_input_to_use_and_never_run_mcplint() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), ".mcp.json", &leaky_config());
    // A stand-in mcplint that records every call.
    let bin = d.path().join("bin");
    let calls = d.path().join("calls.txt");
    fake_tool(
        &bin,
        "mcplint",
        &format!("echo \"$@\" >> '{}'", calls.display()),
    );
    let path = format!("{}:{}", bin.display(), path_without_mcplint());
    let run = |args: &str| {
        let mut env = lint_env(".", args);
        env.push(("PATH", &path));
        run_step("Run mcplint", d.path(), &env)
    };
    // The stand-in is what the step calls, when nothing is refused.
    let ran = run("--quiet");
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    assert_eq!(
        std::fs::read_to_string(&calls).unwrap().lines().count(),
        2,
        "SARIF, then annotations"
    );
    std::fs::remove_file(&calls).unwrap();

    for (args, option, input) in REFUSED {
        let ran = run(args);
        assert_eq!(ran.status, 2, "{args:?} is refused");
        assert_eq!(ran.get("exit-code"), Some("2"), "{args:?}");
        let error = ran
            .stdout
            .lines()
            .find(|l| l.starts_with("::error"))
            .unwrap_or_else(|| panic!("{args:?}: no ::error line in {:?}", ran.stdout));
        assert!(
            error.contains(&format!("args: {option} is not allowed")),
            "{args:?} names {option}: {error}"
        );
        assert!(error.contains(input), "{args:?} names {input:?}: {error}");
        assert!(!calls.exists(), "{args:?}: mcplint was called");
    }
    // Every refused option is named, not only the first.
    let ran = run("--fix --exit-zero");
    let errors: Vec<&str> = ran
        .stdout
        .lines()
        .filter(|l| l.starts_with("::error"))
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
}

#[test]
fn ordinary_args_pass_through_word_by_word() {
    let d = tempfile::tempdir().unwrap();
    // A finding accepted in place: only `--no-inline-ignores` reports it.
    write(
        d.path(),
        ".vscode/mcp.json",
        &format!(
            "{{\n  \"servers\": {{\n    \"demo\": {{\n      \"command\": \"acme\",\n      // mcplint-ignore[literal-secret, broad-credential]: revoked token kept for the workshop\n      \"env\": {{ \"GITHUB_TOKEN\": \"{TOKEN}\" }}\n    }}\n  }}\n}}\n"
        ),
    );
    let ran = run_step("Run mcplint", d.path(), &lint_env(".", ""));
    assert_eq!(ran.get("exit-code"), Some("0"), "{}", ran.stdout);
    let ran = run_step(
        "Run mcplint",
        d.path(),
        &lint_env(".", "--no-inline-ignores"),
    );
    assert_eq!(ran.status, 0);
    assert_eq!(ran.get("exit-code"), Some("1"), "{}", ran.stdout);
    assert!(
        ran.stdout.contains("::error file=.vscode/mcp.json,line=6"),
        "{}",
        ran.stdout
    );
    // Separated by a newline (`args: |`), the second line counts too.
    let ran = run_step(
        "Run mcplint",
        d.path(),
        &lint_env(".", "--quiet\n--no-inline-ignores"),
    );
    assert_eq!(ran.get("exit-code"), Some("1"), "{}", ran.stdout);
}

fn git(dir: &Path, args: &[&str]) {
    let ok = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .current_dir(dir)
        .status()
        .unwrap();
    assert!(ok.success(), "git {args:?}");
}

#[test]
fn changed_since_the_base_branch_lints_what_the_pull_request_touches() {
    // The base repository, with a finding already on main.
    let d = tempfile::tempdir().unwrap();
    let origin = d.path().join("origin");
    std::fs::create_dir(&origin).unwrap();
    git(&origin, &["init", "-q", "-b", "main"]);
    write(&origin, "old/.mcp.json", &leaky_config());
    git(&origin, &["add", "."]);
    git(&origin, &["commit", "-q", "-m", "base"]);
    // A full clone, as `fetch-depth: 0` makes it: origin/main exists.
    git(d.path(), &["clone", "-q", "origin", "work"]);
    let work = d.path().join("work");
    git(&work, &["checkout", "-q", "-b", "feature"]);
    write(&work, "new/.mcp.json", &leaky_config());
    git(&work, &["add", "."]);
    git(&work, &["commit", "-q", "-m", "pull request"]);

    let ran = run_step(
        "Run mcplint",
        &work,
        &lint_env(".", "--changed-since origin/main"),
    );
    assert_eq!(
        ran.get("exit-code"),
        Some("1"),
        "{}{}",
        ran.stdout,
        ran.stderr
    );
    assert!(
        ran.stdout.contains("::error file=new/.mcp.json"),
        "{}",
        ran.stdout
    );
    assert!(!ran.stdout.contains("old/.mcp.json"), "{}", ran.stdout);
}

/// Run "Decide SARIF upload" for an event; the SARIF file exists.
fn decide(event: &str, head: &str, base: &str, upload: &str) -> Ran {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "mcplint.sarif", "{}");
    run_step(
        "Decide SARIF upload",
        d.path(),
        &[
            ("UPLOAD_SARIF", upload),
            ("MCPLINT_SARIF", "mcplint.sarif"),
            ("EVENT_NAME", event),
            ("HEAD_REPO", head),
            ("BASE_REPO", base),
        ],
    )
}

#[test]
fn sarif_upload_is_skipped_with_a_notice_for_a_pull_request_from_a_fork() {
    let root = action();
    // The script reads what the runner knows of the event.
    let decide_step = step(&root, "Decide SARIF upload");
    for (var, expression) in [
        ("UPLOAD_SARIF", "${{ inputs.upload-sarif }}"),
        ("MCPLINT_SARIF", "${{ inputs.sarif-file }}"),
        ("EVENT_NAME", "${{ github.event_name }}"),
        (
            "HEAD_REPO",
            "${{ github.event.pull_request.head.repo.full_name }}",
        ),
        (
            "BASE_REPO",
            "${{ github.event.pull_request.base.repo.full_name }}",
        ),
    ] {
        assert_eq!(text(decide_step, &format!("/env/{var}")), expression);
    }
    // The upload runs only when the script says so, after the lint.
    let id = text(decide_step, "/id");
    let condition = text(step(&root, "Upload SARIF"), "/if");
    assert!(
        condition.contains(&format!("steps.{id}.outputs.upload == 'true'")),
        "{condition}"
    );
    assert!(position(&root, "Run mcplint") < position(&root, "Decide SARIF upload"));
    assert!(position(&root, "Decide SARIF upload") < position(&root, "Upload SARIF"));

    let fork_notice = |ran: &Ran| {
        ran.stdout
            .lines()
            .any(|l| l.starts_with("::notice") && l.contains("fork") && l.contains("read-only"))
    };
    for (event, head, base, upload, expected, notice) in [
        ("push", "", "", "true", "true", false),
        ("schedule", "", "", "true", "true", false),
        ("pull_request", "me/tool", "me/tool", "true", "true", false),
        // A pull request inside a fork is not from another repository.
        (
            "pull_request",
            "alice/tool",
            "alice/tool",
            "true",
            "true",
            false,
        ),
        (
            "pull_request",
            "alice/tool",
            "me/tool",
            "true",
            "false",
            true,
        ),
        (
            "pull_request_review",
            "alice/tool",
            "me/tool",
            "true",
            "false",
            true,
        ),
        (
            "pull_request_review_comment",
            "alice/tool",
            "me/tool",
            "true",
            "false",
            true,
        ),
        // The fork was deleted: no head repository.
        ("pull_request", "", "me/tool", "true", "false", true),
        // pull_request_target runs with the base repository's token.
        (
            "pull_request_target",
            "alice/tool",
            "me/tool",
            "true",
            "true",
            false,
        ),
        // Turned off: no upload, and nothing to explain.
        ("push", "", "", "false", "false", false),
        (
            "pull_request",
            "alice/tool",
            "me/tool",
            "false",
            "false",
            false,
        ),
    ] {
        let ran = decide(event, head, base, upload);
        let case = format!("{event} {head:?} -> {base:?}, upload-sarif {upload}");
        assert_eq!(ran.status, 0, "{case}: {}", ran.stderr);
        assert_eq!(ran.get("upload"), Some(expected), "{case}");
        assert_eq!(fork_notice(&ran), notice, "{case}: {}", ran.stdout);
    }
    // No report (the lint step was refused): nothing to upload.
    let d = tempfile::tempdir().unwrap();
    let ran = run_step(
        "Decide SARIF upload",
        d.path(),
        &[
            ("UPLOAD_SARIF", "true"),
            ("MCPLINT_SARIF", "mcplint.sarif"),
            ("EVENT_NAME", "push"),
        ],
    );
    assert_eq!(ran.get("upload"), Some("false"));
}

#[test]
fn a_failed_upload_never_fails_the_job_the_exit_status_does() {
    let root = action();
    let upload = step(&root, "Upload SARIF");
    assert_eq!(
        upload.get("continue-on-error").map(|n| &n.value),
        Some(&Value::Bool(true)),
        "a failed upload leaves the job's result to the last step"
    );
    // The last step reads mcplint's status and nothing else, and runs
    // whatever the upload did (no condition of its own).
    let last = steps(&root).last().unwrap();
    assert_eq!(text(last, "/name"), "Fail on findings");
    assert!(last.get("if").is_none());
    let env = last.get("env").unwrap().members();
    assert_eq!(env.len(), 1);
    assert_eq!(env[0].key, "MCPLINT_STATUS");
    assert_eq!(
        env[0].value.as_str(),
        Some(
            format!(
                "${{{{ steps.{}.outputs.exit-code }}}}",
                text(step(&root, "Run mcplint"), "/id")
            )
            .as_str()
        )
    );
    let d = tempfile::tempdir().unwrap();
    for (status, expected) in [("0", 0), ("1", 1), ("2", 2), ("", 2)] {
        let ran = run_step("Fail on findings", d.path(), &[("MCPLINT_STATUS", status)]);
        assert_eq!(ran.status, expected, "status {status:?}");
    }
}

/// A stand-in for the action's checkout: the files its build reads.
fn action_copy(dir: &Path) {
    write(dir, "Cargo.toml", "[package]\nname = \"mcplint\"\n");
    write(dir, "Cargo.lock", "version = 4\n");
    write(dir, "build.rs", "fn main() {}\n");
    write(dir, "src/main.rs", "fn main() {}\n");
    write(dir, "rules/credentials/github.toml", "[[credential]]\n");
    write(dir, "README.md", "mcplint\n");
}

/// The cache key "Locate mcplint" computes for the action in `action_dir`.
fn cache_key(action_dir: &Path) -> (String, String) {
    let d = tempfile::tempdir().unwrap();
    let path = path_without_mcplint();
    let ran = run_step(
        "Locate mcplint",
        d.path(),
        &[
            ("PATH", path.as_str()),
            ("ACTION_PATH", action_dir.to_str().unwrap()),
            ("RUNNER_OS", "Linux"),
            ("RUNNER_ARCH", "X64"),
            ("ImageOS", "ubuntu24"),
        ],
    );
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    assert_eq!(ran.get("found"), Some("false"));
    (
        ran.get("key").unwrap().to_string(),
        ran.get("restore-key").unwrap().to_string(),
    )
}

#[test]
fn the_build_cache_is_keyed_on_the_runner_and_every_file_the_build_reads() {
    let d = tempfile::tempdir().unwrap();
    let a = d.path().join("a");
    action_copy(&a);
    let (key, prefix) = cache_key(&a);
    assert_eq!(prefix, "mcplint-Linux-X64-ubuntu24-");
    assert!(
        key.starts_with(&prefix) && key.len() == prefix.len() + 64,
        "{key}"
    );
    // Where the action is checked out (one directory per ref) does not
    // matter; the same files give the same key.
    let b = d.path().join("elsewhere/b");
    action_copy(&b);
    assert_eq!(cache_key(&b).0, key);
    // A file the build does not read does not matter either.
    write(&b, "README.md", "changed\n");
    assert_eq!(cache_key(&b).0, key);
    // Any file the build reads does: the lock, the manifest, the source, the
    // data, even a data file's name.
    let mut keys = vec![key.clone()];
    let changes: [fn(&Path); 5] = [
        |b: &Path| write(b, "Cargo.lock", "version = 4\n# another\n"),
        |b: &Path| {
            write(
                b,
                "Cargo.toml",
                "[package]\nname = \"mcplint\"\nversion = \"2\"\n",
            )
        },
        |b: &Path| write(b, "build.rs", "fn main() { }\n"),
        |b: &Path| write(b, "src/main.rs", "fn main() { }\n"),
        |b: &Path| {
            std::fs::rename(
                b.join("rules/credentials/github.toml"),
                b.join("rules/credentials/gitlab.toml"),
            )
            .unwrap()
        },
    ];
    for change in changes {
        change(&b);
        let changed = cache_key(&b).0;
        assert!(!keys.contains(&changed), "{changed} seen before");
        keys.push(changed);
    }
    // This repository has every file the key hashes.
    let (key, _) = cache_key(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(key.starts_with("mcplint-Linux-X64-ubuntu24-"), "{key}");
    // An mcplint already on PATH is used as it is: no key, no build.
    let ran = run_step(
        "Locate mcplint",
        d.path(),
        &[("ACTION_PATH", a.to_str().unwrap())],
    );
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    assert_eq!(ran.get("found"), Some("true"));
    assert_eq!(ran.get("key"), None);
}

#[test]
fn the_install_is_locked_and_restored_from_and_saved_to_the_cache() {
    let root = action();
    let locate = text(step(&root, "Locate mcplint"), "/id").to_string();
    let restore = step(&root, "Restore the mcplint build");
    let save = step(&root, "Save the mcplint build");
    let install = step(&root, "Install mcplint");
    assert_eq!(text(restore, "/uses"), "actions/cache/restore@v6");
    assert_eq!(text(save, "/uses"), "actions/cache/save@v6");
    let key = format!("${{{{ steps.{locate}.outputs.key }}}}");
    assert_eq!(text(restore, "/with/key"), key);
    assert_eq!(text(save, "/with/key"), key);
    assert_eq!(
        text(restore, "/with/restore-keys"),
        format!("${{{{ steps.{locate}.outputs.restore-key }}}}")
    );
    // The same paths (a cache's version depends on them): the install
    // root, with its target directory, and cargo's downloads.
    let paths = text(restore, "/with/path");
    assert_eq!(text(save, "/with/path"), paths);
    let root_dir = text(install, "/env/MCPLINT_ROOT");
    assert_eq!(root_dir, "${{ runner.temp }}/mcplint");
    for path in [
        root_dir,
        "~/.cargo/registry/index",
        "~/.cargo/registry/cache",
        "~/.cargo/git/db",
    ] {
        assert!(paths.lines().any(|l| l.trim() == path), "{path} cached");
    }
    // Saved right after the build, whatever the lint finds later, unless
    // the exact key was restored; a failed save fails nothing.
    let cache_id = text(restore, "/id");
    assert!(text(save, "/if").contains(&format!("steps.{cache_id}.outputs.cache-hit != 'true'")));
    assert_eq!(
        save.get("continue-on-error").map(|n| &n.value),
        Some(&Value::Bool(true))
    );
    let order: Vec<usize> = [
        "Locate mcplint",
        "Restore the mcplint build",
        "Install mcplint",
        "Save the mcplint build",
        "Run mcplint",
    ]
    .iter()
    .map(|n| position(&root, n))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    for s in [restore, install, save] {
        assert!(
            text(s, "/if").contains(&format!("steps.{locate}.outputs.found != 'true'")),
            "skipped when mcplint is on PATH"
        );
    }
    assert_eq!(
        text(install, "/env/CACHE_HIT"),
        format!("${{{{ steps.{cache_id}.outputs.cache-hit }}}}")
    );

    // The install script, with a stand-in cargo that records its call and
    // installs a stand-in mcplint.
    let d = tempfile::tempdir().unwrap();
    let bin = d.path().join("bin");
    let calls = d.path().join("cargo-calls.txt");
    fake_tool(
        &bin,
        "cargo",
        &format!(
            "echo \"CARGO_TARGET_DIR=$CARGO_TARGET_DIR $*\" >> '{}'\n\
             mkdir -p \"$MCPLINT_ROOT/bin\"\n\
             printf '#!/bin/sh\\necho mcplint 9.9.9\\n' > \"$MCPLINT_ROOT/bin/mcplint\"\n\
             chmod +x \"$MCPLINT_ROOT/bin/mcplint\"",
            calls.display()
        ),
    );
    let path = format!("{}:{}", bin.display(), path_without_mcplint());
    let mcplint_root = d.path().join("temp/mcplint");
    let mcplint_root = mcplint_root.to_str().unwrap();
    let action_path = d.path().join("action");
    let action_path = action_path.to_str().unwrap();
    let install = |hit: &str| {
        run_step(
            "Install mcplint",
            d.path(),
            &[
                ("PATH", path.as_str()),
                ("ACTION_PATH", action_path),
                ("MCPLINT_ROOT", mcplint_root),
                ("CACHE_HIT", hit),
            ],
        )
    };
    // A miss, or an older build restored by prefix: build, locked, over
    // the older binary.
    for hit in ["", "false"] {
        let _ = std::fs::remove_file(&calls);
        let ran = install(hit);
        assert_eq!(ran.status, 0, "{}", ran.stderr);
        let call = std::fs::read_to_string(&calls).unwrap();
        let words: Vec<&str> = call.split_whitespace().collect();
        assert_eq!(
            words[0],
            format!("CARGO_TARGET_DIR={mcplint_root}/target"),
            "a fixed target directory, inside the cached root"
        );
        assert_eq!(&words[1..3], ["install", "--locked"], "{call}");
        for option in ["--force", "--quiet"] {
            assert!(words.contains(&option), "{option}: {call}");
        }
        assert!(call.contains(&format!("--root {mcplint_root} ")), "{call}");
        assert!(call.contains(&format!("--path {action_path}")), "{call}");
        assert_eq!(ran.path.trim(), format!("{mcplint_root}/bin"));
        assert!(ran.stdout.contains("mcplint 9.9.9"));
    }
    // An exact hit: the cached binary, no build.
    std::fs::remove_file(&calls).unwrap();
    let ran = install("true");
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    assert!(!calls.exists(), "cargo ran on an exact hit");
    assert_eq!(ran.path.trim(), format!("{mcplint_root}/bin"));
    assert!(ran.stdout.contains("mcplint 9.9.9"));
}

/// The README's part on GitHub Actions.
fn readme_actions_section() -> &'static str {
    let start = README.find("**GitHub Actions**").expect("section");
    let end = start + README[start..].find("**GitLab CI**").expect("next section");
    &README[start..end]
}

/// The `yaml` blocks of `text`.
fn yaml_blocks(text: &str) -> Vec<&str> {
    text.split("```yaml\n")
        .skip(1)
        .map(|b| &b[..b.find("```").unwrap()])
        .collect()
}

/// The steps of every job of a workflow.
fn workflow_steps<'a>(workflow: &'a Node<'a>) -> Vec<&'a Node<'a>> {
    workflow
        .get("jobs")
        .unwrap()
        .members()
        .iter()
        .flat_map(|job| job.value.get("steps").unwrap().elements())
        .collect()
}

#[test]
fn the_readme_workflows_use_the_action_as_it_is() {
    let section = readme_actions_section();
    let inputs = input_names();
    for input in &inputs {
        assert!(
            section.contains(&format!("`{input}`")),
            "README names {input}"
        );
    }
    for permission in ["contents: read", "security-events: write", "actions: read"] {
        assert!(section.contains(permission), "README grants {permission}");
    }
    assert!(section.contains("GitHub Code Security"));
    let blocks = yaml_blocks(section);
    assert_eq!(blocks.len(), 2, "the workflow, and one for pull requests");
    let mut changed_since = false;
    for block in blocks {
        let workflow = yaml::parse(block, 0).expect("the README's workflow is YAML");
        let steps = workflow_steps(&workflow);
        let checkout = steps
            .iter()
            .find(|s| {
                s.get("uses")
                    .and_then(Node::as_str)
                    .is_some_and(|u| u.starts_with("actions/checkout@"))
            })
            .expect("a checkout step");
        let lint = steps
            .iter()
            .find(|s| {
                s.get("uses")
                    .and_then(Node::as_str)
                    .is_some_and(|u| u.contains("/mcplint@"))
            })
            .expect("a step that uses the action");
        // No version tag that does not exist: a commit sha, or its stand-in.
        let uses = text(lint, "/uses");
        let rev = &uses[uses.find('@').unwrap() + 1..];
        assert!(
            rev.len() == 40 && rev.bytes().all(|b| b.is_ascii_hexdigit()),
            "{uses}"
        );
        // ... and one of this repository that holds the action.
        let root = env!("CARGO_MANIFEST_DIR");
        let shallow = Command::new("git")
            .args(["-C", root, "rev-parse", "--is-shallow-repository"])
            .output()
            .is_ok_and(|o| o.stdout.starts_with(b"true"));
        if Path::new(root).join(".git").exists() && !shallow {
            let shown = Command::new("git")
                .args(["-C", root, "show", &format!("{rev}:action.yml")])
                .output()
                .expect("git runs");
            assert!(
                shown.status.success(),
                "{rev} is not a commit of this repository with an action.yml"
            );
        }
        for with in lint.get("with").map(Node::members).unwrap_or_default() {
            assert!(
                inputs.contains(&with.key.to_string()),
                "no input {}",
                with.key
            );
        }
        // --changed-since needs the base branch: a checkout with history,
        // on pull requests, where github.base_ref is set.
        let args = lint
            .at_pointer("/with/args")
            .and_then(Node::as_str)
            .unwrap_or("");
        if args.contains("--changed-since") {
            changed_since = true;
            assert_eq!(args, "--changed-since origin/${{ github.base_ref }}");
            assert_eq!(
                checkout.at_pointer("/with/fetch-depth").map(|n| &n.value),
                Some(&Value::Number("0"))
            );
            assert_eq!(text(&workflow, "/on"), "pull_request");
        }
    }
    assert!(
        changed_since,
        "README shows --changed-since for pull requests"
    );
    assert!(section.contains("fetch-depth: 0"));
}
