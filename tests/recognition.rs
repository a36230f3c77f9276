//! Recognition by content: files no client's path names, whose name
//! suggests MCP and whose content holds a server map, are linted as the
//! client their folder points to or as a config of an unknown client; a
//! file of such a name without servers, or not text at all, is skipped
//! quietly. The same recognition applies to a walk, a named file,
//! standard input and a staged blob.

mod common;

use common::*;

const SERVERS_WITH_TOKEN: &str = r#"{
  "mcpServers": {
    "github": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"],
      "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "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"}
    }
  }
}
"#;

/// (file, client) of every finding.
fn attributed(report: &serde_json::Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = all_findings(report)
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_string(),
                f["client"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// A config in a client's folder under a name that client does not read is
/// linted as that client's, and a note says that nothing starts its
/// servers; the same servers under the client's own name get no note.
#[test]
fn a_config_its_client_does_not_read_gets_a_note() {
    const CLEAN: &str = r#"{"mcpServers": {"github": {"command": "docker", "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "-e", "GITHUB_TOOLSETS=repos,issues", "ghcr.io/github/github-mcp-server:v0.9.1", "--read-only"], "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "${GITHUB_TOKEN}"}}}}"#;
    let t = Tree::new();
    t.write(".claude/mcp.json", CLEAN);
    t.write(".mcp.json", CLEAN);
    t.write(
        ".cursor/mcp.json",
        CLEAN.replace("${GITHUB_TOKEN}", "${env:GITHUB_TOKEN}"),
    );
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 0, "a note does not fail the run: {report:#}");
    let notes: Vec<(String, String)> = all_findings(&report)
        .iter()
        .filter(|f| f["rule"] == "unread-config")
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_string(),
                f["pointer"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        notes,
        [(".claude/mcp.json".to_string(), "/mcpServers".to_string())]
    );
    let human = run_human(&t.root, &[]).stdout;
    assert!(
        human.contains("Claude Code does not read this file by itself")
            && human.contains("--mcp-config"),
        "{human}"
    );
}

/// A repository the way users commit them: a root `mcp.json`, somebody's
/// `~/.cursor` folder with `mcp.json` at its root, a `.claude/mcp.json`,
/// a TOML and a YAML server list, next to files of MCP names that are not
/// configs (a schema, a binary, a huge log) and a config a client names.
#[test]
fn a_walk_finds_configs_by_content_and_skips_the_rest_quietly() {
    let t = Tree::new();
    t.write("mcp.json", SERVERS_WITH_TOKEN);
    t.write("dotfiles/cursor/mcp.json", SERVERS_WITH_TOKEN);
    t.write(".claude/mcp.json", SERVERS_WITH_TOKEN);
    t.write(
        "deploy/mcp-servers.toml",
        "[mcp_servers.db]\ncommand = \"uvx\"\nargs = [\"postgres-mcp==0.3.0\", \"postgresql://app:Zq8vN3kW7pL2xR5t@db.acme-corp.net/prod\"]\n",
    );
    t.write(
        "deploy/mcp.yml",
        "mcpServers:\n  docs:\n    url: https://docs-mcp.acme-corp.net/mcp\n    headers:\n      Authorization: Bearer 9fKq2Lm8Xv4Tz7Wp1Rb6Yc3Nd5Hg0Js\n",
    );
    // Not configs: no server map, not text, too big to be one.
    t.write(
        "schemas/mcp.json",
        r#"{"type": "object", "properties": {"mcpServers": {"type": "object"}}}"#,
    );
    t.write("assets/mcp.yaml", b"\x00\x01\x02mcp binary\xff");
    t.write(
        "logs/mcp-trace.json",
        format!("[{}]", "1,".repeat(700_000) + "1"),
    );
    t.write(
        "package.json",
        r#"{"name": "acme-mcp", "mcpServers": {"x": {"command": "y"}}}"#,
    );
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(report["files_scanned"], 5, "{report:#}");
    assert_eq!(
        attributed(&report),
        [
            (".claude/mcp.json", "claude-code"),
            ("deploy/mcp-servers.toml", "generic"),
            ("deploy/mcp.yml", "generic"),
            ("dotfiles/cursor/mcp.json", "generic"),
            ("mcp.json", "generic"),
        ]
        .map(|(f, c)| (f.to_string(), c.to_string()))
    );
    // Nothing about the files that are not configs: no parse error either.
    for f in all_findings(&report) {
        let file = f["file"].as_str().unwrap();
        assert!(
            !file.starts_with("schemas/")
                && !file.starts_with("assets/")
                && !file.starts_with("logs/")
        );
        // Every finding says which client was assumed, and why.
        assert!(
            f["client_assumed"]
                .as_str()
                .is_some_and(|w| w.contains("holds")),
            "{f:#}"
        );
    }
    // A file in an agent's folder that its client does not read says so.
    let misplaced = all_findings(&report)
        .iter()
        .find(|f| f["file"] == ".claude/mcp.json")
        .expect("a finding in .claude/mcp.json");
    let assumed = misplaced["client_assumed"].as_str().unwrap();
    assert!(
        assumed.contains("Claude Code does not read this path by itself")
            && assumed.contains("`.mcp.json`"),
        "{assumed}"
    );
    assert!(
        report["errors"].as_array().is_none_or(|e| e.is_empty()),
        "{report:#}"
    );
    let human = run_human(&t.root, &["--no-group"]);
    assert!(
        human
            .stdout
            .contains("note: mcp.json was recognised by its content"),
        "{}",
        human.stdout
    );
}

/// A file named on the command line (as pre-commit names it) goes through
/// the same recognition: a committed token in a root `mcp.json` fails the
/// hook instead of "no MCP config files found".
#[test]
fn a_named_file_standard_input_and_a_staged_file_are_recognised_alike() {
    let t = Tree::new();
    t.write("mcp.json", SERVERS_WITH_TOKEN);
    t.write("schemas/mcp.json", r#"{"type": "object"}"#);
    let named = run_human(&t.root, &["mcp.json", "schemas/mcp.json"]).expect_code(1);
    assert!(
        !named.stdout.contains("no MCP config files found"),
        "{}",
        named.stdout
    );
    assert!(named.stdout.contains("literal-secret"), "{}", named.stdout);
    let schema_only = run_human(&t.root, &["schemas/mcp.json"]).expect_code(0);
    assert!(
        schema_only.stdout.contains("no MCP config files found"),
        "{}",
        schema_only.stdout
    );

    let stdin = run(mcplint_in(&t.root)
        .args(["--format", "json", "--stdin-filename", "team/mcp.json", "-"])
        .write_stdin(SERVERS_WITH_TOKEN))
    .expect_code(1)
    .json();
    assert_eq!(
        attributed(&stdin),
        [("team/mcp.json".to_string(), "generic".to_string())]
    );

    git(&t.root, &["init", "-q"]);
    git(&t.root, &["add", "mcp.json"]);
    let staged = run(mcplint_in(&t.root).args(["--format", "json", "--staged", "mcp.json"]))
        .expect_code(1)
        .json();
    assert_eq!(by_rule(&staged, "literal-secret").len(), 1, "{staged:#}");
}

fn git(dir: &std::path::Path, args: &[&str]) {
    let status = std::process::Command::new("git")
        .current_dir(dir)
        .args(args)
        .status()
        .unwrap();
    assert!(status.success());
}
