//! A committed token past its readable expiry (a JWT's `exp`, a SAS
//! token's `se=`) is one literal-secret finding that says so, and `--fix`
//! moves it like any other secret.

mod common;

use common::*;

/// `exp` 2025-03-01 (1740787200); the signature is made up.
const EXPIRED_JWT: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtbWNwLXJlcG9ydGluZyIsImlzcyI6Imh0dHBzOi8vYXV0aC5hY21lLWNvcnAubmV0IiwiZXhwIjoxNzQwNzg3MjAwfQ.Kq3vZ8MCPLINTn1xW0bT4yQe7LrUaHs9dPfGj2kMcV5";
/// `exp` 2100-01-01.
const LIVE_JWT: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtbWNwLXJlcG9ydGluZyIsImlzcyI6Imh0dHBzOi8vYXV0aC5hY21lLWNvcnAubmV0IiwiZXhwIjo0MTAyNDQ0ODAwfQ.Zr8pQ2MCPLINTw5nY1cVb7tKe3XsLaJ0gHdFu6mNo4i";

fn config(token: &str) -> String {
    format!(
        r#"{{
  "mcpServers": {{
    "reports": {{
      "type": "http",
      "url": "https://mcp.acme-corp.net/reports",
      "headers": {{ "Authorization": "Bearer {token}" }}
    }}
  }}
}}
"#
    )
}

#[test]
fn an_expired_jwt_is_one_finding_that_says_when_it_expired() {
    let t = Tree::new();
    t.write(".mcp.json", config(EXPIRED_JWT));
    let (code, report) = run_json(&t.root, &["--persona", "auditor"]);
    assert_eq!(code, 1);
    let all = findings(&report);
    assert_eq!(all.len(), 1, "one finding on the span, not two: {report:#}");
    let f = &all[0];
    assert_eq!(f["rule"], "literal-secret");
    let message = f["message"].as_str().unwrap();
    assert!(
        message.contains("expired on 2025-03-01; revoke it anyway"),
        "{message}"
    );
    let text = serde_json::to_string(&report).unwrap();
    assert!(
        !text.contains(EXPIRED_JWT) && !text.contains(&EXPIRED_JWT[40..90]),
        "never printed"
    );
}

#[test]
fn a_live_jwt_says_nothing_of_expiry() {
    let t = Tree::new();
    t.write(".mcp.json", config(LIVE_JWT));
    let (_, report) = run_json(&t.root, &[]);
    let secrets = by_rule(&report, "literal-secret");
    assert_eq!(secrets.len(), 1, "{report:#}");
    assert!(!secrets[0]["message"].as_str().unwrap().contains("expired"));
}

#[test]
fn fix_moves_an_expired_token_like_any_secret() {
    let t = Tree::new();
    t.write(".mcp.json", config(EXPIRED_JWT));
    run(t.cmd().args(["--fix", "."])).assert_no_panic();
    let fixed = String::from_utf8(t.read(".mcp.json")).unwrap();
    assert!(!fixed.contains(EXPIRED_JWT), "{fixed}");
    assert!(fixed.contains("Bearer ${"), "{fixed}");
    let env = String::from_utf8(t.read(".env")).unwrap();
    assert!(
        env.contains(EXPIRED_JWT),
        "the token went to the env file: {env}"
    );
}

#[test]
fn an_expired_sas_url_says_so() {
    let t = Tree::new();
    let url = "https://acmereports.blob.core.windows.net/exports?sv=2022-11-02&sr=c&sp=rl&se=2025-03-01T12:00:00Z&sig=qQHFKZWBJ1%2FD8ApMCPLINTzCZOKQkBFGYwDEglbO8WY%3D";
    t.write(
        ".mcp.json",
        format!(r#"{{"mcpServers": {{"blob": {{"command": "npx", "args": ["-y", "@acme/blob-mcp@1.0.0", "{url}"]}}}}}}"#),
    );
    let (_, report) = run_json(&t.root, &[]);
    let secrets = by_rule(&report, "literal-secret");
    assert!(!secrets.is_empty(), "{report:#}");
    assert!(
        secrets.iter().any(|s| s["message"]
            .as_str()
            .unwrap()
            .contains("expired on 2025-03-01")),
        "{report:#}"
    );
}
