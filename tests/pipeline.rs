//! Every entry point lints through one pipeline and applies the same
//! settings: with an `[[ignore]]`, an inline ignore, a disabled rule and a
//! severity override, the walk, named files, standard input, `--staged`,
//! `baseline write` and `history` report the same findings for the same
//! content, and `--fix`/`--diff` leave every ignored value as it was.

mod common;

use std::collections::BTreeSet;

use common::{mcplint_in, run, run_json, Tree};
use serde_json::Value;

const DEMO_TOKEN: &str = "xoxb-8383223807-578906325297-bkBdEoMCPLINTJLBFxs4ReIK";
const ALERTS_TOKEN: &str = "xoxb-58521745940-5460759125549-fqMCPLINTPBNFSaLm640q53I";
const WORKSHOP_KEY: &str = "lin_api_17GMCPLINTsUFKeImxowuTuWIQiy4t2gqNnCctul";
const BACKUP_KEY: &str = "lin_api_Mq8vZ2xL4rT9nB6cW1pK7dH3sF0jY5gA8eR2tU6i";

fn mcp_json() -> String {
    format!(
        r#"{{
  "mcpServers": {{
    "demo": {{
      "command": "npx",
      "args": ["-y", "@acme/slack-digest-mcp@1.4.2"],
      "env": {{ "SLACK_BOT_TOKEN": "{DEMO_TOKEN}" }}
    }},
    "alerts": {{
      "command": "npx",
      "args": ["-y", "@acme/slack-digest-mcp@1.4.2"],
      "env": {{ "SLACK_BOT_TOKEN": "{ALERTS_TOKEN}" }}
    }},
    "events": {{ "type": "sse", "url": "https://events.acme-corp.net/sse" }},
    "tracker": {{ "command": "npx", "args": ["-y", "@acme/tracker-mcp"] }}
  }}
}}
"#
    )
}

fn vscode_mcp_json() -> String {
    format!(
        r#"{{
  "servers": {{
    "linear": {{
      "type": "stdio",
      "command": "npx",
      "args": ["-y", "@acme/linear-mcp@2.0.1"],
      "env": {{
        // mcplint-ignore[literal-secret]: workshop key, revoked, kept to show the mistake
        "LINEAR_API_KEY": "{WORKSHOP_KEY}",
        "LINEAR_BACKUP_KEY": "{BACKUP_KEY}"
      }}
    }}
  }}
}}
"#
    )
}

const MCPLINT_TOML: &str = r#"persona = "pedantic"

[rules]
disable = ["deprecated-sse"]

[rules.severity]
unpinned-package = "warning"

[[ignore]]
rule = "literal-secret"
path = ".mcp.json"
pointer = "/mcpServers/demo"
reason = "revoked demo token, kept to show the mistake"
"#;

/// A repository with both configs and the team's `mcplint.toml`, all
/// committed.
fn project() -> Tree {
    let t = Tree::new();
    t.git_init("");
    t.write(".gitignore", ".env\n");
    t.write("mcplint.toml", MCPLINT_TOML);
    t.write(".mcp.json", mcp_json());
    t.write(".vscode/mcp.json", vscode_mcp_json());
    t.git(&["add", "-A"]);
    t.git(&["commit", "-qm", "configs"]);
    t
}

/// (rule, file, pointer, severity) of every finding on the two configs.
type Key = (String, String, String, String);

fn keys(report: &Value) -> BTreeSet<Key> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["file"] != "mcplint.toml")
        .map(|f| {
            let file = f["file"].as_str().unwrap();
            // History names a version `path@commit`.
            let file = file.split('@').next().unwrap();
            (
                f["rule"].as_str().unwrap().to_string(),
                file.to_string(),
                f["pointer"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn of_file(all: &BTreeSet<Key>, file: &str) -> BTreeSet<Key> {
    all.iter().filter(|k| k.1 == file).cloned().collect()
}

fn secrets(all: &BTreeSet<Key>) -> BTreeSet<(String, String)> {
    all.iter()
        .filter(|k| k.0 == "literal-secret")
        .map(|k| (k.1.clone(), k.2.clone()))
        .collect()
}

fn expected_secrets() -> BTreeSet<(String, String)> {
    [
        (".mcp.json", "/mcpServers/alerts/env/SLACK_BOT_TOKEN"),
        (".vscode/mcp.json", "/servers/linear/env/LINEAR_BACKUP_KEY"),
    ]
    .iter()
    .map(|(f, p)| (f.to_string(), p.to_string()))
    .collect()
}

#[test]
fn the_walk_applies_every_setting() {
    let t = project();
    let (code, report) = run_json(&t.root, &["."]);
    assert_eq!(code, 1);
    let all = keys(&report);
    assert_eq!(secrets(&all), expected_secrets(), "{all:#?}");
    assert!(
        !all.iter().any(|k| k.0 == "deprecated-sse"),
        "a disabled rule reports nothing: {all:#?}"
    );
    let unpinned: Vec<&Key> = all.iter().filter(|k| k.0 == "unpinned-package").collect();
    assert!(!unpinned.is_empty(), "{all:#?}");
    assert!(unpinned.iter().all(|k| k.3 == "warning"), "{unpinned:#?}");
    // Nothing stale: both ignores hid a finding.
    assert!(
        !report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "stale-ignore"),
        "{report:#}"
    );
}

#[test]
fn named_files_stdin_and_staged_report_what_the_walk_reports() {
    let t = project();
    let walk = keys(&run_json(&t.root, &["."]).1);

    let named = keys(&run_json(&t.root, &[".mcp.json", ".vscode/mcp.json"]).1);
    assert_eq!(named, walk, "named files");

    for file in [".mcp.json", ".vscode/mcp.json"] {
        let r = run(mcplint_in(&t.root)
            .args(["--format", "json", "-", "--stdin-filename", file])
            .write_stdin(t.read(file)));
        assert_eq!(keys(&r.json()), of_file(&walk, file), "stdin as {file}");
    }

    // Staged content that differs from the working tree: the index wins,
    // under the same settings.
    let s = Tree::new();
    s.git_init("");
    s.write("mcplint.toml", MCPLINT_TOML);
    s.git(&["add", "-A"]);
    s.git(&["commit", "-qm", "team settings"]);
    s.write(".mcp.json", mcp_json());
    s.write(".vscode/mcp.json", vscode_mcp_json());
    s.git(&["add", "-A"]);
    s.write(".mcp.json", "{\"mcpServers\": {}}\n");
    let staged = keys(&run_json(&s.root, &["--staged", "."]).1);
    assert_eq!(staged, walk, "--staged");
}

#[test]
fn baseline_write_records_what_the_walk_reports() {
    let t = project();
    let walk = keys(&run_json(&t.root, &["."]).1);
    let r = run(mcplint_in(&t.root).args(["baseline", "write"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let baseline: Value =
        serde_json::from_slice(&t.read("mcplint-baseline.json")).expect("baseline JSON");
    let recorded: BTreeSet<(String, String, String)> = baseline["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["rule"].as_str().unwrap().to_string(),
                e["file"].as_str().unwrap().to_string(),
                e["pointer"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected: BTreeSet<(String, String, String)> = walk
        .iter()
        .map(|k| (k.0.clone(), k.1.clone(), k.2.clone()))
        .collect();
    assert_eq!(recorded, expected);
}

#[test]
fn history_applies_the_same_ignores_inline_and_configured() {
    let t = project();
    let r = run(mcplint_in(&t.root).args(["history", "--format", "json"]));
    let all = keys(&r.json());
    assert_eq!(secrets(&all), expected_secrets(), "{all:#?}");
}

#[test]
fn fix_and_diff_leave_ignored_values_byte_for_byte() {
    let t = project();
    let diff = run(mcplint_in(&t.root).args(["--diff", "."]));
    assert_eq!(diff.code, 1, "{}", diff.stderr);
    let removed = |key: &str| {
        diff.stdout
            .lines()
            .filter(|l| l.starts_with('-') && !l.starts_with("---") && l.contains(key))
            .count()
    };
    assert_eq!(removed("SLACK_BOT_TOKEN"), 1, "{}", diff.stdout);
    assert_eq!(removed("LINEAR_BACKUP_KEY"), 1, "{}", diff.stdout);
    assert_eq!(removed("LINEAR_API_KEY"), 0, "{}", diff.stdout);

    let fix = run(mcplint_in(&t.root).args(["--fix", "--format", "json", "."]));
    // The unpinned package (a warning by the config) is left to the user.
    assert_eq!(fix.code, 1, "{}\n{}", fix.stdout, fix.stderr);
    assert!(secrets(&keys(&fix.json())).is_empty(), "{}", fix.stdout);
    let mcp = String::from_utf8(t.read(".mcp.json")).unwrap();
    let vscode = String::from_utf8(t.read(".vscode/mcp.json")).unwrap();
    // The ignored values, and their lines, are exactly as they were.
    let line_of = |text: &str, needle: &str| {
        text.lines()
            .find(|l| l.contains(needle))
            .map(str::to_string)
    };
    assert_eq!(
        line_of(&mcp, DEMO_TOKEN),
        line_of(&mcp_json(), DEMO_TOKEN),
        "{mcp}"
    );
    assert_eq!(
        line_of(&vscode, WORKSHOP_KEY),
        line_of(&vscode_mcp_json(), WORKSHOP_KEY),
        "{vscode}"
    );
    assert!(!mcp.contains(ALERTS_TOKEN), "{mcp}");
    assert!(!vscode.contains(BACKUP_KEY), "{vscode}");
    let env = String::from_utf8(t.read(".env")).unwrap();
    assert!(
        env.contains(ALERTS_TOKEN) && env.contains(BACKUP_KEY),
        "{env}"
    );
    assert!(
        !env.contains(DEMO_TOKEN) && !env.contains(WORKSHOP_KEY),
        "an ignored secret is not copied to the env file: {env}"
    );
    // And a second run finds nothing left to fix.
    let again = run(mcplint_in(&t.root).args(["--diff", "."]));
    assert_eq!(again.code, 0, "{}", again.stdout);
}
