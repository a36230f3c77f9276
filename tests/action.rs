//! The GitHub Actions composite action (`action.yml`): its shape, and its
//! scripts run for real against a scratch repository with the mcplint
//! under test on PATH.

use std::path::Path;
use std::process::Command;

use mcplint::syntax::parse::{yaml, Node};

const ACTION: &str = include_str!("../action.yml");

fn action() -> Node<'static> {
    yaml::parse(ACTION, 0).expect("action.yml is YAML")
}

/// The step named `name`.
fn step<'a>(root: &'a Node<'a>, name: &str) -> &'a Node<'a> {
    root.at_pointer("/runs/steps")
        .expect("steps")
        .elements()
        .iter()
        .find(|s| s.get("name").and_then(Node::as_str) == Some(name))
        .unwrap_or_else(|| panic!("no step {name:?}"))
}

#[test]
fn a_composite_action_with_documented_inputs() {
    let root = action();
    assert_eq!(
        root.at_pointer("/runs/using").and_then(Node::as_str),
        Some("composite")
    );
    let inputs: Vec<&str> = root
        .get("inputs")
        .unwrap()
        .members()
        .iter()
        .map(|m| &*m.key)
        .collect();
    assert_eq!(
        inputs,
        ["paths", "fail-on", "args", "sarif-file", "upload-sarif"]
    );
    let upload = step(&root, "Upload SARIF");
    assert!(upload
        .get("uses")
        .and_then(Node::as_str)
        .is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif@")));
    // Inputs reach scripts through `env`, never inside the script text.
    for s in root.at_pointer("/runs/steps").unwrap().elements() {
        if let Some(script) = s.get("run").and_then(Node::as_str) {
            assert!(
                !script.contains("${{"),
                "expression spliced into a script:\n{script}"
            );
        }
    }
    // The README's workflow uses this action with inputs it has.
    let readme = include_str!("../README.md");
    assert!(readme.contains("security-events: write"));
    for used in ["fail-on:", "paths:"] {
        assert!(readme.contains(used), "README workflow shows {used}");
    }
}

struct Ran {
    status: i32,
    stdout: String,
    output: String,
}

/// Run a step's script with bash, as the runner would, with `env` set.
fn run_step(name: &str, dir: &Path, env: &[(&str, &str)]) -> Ran {
    let root = action();
    let script = step(&root, name)
        .get("run")
        .and_then(Node::as_str)
        .unwrap()
        .to_string();
    let github_output = dir.join("github-output.txt");
    std::fs::write(&github_output, "").unwrap();
    let bin = Path::new(env!("CARGO_BIN_EXE_mcplint")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .args(["-e", "-c", &script])
        .current_dir(dir)
        .env("PATH", path)
        .env("GITHUB_OUTPUT", &github_output)
        .envs(env.iter().copied())
        .output()
        .expect("bash runs");
    Ran {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        output: std::fs::read_to_string(&github_output).unwrap(),
    }
}

const TOKEN: &str = "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";

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
    std::fs::write(
        d.path().join(".mcp.json"),
        format!(r#"{{"mcpServers": {{"github": {{"command": "github-mcp-server", "args": ["stdio", "--read-only"], "env": {{"GITHUB_PERSONAL_ACCESS_TOKEN": "{TOKEN}"}}}}}}}}"#),
    )
    .unwrap();
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
    // Extra arguments pass through word by word.
    let ran = run_step(
        "Run mcplint",
        d.path(),
        &lint_env(".mcp.json", "--exit-zero --quiet"),
    );
    assert_eq!(ran.output.trim(), "exit-code=0");
    // The last step fails the job with mcplint's status.
    let fail = run_step("Fail on findings", d.path(), &[("MCPLINT_STATUS", "1")]);
    assert_eq!(fail.status, 1);
    let pass = run_step("Fail on findings", d.path(), &[("MCPLINT_STATUS", "0")]);
    assert_eq!(pass.status, 0);
}

#[test]
fn a_path_cannot_inject_shell() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join(".mcp.json"), r#"{"mcpServers": {}}"#).unwrap();
    let ran = run_step("Run mcplint", d.path(), &lint_env("$(touch pwned) .", ""));
    assert!(!d.path().join("pwned").exists());
    assert_eq!(
        ran.output.trim(),
        "exit-code=2",
        "the odd path is reported missing"
    );
}
