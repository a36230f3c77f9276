//! Security properties of SECURITY.md that are not held elsewhere: no
//! process is ever started, and regular expressions — built-in or the
//! team's — cannot be made to run away.

mod common;

use std::time::{Duration, Instant};

use common::*;

/// Every Rust source file under `src/`.
fn sources() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path.display().to_string(), text));
            }
        }
    }
    out
}

#[test]
fn no_process_is_ever_started() {
    let files = sources();
    assert!(files.len() > 40, "src/ not found");
    for (path, text) in files {
        for api in [
            "Command::new",
            "process::Command",
            "CommandExt",
            "libc::exec",
            "libc::fork",
            "libc::system",
            "posix_spawn",
        ] {
            assert!(!text.contains(api), "{path} uses {api}");
        }
    }
}

/// A lint that must finish: a generous bound that only a blow-up breaks.
fn finishes(t: &Tree, args: &[&str]) -> (i32, serde_json::Value) {
    let started = Instant::now();
    let result = run_json(&t.root, args);
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "took {:?}",
        started.elapsed()
    );
    result
}

#[test]
fn a_catastrophic_team_pattern_runs_in_linear_time() {
    let t = Tree::new();
    // `([a-z0-9]+)+Q` takes exponential time in a backtracking engine on a
    // long run of letters and digits without the final `Q`.
    t.write(
        "mcplint.toml",
        "[[credential]]\nid = \"nested-quantifier\"\nkind = \"test token\"\npattern = '''([a-z0-9]+)+Q'''\nexamples = [\"k3j9f8w2Q\"]\nnegative_examples = [\"k3j9f8w2\"]\n",
    );
    let hostile = format!("{}!", "k3j9f8w2".repeat(25_000));
    t.write(
        ".mcp.json",
        format!(
            r#"{{"mcpServers": {{"s": {{"command": "acme", "env": {{"NOTE": "{hostile}"}}}}}}}}"#
        ),
    );
    let (code, report) = finishes(&t, &[]);
    assert_ne!(code, 2, "{report:#}");
}

#[test]
fn a_team_pattern_over_the_size_limit_is_a_config_error() {
    let t = Tree::new();
    t.write(
        "mcplint.toml",
        "[[credential]]\nid = \"huge\"\nkind = \"test token\"\npattern = '''(?:[a-z0-9]{1000}){1000}'''\nexamples = [\"a\"]\nnegative_examples = [\"b\"]\n",
    );
    t.write(".mcp.json", CLEAN_MCP);
    let (code, report) = finishes(&t, &[]);
    assert_eq!(code, 2, "{report:#}");
    let text = report.to_string();
    assert!(text.contains("the pattern does not compile"), "{report:#}");
}

#[test]
fn built_in_patterns_on_adversarial_values_finish() {
    let t = Tree::new();
    // Prefixes of many formats, repeated, with no valid token among them,
    // and long runs of the characters token bodies are made of.
    let prefixes = "ghp_ github_pat_ xoxb- sk-ant- sk_live_ AKIA glpat- eyJ ";
    let values = [
        prefixes.repeat(4_000),
        "A".repeat(250_000),
        "a1".repeat(125_000),
        "-".repeat(250_000),
    ];
    let env: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, v)| format!(r#""K{i}": "{v}""#))
        .collect();
    t.write(
        ".mcp.json",
        format!(
            r#"{{"mcpServers": {{"s": {{"command": "acme", "env": {{{}}}}}}}}}"#,
            env.join(", ")
        ),
    );
    let (code, report) = finishes(&t, &[]);
    assert_ne!(code, 2, "{report:#}");
}
