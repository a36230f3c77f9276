//! `mcplint --user` against a fake home: every client's per-user file is
//! found through HOME / XDG_CONFIG_HOME / APPDATA, and shown as `~/…`.

use std::path::Path;

use assert_cmd::Command;

const PAT: &str = "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";

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn json_server(key: &str) -> String {
    format!(r#"{{"{key}": {{"gh": {{"command": "npx", "env": {{"GITHUB_TOKEN": "{PAT}"}}}}}}}}"#)
}

#[test]
fn user_files_of_every_client_are_linted() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let work = tempfile::tempdir().unwrap();
    write(h, ".claude.json", &json_server("mcpServers"));
    write(h, ".cursor/mcp.json", &json_server("mcpServers"));
    write(h, ".gemini/settings.json", &json_server("mcpServers"));
    write(
        h,
        ".codeium/windsurf/mcp_config.json",
        &json_server("mcpServers"),
    );
    write(h, "xdg/zed/settings.json", &json_server("context_servers"));
    write(h, "xdg/Code/User/mcp.json", &json_server("servers"));
    write(
        h,
        "roaming/Claude/claude_desktop_config.json",
        &json_server("mcpServers"),
    );
    write(
        h,
        ".codex/config.toml",
        &format!("[mcp_servers.gh]\ncommand = \"npx\"\nenv = {{ GITHUB_TOKEN = \"{PAT}\" }}\n"),
    );
    write(
        h,
        "xdg/goose/config.yaml",
        &format!("extensions:\n  gh:\n    type: stdio\n    cmd: npx\n    envs:\n      GITHUB_TOKEN: {PAT}\n"),
    );
    let out = Command::cargo_bin("mcplint")
        .unwrap()
        .current_dir(work.path())
        .args(["--user", "--format", "json"])
        .env("HOME", h)
        .env("XDG_CONFIG_HOME", h.join("xdg"))
        .env("APPDATA", h.join("roaming"))
        .env_remove("CLAUDE_CONFIG_DIR")
        .env_remove("CODEX_HOME")
        .env_remove("CLINE_DIR")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut files: Vec<(String, String)> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "literal-secret")
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_string(),
                f["client"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            ("~/.claude.json", "claude-code"),
            ("~/.codeium/windsurf/mcp_config.json", "windsurf"),
            ("~/.codex/config.toml", "codex"),
            ("~/.cursor/mcp.json", "cursor"),
            ("~/.gemini/settings.json", "gemini-cli"),
            (
                "~/roaming/Claude/claude_desktop_config.json",
                "claude-desktop"
            ),
            ("~/xdg/Code/User/mcp.json", "vscode"),
            ("~/xdg/goose/config.yaml", "goose"),
            ("~/xdg/zed/settings.json", "zed"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains(PAT));
}

#[test]
fn without_user_the_home_is_not_read() {
    let home = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    write(home.path(), ".cursor/mcp.json", &json_server("mcpServers"));
    let out = Command::cargo_bin("mcplint")
        .unwrap()
        .current_dir(work.path())
        .args(["--format", "json"])
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["files_scanned"], 0);
}
