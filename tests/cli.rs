//! End-to-end tests of the command line: exit codes, `--fail-on`, the
//! default subcommand, the JSON report (version 1), discovery, standard
//! input, colour, `rules`/`explain`, the human report and the expansion rule.

mod common;

use std::collections::BTreeSet;

use common::*;
use serde_json::Value;

// ---------------------------------------------------------------- exit codes

#[test]
fn clean_config_exits_0_with_no_findings() {
    let t = Tree::new();
    t.write(".mcp.json", CLEAN_MCP);
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["files_scanned"], 1);
    assert!(findings(&report).is_empty(), "{report:#}");
    assert!(errors(&report).is_empty(), "{report:#}");

    let human = run_human(&t.root, &[]).expect_code(0);
    assert!(
        human
            .stdout
            .contains("mcplint: 1 MCP config file scanned: 0 errors, 0 warnings, 0 notes"),
        "{}",
        human.stdout
    );
}

#[test]
fn literal_secret_exits_1() {
    let t = Tree::new();
    t.write(".mcp.json", github_mcp(GHP));
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 1, "{report:#}");
    let secrets = by_rule(&report, "literal-secret");
    assert_eq!(secrets.len(), 1, "{report:#}");
    assert_eq!(secrets[0]["severity"], "error");
    assert!(errors(&report).is_empty());

    // The generic secret under a secret-like name counts too.
    let t = Tree::new();
    t.write(".mcp.json", api_key_mcp("acme"));
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(
        at(&report, ".mcp.json", "/mcpServers/acme/env/API_KEY")["rule"],
        "literal-secret"
    );
}

#[test]
fn malformed_json_exits_2() {
    let t = Tree::new();
    t.write(
        ".mcp.json",
        "{\n  \"mcpServers\": {\n    \"github\": {\"command\": \"npx\"\n  }\n",
    );
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 2, "{report:#}");
    let parse = by_rule(&report, "parse-error");
    assert_eq!(parse.len(), 1, "{report:#}");
    assert_eq!(parse[0]["file"], ".mcp.json");
    assert_eq!(errors(&report).len(), 1, "{report:#}");
    assert!(errors(&report)[0]["message"]
        .as_str()
        .unwrap()
        .starts_with("invalid JSON"));
}

#[test]
fn malformed_file_does_not_hide_a_secret_in_another_file() {
    let t = Tree::new();
    t.write(
        "a/.mcp.json",
        "{ \"mcpServers\": { \"x\": { \"command\": \"npx\", } } }",
    );
    t.write("b/.mcp.json", github_mcp(GHP));
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 2, "a parse error wins the exit status: {report:#}");
    assert_eq!(report["files_scanned"], 2);
    let secret = at(
        &report,
        "b/.mcp.json",
        "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN",
    );
    assert_eq!(secret["rule"], "literal-secret");
    let parse = by_rule(&report, "parse-error");
    assert_eq!(parse.len(), 1);
    assert_eq!(parse[0]["file"], "a/.mcp.json");

    // Also when both are named explicitly, in either order.
    for args in [
        ["a/.mcp.json", "b/.mcp.json"],
        ["b/.mcp.json", "a/.mcp.json"],
    ] {
        let (code, report) = run_json(&t.root, &args);
        assert_eq!(code, 2);
        assert_eq!(by_rule(&report, "literal-secret").len(), 1, "{report:#}");
    }
}

#[test]
fn fail_on_levels_for_a_note() {
    let t = Tree::new();
    t.write(".mcp.json", PLACEHOLDER_MCP);
    // A placeholder is advice for the pedantic persona: the default run
    // shows nothing and says what a higher persona would add.
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(findings(&report).len(), 0, "{report:#}");
    assert_eq!(code, 0);
    let human = run_human(&t.root, &[]).expect_code(0);
    assert!(
        human
            .stdout
            .contains("0 notes; 1 more with --persona pedantic"),
        "{}",
        human.stdout
    );
    let (code, report) = run_json(&t.root, &["--persona", "pedantic"]);
    let f = at(&report, ".mcp.json", "/mcpServers/github/env/GITHUB_TOKEN");
    assert_eq!(f["rule"], "placeholder-value");
    assert_eq!(f["severity"], "note");
    assert_eq!(
        findings(&report).len(),
        1,
        "a placeholder is not a secret: {report:#}"
    );
    assert_eq!(code, 0, "a note does not fail by default");

    for (level, expected) in [("note", 1), ("warning", 0), ("error", 0), ("never", 0)] {
        let r = run(t.cmd().args(["--fail-on", level, "--persona", "pedantic"]));
        assert_eq!(
            r.code, expected,
            "--fail-on {level} with a note\n{}",
            r.stdout
        );
    }
}

#[test]
fn fail_on_levels_for_an_error() {
    let t = Tree::new();
    t.write(".mcp.json", github_mcp(GHP));
    for (level, expected) in [("error", 1), ("warning", 1), ("note", 1), ("never", 0)] {
        let r = run(t.cmd().args(["--fail-on", level]));
        assert_eq!(
            r.code, expected,
            "--fail-on {level} with an error\n{}",
            r.stdout
        );
    }
}

#[test]
fn fail_on_never_still_exits_2_when_a_file_cannot_be_parsed() {
    let t = Tree::new();
    t.write(".mcp.json", "{\"mcpServers\": ");
    let r = run(t.cmd().args(["--fail-on", "never"]));
    assert_eq!(r.code, 2, "{}", r.stdout);
}

#[test]
fn exit_zero_passes_findings_but_not_unreadable_files() {
    let t = Tree::new();
    t.write(".mcp.json", github_mcp(GHP));
    let r = run(t.cmd().args(["--exit-zero"]));
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout.contains("literal-secret"),
        "findings are still printed"
    );
    t.write(".cursor/mcp.json", "{\"mcpServers\": ");
    assert_eq!(run(t.cmd().args(["--exit-zero"])).code, 2);
}

#[test]
fn quiet_prints_diagnostics_without_the_summary() {
    let t = Tree::new();
    t.write(".mcp.json", github_mcp(GHP));
    let loud = run_human(&t.root, &[]);
    let quiet = run_human(&t.root, &["--quiet"]);
    assert_eq!(quiet.code, 1);
    assert!(loud.stdout.contains("MCP config file scanned"));
    assert!(!quiet.stdout.contains("scanned"), "{}", quiet.stdout);
    assert!(quiet.stdout.contains("literal-secret"), "{}", quiet.stdout);
    let clean = Tree::new();
    clean.write(".mcp.json", CLEAN_MCP);
    let r = run_human(&clean.root, &["-q"]);
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (0, "", ""));
}

#[test]
fn statistics_count_findings_per_rule() {
    let t = Tree::new();
    t.write(".mcp.json", github_mcp(GHP));
    t.write(".cursor/mcp.json", api_key_mcp("acme"));
    let (_, report) = run_json(&t.root, &[]);
    let (code, stats) = run_json(&t.root, &["--statistics"]);
    assert_eq!(code, 1, "the exit status is the check's");
    let stats = stats.as_array().expect("an array of counts");
    let total: u64 = stats.iter().map(|s| s["count"].as_u64().unwrap()).sum();
    assert_eq!(total as usize, all_findings(&report).len());
    for s in stats {
        let rule = s["rule"].as_str().unwrap();
        assert_eq!(
            s["count"].as_u64().unwrap() as usize,
            by_rule(&report, rule).len(),
            "{rule}"
        );
    }
    let secrets = stats
        .iter()
        .find(|s| s["rule"] == "literal-secret")
        .unwrap();
    assert_eq!(
        (secrets["count"].as_u64(), secrets["severity"].as_str()),
        (Some(2), Some("error"))
    );
    // Most frequent first.
    let counts: Vec<u64> = stats.iter().map(|s| s["count"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    let text = run_human(&t.root, &["--statistics"]);
    let line = text
        .stdout
        .lines()
        .find(|l| l.contains("literal-secret"))
        .expect("a line per rule");
    assert!(
        line.trim_start().starts_with("2 ") && line.contains("[2 fixable]"),
        "{line}"
    );
    assert!(!text.stdout.contains(GHP));
    assert_eq!(
        run_human(&t.root, &["--statistics", "--format", "sarif"]).code,
        2
    );
}

#[test]
fn fail_on_rejects_an_unknown_level() {
    let t = Tree::new();
    t.write(".mcp.json", CLEAN_MCP);
    let r = run(t.cmd().args(["--fail-on", "sometimes"]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--fail-on"), "{}", r.stderr);
}

// -------------------------------------------------------- default subcommand

#[test]
fn check_is_the_default_subcommand() {
    let t = Tree::new();
    t.write("proj/.mcp.json", github_mcp(GHP));
    t.write("proj/apps/web/.mcp.json", PLACEHOLDER_MCP);
    for format in ["human", "json"] {
        let explicit = run(t.cmd().args([
            "check",
            "proj",
            "--color",
            "never",
            "--persona",
            "pedantic",
            "--format",
            format,
        ]));
        let implicit = run(t.cmd().args([
            "proj",
            "--color",
            "never",
            "--persona",
            "pedantic",
            "--format",
            format,
        ]));
        assert_eq!(explicit.code, 1);
        assert_eq!(implicit.code, 1);
        assert_eq!(explicit.stdout, implicit.stdout, "format {format}");
        assert!(explicit.stdout.contains("literal-secret"));
        assert!(explicit.stdout.contains("placeholder-value"));
    }
}

#[test]
fn no_path_means_the_current_directory() {
    let t = Tree::new();
    t.write(".mcp.json", github_mcp(GHP));
    t.write("apps/web/.mcp.json", api_key_mcp("web-api"));
    let (code, bare) = run_json(&t.root, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        files_reported(&bare),
        vec![".mcp.json", "apps/web/.mcp.json"]
    );
    let (_, dot) = run_json(&t.root, &["."]);
    let check = run(t.cmd().args(["check", "--format", "json"])).json();
    assert_eq!(bare, dot);
    assert_eq!(bare, check);

    // From a subdirectory, only what is below it, named relative to it.
    let (code, sub) = run_json(&t.path("apps"), &[]);
    assert_eq!(code, 1);
    assert_eq!(files_reported(&sub), vec!["web/.mcp.json"]);
}

/// `mcplint --format json check` reads `check` as a path (clap's
/// args_conflicts_with_subcommands) and fails with `check: no such file or
/// directory`.
#[test]
fn options_before_the_subcommand_name() {
    let t = Tree::new();
    t.write(".mcp.json", github_mcp(GHP));
    let r = run(t.cmd().args(["--format", "json", "check"]));
    assert!(!r.stdout.contains("no such file"), "{}", r.stdout);
    assert_eq!(r.code, 1, "{}", r.stdout);
}

// ----------------------------------------------------------------- JSON shape

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn json_document_shape() {
    let t = Tree::new();
    t.write(".mcp.json", github_mcp(GHP));
    let (_, report) = run_json(&t.root, &[]);
    assert_eq!(
        keys(&report),
        BTreeSet::from(["version", "tool", "files_scanned", "findings", "errors"])
    );
    assert_eq!(report["version"], 1);
    assert_eq!(keys(&report["tool"]), BTreeSet::from(["name", "version"]));
    assert_eq!(report["tool"]["name"], "mcplint");
    assert_eq!(report["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(report["files_scanned"], 1);
    assert!(errors(&report).is_empty());
    let f = &findings(&report)[0];
    assert_eq!(
        keys(f),
        BTreeSet::from([
            "rule",
            "category",
            "severity",
            "confidence",
            "persona",
            "file",
            "client",
            "server",
            "pointer",
            "line",
            "column",
            "end_line",
            "end_column",
            "offset",
            "length",
            "message",
            "help",
            "secret_preview",
            "fingerprint",
            "fix",
        ])
    );
    // The document ends with a newline and is pretty-printed (one key a line).
    let r = run(t.cmd().args(["--format", "json"]));
    assert!(r.stdout.ends_with("}\n"));
    assert!(r.stdout.lines().count() > 20);
}

#[test]
fn json_finding_for_a_secret_in_env() {
    let t = Tree::new();
    let source = github_mcp(GHP);
    t.write("apps/web/.mcp.json", &source);
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 1);
    let f = at(
        &report,
        "apps/web/.mcp.json",
        "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN",
    );
    assert_eq!(f["rule"], "literal-secret");
    assert_eq!(f["category"], "secret");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["client"], "claude-code");
    assert_eq!(f["server"], "github");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(7), Some(42))
    );
    assert_eq!(f["end_line"], 7);
    assert_eq!(f["end_column"].as_u64(), Some(42 + GHP.len() as u64));
    assert_eq!(span_text(source.as_bytes(), f), GHP.as_bytes());
    assert_eq!(f["length"].as_u64(), Some(GHP.len() as u64));
    let offset = f["offset"].as_u64().unwrap() as usize;
    assert_eq!(line_col(&source, offset), (7, 42));

    let message = f["message"].as_str().unwrap();
    assert!(
        message.contains("GITHUB_PERSONAL_ACCESS_TOKEN"),
        "{message}"
    );
    let preview = f["secret_preview"].as_str().expect("a preview");
    assert!(preview.ends_with("…xe"), "{preview}");
    assert!(preview.chars().count() <= 8, "{preview}");
    assert!(f["help"]
        .as_str()
        .unwrap()
        .contains("${GITHUB_PERSONAL_ACCESS_TOKEN}"));
    // The fix edits the config (a reference in place of the secret) and
    // never carries the secret itself.
    assert_eq!(f["fix"]["applicability"], "safe");
    assert_eq!(
        f["fix"]["edits"][0]["replacement"],
        "${GITHUB_PERSONAL_ACCESS_TOKEN}"
    );
    assert_eq!(f["fix"]["env_var"], "GITHUB_PERSONAL_ACCESS_TOKEN");
    assert!(!f["fix"].to_string().contains(GHP));
    let fingerprint = f["fingerprint"].as_str().unwrap();
    assert_eq!(fingerprint.len(), 16, "{fingerprint}");
    assert!(fingerprint.bytes().all(|b| b.is_ascii_hexdigit()));
    // No part of the token beyond its preview is in the report.
    let text = serde_json::to_string(&report).unwrap();
    assert!(!text.contains(GHP));
    assert!(!text.contains(&GHP[4..20]));
}

/// The preview keeps the vendor prefix of a recognised format.
#[test]
fn secret_preview_keeps_the_vendor_prefix() {
    let t = Tree::new();
    t.write(".mcp.json", github_mcp(GHP));
    let (_, report) = run_json(&t.root, &[]);
    let f = at(
        &report,
        ".mcp.json",
        "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN",
    );
    assert_eq!(f["secret_preview"], "ghp_…xe", "{report:#}");
    assert_eq!(
        f["confidence"], "high",
        "a verified GitHub token: {report:#}"
    );
}

#[test]
fn json_pointer_of_an_args_element_is_escaped_per_rfc_6901() {
    let t = Tree::new();
    let source = format!(
        r#"{{
  "mcpServers": {{
    "acme/api~v2": {{
      "command": "npx",
      "args": ["-y", "@acme/mcp-server", "--api-key", "{API_KEY_VALUE}"]
    }}
  }}
}}
"#
    );
    t.write(".mcp.json", &source);
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 1, "{report:#}");
    let f = at(&report, ".mcp.json", "/mcpServers/acme~1api~0v2/args/3");
    assert_eq!(f["rule"], "literal-secret");
    assert_eq!(f["server"], "acme/api~v2");
    assert_eq!(span_text(source.as_bytes(), f), API_KEY_VALUE.as_bytes());
    let offset = f["offset"].as_u64().unwrap() as usize;
    let (line, column) = line_col(&source, offset);
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(line as u64), Some(column as u64))
    );
    assert_eq!(f["secret_preview"], "…Zq");
}

#[test]
fn json_finding_in_a_header_points_at_the_token_not_the_scheme() {
    let t = Tree::new();
    let source = format!(
        r#"{{
  "mcpServers": {{
    "remote": {{
      "type": "http",
      "url": "https://mcp.example.com/mcp",
      "headers": {{ "Authorization": "Bearer {GHP}" }}
    }}
  }}
}}
"#
    );
    t.write(".mcp.json", &source);
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 1);
    let f = at(
        &report,
        ".mcp.json",
        "/mcpServers/remote/headers/Authorization",
    );
    assert_eq!(span_text(source.as_bytes(), f), GHP.as_bytes());
    assert!(f["help"].as_str().unwrap().contains("Bearer ${"), "{f:#}");
}

#[test]
fn fingerprint_is_stable_when_unrelated_lines_are_added_above() {
    let t = Tree::new();
    t.write(".mcp.json", github_mcp(GHP));
    let (_, before) = run_json(&t.root, &[]);
    let pointer = "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN";
    let b = at(&before, ".mcp.json", pointer).clone();

    // Another server and blank lines above the secret.
    let edited = github_mcp(GHP).replacen(
        "  \"mcpServers\": {\n",
        "\n\n  \"mcpServers\": {\n    \"filesystem\": {\n      \"command\": \"npx\",\n      \"args\": [\"-y\", \"@modelcontextprotocol/server-filesystem\", \".\"]\n    },\n",
        1,
    );
    assert_ne!(edited, github_mcp(GHP));
    t.write(".mcp.json", &edited);
    let (_, after) = run_json(&t.root, &[]);
    let a = at(&after, ".mcp.json", pointer);
    assert_ne!(a["line"], b["line"], "the edit moved the secret");
    assert_ne!(a["offset"], b["offset"]);
    assert_eq!(a["fingerprint"], b["fingerprint"]);
}

#[test]
fn fingerprint_differs_between_servers() {
    let t = Tree::new();
    let source = format!(
        r#"{{
  "mcpServers": {{
    "github": {{ "command": "npx", "env": {{ "GITHUB_PERSONAL_ACCESS_TOKEN": "{GHP}" }} }},
    "github-work": {{ "command": "npx", "env": {{ "GITHUB_PERSONAL_ACCESS_TOKEN": "{GHP}" }} }}
  }}
}}
"#
    );
    t.write(".mcp.json", &source);
    let (_, report) = run_json(&t.root, &[]);
    let a = at(
        &report,
        ".mcp.json",
        "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN",
    );
    let b = at(
        &report,
        ".mcp.json",
        "/mcpServers/github-work/env/GITHUB_PERSONAL_ACCESS_TOKEN",
    );
    assert_eq!(a["server"], "github");
    assert_eq!(b["server"], "github-work");
    assert_ne!(a["fingerprint"], b["fingerprint"]);

    // The same finding in another file has another fingerprint too.
    t.write("other/.mcp.json", &source);
    let (_, report) = run_json(&t.root, &[]);
    let c = at(
        &report,
        "other/.mcp.json",
        "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN",
    );
    assert_ne!(a["fingerprint"], c["fingerprint"]);
}

#[test]
fn file_is_relative_to_the_current_directory_with_slashes() {
    let t = Tree::new();
    t.write("apps/web/.mcp.json", github_mcp(GHP));
    let absolute = t.path("apps/web/.mcp.json");
    let absolute_dir = t.path("apps");
    for args in [
        vec![],
        vec!["apps"],
        vec!["apps/web/.mcp.json"],
        vec!["./apps/web/.mcp.json"],
        vec![absolute.to_str().unwrap()],
        vec![absolute_dir.to_str().unwrap()],
    ] {
        let (_, report) = run_json(&t.root, &args);
        assert_eq!(
            files_reported(&report),
            vec!["apps/web/.mcp.json"],
            "args {args:?}"
        );
    }
    // Named twice (as a directory and as a file): reported once.
    let (_, report) = run_json(
        &t.root,
        &[".", "apps/web/.mcp.json", absolute.to_str().unwrap()],
    );
    assert_eq!(report["files_scanned"], 1, "{report:#}");
    assert_eq!(findings(&report).len(), 1);
}

// ------------------------------------------------------------------ discovery

#[test]
fn gitignored_config_is_skipped_in_a_walk_but_linted_when_named() {
    let t = Tree::new();
    t.write(".gitignore", "/local/\n");
    t.write("local/.mcp.json", github_mcp(GHP));
    t.write("shared/.mcp.json", CLEAN_MCP);
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["files_scanned"], 1);
    assert!(findings(&report).is_empty());

    let (code, report) = run_json(&t.root, &["local/.mcp.json"]);
    assert_eq!(code, 1);
    assert_eq!(files_reported(&report), vec!["local/.mcp.json"]);
}

#[test]
fn gitignore_is_honoured_inside_a_real_git_repository() {
    let t = Tree::new();
    t.git_init("");
    t.write(".gitignore", ".mcp.json\n!/shared/.mcp.json\n");
    t.write("local/.mcp.json", github_mcp(GHP));
    t.write("shared/.mcp.json", api_key_mcp("shared"));
    t.write(".git/info/exclude", "/excluded/\n");
    t.write("excluded/.mcp.json", github_mcp(GHP));
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        files_reported(&report),
        vec!["shared/.mcp.json"],
        "{report:#}"
    );
    assert_eq!(report["files_scanned"], 1);

    let (_, report) = run_json(&t.root, &["local/.mcp.json", "excluded/.mcp.json"]);
    assert_eq!(
        files_reported(&report),
        vec!["excluded/.mcp.json", "local/.mcp.json"],
        "named files are linted even when ignored"
    );
}

/// A `.gitignore` above the repository root is not the repository's: git
/// does not apply it, so neither should mcplint. Dotfiles setups put `*` in
/// `~/.gitignore`; every project under the home directory would then look
/// clean while its `.mcp.json` holds a token.
#[test]
fn gitignore_above_the_repository_root_does_not_hide_configs() {
    let t = Tree::new();
    t.write(".gitignore", "*\n!.gitignore\n");
    t.git_init("proj");
    t.write("proj/.mcp.json", github_mcp(GHP));
    let (code, report) = run_json(&t.path("proj"), &[]);
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(files_reported(&report), vec![".mcp.json"]);
}

#[test]
fn dot_ignore_file_is_honoured() {
    let t = Tree::new();
    t.write(".ignore", "vendor/\n");
    t.write("vendor/some-sdk/examples/.mcp.json", api_key_mcp("example"));
    t.write(".mcp.json", CLEAN_MCP);
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["files_scanned"], 1);

    // Without the .ignore file the example is found: the test can fail.
    std::fs::remove_file(t.path(".ignore")).unwrap();
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 1);
    assert_eq!(report["files_scanned"], 2);
}

#[test]
fn hidden_directories_are_entered_but_never_dot_git() {
    let t = Tree::new();
    t.write(
        ".claude/settings.json",
        format!("{{\n  \"env\": {{ \"API_KEY\": \"{API_KEY_VALUE}\" }}\n}}\n"),
    );
    t.write(
        ".claude/settings.local.json",
        format!("{{\n  \"env\": {{ \"GITHUB_TOKEN\": \"{GHP}\" }}\n}}\n"),
    );
    t.write(".cursor/.mcp.json", api_key_mcp("cursor-side"));
    t.write(".git/.mcp.json", github_mcp(GHP));
    t.write(".git/modules/sub/.mcp.json", github_mcp(GHP));
    t.write("sub/.git/.mcp.json", github_mcp(GHP));
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        files_reported(&report),
        vec![
            ".claude/settings.json",
            ".claude/settings.local.json",
            ".cursor/.mcp.json"
        ],
        "{report:#}"
    );
    assert_eq!(report["files_scanned"], 3);
    let env = at(&report, ".claude/settings.json", "/env/API_KEY");
    assert_eq!(env["rule"], "literal-secret");
    assert!(env["server"].is_null());
}

#[test]
fn nested_configs_are_found() {
    let t = Tree::new();
    t.write("apps/web/.mcp.json", github_mcp(GHP));
    t.write("apps/api/.mcp.json", CLEAN_MCP);
    t.write("packages/a/b/c/d/.mcp.json", api_key_mcp("deep"));
    t.write("apps/web/.claude/settings.json", "{\n  \"env\": {}\n}\n");
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 1);
    assert_eq!(report["files_scanned"], 4);
    assert_eq!(
        files_reported(&report),
        vec!["apps/web/.mcp.json", "packages/a/b/c/d/.mcp.json"]
    );
}

#[test]
fn explicit_non_mcp_path_is_skipped_silently() {
    let t = Tree::new();
    // Pre-commit passes every staged file; package.json is not a config.
    t.write(
        "package.json",
        format!("{{ \"name\": \"x\", \"config\": {{ \"API_KEY\": \"{API_KEY_VALUE}\" }} }}\n"),
    );
    t.write(
        "settings.json",
        format!("{{ \"env\": {{ \"API_KEY\": \"{API_KEY_VALUE}\" }} }}\n"),
    );
    let r = run_human(&t.root, &["package.json", "settings.json"]).expect_code(0);
    assert!(
        r.stdout.contains("no MCP config files found"),
        "{}",
        r.stdout
    );
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    assert!(!r.stdout.contains("literal-secret"));

    // Mixed with a real config, only the config is linted.
    t.write(".mcp.json", github_mcp(GHP));
    let (code, report) = run_json(&t.root, &["package.json", ".mcp.json"]);
    assert_eq!(code, 1);
    assert_eq!(report["files_scanned"], 1);
    assert_eq!(files_reported(&report), vec![".mcp.json"]);
}

#[test]
fn zero_configs_says_so() {
    let t = Tree::new();
    t.write("README.md", "# nothing here\n");
    // An MCP name, but no server map in it: not a config.
    t.write(
        "src/mcp.json",
        r#"{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}"#,
    );
    let r = run_human(&t.root, &[]).expect_code(0);
    assert!(
        r.stdout.contains("no MCP config files found"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(".mcp.json"),
        "it says what it looked for: {}",
        r.stdout
    );
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 0);
    assert_eq!(report["files_scanned"], 0);
    assert!(findings(&report).is_empty());

    let empty = Tree::new();
    let r = run_human(&empty.root, &[]).expect_code(0);
    assert!(
        r.stdout.contains("no MCP config files found"),
        "{}",
        r.stdout
    );
}

// ---------------------------------------------------------------------- stdin

#[test]
fn stdin_is_read_for_dash() {
    let t = Tree::new();
    let source = github_mcp(GHP);
    let r = run(t
        .cmd()
        .args(["-", "--format", "json"])
        .write_stdin(source.as_str()));
    assert_eq!(r.code, 1, "{}", r.stdout);
    let report = r.json();
    let f = at(
        &report,
        "-",
        "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN",
    );
    assert_eq!(span_text(source.as_bytes(), f), GHP.as_bytes());
    assert_eq!(report["files_scanned"], 1);

    let r = run(t
        .cmd()
        .args(["check", "-", "--color", "never"])
        .write_stdin(source.as_str()));
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("-:7:42"), "{}", r.stdout);

    let r = run(t.cmd().arg("-").write_stdin(CLEAN_MCP));
    assert_eq!(r.code, 0, "{}", r.stdout);
}

#[test]
fn stdin_filename_names_standard_input() {
    let t = Tree::new();
    let r = run(t
        .cmd()
        .args([
            "-",
            "--stdin-filename",
            "apps/.mcp.json",
            "--format",
            "json",
        ])
        .write_stdin(github_mcp(GHP)));
    assert_eq!(r.code, 1);
    let report = r.json();
    assert_eq!(files_reported(&report), vec!["apps/.mcp.json"]);

    // The name chooses the format: a settings file has an `env` block.
    let r = run(t
        .cmd()
        .args([
            "-",
            "--stdin-filename",
            ".claude/settings.json",
            "--format",
            "json",
        ])
        .write_stdin(format!(
            "{{ \"env\": {{ \"API_KEY\": \"{API_KEY_VALUE}\" }} }}"
        )));
    assert_eq!(r.code, 1);
    let report = r.json();
    assert_eq!(
        at(&report, ".claude/settings.json", "/env/API_KEY")["rule"],
        "literal-secret"
    );
}

#[test]
fn stdin_filename_that_is_not_a_config_is_skipped() {
    let t = Tree::new();
    let r = run(t
        .cmd()
        .args(["-", "--stdin-filename", "package.json", "--color", "never"])
        .write_stdin(github_mcp(GHP)));
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout.contains("no MCP config files found"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("literal-secret"));
    assert!(
        r.stderr
            .contains("no client reads a file named `package.json`"),
        "{}",
        r.stderr
    );
}

#[test]
fn stdin_and_paths_together() {
    let t = Tree::new();
    t.write("apps/.mcp.json", api_key_mcp("disk"));
    let r = run(t
        .cmd()
        .args(["apps", "-", "--format", "json"])
        .write_stdin(github_mcp(GHP)));
    assert_eq!(r.code, 1);
    let report = r.json();
    assert_eq!(report["files_scanned"], 2);
    assert_eq!(files_reported(&report), vec!["-", "apps/.mcp.json"]);
}

// ---------------------------------------------------------------------- colour

#[test]
fn color_never_has_no_escapes_and_always_has_them() {
    let t = Tree::new();
    t.write(".mcp.json", github_mcp(GHP));
    let never = run(t.cmd().args(["--color", "never"]));
    assert!(!has_ansi(&never.stdout), "{:?}", never.stdout);
    assert!(never.stdout.contains("literal-secret"));
    let always = run(t.cmd().args(["--color", "always"]));
    assert!(has_ansi(&always.stdout), "{:?}", always.stdout);
    // Colour never leaks into JSON.
    let json = run(t.cmd().args(["--color", "always", "--format", "json"]));
    assert!(!has_ansi(&json.stdout));
    json.json();
}

#[test]
fn no_color_disables_colour() {
    let t = Tree::new();
    t.write(".mcp.json", github_mcp(GHP));
    let r = run(t.cmd().env("NO_COLOR", "1"));
    assert_eq!(r.code, 1);
    assert!(!has_ansi(&r.stdout), "{:?}", r.stdout);
    let r = run(t.cmd().env("NO_COLOR", "1").args(["--color", "auto"]));
    assert!(!has_ansi(&r.stdout), "{:?}", r.stdout);
}

/// Under a terminal, `auto` colours unless NO_COLOR is set. A pipe is never
/// a terminal, so this runs mcplint under `script` (util-linux) for a pty.
#[cfg(target_os = "linux")]
#[test]
fn no_color_under_a_terminal() {
    let has_script = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        eprintln!("skipped: util-linux `script` is not installed (no pty to test `--color auto`)");
        return;
    }
    let t = Tree::new();
    t.write(".mcp.json", github_mcp(GHP));
    let bin = assert_cmd::cargo::cargo_bin("mcplint");
    let bin = bin.display();
    let under_pty = |no_color: Option<&str>| {
        let mut cmd = std::process::Command::new("script");
        cmd.args(["-qec", &format!("'{bin}' --color auto ."), "/dev/null"])
            .current_dir(&t.root)
            .env("HOME", t.path(".no-such-home"))
            .env_remove("NO_COLOR");
        if let Some(v) = no_color {
            cmd.env("NO_COLOR", v);
        }
        let out = cmd.output().expect("script runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let coloured = under_pty(None);
    assert!(coloured.contains("literal-secret"), "{coloured:?}");
    assert!(
        has_ansi(&coloured),
        "auto under a pty colours: {coloured:?}"
    );
    let plain = under_pty(Some("1"));
    assert!(plain.contains("literal-secret"), "{plain:?}");
    assert!(!has_ansi(&plain), "NO_COLOR=1 under a pty: {plain:?}");
    // An empty NO_COLOR does not count (no-color.org).
    assert!(has_ansi(&under_pty(Some(""))));
}

// ------------------------------------------------------------ rules / explain

const RULE_IDS: [&str; 4] = [
    "literal-secret",
    "unexpanded-reference",
    "placeholder-value",
    "parse-error",
];

/// `mcplint rules formats` lists every credential format of the data, with
/// how it is found, and `rules check` prints the same counts.
#[test]
fn rules_formats_lists_every_credential_format() {
    let t = Tree::new();
    let specs = mcplint::knowledge::detect::data::load(mcplint::knowledge::detect::data::FILES)
        .expect("the data parses");
    let r = run(t.cmd().args(["rules", "formats", "--json"])).expect_code(0);
    let list: Value = r.json();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), specs.len());
    let github = list
        .iter()
        .find(|f| f["id"] == "github-classic-pat")
        .unwrap();
    assert_eq!(github["provider"], "GitHub");
    assert_eq!(github["name_gated"], false);
    assert!(github["rotate"].as_str().unwrap().starts_with("https://"));
    let neon = list.iter().find(|f| f["id"] == "neon-api-key").unwrap();
    assert_eq!(neon["name_gated"], true);
    let gated = specs.iter().filter(|s| s.names.is_some()).count();
    assert_eq!(
        list.iter().filter(|f| f["name_gated"] == true).count(),
        gated
    );

    let human = run(t.cmd().args(["rules", "formats"]))
        .expect_code(0)
        .stdout;
    let counts = format!("{} credential formats from ", specs.len());
    assert!(human.contains(&counts), "{human}");
    assert!(
        human.contains(&format!("{} found under any name", specs.len() - gated))
            && human.contains(&format!("{gated} name-gated")),
        "{human}"
    );
    let check = run(t.cmd().args(["rules", "check"])).expect_code(0).stdout;
    assert!(check.contains(&format!("{gated} name-gated")), "{check}");
}

#[test]
fn rules_lists_every_rule() {
    let t = Tree::new();
    let r = run(t.cmd().arg("rules")).expect_code(0);
    let listed: BTreeSet<&str> = r
        .stdout
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    for id in RULE_IDS {
        assert!(listed.contains(id), "{id} missing from:\n{}", r.stdout);
    }
    let line = r
        .stdout
        .lines()
        .find(|l| l.starts_with("literal-secret "))
        .unwrap();
    assert!(line.contains("secret") && line.contains("error"), "{line}");

    let r = run(t.cmd().args(["rules", "--json"])).expect_code(0);
    let list: Value = r.json();
    let ids: BTreeSet<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert!(RULE_IDS.iter().all(|id| ids.contains(id)), "{ids:?}");
    let placeholder = list
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "placeholder-value")
        .unwrap();
    assert_eq!(placeholder["severity"], "note");
}

#[test]
fn explain_prints_a_rules_documentation() {
    let t = Tree::new();
    let r = run(t.cmd().args(["explain", "literal-secret"])).expect_code(0);
    assert!(r.stdout.starts_with("# literal-secret"), "{}", r.stdout);
    assert!(r.stdout.contains("## What it does"));
    assert!(r.stdout.contains("## Why is this bad?"));
    assert!(r.stdout.contains("## Example"));
    assert!(r.stderr.is_empty());
    for id in RULE_IDS {
        let r = run(t.cmd().args(["explain", id])).expect_code(0);
        assert!(r.stdout.starts_with(&format!("# {id} (")), "{}", r.stdout);
    }
}

#[test]
fn explain_an_unknown_rule_exits_2() {
    let t = Tree::new();
    let r = run(t.cmd().args(["explain", "no-such-rule"])).expect_code(2);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert!(r.stderr.contains("no-such-rule"), "{}", r.stderr);
    assert!(
        r.stderr.contains("literal-secret"),
        "lists the real ids: {}",
        r.stderr
    );
    let r = run(t.cmd().arg("explain")).expect_code(2);
    assert!(!r.stderr.is_empty());
}

// ------------------------------------------------------------- human output

#[test]
fn human_output_has_location_rule_help_and_summary() {
    let t = Tree::new();
    t.write(".mcp.json", github_mcp(GHP));
    let r = run_human(&t.root, &[]).expect_code(1);
    let out = &r.stdout;
    assert!(out.contains(".mcp.json:7:42"), "{out}");
    assert!(out.contains("literal-secret"), "{out}");
    assert!(out.contains("help:"), "{out}");
    assert!(out.contains("mcplint explain literal-secret"), "{out}");
    assert!(
        // A classic PAT is also a broad credential: one finding says both.
        out.contains("mcplint: 1 MCP config file scanned: 1 error, 0 warnings, 0 notes"),
        "{out}"
    );
    assert!(out.ends_with('\n'));
    assert!(!out.contains(GHP), "the secret is masked in the snippet");
    assert!(!out.contains(&GHP[4..20]));
    assert!(r.stderr.is_empty(), "{}", r.stderr);
}

#[test]
fn human_summary_counts_files_and_severities() {
    let t = Tree::new();
    t.write("a/.mcp.json", github_mcp(GHP));
    t.write("b/.mcp.json", PLACEHOLDER_MCP);
    t.write("c/.mcp.json", "{ broken");
    let r = run_human(&t.root, &[]).expect_code(2);
    assert!(
        r.stdout.contains(
            "mcplint: 3 MCP config files scanned: 2 errors, 0 warnings, 0 notes; 1 file could not be read or parsed; 1 more with --persona pedantic"
        ),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("a/.mcp.json:7:42"), "{}", r.stdout);
    // b's placeholder is a note for the pedantic persona.
    assert!(!r.stdout.contains("b/.mcp.json:7:"), "{}", r.stdout);
    assert!(r.stdout.contains("c/.mcp.json:1:"), "{}", r.stdout);
}

// ------------------------------------------------------- unexpanded references

/// A config of one server per reference, each in a field Claude Code expands.
#[test]
fn unexpanded_references_are_reported_with_the_right_spelling() {
    let t = Tree::new();
    let source = r#"{
  "mcpServers": {
    "env-colon": { "command": "npx", "env": { "GITHUB_TOKEN": "${env:GITHUB_TOKEN}" } },
    "bare": { "command": "npx", "args": ["-y", "srv", "--token", "$LINEAR_API_KEY"] },
    "percent": { "command": "npx", "env": { "NOTION_TOKEN": "%NOTION_TOKEN%" } },
    "opencode": { "type": "http", "url": "https://mcp.example.com/mcp", "headers": { "X-API-Key": "{env:EXAMPLE_KEY}" } },
    "url-bare": { "type": "sse", "url": "https://mcp.example.com/sse?key=$SSE_KEY" },
    "command-sub": { "command": "npx", "env": { "OP_TOKEN": "$(op read op://vault/item/token)" } },
    "nested": { "command": "npx", "env": { "REGION": "${AWS_REGION:-${AWS_DEFAULT_REGION}}" } }
  }
}
"#;
    t.write(".mcp.json", source);
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 1, "{report:#}");
    let cases = [
        (
            "/mcpServers/env-colon/env/GITHUB_TOKEN",
            "${env:GITHUB_TOKEN}",
            "`${GITHUB_TOKEN}`",
        ),
        (
            "/mcpServers/bare/args/3",
            "$LINEAR_API_KEY",
            "`${LINEAR_API_KEY}`",
        ),
        (
            "/mcpServers/percent/env/NOTION_TOKEN",
            "%NOTION_TOKEN%",
            "`${NOTION_TOKEN}`",
        ),
        (
            "/mcpServers/opencode/headers/X-API-Key",
            "{env:EXAMPLE_KEY}",
            "`${EXAMPLE_KEY}`",
        ),
        ("/mcpServers/url-bare/url", "$SSE_KEY", "`${SSE_KEY}`"),
        (
            "/mcpServers/command-sub/env/OP_TOKEN",
            "$(op read op://vault/item/token)",
            "wrapper script",
        ),
        (
            "/mcpServers/nested/env/REGION",
            "${AWS_REGION:-${AWS_DEFAULT_REGION}}",
            "`${AWS_REGION:-",
        ),
    ];
    for (pointer, written, help) in cases {
        let f = at(&report, ".mcp.json", pointer);
        assert_eq!(f["rule"], "unexpanded-reference", "{pointer}");
        assert_eq!(f["category"], "expansion");
        assert_eq!(f["severity"], "error");
        assert_eq!(
            std::str::from_utf8(span_text(source.as_bytes(), f)).unwrap(),
            written,
            "{pointer}: the span is the reference"
        );
        let message = f["message"].as_str().unwrap();
        assert!(
            message.contains(&format!("`{written}`")),
            "{pointer}: {message}"
        );
        let h = f["help"].as_str().unwrap();
        assert!(
            h.contains(help),
            "{pointer}: help {h:?} should contain {help:?}"
        );
    }
    assert_eq!(findings(&report).len(), cases.len(), "{report:#}");

    let human = run_human(&t.root, &[]).expect_code(1);
    assert!(
        human.stdout.contains("write `${GITHUB_TOKEN}`"),
        "{}",
        human.stdout
    );
}

#[test]
fn supported_references_are_not_reported() {
    let t = Tree::new();
    t.write(
        ".mcp.json",
        r#"{
  "mcpServers": {
    "a": {
      "command": "${HOME}/bin/srv",
      "args": ["--token", "${LINEAR_API_KEY}", "--dir", "${PROJECT_DIR:-.}"],
      "env": { "GITHUB_TOKEN": "${GITHUB_TOKEN}", "LOG": "${LOG_LEVEL:-info}" }
    },
    "b": {
      "type": "http",
      "url": "${MCP_URL:-https://mcp.example.com}/mcp?team=${TEAM_ID}",
      "headers": { "Authorization": "Bearer ${API_TOKEN}" }
    }
  }
}
"#,
    );
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 0, "{report:#}");
    assert!(findings(&report).is_empty(), "{report:#}");
}

#[test]
fn shell_syntax_inside_a_shell_script_argument_is_not_reported() {
    let t = Tree::new();
    t.write(
        ".mcp.json",
        r#"{
  "mcpServers": {
    "wrapped": {
      "command": "sh",
      "args": ["-c", "exec srv --token $SRV_TOKEN --dir \"$(pwd)\""]
    },
    "control": {
      "command": "srv",
      "args": ["--token", "$SRV_TOKEN"]
    }
  }
}
"#,
    );
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(
        findings(&report).len(),
        1,
        "only the control is reported: {report:#}"
    );
    at(&report, ".mcp.json", "/mcpServers/control/args/1");
}

#[test]
fn client_flag_reads_any_file_name_as_that_client() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team-servers.json");
    std::fs::write(
        &path,
        r#"{"mcpServers": {"gh": {"command": "npx", "env": {"GITHUB_TOKEN": "${GITHUB_TOKEN}"}}}}"#,
    )
    .unwrap();
    // Not an MCP config by name: skipped.
    let skipped = assert_cmd::Command::cargo_bin("mcplint")
        .unwrap()
        .current_dir(dir.path())
        .args(["--format", "json", "team-servers.json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&skipped.stdout).unwrap();
    assert_eq!(doc["files_scanned"], 0);
    // As Cursor's: `${VAR}` is not Cursor's syntax.
    let cursor = assert_cmd::Command::cargo_bin("mcplint")
        .unwrap()
        .current_dir(dir.path())
        .args([
            "--format",
            "json",
            "--client",
            "cursor",
            "team-servers.json",
        ])
        .output()
        .unwrap();
    assert_eq!(cursor.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&cursor.stdout).unwrap();
    let f = &doc["findings"][0];
    assert_eq!(f["rule"], "unexpanded-reference");
    assert_eq!(f["client"], "cursor");
    assert!(
        f["help"].as_str().unwrap().contains("${env:GITHUB_TOKEN}"),
        "{f:#}"
    );
    // As Claude Code's: fine.
    let claude = assert_cmd::Command::cargo_bin("mcplint")
        .unwrap()
        .current_dir(dir.path())
        .args(["--client", "claude-code", "team-servers.json"])
        .output()
        .unwrap();
    assert_eq!(claude.status.code(), Some(0));
    // Unknown client names are usage errors that list the known ones.
    let bad = assert_cmd::Command::cargo_bin("mcplint")
        .unwrap()
        .args(["--client", "emacs", "x.json"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("cursor"));
}

#[test]
fn formats_lists_every_format_of_the_table() {
    let out = assert_cmd::Command::cargo_bin("mcplint")
        .unwrap()
        .arg("formats")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    for f in mcplint::clients::formats() {
        assert!(text.contains(f.id), "{} missing", f.id);
        match f.paths.first() {
            Some(path) => assert!(text.contains(path), "{path} missing"),
            None => assert!(
                text.contains("name suggests MCP"),
                "{} says how it is found",
                f.id
            ),
        }
    }
    assert!(
        text.contains("expands: nothing"),
        "Codex/Claude Desktop/Zed expand nothing"
    );
}

/// Many findings of one kind in one file: the first in full, the rest one
/// line each with its place, so none is lost; `--no-group` shows them all.
#[test]
fn many_findings_of_one_kind_are_grouped_in_the_human_report() {
    let t = Tree::new();
    let servers: Vec<String> = ["memory", "time", "fetch", "everything"]
        .iter()
        .map(|s| {
            format!(
                r#""{s}": {{"command": "npx", "args": ["-y", "@modelcontextprotocol/server-{s}"]}}"#
            )
        })
        .collect();
    t.write(
        ".mcp.json",
        format!(
            "{{\n  \"mcpServers\": {{\n    {}\n  }}\n}}\n",
            servers.join(",\n    ")
        ),
    );
    let grouped = run_human(&t.root, &["--persona", "pedantic"]).expect_code(0);
    let out = &grouped.stdout;
    assert_eq!(out.matches("╭─[").count(), 1, "{out}");
    assert!(
        out.contains("… 3 more like this (unpinned-package):"),
        "{out}"
    );
    for (line, server) in [(4, "time"), (5, "fetch"), (6, "everything")] {
        assert!(
            out.contains(&format!(".mcp.json:{line}:"))
                && out.contains(&format!("`{server}` runs")),
            "{server}: {out}"
        );
    }
    assert!(out.contains("0 errors, 0 warnings, 4 notes"), "{out}");
    let full = run_human(&t.root, &["--persona", "pedantic", "--no-group"]).expect_code(0);
    assert_eq!(full.stdout.matches("╭─[").count(), 4, "{}", full.stdout);
    assert!(!full.stdout.contains("more like this"));
}

/// A long masked value is shown shortened, with its prefix and tail from
/// the masked preview; the label still underlines it and the location is
/// still the file's, also for a second value on the same line.
#[test]
fn long_masked_values_are_shown_shortened() {
    let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InFobXppY29weHVldXV5Ymhud3d1Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTczNTY4OTYwMCwiZXhwIjoyMDUxMjIyNDAwfQ.2I4PlNpYPz_O3gjRbTg5yZsvf1uRKasH9dMCPLINTVm";
    let other = "Zq8vN3kW7pL2xR5tY9mB4cH6jD1fG0sA8eU3iO7nK2wQ5zX9vC4bM6lT1yP0rS3d";
    let text = format!(
        r#"{{"mcpServers": {{"s": {{"command": "acme", "env": {{"SUPABASE_SERVICE_ROLE_KEY": "{jwt}", "OTHER_SECRET_TOKEN": "{other}"}}}}}}}}"#
    );
    let second = text.find(other).unwrap() + 1;
    let t = Tree::new();
    t.write(".mcp.json", &text);
    let r = run_human(&t.root, &["--no-group"]).expect_code(1);
    let out = &r.stdout;
    assert!(!out.contains(jwt) && !out.contains(&jwt[40..60]), "{out}");
    assert!(!out.contains(&"*".repeat(48)), "{out}");
    assert!(
        out.contains(&format!("…({} chars)…Vm\"", jwt.len())),
        "{out}"
    );
    assert!(
        out.contains(&format!("…({} chars)…3d\"", other.len())),
        "{out}"
    );
    let first = text.find(jwt).unwrap() + 1;
    assert!(out.contains(&format!(".mcp.json:1:{first}]")), "{out}");
    assert!(out.contains(&format!(".mcp.json:1:{second}]")), "{out}");
    // The underline is as wide as the shortened value, under it.
    let shown = format!("\"…({} chars)…Vm\"", jwt.len());
    let line = out.lines().find(|l| l.contains(&shown)).unwrap();
    let under = out
        .lines()
        .skip_while(|l| !l.contains(&shown))
        .nth(1)
        .unwrap();
    let at = line.find(&shown).unwrap() + 1;
    let width = shown.chars().count() - 2;
    let underline: String = under
        .chars()
        .skip(line[..at].chars().count())
        .take(width)
        .collect();
    assert!(
        underline.chars().all(|c| c == '─' || c == '┬'),
        "{line}\n{under}"
    );
}
