//! `auto-approved-tools`: a client told to run a server's write or
//! destructive tools without asking, in each client's own keys (from its
//! approval data); approving read tools, a narrowed server, an unknown
//! server or a disabled one is quiet.

mod common;

use common::{run_json, Tree};
use serde_json::Value;

/// A GitHub server (write tools, not narrowed) and a filesystem server,
/// each with the approval `github` / `fs` written into its entry.
fn servers(github: &str, fs: &str) -> String {
    format!(
        r#"{{"mcpServers": {{
  "github": {{"command": "github-mcp-server", "args": ["stdio"], {github}}},
  "fs": {{"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "/srv/app"], {fs}}}
}}}}"#
    )
}

fn approvals(path: &str, text: &str) -> Vec<Value> {
    let t = Tree::new();
    t.write(path, text);
    let (_, doc) = run_json(&t.root, &[]);
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "auto-approved-tools")
        .cloned()
        .collect()
}

fn messages(found: &[Value]) -> Vec<String> {
    found
        .iter()
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_tool_approved_on_a_writable_server_is_reported_in_each_clients_key() {
    for (path, key) in [
        (".roo/mcp.json", "alwaysAllow"),
        (".kilocode/mcp.json", "alwaysAllow"),
        (".kiro/settings/mcp.json", "autoApprove"),
    ] {
        let found = approvals(path, &servers(&format!(r#""{key}": ["*"]"#), r#""x": 1"#));
        let m = messages(&found);
        assert_eq!(m.len(), 1, "{path}: {m:?}");
        assert!(
            m[0].starts_with(&format!(
                "`{key}` lets every tool of `github` (GitHub MCP server) run without asking"
            )),
            "{path}: {m:?}"
        );
        assert!(
            m[0].contains("`merge_pull_request`") || m[0].contains("`delete_*`"),
            "{m:?}"
        );
        assert_eq!(found[0]["severity"], "warning");
        assert_eq!(found[0]["pointer"], format!("/mcpServers/github/{key}"));
    }
    // Gemini CLI and Qwen Code: `trust: true` skips every confirmation.
    for path in [".gemini/settings.json", ".qwen/settings.json"] {
        let m = messages(&approvals(
            path,
            &servers(r#""trust": true"#, r#""trust": false"#),
        ));
        assert_eq!(m.len(), 1, "{path}: {m:?}");
        assert!(
            m[0].starts_with("`trust` lets every tool of `github`"),
            "{m:?}"
        );
    }
}

#[test]
fn a_named_destructive_tool_is_reported_and_read_tools_are_not() {
    let found = approvals(
        ".roo/mcp.json",
        &servers(
            r#""alwaysAllow": ["get_file_contents", "search_code"]"#,
            r#""alwaysAllow": ["read_file", "list_directory", "write_file"]"#,
        ),
    );
    let m = messages(&found);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(
        m[0].starts_with(
            "`alwaysAllow` lets `write_file` of `fs` (Filesystem MCP server) run without asking"
        ),
        "{m:?}"
    );
    assert_eq!(found[0]["pointer"], "/mcpServers/fs/alwaysAllow");
    // Cline's key is `autoApprove`, and it compares names: `"*"` approves
    // nothing there, while a destructive name is reported.
    let m = messages(&approvals(
        "cline_mcp_settings.json",
        &servers(r#""autoApprove": ["*"]"#, r#""autoApprove": ["edit_file"]"#),
    ));
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("`edit_file` of `fs`"), "{m:?}");
    // ... and Roo Code's key in a Cline file is not Cline's.
    assert!(approvals(
        "cline_mcp_settings.json",
        &servers(r#""alwaysAllow": ["*"]"#, r#""x": 1"#)
    )
    .is_empty());
}

#[test]
fn narrowed_unknown_and_disabled_servers_are_quiet() {
    let quiet = [
        // Read-only mode: no write tool left to approve.
        r#"{"mcpServers": {"github": {"command": "github-mcp-server", "args": ["stdio", "--read-only"], "alwaysAllow": ["*"]}}}"#,
        // A server mcplint has no profile for: nothing known to widen.
        r#"{"mcpServers": {"notes": {"command": "acme-notes-mcp", "alwaysAllow": ["*"]}}}"#,
        // Disabled: its client does not start it.
        r#"{"mcpServers": {"github": {"command": "github-mcp-server", "args": ["stdio"], "disabled": true, "alwaysAllow": ["*"]}}}"#,
    ];
    for text in quiet {
        assert!(approvals(".roo/mcp.json", text).is_empty(), "{text}");
    }
}

#[test]
fn a_client_without_such_a_key_is_quiet() {
    // Claude Code reads no approval inside a server entry.
    assert!(approvals(
        ".mcp.json",
        &servers(r#""alwaysAllow": ["*"]"#, r#""x": 1"#)
    )
    .is_empty());
}
