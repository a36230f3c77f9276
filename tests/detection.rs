//! Where secrets hide in a Claude Code config, one small case each, through
//! the whole pipeline (parse → model → analysis → rules); and the places
//! around them: VS Code's prompted inputs and keys written twice.

use std::path::PathBuf;

use mcplint::clients;

/// The report of `text` read as the file `name`.
fn lint(name: &str, text: &str) -> mcplint::lint::FileReport {
    let format = clients::for_path(std::path::Path::new(name)).expect("an MCP config name");
    mcplint::lint::file(
        mcplint::lint::Input::new(PathBuf::from(name), format, text).shown_as(name),
        // Rule tests see the findings of every persona.
        &mcplint::lint::Settings {
            persona: mcplint::finding::Persona::Auditor,
            ..Default::default()
        },
    )
}

/// (rule id, pointer, the source text the finding points at)
fn findings(name: &str, text: &str) -> Vec<(String, String, String)> {
    lint(name, text)
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.id.to_string(),
                f.pointer.clone(),
                text[f.primary.span.range()].to_string(),
            )
        })
        .collect()
}

fn server(entry: &str) -> String {
    format!(r#"{{"mcpServers": {{"s": {entry}}}}}"#)
}

fn secrets(entry: &str) -> Vec<String> {
    findings(".mcp.json", &server(entry))
        .into_iter()
        .filter(|(rule, ..)| rule == "literal-secret")
        .map(|(_, _, text)| text)
        .collect()
}

const PAT: &str = "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";

#[test]
fn env_value_under_a_secret_name() {
    assert_eq!(
        secrets(r#"{"command": "x", "env": {"API_KEY": "s3cr3tV4lu3Abc9Zq"}}"#),
        ["s3cr3tV4lu3Abc9Zq"]
    );
}

#[test]
fn benign_env_values_are_not_secrets() {
    let entry = r#"{"command": "x", "env": {"GITHUB_TOOLSETS": "repos,issues", "LOG_LEVEL": "debug",
        "NOTION_DATABASE_ID": "1f2e3d4c5b6a79880a1b2c3d4e5f6071", "API_KEY_FILE": "/run/secrets/key",
        "TOKEN_URL": "https://auth.acme-corp.net/token", "READ_ONLY": "true", "PORT": "8080"}}"#;
    assert_eq!(secrets(entry), Vec::<String>::new());
}

#[test]
fn references_and_secret_stores_are_not_secrets() {
    let entry = r#"{"command": "x", "env": {"API_KEY": "${API_KEY}", "B_TOKEN": "${B_TOKEN:-}",
        "OP_TOKEN": "op://Engineering/api/credential"},
        "headers": {"Authorization": "Bearer ${TOKEN}"}}"#;
    assert_eq!(secrets(entry), Vec::<String>::new());
}

#[test]
fn default_of_a_reference_can_hold_a_literal() {
    let entry =
        format!(r#"{{"command": "x", "env": {{"GITHUB_TOKEN": "${{GITHUB_TOKEN:-{PAT}}}"}}}}"#);
    assert_eq!(secrets(&entry), [PAT]);
}

#[test]
fn a_literal_beside_a_reference_is_still_a_secret() {
    let entry = r#"{"type": "http", "url": "https://mcp.acme-corp.net/mcp",
        "headers": {"Authorization": "${AUTH_SCHEME:-Bearer} 9fKq2LmZ8vRt4XwN7bPc3HdS6jYe0AuG"},
        "env": {"API_KEY": "${KEY_PREFIX}Zk29vLq8mR4tXw7NpB3c", "DB_TOKEN": "${DB_USER}:Qp73xLm2Vb9sRt4Kx8Wd@db.internal:5432"}}"#;
    let mut found = secrets(entry);
    found.sort();
    assert_eq!(
        found,
        [
            "9fKq2LmZ8vRt4XwN7bPc3HdS6jYe0AuG",
            "Qp73xLm2Vb9sRt4Kx8Wd",
            "Zk29vLq8mR4tXw7NpB3c"
        ]
    );
}

#[test]
fn templated_values_without_a_random_word_are_not_secrets() {
    let entry = r#"{"command": "x", "env": {"API_KEY": "key_${ENV}_v1", "AUTH_TOKEN": "${SCHEME:-Bearer} ${TOKEN}",
        "TOKEN_PATH": "${HOME}/.config/acme/credentials.json", "SECRET": "${VAULT_ADDR}/v1/secret/data/acme",
        "PASSWORD": "${DB_PASSWORD:-changeme}", "API_TOKEN": "${TOKEN} your-api-token-goes-here",
        "DB_SECRET": "${DB_USER}:${DB_PASS}@db-primary.internal:5432"}}"#;
    assert_eq!(secrets(entry), Vec::<String>::new());
}

#[test]
fn bearer_token_in_a_header_points_past_the_scheme() {
    let entry = r#"{"type": "http", "url": "https://mcp.acme-corp.net/mcp",
        "headers": {"Authorization": "Bearer 9fKq2LmZ8vRt4XwN7bPc3HdS6jYe0AuG"}}"#;
    assert_eq!(secrets(entry), ["9fKq2LmZ8vRt4XwN7bPc3HdS6jYe0AuG"]);
}

#[test]
fn custom_api_key_header() {
    let entry = r#"{"type": "http", "url": "https://mcp.acme-corp.net/mcp",
        "headers": {"X-API-Key": "Zk29vLq8mR4tXw7N", "Accept": "application/json"}}"#;
    assert_eq!(secrets(entry), ["Zk29vLq8mR4tXw7N"]);
}

#[test]
fn flags_with_equals_and_with_a_following_value() {
    let entry = r#"{"command": "srv", "args": ["--api-key=Zk29vLq8mR4tXw7N", "--access-token", "Qp73xLm2Vb9sRt4K", "--port", "3000"]}"#;
    assert_eq!(secrets(entry), ["Zk29vLq8mR4tXw7N", "Qp73xLm2Vb9sRt4K"]);
}

#[test]
fn docker_env_assignment_but_not_pass_through() {
    let entry = r#"{"command": "docker", "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN",
        "-e", "API_TOKEN=Qp73xLm2Vb9sRt4K", "ghcr.io/github/github-mcp-server"]}"#;
    assert_eq!(secrets(entry), ["Qp73xLm2Vb9sRt4K"]);
    let found = messages(".mcp.json", &server(entry));
    assert!(
        found
            .iter()
            .any(|(rule, message, _)| rule == "literal-secret"
                && message.contains("environment assignment `API_TOKEN` in the arguments")),
        "{found:?}"
    );
}

#[test]
fn mcp_remote_header_argument() {
    let entry = r#"{"command": "npx", "args": ["mcp-remote", "https://mcp.acme-corp.net/sse", "--header", "Authorization:Bearer Qp73xLm2Vb9sRt4K"]}"#;
    assert_eq!(secrets(entry), ["Qp73xLm2Vb9sRt4K"]);
}

#[test]
fn url_password_and_query_key() {
    let entry = r#"{"type": "http", "url": "https://bot:Qp73xLm2Vb9sRt4K@mcp.acme-corp.net/mcp?api_key=Zk29vLq8mR4tXw7N&region=eu"}"#;
    assert_eq!(secrets(entry), ["Qp73xLm2Vb9sRt4K", "Zk29vLq8mR4tXw7N"]);
}

#[test]
fn local_default_database_password_is_not_a_leak() {
    let entry = r#"{"command": "npx", "args": ["server-postgres", "postgresql://postgres:postgres@localhost:5432/dev"]}"#;
    assert_eq!(secrets(entry), Vec::<String>::new());
}

#[test]
fn basic_credentials_are_decoded() {
    // base64("bot:Qp73xLm2Vb9sRt4K")
    let entry = r#"{"type": "http", "url": "https://x.acme-corp.net", "headers": {"Authorization": "Basic Ym90OlFwNzN4TG0yVmI5c1J0NEs="}}"#;
    assert_eq!(secrets(entry), ["Ym90OlFwNzN4TG0yVmI5c1J0NEs="]);
}

#[test]
fn escaped_json_strings_point_at_the_source_bytes() {
    let entry = r#"{"command": "x", "env": {"API_KEY": "s3cr3t\u0056\u0034lu3Abc9Zq"}}"#;
    assert_eq!(secrets(entry), [r"s3cr3t\u0056\u0034lu3Abc9Zq"]);
}

#[test]
fn placeholders_are_notes_not_secrets() {
    let found = findings(
        ".mcp.json",
        &server(
            r#"{"command": "x", "env": {"GITHUB_TOKEN": "<YOUR_TOKEN>", "SLACK_TOKEN": "your-slack-token-here", "EMPTY_TOKEN": ""}}"#,
        ),
    );
    let rules: Vec<&str> = found.iter().map(|(r, ..)| r.as_str()).collect();
    assert_eq!(rules, ["placeholder-value", "placeholder-value"]);
}

#[test]
fn settings_env_block_is_checked() {
    let found = findings(
        ".claude/settings.json",
        r#"{"env": {"API_TOKEN": "Qp73xLm2Vb9sRt4K", "MODE": "fast"}, "permissions": {"allow": []}}"#,
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].1, "/env/API_TOKEN");
}

#[test]
fn user_config_servers_under_projects() {
    let text = r#"{"projects": {"/home/u/app": {"mcpServers": {"db": {"command": "x", "env": {"DB_PASSWORD": "Qp73xLm2Vb9sRt4K"}}}}}}"#;
    let found = findings(".claude.json", text);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].1,
        "/projects/~1home~1u~1app/mcpServers/db/env/DB_PASSWORD"
    );
}

#[test]
fn unexpanded_reference_syntaxes() {
    // Bare `$Name`, `$A` and `%Path%` forms are not environment-variable
    // shaped (prices, passwords, prose): not reported. A leading `_` is.
    let entry = r#"{"command": "x", "args": ["$ROOT_DIR", "$_ACME_HOME", "%APPDATA%", "$(whoami)", "${A:-${B}}", "pa$sword", "$Home/bin", "costs $A", "%Path%"],
        "env": {"T": "${env:T}", "U": "{env:U}", "V": "${input:v}", "W": "${W}", "X": "${X:-y}"}}"#;
    let found: Vec<String> = findings(".mcp.json", &server(entry))
        .into_iter()
        .filter(|(r, ..)| r == "unexpanded-reference")
        .map(|(_, _, t)| t)
        .collect();
    assert_eq!(
        found,
        [
            "$ROOT_DIR",
            "$_ACME_HOME",
            "%APPDATA%",
            "$(whoami)",
            "${A:-${B}}",
            "${env:T}",
            "{env:U}",
            "${input:v}"
        ]
    );
}

#[test]
fn mcp_remote_expands_only_its_header_arguments() {
    // Claude Desktop expands nothing itself; mcp-remote expands `${NAME}`
    // in `--header` values, not in its URL or another server's arguments.
    let text = r#"{"mcpServers": {
        "remote": {"command": "npx", "args": ["-y", "mcp-remote@0.1.29", "https://mcp.acme-corp.net/${TENANT}/mcp", "--header", "Authorization: Bearer ${ACME_TOKEN}"]},
        "local": {"command": "acme-mcp", "args": ["--header", "Authorization: Bearer ${LOCAL_TOKEN}"]}}}"#;
    let found: Vec<String> = findings("claude_desktop_config.json", text)
        .into_iter()
        .filter(|(r, ..)| r == "unexpanded-reference")
        .map(|(_, _, t)| t)
        .collect();
    assert_eq!(found, ["${TENANT}", "${LOCAL_TOKEN}"]);
}

#[test]
fn nested_defaults_work_in_headers_only() {
    let entry = r#"{"type": "http", "url": "https://mcp.acme-corp.net/mcp", "headers": {"Authorization": "Bearer ${A:-${B}}"}}"#;
    assert!(findings(".mcp.json", &server(entry)).is_empty());
}

#[test]
fn what_to_write_instead_of_a_reference_the_client_does_not_expand() {
    let entry = r#"{"command": "x", "args": ["--dir", "${DATA_DIR%/}", "${workspaceFolder}/data", "--cache", "${userHome}/.cache/x"], "env": {"ACME_KEY": "${input:acme-key}", "ACME_TOKEN": "${file:/run/secrets/acme}"}}"#;
    let helps: Vec<String> = messages(".mcp.json", &server(entry))
        .into_iter()
        .filter(|(r, ..)| r == "unexpanded-reference")
        .map(|(.., help)| help)
        .collect();
    assert_eq!(
        helps,
        [
            "Claude Code does not run a shell over this value; write `${DATA_DIR}`",
            "Claude Code has no editor variables; write `${CLAUDE_PROJECT_DIR:-.}` for the project folder",
            // The home folder has an environment variable of its own.
            "write `${HOME}`",
            "input prompts exist only in VS Code's mcp.json; write `${ACME_KEY}`",
            "Claude Code cannot read files from values; read the file in a wrapper script"
        ]
    );
    let desktop = messages("claude_desktop_config.json", &server(entry));
    assert!(
        desktop
            .iter()
            .any(|(r, _, help)| r == "unexpanded-reference"
                && help == "Claude Desktop has no editor variables; write the path itself"),
        "{desktop:#?}"
    );
}

#[test]
fn shell_scripts_expand_their_own_variables() {
    let entry = r#"{"command": "bash", "args": ["-lc", "exec srv --token \"$TOKEN\" --dir \"${DIR%/}\" $(date)"]}"#;
    assert!(findings(".mcp.json", &server(entry)).is_empty());
}

#[test]
fn references_in_non_expanding_fields_are_left_alone() {
    let entry = r#"{"type": "http", "url": "https://x.acme-corp.net", "oauth": {"clientId": "$CLIENT_ID"}, "description": "uses ${env:X}"}"#;
    assert!(findings(".mcp.json", &server(entry)).is_empty());
}

#[test]
fn a_broken_file_still_reports_its_secrets() {
    // A trailing comma makes Claude Code reject the file, but the token in
    // it is committed all the same.
    let text =
        r#"{"mcpServers": {"s": {"command": "x", "env": {"API_KEY": "s3cr3tV4lu3Abc9Zq",}}}}"#;
    let rules: Vec<String> = findings(".mcp.json", text)
        .into_iter()
        .map(|(r, ..)| r)
        .collect();
    assert_eq!(rules, ["literal-secret", "parse-error"]);
}

#[test]
fn a_file_that_does_not_parse_at_all_still_reports_known_credentials() {
    // Cut short (JSON), a broken table header (TOML), a bad indent (YAML):
    // no tree to read names from, but a token of a known format is found
    // and reported (without a fix); a placeholder is not.
    let pat = "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";
    for (name, text) in [
        (
            ".mcp.json",
            format!(
                r#"{{"mcpServers": {{"gh": {{"command": "npx", "env": {{"GITHUB_TOKEN": "{pat}"}}"#
            ),
        ),
        (
            ".codex/config.toml",
            format!("[mcp_servers.gh\ncommand = \"npx\"\nenv = {{ GITHUB_TOKEN = \"{pat}\" }}\n"),
        ),
        (
            ".continue/mcpServers/gh.yaml",
            format!(
                "mcpServers:\n  - name: gh\n    command: npx\n   env:\n      GITHUB_TOKEN: {pat}\n"
            ),
        ),
    ] {
        let report = lint(name, &text);
        assert!(report.unparsable, "{name}");
        let secrets: Vec<(&str, bool)> = report
            .findings
            .iter()
            .filter(|f| f.rule.id == "literal-secret")
            .map(|f| (&text[f.primary.span.range()], f.fix.is_some()))
            .collect();
        assert_eq!(secrets, [(pat, false)], "{name}");
    }
    let placeholder = r#"{"mcpServers": {"gh": {"env": {"GITHUB_TOKEN": "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}"#;
    let rules: Vec<String> = findings(".mcp.json", placeholder)
        .into_iter()
        .map(|(r, ..)| r)
        .collect();
    assert_eq!(rules, ["parse-error"]);
}

#[test]
fn a_dollar_inside_a_password_is_part_of_it() {
    let entry = r#"{"command": "x", "args": ["postgresql://app:k8Lm$QZ7Rw2@db.acme-corp.net:5432/app"], "env": {"MYSQL_PASSWORD": "hT4w$PQ9ZKX2"}}"#;
    let found = findings(".mcp.json", &server(entry));
    let rules: Vec<&str> = found.iter().map(|(r, ..)| r.as_str()).collect();
    assert!(!rules.contains(&"unexpanded-reference"), "{found:?}");
    assert_eq!(secrets(entry), ["k8Lm$QZ7Rw2", "hT4w$PQ9ZKX2"]);
}

#[test]
fn json_written_inside_an_argument_or_env_value() {
    let entry = r#"{"command": "acme-mcp", "args": ["--config", "{\"apiKey\": \"Zk29vLq8mR4tXw7NqP3s\", \"region\": \"eu-west-1\", \"secret\": \"${ACME_SECRET}\"}"],
        "env": {"ACME_CONFIG": "{\"password\":\"Qp73xLm2Vb9sRt4K\",\"debug\":\"true\"}"}}"#;
    assert_eq!(secrets(entry), ["Zk29vLq8mR4tXw7NqP3s", "Qp73xLm2Vb9sRt4K"]);
    // Not JSON: a quoted pair in a plain argument is not read as a member.
    let plain =
        r#"{"command": "acme-mcp", "args": ["label \"apiKey\": \"Zk29vLq8mR4tXw7NqP3s\""]}"#;
    assert_eq!(secrets(plain), Vec::<String>::new());
}

/// (rule id, message, help) of every finding in `text` read as `name`.
fn messages(name: &str, text: &str) -> Vec<(String, String, String)> {
    lint(name, text)
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.id.to_string(),
                f.message.clone(),
                f.help.clone().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn a_secret_in_json_inside_a_value_is_replaced_in_place() {
    let entry =
        r#"{"command": "x", "env": {"ACME_CONFIG": "{\"password\":\"Qp73xLm2Vb9sRt4K\"}"}}"#;
    let found = messages(".mcp.json", &server(entry));
    let (_, message, help) = found.iter().find(|(r, ..)| r == "literal-secret").unwrap();
    // The message names the member, not only the env var holding the JSON.
    assert!(
        message.contains("member `password` of the JSON in env `ACME_CONFIG`"),
        "{message}"
    );
    // Inside a JSON string already: no quotes around the reference.
    assert!(
        help.starts_with("write ${S_PASSWORD} in its place and set S_PASSWORD"),
        "{help}"
    );
}

#[test]
fn inputs_asking_for_a_credential_must_be_passwords() {
    let text = r#"{"inputs": [
        {"type": "promptString", "id": "github-token", "description": "GitHub"},
        {"type": "promptString", "id": "acme", "description": "Your Acme API key"},
        {"type": "promptString", "id": "db-pass", "description": "Database", "password": true},
        {"type": "promptString", "id": "region", "description": "Deployment region"},
        {"type": "pickString", "id": "token-kind", "description": "Token kind", "options": ["a", "b"]}
    ], "servers": {}}"#;
    let reported: Vec<String> = findings(".vscode/mcp.json", text)
        .into_iter()
        .filter(|(rule, ..)| rule == "input-without-password")
        .map(|(_, pointer, _)| pointer)
        .collect();
    assert_eq!(reported, ["/inputs/0", "/inputs/1"]);
}

#[test]
fn a_key_written_twice_is_reported_at_the_second_wherever_it_is() {
    let text = r#"{"inputs": [{"type": "promptString", "id": "a", "id": "b", "password": true}],
        "servers": {"s": {"command": "x", "env": {"LOG": "1", "LOG": "2"}}}}"#;
    let found: Vec<(String, String)> = findings(".vscode/mcp.json", text)
        .into_iter()
        .filter(|(rule, ..)| rule == "duplicate-key")
        .map(|(_, pointer, text)| (pointer, text))
        .collect();
    assert_eq!(
        found,
        [
            ("/inputs/0/id".to_string(), "\"id\"".to_string()),
            ("/servers/s/env/LOG".to_string(), "\"LOG\"".to_string())
        ]
    );
}

/// The title and applicability of each `literal-secret` fix, in order.
fn secret_fixes(name: &str, text: &str) -> Vec<(String, mcplint::finding::Applicability)> {
    lint(name, text)
        .findings
        .iter()
        .filter(|f| f.rule.id == "literal-secret")
        .filter_map(|f| f.fix.as_ref())
        .map(|fix| (fix.title.clone(), fix.applicability))
        .collect()
}

#[test]
fn where_no_reference_can_go_the_fix_is_advice() {
    use mcplint::finding::Applicability::DisplayOnly;
    // Claude Code reads its settings' env as written.
    let settings = r#"{"env": {"ACME_API_KEY": "Zk29vLq8mR4tXw7NqP3s"}}"#;
    let fixes = secret_fixes(".claude/settings.json", settings);
    assert_eq!(fixes.len(), 1, "{fixes:?}");
    assert_eq!(fixes[0].1, DisplayOnly);
    assert!(
        fixes[0].0.starts_with("settings files are read as written"),
        "{fixes:?}"
    );
    // Goose fills `$VAR` from its own secret store: out of `envs` into
    // `env_keys`, or listed there and referenced elsewhere.
    let goose = "extensions:\n  acme:\n    type: stdio\n    cmd: acme-mcp\n    envs:\n      ACME_API_KEY: Zk29vLq8mR4tXw7NqP3s\n  docs:\n    type: streamable_http\n    uri: https://docs-mcp.acme-corp.net/mcp\n    headers:\n      X-API-Key: Qp73xLm2Vb9sRt4Kx8Wd\n";
    let fixes = secret_fixes(".config/goose/config.yaml", goose);
    assert_eq!(fixes.len(), 2, "{fixes:?}");
    assert!(fixes.iter().all(|(_, a)| *a == DisplayOnly), "{fixes:?}");
    assert!(
        fixes[0]
            .0
            .starts_with("remove it from `envs`, list ACME_API_KEY in `env_keys`"),
        "{fixes:?}"
    );
    assert!(
        fixes[1].0.starts_with("list DOCS_X_API_KEY in `env_keys`")
            && fixes[1].0.ends_with("write $DOCS_X_API_KEY here"),
        "{fixes:?}"
    );
}

/// A `ghp_` token whose checksum fails is a typo or a made-up example under
/// a neutral name (not reported), but under a name that says it is a
/// credential it is one: an error, with the fix that moves it.
#[test]
fn a_failing_checksum_under_a_credential_name_is_still_a_literal_secret() {
    // The fixture PAT of the config tests with its checksum broken.
    let bad = "ghp_MCPLINTfixture0Token1Abc2Def3G44Q7x2";
    let text = format!(
        r#"{{"mcpServers": {{"gh": {{"command": "acme-gh", "env": {{"GITHUB_TOKEN": "{bad}", "CONFIG_VALUE": "{bad}"}}}}}}}}"#
    );
    let format = clients::for_path(std::path::Path::new(".mcp.json")).unwrap();
    let regular = mcplint::lint::file(
        mcplint::lint::Input::new(PathBuf::from(".mcp.json"), format, text.as_str()),
        &mcplint::lint::Settings::default(),
    );
    let shown: Vec<(&str, &str, &str)> = regular
        .findings
        .iter()
        .map(|f| (f.rule.id, f.pointer.as_str(), f.severity.as_str()))
        .collect();
    assert_eq!(
        shown,
        [("literal-secret", "/mcpServers/gh/env/GITHUB_TOKEN", "error")]
    );
    let named = &regular.findings[0];
    assert!(
        named.message.contains("checksum does not verify"),
        "{}",
        named.message
    );
    assert!(named.fix.as_ref().is_some_and(|f| f.extraction.is_some()));
    // Masked all the same, and nothing is left for a higher persona.
    assert!(regular.hidden.is_empty());
    assert!(lint(".mcp.json", &text).findings.len() == 1);
}

/// A Supabase `anon` JWT is public by design (it ships in every browser
/// bundle), so it is no literal secret even under a key-like name; the
/// `service_role` JWT beside it bypasses Row Level Security, and is named
/// as the Supabase key it is rather than as a generic JWT.
#[test]
fn a_supabase_anon_jwt_is_public_and_a_service_role_jwt_is_broad() {
    let anon = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InFobXppY29weHVldXV5Ymhud3d1Iiwicm9sZSI6ImFub24iLCJpYXQiOjE3MzU2ODk2MDAsImV4cCI6MjA1MTIyMjQwMH0.r0_a0mHvgiVz7fjMCPLINTzIstc01pUPM796xXVIEMT";
    let service = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InFobXppY29weHVldXV5Ymhud3d1Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTczNTY4OTYwMCwiZXhwIjoyMDUxMjIyNDAwfQ.2I4PlNpYPz_O3gjRbTg5yZsvf1uRKasH9dMCPLINTVm";
    let text = format!(
        r#"{{"mcpServers": {{"supabase": {{"command": "npx", "args": ["-y", "@supabase/mcp-server-supabase@0.4.5", "--read-only"], "env": {{"SUPABASE_ANON_KEY": "{anon}", "SUPABASE_SERVICE_ROLE_KEY": "{service}"}}}}}}}}"#
    );
    let report = lint(".mcp.json", &text);
    let at_anon: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.pointer.ends_with("SUPABASE_ANON_KEY"))
        .map(|f| f.rule.id)
        .collect();
    assert_eq!(at_anon, Vec::<&str>::new());
    let service_finding = report
        .findings
        .iter()
        .find(|f| f.pointer.ends_with("SUPABASE_SERVICE_ROLE_KEY") && f.rule.id == "literal-secret")
        .expect("the service_role key is a literal secret");
    assert!(
        service_finding.message.contains("Supabase service_role"),
        "{}",
        service_finding.message
    );
    assert_eq!(service_finding.severity.as_str(), "error");
}

/// A literal secret that is also a broad credential is one finding, which
/// says both; ignoring the literal (a fixture the team accepts) leaves the
/// breadth shown, and turning `literal-secret` off does too.
#[test]
fn a_broad_literal_secret_is_one_finding() {
    let token = "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";
    let text = format!(
        r#"{{"servers": {{"gh": {{"command": "acme-gh", "env": {{"GITHUB_TOKEN": "{token}"}}}}}}}}"#
    );
    let report = lint(".vscode/mcp.json", &text);
    let at_token: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.pointer.ends_with("GITHUB_TOKEN"))
        .map(|f| f.rule.id)
        .collect();
    assert_eq!(at_token, ["literal-secret"]);
    let literal = &report.findings[0];
    assert!(
        literal.message.ends_with("a broad credential"),
        "{}",
        literal.message
    );
    assert!(literal.help.as_deref().unwrap().contains("is broad"));

    let ignored = text.replace(
        r#""GITHUB_TOKEN""#,
        "// mcplint-ignore[literal-secret]: a revoked workshop token\n\"GITHUB_TOKEN\"",
    );
    let rules: Vec<&str> = lint(".vscode/mcp.json", &ignored)
        .findings
        .iter()
        .map(|f| f.rule.id)
        .collect();
    assert_eq!(rules, ["broad-credential"]);
}

/// Help says what the fix writes: `${process.env.X}` in Gemini CLI is
/// explained as JavaScript and rewritten to `${X}`, not to `${process}`;
/// a VS Code header is told about the password input its fix declares.
#[test]
fn help_names_what_the_fix_writes() {
    let gemini = lint(
        ".gemini/settings.json",
        r#"{"mcpServers": {"acme": {"command": "acme-mcp", "env": {"ACME_TOKEN": "${process.env.ACME_TOKEN}"}}}}"#,
    );
    let f = gemini
        .findings
        .iter()
        .find(|f| f.rule.id == "unexpanded-reference")
        .expect("reported");
    let help = f.help.as_deref().unwrap();
    assert!(
        help.contains("is JavaScript") && help.contains("`${ACME_TOKEN}`"),
        "{help}"
    );
    assert!(!help.contains("${process}"), "{help}");
    assert_eq!(
        f.fix.as_ref().unwrap().edits[0].replacement,
        "${ACME_TOKEN}"
    );
    let vscode = lint(
        ".vscode/mcp.json",
        r#"{"servers": {"docs": {"type": "http", "url": "https://mcp.acme-corp.net/mcp", "headers": {"Authorization": "Bearer 9fKq2Lm8Xv4Tz7Wp1Rb6Yc3Nd5Hg0Js"}}}}"#,
    );
    let f = &vscode.findings[0];
    let fix = f.fix.as_ref().unwrap();
    let written = &fix.edits[0].replacement;
    assert!(written.starts_with("${input:"), "{written}");
    assert!(
        f.help
            .as_deref()
            .unwrap()
            .contains(&format!("\"Bearer {written}\"")),
        "{:?}",
        f.help
    );
}

/// VS Code resolves `${config:…}` and `${command:…}` in its MCP config as it
/// does its other predefined variables; no client expands them in
/// `.mcp.json`.
#[test]
fn editor_config_and_command_variables() {
    let vscode = findings(
        ".vscode/mcp.json",
        r#"{"servers": {"ls": {"command": "rbx-ls", "env": {"PORT": "${config:rbxdev-ls.executorBridge.port}", "TOKEN": "${command:acme.getToken}"}}}}"#,
    );
    assert!(
        vscode.iter().all(|f| f.0 != "unexpanded-reference"),
        "{vscode:?}"
    );
    let claude = findings(
        ".mcp.json",
        r#"{"mcpServers": {"ls": {"command": "rbx-ls", "env": {"PORT": "${config:rbxdev-ls.executorBridge.port}"}}}}"#,
    );
    assert!(
        claude.iter().any(|f| f.0 == "unexpanded-reference"),
        "{claude:?}"
    );
}
