//! Adversarial sizes, run against a release build: `.ci/run` builds
//! `target/release/mcplint` and runs these with
//! `MCPLINT_BIN=target/release/mcplint cargo nextest run --test stress --run-ignored only`.
//! (A debug build takes minutes over 10^6 servers; the ignore keeps them out
//! of the quick suite, not out of CI.) Each test also bounds the run's peak
//! memory, measured by the kernel for the child process: bounded, not a
//! performance target (those live in bench/).

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use serde_json::Value;

fn mcplint(dir: &Path) -> Command {
    let bin = std::env::var_os("MCPLINT_BIN")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| assert_cmd::cargo::cargo_bin("mcplint"));
    let mut cmd = Command::new(bin);
    cmd.current_dir(dir)
        .env("HOME", dir.join(".no-such-home"))
        .env("XDG_CONFIG_HOME", dir.join(".no-such-home"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("COLUMNS", "100");
    cmd
}

/// Run to completion; the exit status, the JSON report and the peak
/// resident memory of the child in bytes.
fn run_measured(dir: &Path, args: &[&str]) -> (i32, Value, u64) {
    let out = mcplint(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .expect("mcplint runs");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    (
        out.status.code().expect("exit code"),
        report,
        peak_child_rss(),
    )
}

/// The largest resident set of any child this test process waited for
/// (nextest runs each test in its own process, so: this test's child).
fn peak_child_rss() -> u64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage writes into the struct it is given.
    let rc = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(rc, 0);
    usage.ru_maxrss as u64 * 1024 // kilobytes on Linux
}

const MB: u64 = 1024 * 1024;

/// At most `times` the file's size plus a fixed 64 MB for the binary,
/// rule data and thread stacks.
fn assert_memory(peak: u64, file: u64, times: u64) {
    eprintln!(
        "peak RSS {:.1} MB for a {:.1} MB file ({:.1}×)",
        peak as f64 / MB as f64,
        file as f64 / MB as f64,
        peak as f64 / file as f64
    );
    assert!(
        peak <= file * times + 64 * MB,
        "peak RSS {peak} bytes for a {file}-byte file: more than {times}× the file"
    );
}

#[test]
#[ignore = "stress: .ci/run runs these against a release build"]
fn a_million_servers() {
    let t = Tree::new();
    let mut text = String::from("{\"mcpServers\": {");
    for i in 0..1_000_000 {
        text.push_str(&format!("\"s{i}\": {{\"command\": \"acme-{i}\"}},"));
    }
    text.push_str(&format!(
        "\"last\": {{\"command\": \"acme\", \"env\": {{\"GITHUB_TOKEN\": \"{GHP}\"}}}}}}}}"
    ));
    t.write(".mcp.json", &text);
    let (code, report, peak) = run_measured(&t.root, &[]);
    assert_eq!(code, 1, "{}", report["errors"]);
    assert_eq!(
        at(&report, ".mcp.json", "/mcpServers/last/env/GITHUB_TOKEN")["rule"],
        "literal-secret"
    );
    assert_memory(peak, text.len() as u64, 40);
}

#[test]
#[ignore = "stress: .ci/run runs these against a release build"]
fn a_million_arguments() {
    let t = Tree::new();
    let args: Vec<String> = (0..1_000_000).map(|i| format!("\"--opt-{i}\"")).collect();
    let text = format!(
        "{{\"mcpServers\": {{\"x\": {{\"command\": \"acme\", \"args\": [{}, \"--token\", \"{GHP}\"]}}}}}}",
        args.join(",")
    );
    t.write(".mcp.json", &text);
    let (code, report, peak) = run_measured(&t.root, &[]);
    assert_eq!(code, 1, "{}", report["errors"]);
    let secret = by_rule(&report, "literal-secret");
    assert_eq!(secret.len(), 1, "{report:#}");
    assert_eq!(secret[0]["pointer"], "/mcpServers/x/args/1000001");
    assert_memory(peak, text.len() as u64, 40);
}

/// One 60 MB string of token characters (the worst case for the credential
/// patterns, which must stay linear), then a real secret after it.
#[test]
#[ignore = "stress: .ci/run runs these against a release build"]
fn a_sixty_megabyte_string() {
    let t = Tree::new();
    let alphabet = b"AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-";
    let huge: String = (0..60 * MB as usize)
        .map(|i| alphabet[(i * 7 + i / 38) % alphabet.len()] as char)
        .collect();
    let text = format!(
        "{{\"mcpServers\": {{\"x\": {{\"command\": \"acme\", \"env\": {{\"NOTES\": \"{huge}\", \"GITHUB_TOKEN\": \"{GHP}\"}}}}}}}}"
    );
    t.write(".mcp.json", &text);
    let (code, report, peak) = run_measured(&t.root, &[]);
    assert!(errors(&report).is_empty(), "{}", report["errors"]);
    assert_eq!(code, 1);
    at(&report, ".mcp.json", "/mcpServers/x/env/GITHUB_TOKEN");
    assert_memory(peak, text.len() as u64, 12);
}

/// A 1 GB sparse file named like a config is refused by size without being
/// read (memory stays flat); allowed, it is read once and named for its NUL
/// bytes.
#[test]
#[ignore = "stress: .ci/run runs these against a release build"]
fn a_gigabyte_sparse_file() {
    let t = Tree::new();
    let f = std::fs::File::create(t.path(".mcp.json")).unwrap();
    f.set_len(1024 * MB).unwrap();
    t.write("ok/.mcp.json", github_mcp(GHP));
    let (code, report, peak) = run_measured(&t.root, &[]);
    assert_eq!(code, 2);
    let e = &errors(&report)[0];
    assert!(
        e["message"].as_str().unwrap().contains("--max-file-size"),
        "{e:#}"
    );
    assert_eq!(by_rule(&report, "literal-secret").len(), 1);
    assert!(peak < 64 * MB, "a refused file was read: peak RSS {peak}");

    let (code, report, _) = run_measured(&t.root, &["--max-file-size", "2G", ".mcp.json"]);
    assert_eq!(code, 2);
    let e = &errors(&report)[0];
    assert!(e["message"].as_str().unwrap().contains("NUL byte"), "{e:#}");
}

/// Five million elements of the wrong type on one minified line: the
/// schema's complaints are capped per file, and positions far into the line
/// cost no more than near its start (each column was counted from the line
/// start: quadratic, over 10 minutes before).
#[test]
#[ignore = "stress: .ci/run runs these against a release build"]
fn five_million_wrong_elements_on_one_line() {
    let t = Tree::new();
    let text = format!(
        "{{\"mcpServers\":{{\"x\":{{\"command\":\"acme\",\"args\":[{}]}}}}}}",
        vec!["1"; 5_000_000].join(",")
    );
    t.write(".mcp.json", &text);
    let (code, report, peak) = run_measured(&t.root, &[]);
    assert_eq!(code, 1, "{}", report["errors"]);
    let schema = by_rule(&report, "invalid-config");
    assert_eq!(
        schema.len(),
        101,
        "100 violations and the note that more follow"
    );
    assert_eq!(schema[99]["column"], 46 + 2 * 99);
    // Measured 73× (730 MB; 306× before the search for violations was
    // bounded): the parser's tree and ours coexist while one is converted
    // into the other, ~140 bytes per two-byte element.
    assert_memory(peak, text.len() as u64, 100);
}
