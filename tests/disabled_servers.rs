//! A server its client will not start (`disabled: true`, `enabled =
//! false`, per each client's approval data) gets no breadth, approval or
//! placeholder findings; a literal secret in it is still reported, and says
//! the server is disabled. The same entry enabled is reported in full.

mod common;

use common::{run_json, Tree, GHP};
use serde_json::Value;

/// `(path, text)` of a config holding one GitHub server `gh` with a
/// classic token (a literal secret and a broad credential) and a
/// placeholder, with `switch` written into the entry.
fn config(client: &str, switch: &str) -> (&'static str, String) {
    let json = |path: &'static str, key: &str| {
        (
            path,
            format!(
                r#"{{"{key}": {{"gh": {{"command": "github-mcp-server", "args": ["stdio"], {switch},
  "env": {{"GITHUB_PERSONAL_ACCESS_TOKEN": "{GHP}", "SLACK_BOT_TOKEN": "xoxb-your-token-here"}}}}}}}}"#
            ),
        )
    };
    match client {
        "cline" => json("cline_mcp_settings.json", "mcpServers"),
        "roo" => json(".roo/mcp.json", "mcpServers"),
        "kiro" => json(".kiro/settings/mcp.json", "mcpServers"),
        "amazon-q" => json(".amazonq/mcp.json", "mcpServers"),
        "crush" => (
            "crush.json",
            format!(
                r#"{{"mcp": {{"gh": {{"type": "stdio", "command": "github-mcp-server", "args": ["stdio"], {switch},
  "env": {{"GITHUB_PERSONAL_ACCESS_TOKEN": "{GHP}", "SLACK_BOT_TOKEN": "xoxb-your-token-here"}}}}}}}}"#
            ),
        ),
        "opencode" => (
            "opencode.json",
            format!(
                r#"{{"mcp": {{"gh": {{"type": "local", "command": ["github-mcp-server", "stdio"], {switch},
  "environment": {{"GITHUB_PERSONAL_ACCESS_TOKEN": "{GHP}", "SLACK_BOT_TOKEN": "xoxb-your-token-here"}}}}}}}}"#
            ),
        ),
        "goose" => (
            ".config/goose/config.yaml",
            format!(
                "extensions:\n  gh:\n    name: gh\n    type: stdio\n    cmd: github-mcp-server\n    args: [stdio]\n    {switch}\n\
                 \x20   envs:\n      GITHUB_PERSONAL_ACCESS_TOKEN: {GHP}\n      SLACK_BOT_TOKEN: xoxb-your-token-here\n"
            ),
        ),
        "codex" => (
            ".codex/config.toml",
            format!(
                "[mcp_servers.gh]\ncommand = \"github-mcp-server\"\nargs = [\"stdio\"]\n{switch}\n\
                 env = {{ GITHUB_PERSONAL_ACCESS_TOKEN = \"{GHP}\", SLACK_BOT_TOKEN = \"xoxb-your-token-here\" }}\n"
            ),
        ),
        other => panic!("no config for {other}"),
    }
}

fn rules_of(doc: &Value) -> Vec<String> {
    let mut rules: Vec<String> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect();
    rules.sort();
    rules
}

#[test]
fn a_disabled_server_keeps_only_its_secret_and_says_it_is_disabled() {
    let cases = [
        ("cline", r#""disabled": true"#, r#""disabled": false"#),
        ("roo", r#""disabled": true"#, r#""disabled": false"#),
        ("kiro", r#""disabled": true"#, r#""disabled": false"#),
        ("amazon-q", r#""disabled": true"#, r#""disabled": false"#),
        ("crush", r#""disabled": true"#, r#""disabled": false"#),
        ("codex", "enabled = false", "enabled = true"),
        ("opencode", r#""enabled": false"#, r#""enabled": true"#),
        ("goose", "enabled: false", "enabled: true"),
    ];
    for (client, off, on) in cases {
        let t = Tree::new();
        let (path, text) = config(client, off);
        t.write(path, text);
        let (_, doc) = run_json(&t.root, &["--persona", "pedantic"]);
        assert_eq!(
            rules_of(&doc),
            ["literal-secret"],
            "{client}, disabled: {doc:#}"
        );
        let secret = &doc["findings"][0];
        assert!(
            secret["message"]
                .as_str()
                .unwrap()
                .contains("(`gh` is disabled: the "),
            "{client}: {secret:#}"
        );
        // The fix still takes the secret out.
        assert!(secret["fix"].is_object(), "{client}: {secret:#}");

        // Enabled, the same entry is reported in full: the breadth of the
        // token, and the placeholder.
        let t = Tree::new();
        let (path, text) = config(client, on);
        t.write(path, text);
        let (_, doc) = run_json(&t.root, &["--persona", "pedantic"]);
        let rules = rules_of(&doc);
        assert!(
            rules.contains(&"placeholder-value".to_string()),
            "{client}, enabled: {rules:?}"
        );
        let secret = doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == "literal-secret")
            .unwrap();
        let message = secret["message"].as_str().unwrap();
        assert!(
            message.contains("a broad credential"),
            "{client}: {message}"
        );
        assert!(!message.contains("disabled"), "{client}: {message}");
    }
}

#[test]
fn a_key_of_another_client_does_not_disable() {
    // Claude Code has no per-server `disabled`: the entry runs, and is
    // reported in full.
    let t = Tree::new();
    let (_, text) = config("cline", r#""disabled": true"#);
    t.write(".mcp.json", text);
    let (_, doc) = run_json(&t.root, &["--persona", "pedantic"]);
    assert!(
        rules_of(&doc).contains(&"placeholder-value".to_string()),
        "{doc:#}"
    );
}
