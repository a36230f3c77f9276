//! Inputs that are not a well-formed config: each must give a clear message
//! and exit status 2, never a panic and never a hang (every run has a 20 s
//! timeout, see `common::mcplint_in`).

mod common;

use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;

/// The one error entry of a report (panics unless exactly one).
fn only_error(report: &Value) -> &Value {
    let errs = errors(report);
    assert_eq!(errs.len(), 1, "{report:#}");
    &errs[0]
}

fn message(v: &Value) -> &str {
    v["message"].as_str().expect("message is a string")
}

/// Lint `.mcp.json` holding `bytes`; both reports (JSON, human).
fn lint_bytes(bytes: &[u8]) -> (Tree, i32, Value, Run) {
    let t = Tree::new();
    t.write(".mcp.json", bytes);
    let (code, report) = run_json(&t.root, &[]);
    let human = run_human(&t.root, &[]);
    assert_eq!(human.code, code, "human and JSON agree on the exit status");
    (t, code, report, human)
}

// ------------------------------------------------------------------- syntax

#[test]
fn invalid_json_has_a_message_and_a_position() {
    let source = "{\n  \"mcpServers\": {\n    \"github\": {\n      \"command\": \"npx\"\n      \"args\": [\"-y\"]\n    }\n  }\n}\n";
    let (_, code, report, human) = lint_bytes(source.as_bytes());
    assert_eq!(code, 2);
    let e = only_error(&report);
    assert_eq!(e["file"], ".mcp.json");
    assert!(message(e).starts_with("invalid JSON"), "{e:#}");
    // The missing comma is reported right after `"npx"` on line 4.
    assert_eq!(e["line"], 4, "{e:#}");
    assert_eq!(e["column"], 23, "{e:#}");
    let f = &by_rule(&report, "parse-error")[0];
    assert_eq!(
        (f["line"].clone(), f["column"].clone()),
        (e["line"].clone(), e["column"].clone())
    );
    assert_eq!(f["severity"], "error");
    assert!(human.stdout.contains("invalid JSON"), "{}", human.stdout);
    assert!(human.stdout.contains(".mcp.json:4:23"), "{}", human.stdout);
    assert!(
        human.stdout.contains("could not be read or parsed"),
        "{}",
        human.stdout
    );
}

#[test]
fn truncated_and_garbage_json() {
    for (source, line, column) in [
        // The unterminated object is blamed on its `{`.
        ("{\"mcpServers\": {", 1, 16),
        ("{\"mcpServers\": {}} trailing", 1, 20),
        ("{'mcpServers': {}}", 1, 2),
        ("{\"mcpServers\": {\"a\": {\"command\": \"npx\",}}}", 1, 39),
    ] {
        let (_, code, report, _) = lint_bytes(source.as_bytes());
        assert_eq!(code, 2, "{source}");
        let e = only_error(&report);
        assert!(message(e).starts_with("invalid JSON"), "{source}: {e:#}");
        assert_eq!(
            (e["line"].as_u64(), e["column"].as_u64()),
            (Some(line), Some(column)),
            "{source}: {e:#}"
        );
    }
}

#[test]
fn trailing_comma_is_named() {
    let (_, code, report, _) =
        lint_bytes(b"{\n  \"mcpServers\": {\n    \"x\": { \"command\": \"npx\", }\n  }\n}\n");
    assert_eq!(code, 2);
    let e = only_error(&report);
    assert!(message(e).contains("trailing comma"), "{e:#}");
    assert_eq!(
        (e["line"].as_u64(), e["column"].as_u64()),
        (Some(3), Some(28))
    );
}

#[test]
fn comments_in_a_strict_config_are_named() {
    for (source, line, column) in [
        ("{\n  // GitHub server\n  \"mcpServers\": {}\n}\n", 2, 3),
        ("{\n  \"mcpServers\": { /* none yet */ }\n}\n", 2, 19),
    ] {
        let (_, code, report, human) = lint_bytes(source.as_bytes());
        assert_eq!(code, 2, "{source}");
        let e = only_error(&report);
        assert!(message(e).contains("comments"), "{e:#}");
        assert_eq!(
            (e["line"].as_u64(), e["column"].as_u64()),
            (Some(line), Some(column)),
            "{e:#}"
        );
        assert!(
            human.stdout.contains("comments are not allowed"),
            "{}",
            human.stdout
        );
    }
}

#[test]
fn lone_surrogate_escape_is_a_parse_error_not_a_panic() {
    let (_, code, report, _) =
        lint_bytes(br#"{"mcpServers": {"a": {"command": "npx", "env": {"API_KEY": "\ud800x"}}}}"#);
    assert_eq!(code, 2);
    assert!(message(only_error(&report)).starts_with("invalid JSON"));
}

// ---------------------------------------------------------------- encodings

#[test]
fn invalid_utf8_is_named_with_its_position() {
    let mut bytes = b"{\n  \"mcpServers\": {\n    \"x\": { \"command\": \"caf".to_vec();
    bytes.extend([0xE9, b'"', b' ', b'}', b'\n', b'}', b'}']);
    let (_, code, report, human) = lint_bytes(&bytes);
    assert_eq!(code, 2);
    let e = only_error(&report);
    assert!(message(e).contains("UTF-8"), "{e:#}");
    assert_eq!(
        (e["line"].as_u64(), e["column"].as_u64()),
        (Some(3), Some(27)),
        "{e:#}"
    );
    assert!(human.stdout.contains("UTF-8"), "{}", human.stdout);
    // A truncated multi-byte sequence at the very end, too.
    let (_, code, report, _) = lint_bytes(b"{\"a\": \"\xE2\x82");
    assert_eq!(code, 2);
    assert!(message(only_error(&report)).contains("UTF-8"));
}

#[test]
fn bom_file_is_linted_normally() {
    let source = format!("\u{feff}{}", github_mcp(GHP));
    let (t, code, report, _) = lint_bytes(source.as_bytes());
    assert_eq!(code, 1, "{report:#}");
    assert!(errors(&report).is_empty());
    let f = at(
        &report,
        ".mcp.json",
        "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN",
    );
    // Offsets are bytes into the file, BOM included.
    assert_eq!(span_text(&t.read(".mcp.json"), f), GHP.as_bytes());
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(7), Some(42))
    );

    // A BOM-only file is an empty file.
    let (_, code, report, _) = lint_bytes("\u{feff}".as_bytes());
    assert_eq!(code, 2);
    assert!(message(only_error(&report)).contains("empty"));
}

/// A BOM is not a column: editors hide it, so a value on the first line
/// starts where the editor shows it.
#[test]
fn bom_does_not_shift_columns_on_the_first_line() {
    let body = format!(
        r#"{{"mcpServers":{{"g":{{"command":"x","env":{{"API_KEY":"{API_KEY_VALUE}"}}}}}}}}"#
    );
    let source = format!("\u{feff}{body}");
    let (t, code, report, human) = lint_bytes(source.as_bytes());
    assert_eq!(code, 1);
    let f = at(&report, ".mcp.json", "/mcpServers/g/env/API_KEY");
    assert_eq!(span_text(&t.read(".mcp.json"), f), API_KEY_VALUE.as_bytes());
    let column = body.find(API_KEY_VALUE).unwrap() + 1;
    assert_eq!(column, 53);
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(1), Some(column as u64)),
        "{f:#}"
    );
    assert!(human.stdout.contains(".mcp.json:1:53"), "{}", human.stdout);
}

#[test]
fn utf16_files_exit_2() {
    let text = github_mcp(GHP);
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    for bytes in [le, be] {
        let (_, code, report, human) = lint_bytes(&bytes);
        assert_eq!(code, 2);
        let e = only_error(&report);
        assert!(message(e).contains("UTF-16"), "{e:#}");
        assert!(human.stdout.contains("UTF-16"), "{}", human.stdout);
    }
    // Without a BOM it still cannot be read.
    let bare: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let (_, code, report, _) = lint_bytes(&bare);
    assert_eq!(code, 2, "{report:#}");
    assert_eq!(errors(&report).len(), 1);
}

#[test]
fn utf16_without_bom_is_named() {
    let bare: Vec<u8> = github_mcp(GHP)
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let (_, code, report, _) = lint_bytes(&bare);
    assert_eq!(code, 2);
    assert!(
        message(only_error(&report)).contains("UTF-16"),
        "{report:#}"
    );
}

#[test]
fn empty_and_blank_files() {
    for bytes in [&b""[..], b"   \n\t\n", b"\r\n"] {
        let (_, code, report, human) = lint_bytes(bytes);
        assert_eq!(code, 2, "{bytes:?}");
        assert!(message(only_error(&report)).contains("empty"), "{report:#}");
        assert!(
            human.stdout.contains("the file is empty"),
            "{}",
            human.stdout
        );
    }
}

// -------------------------------------------------------------------- sizes

fn sparse(t: &Tree, rel: &str, len: u64) -> std::path::PathBuf {
    let path = t.path(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(len).unwrap(); // all NUL bytes: not JSON
    path
}

#[test]
fn hundred_megabyte_file_is_refused_unless_allowed() {
    let t = Tree::new();
    sparse(&t, ".mcp.json", 100 * 1024 * 1024);
    t.write("small/.mcp.json", github_mcp(GHP));

    let started = Instant::now();
    let r = run_human(&t.root, &[]).expect_code(2);
    assert!(r.stdout.contains("--max-file-size"), "{}", r.stdout);
    assert!(r.stdout.contains("100.0 MiB"), "{}", r.stdout);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "refusing must not read the file"
    );
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 2);
    let e = only_error(&report);
    assert_eq!(e["file"], ".mcp.json");
    assert!(message(e).contains("--max-file-size"), "{e:#}");
    assert!(
        e.get("line").is_none(),
        "no position for an unread file: {e:#}"
    );
    // The other config is still linted.
    assert_eq!(by_rule(&report, "literal-secret").len(), 1, "{report:#}");

    // Allowed: read, and refused for its NUL bytes. JSON output keeps this
    // quick; the human snippet of a 100 MB line is another matter (below).
    let started = Instant::now();
    let (code, report) = run_json(&t.root, &["--max-file-size", "200M", ".mcp.json"]);
    assert_eq!(code, 2);
    let e = only_error(&report);
    assert!(message(e).contains("NUL byte"), "{e:#}");
    assert_eq!(
        (e["line"].as_u64(), e["column"].as_u64()),
        (Some(1), Some(1))
    );
    eprintln!("100 MB parse took {:?}", started.elapsed());
}

#[test]
fn max_file_size_applies_to_stdin_and_to_small_limits() {
    let t = Tree::new();
    let source = github_mcp(GHP);
    t.write(".mcp.json", &source);
    let r = run_human(&t.root, &["--max-file-size", "100"]).expect_code(2);
    assert!(r.stdout.contains("--max-file-size"), "{}", r.stdout);
    run_human(&t.root, &["--max-file-size", "1K"]).expect_code(1);
    run_human(&t.root, &["--max-file-size", "1KiB"]).expect_code(1);

    let r = run(t
        .cmd()
        .args(["-", "--max-file-size", "1K", "--color", "never"])
        .write_stdin(vec![b' '; 4096]));
    assert_eq!(r.code, 2);
    assert!(r.stdout.contains("--max-file-size"), "{}", r.stdout);
}

#[test]
fn bad_max_file_size_values_are_usage_errors() {
    let t = Tree::new();
    t.write(".mcp.json", CLEAN_MCP);
    for bad in ["", "ten", "10X", "1.5M", "-1", "5G", "99999999999999999999"] {
        let r = run(t.cmd().arg(format!("--max-file-size={bad}")));
        assert_eq!(r.code, 2, "--max-file-size {bad:?}");
        assert!(
            r.stderr.contains("--max-file-size"),
            "{bad:?}: {}",
            r.stderr
        );
        assert!(r.stdout.is_empty());
    }
}

/// A minified config: every server on one line.
fn minified_servers(min_len: usize) -> String {
    let mut source = String::from("{\"mcpServers\":{");
    let mut i = 0;
    while source.len() < min_len {
        source.push_str(&format!(
            "\"s{i}\":{{\"command\":\"npx\",\"args\":[\"-y\",\"@acme/server-{i}\"]}},"
        ));
        i += 1;
    }
    source
}

/// miette pads the underline with `{:width$}`, and Rust refuses widths
/// above 65535: a finding past that column panics the default (human)
/// output, so the secret is never shown and the exit status is 101.
#[test]
fn finding_far_right_on_a_long_line_does_not_crash_human_output() {
    let mut source = minified_servers(80 * 1024);
    source.push_str(&format!(
        "\"zz\":{{\"command\":\"npx\",\"env\":{{\"API_KEY\":\"{API_KEY_VALUE}\"}}}}}}}}"
    ));
    let (t, code, report, human) = lint_bytes(source.as_bytes());
    assert_eq!(code, 1);
    let f = &by_rule(&report, "literal-secret")[0];
    assert_eq!(span_text(&t.read(".mcp.json"), f), API_KEY_VALUE.as_bytes());
    assert!(f["column"].as_u64().unwrap() > 65_535);
    assert!(
        human.stdout.contains("literal-secret"),
        "{}",
        human.stdout.len()
    );
    assert!(human
        .stdout
        .contains(&format!(".mcp.json:1:{}", f["column"])));
}

/// A one-line config with an error near its start must not print the whole
/// line: a 2 MB line gives a 2 MB snippet (and the 100 MB file above, 100 MB
/// of output in ~20 s).
#[test]
fn human_snippet_of_a_very_long_line_is_bounded() {
    let source = format!(
        "{{\"mcpServers\":{{\"a\":{{\"command\":\"npx\",}}}},\"padding\":\"{}\"}}",
        "x".repeat(2 * 1024 * 1024)
    );
    let t = Tree::new();
    t.write(".mcp.json", &source);
    let r = run_human(&t.root, &[]).expect_code(2);
    assert!(
        r.stdout.contains("trailing comma"),
        "{}",
        &r.stdout[..r.stdout.len().min(2000)]
    );
    assert!(
        r.stdout.contains(".mcp.json:1:36"),
        "{}",
        &r.stdout[..r.stdout.len().min(2000)]
    );
    assert!(
        r.stdout.len() < 64 * 1024,
        "a {}-byte report for one error",
        r.stdout.len()
    );
}

// ------------------------------------------------------------------ nesting

#[test]
fn hundred_thousand_levels_of_nesting() {
    const N: usize = 100_000;
    let arrays = format!("{}{}", "[".repeat(N), "]".repeat(N));
    let objects = format!("{}1{}", "{\"a\":".repeat(N), "}".repeat(N));
    let in_env = format!(
        "{{\"mcpServers\": {{\"x\": {{\"command\": \"npx\", \"env\": {}null{}}}}}}}",
        "{\"k\": ".repeat(N),
        "}".repeat(N)
    );
    let unclosed = "[".repeat(N);
    for source in [arrays, objects, in_env, unclosed] {
        let (_, code, report, human) = lint_bytes(source.as_bytes());
        assert_eq!(code, 2);
        let e = only_error(&report);
        assert!(message(e).contains("nested"), "{e:#}");
        assert!(human.stdout.contains("nested"));
    }
}

/// The TOML and YAML parsers have their own depth limits.
#[test]
fn hundred_thousand_levels_of_nesting_in_toml_and_yaml() {
    const N: usize = 100_000;
    let t = Tree::new();
    t.write(
        ".codex/config.toml",
        format!(
            "[mcp_servers.x]\ncommand = \"npx\"\nargs = {}{}\n",
            "[".repeat(N),
            "]".repeat(N)
        ),
    );
    t.write(
        ".continue/mcpServers/flow.yaml",
        format!("mcpServers: {}{}\n", "[".repeat(N), "]".repeat(N)),
    );
    // Block style costs an indentation per level: 1,000 levels is 500 KB.
    let block: String = (0..1000)
        .map(|i| format!("{}k:\n", " ".repeat(i + 1)))
        .collect();
    t.write(
        ".continue/mcpServers/block.yaml",
        format!("mcpServers:\n{block}"),
    );
    t.write(".mcp.json", github_mcp(GHP));
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 2, "{report:#}");
    let nested: Vec<_> = errors(&report)
        .iter()
        .filter(|e| message(e).contains("nested too deeply"))
        .map(|e| e["file"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        nested,
        [
            ".codex/config.toml",
            ".continue/mcpServers/block.yaml",
            ".continue/mcpServers/flow.yaml"
        ],
        "{report:#}"
    );
    at(
        &report,
        ".mcp.json",
        "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN",
    );
}

#[test]
fn deep_but_allowed_nesting_is_linted() {
    // 200 levels inside a server entry: within the limit, and the secret at
    // the bottom is still found.
    let source = format!(
        "{{\"mcpServers\": {{\"x\": {{\"command\": \"npx\", \"oauth\": {}{{\"API_KEY\": \"{API_KEY_VALUE}\"}}{}}}}}}}",
        "{\"k\": ".repeat(200),
        "}".repeat(200)
    );
    let (t, code, report, _) = lint_bytes(source.as_bytes());
    assert!(errors(&report).is_empty(), "{report:#}");
    assert_eq!(code, 1, "{report:#}");
    let f = &by_rule(&report, "literal-secret")[0];
    assert_eq!(span_text(&t.read(".mcp.json"), f), API_KEY_VALUE.as_bytes());
    assert!(
        f["pointer"].as_str().unwrap().ends_with("/k/k/API_KEY"),
        "{f:#}"
    );
}

/// The message promises 512 levels; objects fail at 256.
#[test]
fn nesting_limit_matches_its_message() {
    let objects = format!("{}1{}", "{\"a\":".repeat(300), "}".repeat(300));
    let (_, code, report, _) = lint_bytes(objects.as_bytes());
    if code == 2 {
        let m = message(only_error(&report));
        assert!(
            !m.contains("512"),
            "300 levels rejected as more than 512: {m}"
        );
    }
    let arrays = format!("{}{}", "[".repeat(300), "]".repeat(300));
    let (_, code, report, _) = lint_bytes(arrays.as_bytes());
    // Parsed fine; an array is not an MCP config, which the schema says.
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(
        report["findings"][0]["rule"], "invalid-config",
        "{report:#}"
    );
}

// ------------------------------------------------- wrong shapes (valid JSON)

#[test]
fn valid_json_of_the_wrong_shape_does_not_crash() {
    for source in [
        "[]",
        "\"a string\"",
        "null",
        "42",
        "{\"mcpServers\": []}",
        "{\"mcpServers\": null}",
        "{\"mcpServers\": {\"a\": \"npx server\"}}",
        "{\"mcpServers\": {\"a\": {\"command\": 1, \"args\": \"-y srv\", \"env\": [\"A=b\"], \"headers\": \"x\", \"url\": false}}}",
        "{\"mcpServers\": {\"a\": {\"args\": [null, 1, {\"x\": [\"y\"]}, [[\"z\"]]]}}}",
        "{\"projects\": 5, \"mcpServers\": {\"\": {}}}",
    ] {
        let (_, code, report, _) = lint_bytes(source.as_bytes());
        assert!(code == 0 || code == 1, "{source}: exit {code}");
        assert!(errors(&report).is_empty(), "{source}: {report:#}");
    }
}

#[test]
fn duplicate_server_names_still_report_the_first_secret() {
    // JSON.parse keeps the last duplicate, but the first is still committed.
    let source = format!(
        "{{\"mcpServers\": {{\"gh\": {{\"command\": \"npx\", \"env\": {{\"GITHUB_TOKEN\": \"{GHP}\"}}}}, \"gh\": {{\"command\": \"npx\"}}}}}}"
    );
    let (_, code, report, _) = lint_bytes(source.as_bytes());
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(by_rule(&report, "literal-secret").len(), 1);
}

// ---------------------------------------------------- files that are not files

#[cfg(unix)]
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let t = Tree::new();
    let path = t.write(".mcp.json", github_mcp(GHP));
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root (CI containers) reads a mode-000 file anyway: find out, not assume.
    let enforced = std::fs::read(&path).is_err();
    let (code, report) = run_json(&t.root, &[]);
    let human = run_human(&t.root, &[]);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    if enforced {
        assert_eq!(code, 2, "{report:#}");
        let e = only_error(&report);
        assert_eq!(e["file"], ".mcp.json");
        assert!(message(e).contains("permission denied"), "{e:#}");
        assert!(
            human.stdout.contains("permission denied"),
            "{}",
            human.stdout
        );
    } else {
        // As root the file is readable, so it is linted like any other.
        assert_eq!(code, 1, "root reads a mode-000 file: {report:#}");
        assert_eq!(by_rule(&report, "literal-secret").len(), 1);
    }
}

/// A read that fails even for root: `/proc/self/mem` has a size of zero and
/// fails with EIO at offset 0 (nothing is mapped there).
#[cfg(target_os = "linux")]
#[test]
fn file_whose_read_fails() {
    let t = Tree::new();
    std::os::unix::fs::symlink("/proc/self/mem", t.path(".mcp.json")).unwrap();
    let (code, report) = run_json(&t.root, &[".mcp.json"]);
    assert_eq!(code, 2, "{report:#}");
    let e = only_error(&report);
    assert_eq!(e["file"], ".mcp.json");
    assert!(message(e).contains("could not be read"), "{e:#}");
    let human = run_human(&t.root, &[".mcp.json"]).expect_code(2);
    assert!(
        human.stdout.contains("could not be read"),
        "{}",
        human.stdout
    );
}

#[cfg(unix)]
#[test]
fn unsearchable_directory() {
    use std::os::unix::fs::PermissionsExt;
    let t = Tree::new();
    t.write("private/.mcp.json", github_mcp(GHP));
    t.write(".mcp.json", CLEAN_MCP);
    let dir = t.path("private");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o000)).unwrap();
    let enforced = std::fs::read_dir(&dir).is_err();
    let (code, report) = run_json(&t.root, &[]);
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    if enforced {
        // It may hide a config: say so, and fail.
        assert_eq!(code, 2, "{report:#}");
        let e = only_error(&report);
        assert_eq!(e["file"], "private");
        assert!(message(e).contains("permission denied"), "{e:#}");
    } else {
        assert_eq!(code, 1, "root searches a mode-000 directory: {report:#}");
        assert_eq!(files_reported(&report), vec!["private/.mcp.json"]);
    }
}

#[cfg(unix)]
#[test]
fn symlink_loop_named_mcp_json() {
    let t = Tree::new();
    std::os::unix::fs::symlink(".mcp.json", t.path(".mcp.json")).unwrap();
    // And a two-link loop between directories.
    std::os::unix::fs::symlink("../b/.mcp.json", t.mkdir("a").join(".mcp.json")).unwrap();
    std::os::unix::fs::symlink("../a/.mcp.json", t.mkdir("b").join(".mcp.json")).unwrap();
    for args in [&[][..], &[".mcp.json"][..]] {
        let (code, report) = run_json(&t.root, args);
        assert_eq!(code, 2, "{args:?}: {report:#}");
        let errs = errors(&report);
        assert!(!errs.is_empty());
        for e in errs {
            assert!(message(e).contains("symbolic links"), "{e:#}");
        }
    }
    let (_, report) = run_json(&t.root, &[]);
    assert_eq!(
        files_reported(&report),
        vec![".mcp.json", "a/.mcp.json", "b/.mcp.json"]
    );
}

#[cfg(unix)]
#[test]
fn dangling_symlink_named_mcp_json() {
    let t = Tree::new();
    std::os::unix::fs::symlink("does-not-exist.json", t.path(".mcp.json")).unwrap();
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 2, "{report:#}");
    assert!(
        message(only_error(&report)).contains("no such file"),
        "{report:#}"
    );
}

#[test]
fn nonexistent_path() {
    let t = Tree::new();
    let r = run_human(&t.root, &["no/such/.mcp.json"]).expect_code(2);
    assert!(
        r.stdout.contains("no such file or directory"),
        "{}",
        r.stdout
    );
}

#[test]
fn directory_named_mcp_json() {
    let t = Tree::new();
    t.mkdir("x/.mcp.json");
    t.write("x/.mcp.json/.mcp.json", github_mcp(GHP)); // a real one inside
    for args in [&[][..], &["x/.mcp.json"][..]] {
        let (code, report) = run_json(&t.root, args);
        assert_eq!(code, 2, "{args:?}: {report:#}");
        let e = only_error(&report);
        assert_eq!(e["file"], "x/.mcp.json");
        assert!(message(e).contains("is a directory"), "{e:#}");
        // The walk goes on inside it.
        assert_eq!(
            by_rule(&report, "literal-secret")[0]["file"],
            "x/.mcp.json/.mcp.json",
            "{args:?}: {report:#}"
        );
    }
}

#[cfg(unix)]
#[test]
fn fifo_named_mcp_json_does_not_hang() {
    let t = Tree::new();
    let status = std::process::Command::new("mkfifo")
        .arg(t.path(".mcp.json"))
        .status()
        .expect("mkfifo is installed");
    assert!(status.success());
    t.write("apps/.mcp.json", github_mcp(GHP));
    for args in [&[][..], &[".mcp.json"][..]] {
        let started = Instant::now();
        let (code, report) = run_json(&t.root, args);
        assert!(started.elapsed() < Duration::from_secs(10));
        assert_eq!(code, 2, "{args:?}: {report:#}");
        let e = only_error(&report);
        assert_eq!(e["file"], ".mcp.json");
        assert!(message(e).contains("not a regular file"), "{e:#}");
    }
    // A symlink to the FIFO, named, is refused too.
    let t2 = Tree::new();
    std::os::unix::fs::symlink(t.path(".mcp.json"), t2.path(".mcp.json")).unwrap();
    let (code, report) = run_json(&t2.root, &[".mcp.json"]);
    assert_eq!(code, 2, "{report:#}");
    assert!(message(only_error(&report)).contains("not a regular file"));
}

#[cfg(unix)]
#[test]
fn device_named_mcp_json_is_not_read() {
    let t = Tree::new();
    std::os::unix::fs::symlink("/dev/zero", t.path(".mcp.json")).unwrap();
    // Named, the link is followed and the device refused.
    let (code, report) = run_json(&t.root, &[".mcp.json"]);
    assert_eq!(code, 2, "{report:#}");
    assert!(message(only_error(&report)).contains("not a regular file"));
}

/// A walk never follows a link out of the tree it lints: a pull request
/// cannot make a CI run read, parse and quote a file of the runner.
#[cfg(unix)]
#[test]
fn a_walk_does_not_follow_links_out_of_the_tree() {
    let outside = Tree::new();
    outside.write(
        "secrets.json",
        format!("{{\"mcpServers\": {{}}, \"note\": \"runner-private-{GHP}\"}}"),
    );
    let t = Tree::new();
    std::os::unix::fs::symlink(outside.path("secrets.json"), t.path(".mcp.json")).unwrap();
    // A link that stays inside is linted as usual.
    t.write("shared/servers.json", github_mcp(GHP));
    std::os::unix::fs::symlink("../shared/servers.json", t.mkdir("app").join(".mcp.json")).unwrap();
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 2, "{report:#}");
    let e = only_error(&report);
    assert_eq!(e["file"], ".mcp.json");
    assert!(
        message(e).contains("outside the linted tree; not followed"),
        "{e:#}"
    );
    assert!(!report.to_string().contains("runner-private"), "{report:#}");
    assert_eq!(
        at(
            &report,
            "app/.mcp.json",
            "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN"
        )["rule"],
        "literal-secret"
    );
    // Named on the command line, the user asked for it.
    let (_, report) = run_json(&t.root, &[".mcp.json"]);
    assert_eq!(report["files_scanned"], 1, "{report:#}");
    assert!(
        report["errors"].as_array().unwrap().is_empty(),
        "{report:#}"
    );
}

/// Many servers and a long args array in the debug suite (10^6 of each run
/// against a release build in `tests/stress.rs`): every per-server question
/// is answered from an index (a scan of every string per server was
/// quadratic), and the secret in the last server is still found.
#[test]
fn twenty_thousand_servers_and_arguments() {
    let t = Tree::new();
    let mut text = String::from("{\"mcpServers\": {");
    for i in 0..20_000 {
        text.push_str(&format!("\"s{i}\": {{\"command\": \"acme-{i}\"}},"));
    }
    let args: Vec<String> = (0..20_000).map(|i| format!("\"--opt-{i}\"")).collect();
    text.push_str(&format!(
        "\"last\": {{\"command\": \"acme\", \"args\": [{}], \"env\": {{\"GITHUB_TOKEN\": \"{GHP}\"}}}}}}}}",
        args.join(", ")
    ));
    t.write(".mcp.json", &text);
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 1, "{}", report["errors"]);
    assert_eq!(
        at(&report, ".mcp.json", "/mcpServers/last/env/GITHUB_TOKEN")["rule"],
        "literal-secret"
    );
}

// ------------------------------------------------- bytes and paths of any kind

/// Invalid UTF-8 inside a key is named at its byte, and a good file beside
/// it is still linted: one bad file hides nothing.
#[test]
fn invalid_utf8_in_a_key_hides_nothing_else() {
    let t = Tree::new();
    let mut bad = b"{\"mcpServers\": {\"gh\xFF\xFEub\": {\"command\": \"npx\"}}}".to_vec();
    bad.push(b'\n');
    t.write("a/.mcp.json", &bad);
    t.write("b/.mcp.json", github_mcp(GHP));
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 2, "{report:#}");
    let e = only_error(&report);
    assert_eq!(e["file"], "a/.mcp.json");
    assert!(message(e).contains("invalid UTF-8 at byte 19"), "{e:#}");
    assert_eq!(
        (e["line"].as_u64(), e["column"].as_u64()),
        (Some(1), Some(20))
    );
    at(
        &report,
        "b/.mcp.json",
        "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN",
    );
}

/// A NUL byte in the middle of an otherwise valid config (not only a file
/// of zeros) is named with its offset; the secret before it is not shown.
#[test]
fn nul_byte_inside_a_config() {
    let config = github_mcp(GHP);
    let cut = config.find("\"env\"").unwrap();
    let mut bytes = config.as_bytes().to_vec();
    bytes.insert(cut, 0);
    let (_, code, report, human) = lint_bytes(&bytes);
    assert_eq!(code, 2);
    let e = only_error(&report);
    assert!(
        message(e).contains(&format!("NUL byte at offset {cut}")),
        "{e:#}"
    );
    assert!(!human.stdout.contains(GHP) && !human.stderr.contains(GHP));
}

/// CRLF line ends: lines and columns are what an editor shows.
#[test]
fn crlf_positions_are_editor_positions() {
    let text = github_mcp(GHP).replace('\n', "\r\n");
    let (t, code, report, _) = lint_bytes(text.as_bytes());
    assert_eq!(code, 1, "{report:#}");
    let f = at(
        &report,
        ".mcp.json",
        "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN",
    );
    let lf = github_mcp(GHP);
    let offset = lf.find(GHP).unwrap();
    assert_eq!(
        (
            f["line"].as_u64().unwrap() as usize,
            f["column"].as_u64().unwrap() as usize
        ),
        line_col(&lf, offset)
    );
    assert_eq!(span_text(&t.read(".mcp.json"), f), GHP.as_bytes());
}

/// A directory whose name is not UTF-8 is walked; the finding is reported
/// under a readable name, the SARIF URI stays a valid URI, and `--fix`
/// writes the file at its real path.
#[test]
fn non_utf8_directory_names() {
    use std::os::unix::ffi::OsStrExt;
    let t = Tree::new();
    let dir = t.root.join(std::ffi::OsStr::from_bytes(b"caf\xe9"));
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join(".mcp.json"), github_mcp(GHP)).unwrap();
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 1, "{report:#}");
    let f = &by_rule(&report, "literal-secret")[0];
    assert_eq!(f["file"], "caf\u{FFFD}/.mcp.json");

    let sarif = run(t.cmd().args(["check", "--format", "sarif", "."]))
        .expect_code(1)
        .json();
    let uri = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        ["artifactLocation"]["uri"];
    assert_eq!(uri, "caf%EF%BF%BD/.mcp.json");

    run(t.cmd().args(["check", "--fix", "."])).expect_code(0);
    let fixed = std::fs::read_to_string(dir.join(".mcp.json")).unwrap();
    assert!(
        !fixed.contains(GHP) && fixed.contains("${GITHUB_PERSONAL_ACCESS_TOKEN}"),
        "{fixed}"
    );
}

/// Backslashes are ordinary file-name bytes here: a directory written the
/// Windows way is one directory, not a path, and every output names it
/// without breaking its own syntax.
#[test]
fn backslashes_in_file_names() {
    let t = Tree::new();
    t.write("team\\tools/.mcp.json", github_mcp(GHP));
    // Not a VS Code config: `.vscode\mcp.json` is one file name here,
    // recognised by its content as a config of an unknown client.
    t.write(".vscode\\mcp.json", github_mcp(GHP));
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(
        files_reported(&report),
        vec![
            ".vscode\\mcp.json".to_string(),
            "team\\tools/.mcp.json".to_string()
        ]
    );
    let clients: Vec<&str> = all_findings(&report)
        .iter()
        .map(|f| f["client"].as_str().unwrap())
        .collect();
    assert!(
        clients.contains(&"generic") && !clients.contains(&"vscode"),
        "{clients:?}"
    );

    let sarif = run(t.cmd().args(["check", "--format", "sarif", "."]))
        .expect_code(1)
        .json();
    let uris: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(uris.contains(&"team%5Ctools/.mcp.json"), "{uris:?}");
    assert!(uris.contains(&".vscode%5Cmcp.json"), "{uris:?}");
    let github = run(t.cmd().args(["check", "--format", "github", "."])).expect_code(1);
    assert!(
        github.stdout.contains("file=team\\tools/.mcp.json,line="),
        "{}",
        github.stdout
    );
}

/// A generated file with thousands of wrong elements gets the first 100
/// schema violations and one note that more follow, not thousands.
#[test]
fn schema_violations_are_capped_per_file() {
    let args = vec!["1"; 5000].join(",");
    let source =
        format!("{{\"mcpServers\": {{\"x\": {{\"command\": \"acme\", \"args\": [{args}]}}}}}}");
    let (_, code, report, human) = lint_bytes(source.as_bytes());
    assert_eq!(code, 1, "{report:#}");
    let schema = by_rule(&report, "invalid-config");
    assert_eq!(schema.len(), 101);
    assert_eq!(schema[0]["pointer"], "/mcpServers/x/args/0");
    assert!(
        schema[100]["message"]
            .as_str()
            .unwrap()
            .starts_with("more schema violations follow"),
        "{:#}",
        schema[100]
    );
    assert!(human.stdout.contains("only the first 100"));
}

/// A document known to be invalid is searched for its violations only up
/// to a bound (the validator holds every violation it finds at once): a
/// wrong element past the bound is named by a note at the place the search
/// stopped, and one before it is still reported exactly.
#[test]
fn a_violation_past_the_search_bound_is_not_lost() {
    let searched = mcplint::knowledge::schema::MOST_VALUES_SEARCHED;
    let mut args = vec!["\"a\""; searched + 50_000];
    args[10] = "1";
    *args.last_mut().unwrap() = "2";
    let source = format!(
        "{{\"mcpServers\": {{\"x\": {{\"command\": \"acme\", \"args\": [{}]}}}}}}",
        args.join(",")
    );
    let (_, code, report, _) = lint_bytes(source.as_bytes());
    assert_eq!(code, 1, "{report:#}");
    let schema = by_rule(&report, "invalid-config");
    assert_eq!(schema.len(), 2, "{schema:#?}");
    assert_eq!(schema[0]["pointer"], "/mcpServers/x/args/10");
    let note = &schema[1];
    assert!(
        note["message"]
            .as_str()
            .unwrap()
            .contains("too large to search in full"),
        "{note:#}"
    );
    let at: usize = note["pointer"].as_str().unwrap()["/mcpServers/x/args/".len()..]
        .parse()
        .unwrap();
    assert!((searched - 10..searched).contains(&at), "{at}");
}
