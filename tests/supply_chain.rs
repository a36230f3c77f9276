//! Vulnerable and archived servers, end to end: what a pinned, an unpinned
//! and an unreadable version report, and what `--fix` writes.

mod common;

use common::*;

const REMOTE_0_1_12: &str = r#"{
  "mcpServers": {
    "acme-remote": {
      "command": "npx",
      "args": ["-y", "mcp-remote@0.1.12", "https://mcp.acme-corp.net/mcp"]
    },
    "git": {
      "command": "uvx",
      "args": ["--from", "mcp-server-git==2025.7.1", "mcp-server-git", "--repository", "."]
    },
    "figma": {
      "command": "npx",
      "args": ["-y", "figma-developer-mcp@0.6.2", "--stdio"]
    }
  }
}
"#;

#[test]
fn a_pinned_affected_version_is_an_error_naming_the_advisory_and_the_fix() {
    let t = Tree::new();
    t.write(".mcp.json", REMOTE_0_1_12);
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 1, "{report:#}");
    let hits = by_rule(&report, "vulnerable-server");
    assert_eq!(hits.len(), 3, "{report:#}");
    let remote = at(&report, ".mcp.json", "/mcpServers/acme-remote");
    assert_eq!(remote["severity"], "error");
    let message = remote["message"].as_str().unwrap();
    assert!(
        message.contains("CVE-2025-6514") && message.contains("0.1.12"),
        "{message}"
    );
    // Later advisories affect 0.1.16 too and name no fix: no pin is offered.
    let help = remote["help"].as_str().unwrap();
    assert!(
        help.contains("move past 0.1.38")
            && help.contains("CVE-2025-6514 / GHSA-6xpm-ggf7-wc3p, fixed in 0.1.16"),
        "{help}"
    );
    assert!(remote["fix"].is_null(), "{remote:#}");
    let figma = at(&report, ".mcp.json", "/mcpServers/figma");
    assert!(
        figma["help"]
            .as_str()
            .unwrap()
            .contains("`figma-developer-mcp@0.6.3`"),
        "{figma:#}"
    );
    let source = t.read(".mcp.json");
    assert_eq!(span_text(&source, remote), b"\"mcp-remote@0.1.12\"");
}

#[test]
fn fix_bumps_each_pin_to_the_first_release_without_advisories() {
    let t = Tree::new();
    t.write(".mcp.json", REMOTE_0_1_12);
    run(t.cmd().args(["--fix", "."])).assert_no_panic();
    let fixed = String::from_utf8(t.read(".mcp.json")).unwrap();
    assert!(fixed.contains(r#""figma-developer-mcp@0.6.3""#), "{fixed}");
    assert!(
        fixed.contains(r#""mcp-remote@0.1.12""#),
        "no fix where none is known: {fixed}"
    );
    // mcp-server-git has several advisories: the fix clears all of them.
    assert!(!fixed.contains("2025.7.1"), "{fixed}");
    assert!(
        !t.path(".env").exists(),
        "no secret moved, no env file written"
    );
    let (_, report) = run_json(&t.root, &[]);
    let left: Vec<&str> = by_rule(&report, "vulnerable-server")
        .iter()
        .map(|f| f["server"].as_str().unwrap())
        .collect();
    assert_eq!(left, ["acme-remote"], "{report:#}");
    assert_eq!(fixed.lines().count(), REMOTE_0_1_12.lines().count());
}

#[test]
fn fixed_versions_and_other_packages_are_quiet() {
    let t = Tree::new();
    t.write(
        ".mcp.json",
        r#"{"mcpServers": {
            "a": {"command": "npx", "args": ["-y", "mcp-remote@0.1.39", "https://mcp.acme-corp.net/mcp"]},
            "b": {"command": "npx", "args": ["-y", "mcp-remote@0.0.4", "https://mcp.acme-corp.net/mcp"]},
            "c": {"command": "npx", "args": ["-y", "mcp-remote-client@0.1.2", "https://mcp.acme-corp.net/mcp"]},
            "d": {"command": "npx", "args": ["./tools/mcp-remote@0.1.2"]}
        }}"#,
    );
    let (_, report) = run_json(&t.root, &["--persona", "auditor"]);
    assert!(
        by_rule(&report, "vulnerable-server").is_empty(),
        "{report:#}"
    );
}

#[test]
fn an_unpinned_launch_is_a_pedantic_note_and_a_hostile_version_is_unknown() {
    let t = Tree::new();
    let hostile = format!("mcp-remote@{}", "9.".repeat(3000));
    t.write(
        ".mcp.json",
        format!(
            r#"{{"mcpServers": {{
            "floating": {{"command": "npx", "args": ["-y", "mcp-remote", "https://mcp.acme-corp.net/mcp"]}},
            "arabic": {{"command": "npx", "args": ["-y", "mcp-remote@٠.١.١٠", "https://mcp.acme-corp.net/mcp"]}},
            "huge": {{"command": "npx", "args": ["-y", "{hostile}", "https://mcp.acme-corp.net/mcp"]}}
        }}}}"#
        ),
    );
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 0, "notes only, and only for pedantic: {report:#}");
    assert!(by_rule(&report, "vulnerable-server").is_empty());
    let (_, report) = run_json(&t.root, &["--persona", "pedantic"]);
    let notes = by_rule(&report, "vulnerable-server");
    assert_eq!(notes.len(), 3, "{report:#}");
    assert!(notes.iter().all(|n| n["severity"] == "note"));
    let floating = at(&report, ".mcp.json", "/mcpServers/floating");
    assert!(
        floating["help"].as_str().unwrap().contains("up to 0.1.38"),
        "{floating:#}"
    );
    let huge = at(&report, ".mcp.json", "/mcpServers/huge");
    let message = huge["message"].as_str().unwrap();
    assert!(
        message.contains("not a version") && message.len() < 300,
        "{message}"
    );
}

#[test]
fn an_archived_server_is_a_warning_naming_its_replacement() {
    let t = Tree::new();
    t.write(
        ".mcp.json",
        r#"{"mcpServers": {
            "github": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"], "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "${GITHUB_PAT}"}},
            "db": {"command": "docker", "args": ["run", "-i", "--rm", "-e", "DATABASE_URI", "mcp/postgres:latest"]},
            "sqlite": {"command": "uvx", "args": ["mcp-server-sqlite", "--db-path", "./app.db"]},
            "npm-sqlite": {"command": "npx", "args": ["-y", "mcp-server-sqlite"]},
            "maintained": {"command": "docker", "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "-e", "GITHUB_TOOLSETS=repos", "ghcr.io/github/github-mcp-server:v0.9.1", "--read-only"]}
        }}"#,
    );
    let (code, report) = run_json(&t.root, &[]);
    assert_eq!(code, 1, "{report:#}");
    let mut servers: Vec<&str> = by_rule(&report, "archived-server")
        .iter()
        .map(|f| f["pointer"].as_str().unwrap())
        .collect();
    servers.sort();
    // npm's `mcp-server-sqlite` is another project than PyPI's archived one.
    assert_eq!(
        servers,
        ["/mcpServers/db", "/mcpServers/github", "/mcpServers/sqlite"]
    );
    let github = at(&report, ".mcp.json", "/mcpServers/github");
    assert_eq!(github["severity"], "warning");
    let help = github["help"].as_str().unwrap();
    assert!(
        help.contains("ghcr.io/github/github-mcp-server") && help.contains("GITHUB_READ_ONLY=1"),
        "{help}"
    );
    let db = at(&report, ".mcp.json", "/mcpServers/db");
    assert!(
        db["help"].as_str().unwrap().contains("never fixed"),
        "{db:#}"
    );
}
