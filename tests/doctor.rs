//! `mcplint doctor`, end to end: each variable set, unset, empty, with a
//! default, or in the env file the client loads; references the client does
//! not expand; inputs; expired tokens. It prints names, never values.

mod common;

use common::*;
use serde_json::Value;

/// `exp` 2025-03-01.
const EXPIRED_JWT: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtbWNwLXJlcG9ydGluZyIsImlzcyI6Imh0dHBzOi8vYXV0aC5hY21lLWNvcnAubmV0IiwiZXhwIjoxNzQwNzg3MjAwfQ.Kq3vZ8MCPLINTn1xW0bT4yQe7LrUaHs9dPfGj2kMcV5";
const SECRET_VALUE: &str = "ghp_doctorMCPLINTvalueNeverPrinted0123";

const CLAUDE: &str = r#"{
  "mcpServers": {
    "github": {
      "command": "docker",
      "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server:v0.9.1", "--read-only"],
      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${GITHUB_PAT}" }
    },
    "linear": {
      "type": "http",
      "url": "https://mcp.linear.app/mcp",
      "headers": { "Authorization": "Bearer ${LINEAR_API_KEY}" }
    },
    "db": {
      "command": "uvx",
      "args": ["postgres-mcp==0.3.0", "--access-mode=restricted"],
      "env": { "DATABASE_URI": "${DATABASE_URL:-postgresql://localhost:5432/dev}" }
    },
    "jira": {
      "command": "uvx",
      "args": ["mcp-atlassian==0.11.10"],
      "env": { "JIRA_API_TOKEN": "${env:JIRA_API_TOKEN}" }
    },
    "reports": {
      "type": "http",
      "url": "https://mcp.acme-corp.net/reports",
      "headers": { "Authorization": "Bearer ${REPORTS_TOKEN}" }
    }
  }
}
"#;

fn doctor(t: &Tree, env: &[(&str, &str)], args: &[&str]) -> Run {
    let mut cmd = t.cmd();
    for name in [
        "GITHUB_PAT",
        "LINEAR_API_KEY",
        "DATABASE_URL",
        "JIRA_API_TOKEN",
        "REPORTS_TOKEN",
        "SENTRY_ACCESS_TOKEN",
        "DOCS_TOKEN",
    ] {
        cmd.env_remove(name);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.arg("doctor").args(args);
    run(&mut cmd)
}

fn server<'a>(report: &'a Value, file: &str, name: &str) -> &'a Value {
    report["configs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["file"] == file)
        .and_then(|c| {
            c["servers"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["name"] == name)
        })
        .unwrap_or_else(|| panic!("{file} {name}: {report:#}"))
}

fn statuses(server: &Value) -> Vec<(String, String)> {
    server["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_string(),
                c["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn set_unset_empty_default_and_unexpanded() {
    let t = Tree::new();
    t.write(".mcp.json", CLAUDE);
    let out = doctor(
        &t,
        &[
            ("GITHUB_PAT", SECRET_VALUE),
            ("LINEAR_API_KEY", ""),
            ("REPORTS_TOKEN", EXPIRED_JWT),
        ],
        &["--format", "json"],
    );
    assert_eq!(out.code, 1, "{}", out.stdout);
    let report = out.json();
    assert_eq!(report["healthy"], false);
    let github = server(&report, ".mcp.json", "github");
    assert_eq!(github["starts"], true);
    assert_eq!(statuses(github), [("GITHUB_PAT".into(), "ok".into())]);
    let linear = server(&report, ".mcp.json", "linear");
    assert_eq!(
        statuses(linear),
        [("LINEAR_API_KEY".into(), "fails".into())]
    );
    assert!(linear["checks"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("empty"));
    let db = server(&report, ".mcp.json", "db");
    assert_eq!(db["starts"], true, "a default is used: {db:#}");
    assert_eq!(statuses(db), [("DATABASE_URL".into(), "default".into())]);
    let jira = server(&report, ".mcp.json", "jira");
    assert_eq!(jira["starts"], false);
    assert!(
        jira["checks"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("does not expand `${env:VAR}`"),
        "{jira:#}"
    );
    let reports = server(&report, ".mcp.json", "reports");
    assert!(
        reports["checks"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("expired on 2025-03-01"),
        "{reports:#}"
    );
    for secret in [SECRET_VALUE, EXPIRED_JWT] {
        assert!(
            !out.stdout.contains(secret) && !out.stderr.contains(secret),
            "a value was printed"
        );
    }
    let human = doctor(&t, &[("GITHUB_PAT", SECRET_VALUE)], &[]);
    assert!(!human.stdout.contains(SECRET_VALUE));
    assert!(human.stdout.contains("✓ github: ready"), "{}", human.stdout);
    assert!(
        human.stdout.contains("✗ LINEAR_API_KEY is not set"),
        "{}",
        human.stdout
    );
    assert!(
        human.stdout.contains("header Authorization, line 11"),
        "{}",
        human.stdout
    );
}

#[test]
fn exit_0_when_everything_would_start() {
    let t = Tree::new();
    t.write(
        ".mcp.json",
        CLAUDE.replace("${env:JIRA_API_TOKEN}", "${JIRA_API_TOKEN}"),
    );
    let env = [
        ("GITHUB_PAT", "x1"),
        ("LINEAR_API_KEY", "x2"),
        ("JIRA_API_TOKEN", "x3"),
        ("REPORTS_TOKEN", "x4"),
    ];
    let out = doctor(&t, &env, &[]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(
        out.stdout
            .contains("5 servers in 1 config: 5 ready, 0 with problems"),
        "{}",
        out.stdout
    );
}

#[test]
fn the_env_file_a_client_loads_counts_and_a_missing_one_is_reported() {
    let t = Tree::new();
    t.write(
        ".cursor/mcp.json",
        r#"{"mcpServers": {
            "sentry": {"command": "npx", "args": ["-y", "@sentry/mcp-server@0.17.1"], "env": {"SENTRY_ACCESS_TOKEN": "${env:SENTRY_ACCESS_TOKEN}"}, "envFile": "${workspaceFolder}/.env.mcp"},
            "docs": {"command": "npx", "args": ["-y", "@acme/docs-mcp@1.2.0"], "env": {"DOCS_TOKEN": "${env:DOCS_TOKEN}"}, "envFile": ".env.nowhere"}
        }}"#,
    );
    t.write(".env.mcp", format!("SENTRY_ACCESS_TOKEN={SECRET_VALUE}\n"));
    let out = doctor(&t, &[], &["--format", "json"]);
    let report = out.json();
    let sentry = server(&report, ".cursor/mcp.json", "sentry");
    assert_eq!(
        statuses(sentry),
        [("SENTRY_ACCESS_TOKEN".into(), "ok".into())]
    );
    assert!(sentry["checks"][0]["reason"]
        .as_str()
        .unwrap()
        .contains(".env.mcp"));
    let docs = server(&report, ".cursor/mcp.json", "docs");
    assert_eq!(docs["starts"], false);
    assert!(
        docs["checks"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("does not exist"),
        "{docs:#}"
    );
    assert!(!out.stdout.contains(SECRET_VALUE));
    // Claude Code reads no env file: the same variable in .env is not set for it.
    t.write(".mcp.json", r#"{"mcpServers": {"s": {"command": "npx", "args": ["-y", "@acme/docs-mcp@1.2.0"], "env": {"T": "${SENTRY_ACCESS_TOKEN}"}}}}"#);
    let report = doctor(&t, &[], &["--format", "json"]).json();
    assert_eq!(server(&report, ".mcp.json", "s")["starts"], false);
}

#[test]
fn an_input_must_be_declared() {
    let t = Tree::new();
    t.write(
        ".vscode/mcp.json",
        r#"{"servers": {"figma": {"type": "stdio", "command": "npx", "args": ["-y", "figma-developer-mcp@0.6.3", "--stdio"],
            "env": {"FIGMA_API_KEY": "${input:figma-key}", "OTHER": "${input:nope}"}}},
          "inputs": [{"id": "figma-key", "type": "promptString", "description": "Figma token", "password": true}]}"#,
    );
    let report = doctor(&t, &[], &["--format", "json"]).json();
    let figma = server(&report, ".vscode/mcp.json", "figma");
    assert_eq!(
        statuses(figma),
        [
            ("figma-key".into(), "ok".into()),
            ("nope".into(), "fails".into())
        ]
    );
}

#[test]
fn codex_forwards_names() {
    let t = Tree::new();
    t.write(
        ".codex/config.toml",
        "[mcp_servers.docs]\nurl = \"https://docs-mcp.acme-corp.net/mcp\"\nbearer_token_env_var = \"DOCS_TOKEN\"\n",
    );
    let out = doctor(&t, &[], &[]);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.contains("✗ DOCS_TOKEN is not set"),
        "{}",
        out.stdout
    );
    let out = doctor(&t, &[("DOCS_TOKEN", "x")], &[]);
    assert_eq!(out.code, 0, "{}", out.stdout);
}

#[test]
fn a_broken_config_is_reported_not_skipped() {
    let t = Tree::new();
    t.write(".mcp.json", "{\"mcpServers\": {\"s\": ");
    t.write(
        ".cursor/mcp.json",
        r#"{"mcpServers": {"ok": {"url": "https://mcp.acme-corp.net/mcp"}}}"#,
    );
    let out = doctor(&t, &[], &[]);
    out.assert_no_panic();
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("cannot be read"), "{}", out.stdout);
    assert!(out.stdout.contains("✓ ok"), "{}", out.stdout);
}

#[test]
fn a_disabled_server_is_not_checked_and_kiro_needs_approval() {
    let t = Tree::new();
    t.write(
        ".kiro/settings/mcp.json",
        r#"{"mcpServers": {
            "off": {"command": "npx", "args": ["-y", "@acme/docs-mcp@1.2.0"], "env": {"T": "${DOCS_TOKEN}"}, "disabled": true},
            "on": {"command": "npx", "args": ["-y", "@acme/docs-mcp@1.2.0"], "env": {"T": "${SENTRY_ACCESS_TOKEN}"}}
        }}"#,
    );
    let out = doctor(&t, &[("SENTRY_ACCESS_TOKEN", "x")], &["--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    let report = out.json();
    let off = server(&report, ".kiro/settings/mcp.json", "off");
    assert_eq!(
        (
            off["disabled"].clone(),
            off["checks"].as_array().unwrap().len()
        ),
        (Value::Bool(true), 0)
    );
    let on = server(&report, ".kiro/settings/mcp.json", "on");
    assert!(
        on["checks"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("mcpApprovedEnvVars"),
        "{on:#}"
    );
}

#[test]
fn a_placeholder_where_the_credential_goes_fails() {
    let t = Tree::new();
    t.write(
        ".mcp.json",
        r#"{"mcpServers": {"sentry": {"command": "npx", "args": ["-y", "@sentry/mcp-server@0.17.1"], "env": {"SENTRY_ACCESS_TOKEN": "<your-sentry-token>"}}}}"#,
    );
    let out = doctor(&t, &[], &[]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout
            .contains("✗ env SENTRY_ACCESS_TOKEN holds a placeholder"),
        "{}",
        out.stdout
    );
}

#[cfg(unix)]
#[test]
fn an_env_file_outside_the_workspace_or_a_device_is_not_read() {
    let t = Tree::new();
    t.write(
        ".cursor/mcp.json",
        r#"{"mcpServers": {
            "dev": {"command": "npx", "args": ["-y", "@acme/docs-mcp@1.2.0"], "env": {"T": "${env:DOCS_TOKEN}"}, "envFile": "/dev/zero"},
            "etc": {"command": "npx", "args": ["-y", "@acme/docs-mcp@1.2.0"], "env": {"T": "${env:DOCS_TOKEN}"}, "envFile": "/etc/hostname"}
        }}"#,
    );
    let out = doctor(&t, &[], &["--format", "json"]);
    out.assert_no_panic();
    let report = out.json();
    for name in ["dev", "etc"] {
        let s = server(&report, ".cursor/mcp.json", name);
        assert_eq!(s["starts"], false, "{s:#}");
        let reasons: Vec<&str> = s["checks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["reason"].as_str().unwrap())
            .collect();
        assert!(
            reasons
                .iter()
                .any(|r| r.contains("not read by mcplint doctor") || r.contains("does not exist")),
            "{reasons:?}"
        );
    }
}
