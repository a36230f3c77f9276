//! Privilege, transport, supply-chain and permission rules: each with the
//! broad config that must be reported and the narrow, correct version of
//! the same config that must not be (precision matters more than volume).

use std::path::{Path, PathBuf};

use mcplint::clients;

/// Lint `text` as the file `name`.
fn lint(name: &str, text: &str) -> mcplint::lint::FileReport {
    let format = clients::for_path(Path::new(name)).expect("an MCP config name");
    mcplint::lint::file(
        mcplint::lint::Input::new(PathBuf::from(name), format, text).shown_as(name),
        // Rule tests see the findings of every persona.
        &mcplint::lint::Settings {
            persona: mcplint::finding::Persona::Auditor,
            ..Default::default()
        },
    )
}

fn rules_for(name: &str, text: &str) -> Vec<String> {
    lint(name, text)
        .findings
        .iter()
        .map(|f| f.rule.id.to_string())
        .collect()
}

fn mcp(servers: &str) -> String {
    format!(r#"{{"mcpServers": {{{servers}}}}}"#)
}

fn has(rules: &[String], rule: &str) -> bool {
    rules.iter().any(|r| r == rule)
}

#[test]
fn plain_http_with_a_credential_is_an_error_but_not_on_loopback_or_https() {
    let wide = mcp(
        r#""docs": {"type": "http", "url": "http://mcp.acme-corp.net/mcp", "headers": {"Authorization": "Bearer ${DOCS_TOKEN}"}}"#,
    );
    assert!(has(&rules_for(".mcp.json", &wide), "insecure-transport"));
    for narrow in [
        r#""docs": {"type": "http", "url": "https://mcp.acme-corp.net/mcp", "headers": {"Authorization": "Bearer ${DOCS_TOKEN}"}}"#,
        r#""docs": {"type": "http", "url": "http://localhost:8080/mcp", "headers": {"Authorization": "Bearer ${DOCS_TOKEN}"}}"#,
        r#""docs": {"type": "http", "url": "http://127.0.0.1:3000/mcp", "headers": {"Authorization": "Bearer ${DOCS_TOKEN}"}}"#,
        r#""docs": {"type": "http", "url": "http://[::1]:3000/mcp", "headers": {"Authorization": "Bearer ${DOCS_TOKEN}"}}"#,
        r#""docs": {"type": "http", "url": "http://[::1]/mcp", "headers": {"Authorization": "Bearer ${DOCS_TOKEN}"}}"#,
        r#""docs": {"type": "http", "url": "http://0.0.0.0:3000/mcp", "headers": {"Authorization": "Bearer ${DOCS_TOKEN}"}}"#,
        r#""docs": {"type": "http", "url": "http://docs.localhost/mcp", "headers": {"Authorization": "Bearer ${DOCS_TOKEN}"}}"#,
        r#""docs": {"type": "http", "url": "http://host.docker.internal:8080/mcp", "headers": {"Authorization": "Bearer ${DOCS_TOKEN}"}}"#,
        // A single-label host is on the local network (a compose service).
        r#""docs": {"type": "http", "url": "http://jenkins:8080/mcp", "headers": {"Authorization": "Bearer ${DOCS_TOKEN}"}}"#,
        r#""docs": {"type": "http", "url": "http://mcp-gateway/mcp", "headers": {"Authorization": "Bearer ${DOCS_TOKEN}"}}"#,
        r#""docs": {"type": "http", "url": "http://mcp.acme-corp.net/mcp"}"#,
        // Headers that carry no credential.
        r#""docs": {"type": "http", "url": "http://mcp.acme-corp.net/mcp", "headers": {"X-Client-Name": "acme-ide"}}"#,
    ] {
        assert!(
            !has(&rules_for(".mcp.json", &mcp(narrow)), "insecure-transport"),
            "{narrow}"
        );
    }
}

#[test]
fn plain_http_with_a_key_in_the_query_or_with_oauth_is_an_error() {
    for (entry, what) in [
        (
            r#""docs": {"type": "http", "url": "http://mcp.acme-corp.net/mcp?api_key=${DOCS_KEY}"}"#,
            "sends credentials in the URL over plain text",
        ),
        (
            r#""docs": {"type": "http", "url": "http://mcp.acme-corp.net/mcp", "oauth": {"clientId": "acme-docs"}}"#,
            "sends OAuth tokens over plain text",
        ),
    ] {
        let report = lint(".mcp.json", &mcp(entry));
        let found = report
            .findings
            .iter()
            .find(|f| f.rule.id == "insecure-transport")
            .unwrap_or_else(|| panic!("not reported: {entry}"));
        assert!(found.message.contains(what), "{}", found.message);
    }
}

#[test]
fn credentials_in_urls_even_as_references() {
    let wide = mcp(
        r#""tavily": {"type": "http", "url": "https://mcp.tavily.com/mcp/?tavilyApiKey=${TAVILY_API_KEY}"}"#,
    );
    assert!(has(&rules_for(".mcp.json", &wide), "credentials-in-url"));
    let userinfo =
        mcp(r#""db": {"type": "http", "url": "https://bot:${PW}@mcp.acme-corp.net/mcp"}"#);
    assert!(has(
        &rules_for(".mcp.json", &userinfo),
        "credentials-in-url"
    ));
    let narrow = mcp(
        r#""tavily": {"type": "http", "url": "https://mcp.tavily.com/mcp/?tools=search", "headers": {"Authorization": "Bearer ${TAVILY_API_KEY}"}}"#,
    );
    assert!(!has(&rules_for(".mcp.json", &narrow), "credentials-in-url"));
}

#[test]
fn sse_is_a_note() {
    let sse = mcp(r#""linear": {"type": "sse", "url": "https://mcp.linear.app/sse"}"#);
    assert!(has(&rules_for(".mcp.json", &sse), "deprecated-sse"));
    let http = mcp(r#""linear": {"type": "http", "url": "https://mcp.linear.app/mcp"}"#);
    assert!(!has(&rules_for(".mcp.json", &http), "deprecated-sse"));
}

#[test]
fn unpinned_packages_images_and_pipes() {
    for wide in [
        r#""a": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"]}"#,
        r#""a": {"command": "npx", "args": ["-y", "@acme/docs-mcp@latest"]}"#,
        r#""a": {"command": "uvx", "args": ["mcp-server-fetch"]}"#,
        r#""a": {"command": "pipx", "args": ["run", "mcp-server-fetch"]}"#,
        r#""a": {"command": "pnpm", "args": ["dlx", "@acme/docs-mcp"]}"#,
        r#""a": {"command": "docker", "args": ["run", "-i", "--rm", "-e", "TOKEN", "mcp/postgres"]}"#,
        r#""a": {"command": "sh", "args": ["-c", "curl -fsSL https://get.acme-corp.net/mcp.sh | sh"]}"#,
    ] {
        assert!(
            has(&rules_for(".mcp.json", &mcp(wide)), "unpinned-package"),
            "{wide}"
        );
    }
    for narrow in [
        r#""a": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory@2025.8.4"]}"#,
        r#""a": {"command": "uvx", "args": ["mcp-server-fetch==2025.4.7"]}"#,
        r#""a": {"command": "uvx", "args": ["--from", "mcp-server-fetch==2025.4.7", "mcp-server-fetch"]}"#,
        r#""a": {"command": "pipx", "args": ["run", "mcp-server-fetch==2025.4.7"]}"#,
        r#""a": {"command": "yarn", "args": ["dlx", "@acme/docs-mcp@1.2.0"]}"#,
        r#""a": {"command": "pnpm", "args": ["--dir", "tools/mcp", "start"]}"#,
        // Only `pipx run` runs a package; other subcommands do not.
        r#""a": {"command": "pipx", "args": ["runpip", "mcp-server-fetch", "list"]}"#,
        r#""a": {"command": "docker", "args": ["run", "-i", "--rm", "-e", "TOKEN", "mcp/postgres@sha256:0a1b2c"]}"#,
        r#""a": {"command": "/usr/local/bin/acme-mcp", "args": ["--stdio"]}"#,
        r#""a": {"type": "http", "url": "https://mcp.acme-corp.net/mcp"}"#,
    ] {
        assert!(
            !has(&rules_for(".mcp.json", &mcp(narrow)), "unpinned-package"),
            "{narrow}"
        );
    }
    // A package with advisories gets the note that names them instead.
    let remote = mcp(
        r#""a": {"command": "npx", "args": ["-y", "mcp-remote@latest", "https://mcp.acme-corp.net/sse"]}"#,
    );
    let rules = rules_for(".mcp.json", &remote);
    assert!(
        has(&rules, "vulnerable-server") && !has(&rules, "unpinned-package"),
        "{rules:?}"
    );
}

#[test]
fn superuser_database_urls_are_broad_but_app_roles_and_local_ones_are_not() {
    let wide = mcp(
        r#""db": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres@0.6.2", "postgresql://postgres:${PG_PASSWORD}@db.acme-corp.net:5432/prod"]}"#,
    );
    assert!(has(&rules_for(".mcp.json", &wide), "broad-credential"));
    for narrow in [
        r#""db": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres@0.6.2", "postgresql://mcp_readonly:${PG_PASSWORD}@db.acme-corp.net:5432/prod"]}"#,
        r#""db": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres@0.6.2", "postgresql://postgres:postgres@localhost:5432/dev"]}"#,
    ] {
        assert!(
            !has(&rules_for(".mcp.json", &mcp(narrow)), "broad-credential"),
            "{narrow}"
        );
    }
}

#[test]
fn classic_pat_is_broad_fine_grained_is_not() {
    let classic = mcp(
        r#""gh": {"command": "x", "env": {"GITHUB_TOKEN": "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"}}"#,
    );
    // One finding: the literal secret, which says it is broad.
    let report = lint(".mcp.json", &classic);
    let rules: Vec<&str> = report.findings.iter().map(|f| f.rule.id).collect();
    assert_eq!(rules, ["literal-secret"]);
    assert!(report.findings[0].message.ends_with("a broad credential"));
    let fine = mcp(
        r#""gh": {"command": "x", "env": {"GITHUB_TOKEN": "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"}}"#,
    );
    let rules = rules_for(".mcp.json", &fine);
    assert!(
        has(&rules, "literal-secret") && !has(&rules, "broad-credential"),
        "{rules:?}"
    );
}

fn project(mcp_json: &str, settings: &str) -> (tempfile::TempDir, Vec<String>) {
    let (dir, found) = project_findings(mcp_json, settings);
    (dir, found.into_iter().map(|(rule, _)| rule).collect())
}

/// (rule id, help) of the settings file's findings.
fn project_findings(mcp_json: &str, settings: &str) -> (tempfile::TempDir, Vec<(String, String)>) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join(".claude")).unwrap();
    std::fs::write(dir.path().join(".mcp.json"), mcp_json).unwrap();
    let settings_path = dir.path().join(".claude/settings.json");
    std::fs::write(&settings_path, settings).unwrap();
    // Named alone, as pre-commit names it: the run still reads the
    // project's `.mcp.json` for the facts the permission rules need.
    let options = mcplint::run::Options {
        config: mcplint::run::ConfigChoice::Ignore,
        persona: Some(mcplint::finding::Persona::Auditor),
        ..Default::default()
    };
    let report = mcplint::run::check(std::slice::from_ref(&settings_path), dir.path(), &options);
    let rules = report
        .files
        .iter()
        .filter(|f| f.source.path == settings_path)
        .flat_map(|f| &f.findings)
        .map(|f| (f.rule.id.to_string(), f.help.clone().unwrap_or_default()))
        .collect();
    (dir, rules)
}

const GITHUB_REMOTE_WIDE: &str = r#"{"mcpServers": {"github": {"type": "http", "url": "https://api.githubcopilot.com/mcp/", "headers": {"Authorization": "Bearer ${GITHUB_PAT}"}}, "docs": {"type": "http", "url": "https://docs-mcp.acme-corp.net/mcp"}}}"#;
const GITHUB_REMOTE_READONLY: &str = r#"{"mcpServers": {"github": {"type": "http", "url": "https://api.githubcopilot.com/mcp/readonly", "headers": {"Authorization": "Bearer ${GITHUB_PAT}"}}}}"#;

#[test]
fn committed_auto_approval_is_reported() {
    let (_d, rules) = project(
        GITHUB_REMOTE_WIDE,
        r#"{"enableAllProjectMcpServers": true}"#,
    );
    assert!(has(&rules, "auto-approved-servers"), "{rules:?}");
    let (_d, rules) = project(
        GITHUB_REMOTE_WIDE,
        r#"{"enabledMcpjsonServers": ["github", "docs"]}"#,
    );
    assert!(has(&rules, "auto-approved-servers"), "{rules:?}");
    let (_d, rules) = project(
        GITHUB_REMOTE_READONLY,
        r#"{"enableAllProjectMcpServers": false, "permissions": {"allow": []}}"#,
    );
    assert!(!has(&rules, "auto-approved-servers"), "{rules:?}");
    // Both switches in one file: one finding, not two.
    let (_d, rules) = project(
        GITHUB_REMOTE_WIDE,
        r#"{"enableAllProjectMcpServers": true, "enabledMcpjsonServers": ["github", "docs"]}"#,
    );
    let approvals = rules
        .iter()
        .filter(|r| *r == "auto-approved-servers")
        .count();
    assert_eq!(approvals, 1, "{rules:?}");
}

#[test]
fn wildcard_allow_rules_approve_nothing() {
    let (_d, rules) = project(
        GITHUB_REMOTE_READONLY,
        r#"{"permissions": {"allow": ["mcp__*", "mcp__git*__get_me"]}}"#,
    );
    assert_eq!(
        rules
            .iter()
            .filter(|r| *r == "ineffective-allow-rule")
            .count(),
        2,
        "{rules:?}"
    );
    let (_d, rules) = project(
        GITHUB_REMOTE_READONLY,
        r#"{"permissions": {"allow": ["mcp__github__get_me"], "deny": ["mcp__*"]}}"#,
    );
    assert!(!has(&rules, "ineffective-allow-rule"), "{rules:?}");
    // Permission rules mean something only in Claude Code's settings files.
    let pasted = r#"{"mcpServers": {}, "permissions": {"allow": ["mcp__*"]}}"#;
    let rules = rules_for(".mcp.json", pasted);
    assert!(!has(&rules, "ineffective-allow-rule"), "{rules:?}");
}

#[test]
fn whole_server_approval_of_a_wide_server_is_reported_not_of_a_narrow_one() {
    let (_d, rules) = project(
        GITHUB_REMOTE_WIDE,
        r#"{"permissions": {"allow": ["mcp__github__*"], "ask": ["mcp__github__merge_pull_request"]}}"#,
    );
    assert!(has(&rules, "broad-allow-rule"), "{rules:?}");
    let (_d, rules) = project(
        GITHUB_REMOTE_READONLY,
        r#"{"permissions": {"allow": ["mcp__github__*"]}}"#,
    );
    assert!(!has(&rules, "broad-allow-rule"), "{rules:?}");
    let (_d, rules) = project(
        GITHUB_REMOTE_WIDE,
        r#"{"permissions": {"allow": ["mcp__github__get_issue"], "ask": ["mcp__github"]}}"#,
    );
    assert!(!has(&rules, "broad-allow-rule"), "{rules:?}");
}

#[test]
fn destructive_tools_of_a_remote_server_need_a_guard() {
    let (_d, rules) = project(
        GITHUB_REMOTE_WIDE,
        r#"{"permissions": {"allow": ["mcp__github__get_issue"]}}"#,
    );
    assert!(has(&rules, "unguarded-destructive-tools"), "{rules:?}");
    let (_d, rules) = project(
        GITHUB_REMOTE_WIDE,
        r#"{"permissions": {"ask": ["mcp__github__merge_pull_request"]}}"#,
    );
    assert!(!has(&rules, "unguarded-destructive-tools"), "{rules:?}");
    // `mcp__*` and `*` are valid in `deny` and `ask` and guard every server.
    for everything in ["mcp__*", "*"] {
        let settings = format!(r#"{{"permissions": {{"deny": ["{everything}"]}}}}"#);
        let (_d, rules) = project(GITHUB_REMOTE_WIDE, &settings);
        assert!(!has(&rules, "unguarded-destructive-tools"), "{rules:?}");
    }
    let (_d, rules) = project(GITHUB_REMOTE_READONLY, r#"{"permissions": {"allow": []}}"#);
    assert!(!has(&rules, "unguarded-destructive-tools"), "{rules:?}");
}

fn scope_findings(name: &str, text: &str) -> Vec<String> {
    lint(name, text)
        .findings
        .iter()
        .filter(|f| f.rule.id == "overbroad-scope")
        .map(|f| text[f.primary.span.range()].to_string())
        .collect()
}

#[test]
fn broad_scopes_wherever_they_are_written() {
    // Claude Code: one space-separated string.
    let claude = mcp(
        r#""github": {"type": "http", "url": "https://api.githubcopilot.com/mcp/", "oauth": {"scopes": "repo read:org admin:org"}}"#,
    );
    assert_eq!(scope_findings(".mcp.json", &claude), ["repo", "admin:org"]);
    // The message says how much each grants.
    let messages: Vec<String> = lint(".mcp.json", &claude)
        .findings
        .iter()
        .filter(|f| f.rule.id == "overbroad-scope")
        .map(|f| f.message.split(": ").next().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        messages,
        [
            "GitHub scope `repo` is a write scope",
            "GitHub scope `admin:org` is org-wide"
        ]
    );
    // Gemini CLI: an array, Google scope URLs name their provider themselves.
    let gemini = r#"{"mcpServers": {"drive": {"httpUrl": "https://drive-mcp.acme-corp.net/mcp", "oauth": {"enabled": true, "scopes": ["https://www.googleapis.com/auth/drive", "https://www.googleapis.com/auth/userinfo.email"]}}}}"#;
    assert_eq!(
        scope_findings(".gemini/settings.json", gemini),
        ["https://www.googleapis.com/auth/drive"]
    );
    // Env values and arguments of the server.
    let env = mcp(
        r#""github": {"command": "github-mcp-server", "args": ["stdio", "--oauth-scopes", "repo,read:org"], "env": {"GITHUB_OAUTH_SCOPES": "delete_repo"}}"#,
    );
    assert_eq!(scope_findings(".mcp.json", &env), ["repo", "delete_repo"]);
    // The server's URL names the provider when its name does not.
    let by_url = mcp(
        r#""gh": {"type": "http", "url": "https://api.githubcopilot.com/mcp/", "oauth": {"scopes": "write:packages"}}"#,
    );
    assert_eq!(scope_findings(".mcp.json", &by_url), ["write:packages"]);
    // So does the package of a recognised server.
    let by_package = mcp(
        r#""ci": {"command": "npx", "args": ["-y", "@zereight/mcp-gitlab"], "env": {"GITLAB_OAUTH_SCOPES": "api"}}"#,
    );
    assert_eq!(scope_findings(".mcp.json", &by_package), ["api"]);
    // A scope= URL parameter.
    let url = mcp(
        r#""slack": {"type": "http", "url": "https://slack-mcp.acme-corp.net/mcp?scope=chat:write.public,channels:read"}"#,
    );
    assert_eq!(scope_findings(".mcp.json", &url), ["chat:write.public"]);
}

#[test]
fn narrow_scopes_and_unknown_contexts_are_left_alone() {
    for narrow in [
        r#""github": {"type": "http", "url": "https://api.githubcopilot.com/mcp/", "oauth": {"scopes": "read:org read:user"}}"#,
        r#""linear": {"type": "http", "url": "https://mcp.linear.app/mcp", "oauth": {"scopes": "read"}}"#,
        // `write` means nothing without a provider to rank it.
        r#""notes": {"type": "http", "url": "https://notes.acme-corp.net/mcp", "oauth": {"scopes": "write"}}"#,
        // A write scope that is already the narrowest of its kind.
        r#""slack": {"type": "http", "url": "https://slack-mcp.acme-corp.net/mcp", "oauth": {"scopes": "chat:write channels:read"}}"#,
    ] {
        assert!(
            scope_findings(".mcp.json", &mcp(narrow)).is_empty(),
            "{narrow}"
        );
    }
}

/// The text after applying every `overbroad-scope` fix of `text`.
fn scopes_fixed(name: &str, text: &str) -> String {
    let report = lint(name, text);
    let mut edits: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule.id == "overbroad-scope")
        .filter_map(|f| f.fix.as_ref())
        .inspect(|fix| assert_eq!(fix.applicability, mcplint::finding::Applicability::Unsafe))
        .flat_map(|fix| fix.edits.clone())
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    let mut out = text.to_string();
    for e in edits {
        out.replace_range(e.span.range(), &e.replacement);
    }
    out
}

#[test]
fn a_scope_with_a_catalogued_narrower_scope_is_swapped_for_it() {
    // `admin:org` → `read:org` already listed: left for the user; `write:packages` → `read:packages`;
    // `repo` has no single narrower scope (the catalog says: a fine-grained token).
    let claude = mcp(
        r#""github": {"type": "http", "url": "https://api.githubcopilot.com/mcp/", "oauth": {"scopes": "repo write:packages read:org admin:org"}}"#,
    );
    assert_eq!(
        scopes_fixed(".mcp.json", &claude),
        claude.replace("write:packages", "read:packages")
    );
    // Graph permissions keep their resource prefix.
    let graph = mcp(
        r#""m365": {"type": "http", "url": "https://m365-mcp.acme-corp.net/mcp", "oauth": {"scopes": "https://graph.microsoft.com/Files.ReadWrite offline_access"}}"#,
    );
    assert_eq!(
        scopes_fixed(".mcp.json", &graph),
        graph.replace("/Files.ReadWrite", "/Files.Read")
    );
    // A narrower scope already listed, bare or with the prefix: left for the user.
    for listed in ["Files.Read", "https://graph.microsoft.com/Files.Read"] {
        let both = graph.replace("offline_access", listed);
        assert_eq!(scope_findings(".mcp.json", &both).len(), 1, "{both}");
        assert_eq!(scopes_fixed(".mcp.json", &both), both);
    }
    // A wildcard entry: the bare form is swapped, the prefixed one is not
    // (which prefix to keep is unknown), though both are reported.
    let policy = mcp(
        r#""m365": {"type": "http", "url": "https://m365-mcp.acme-corp.net/mcp", "oauth": {"scopes": "Policy.ReadWrite.ConditionalAccess"}}"#,
    );
    assert_eq!(
        scopes_fixed(".mcp.json", &policy),
        policy.replace("Policy.ReadWrite.ConditionalAccess", "Policy.Read.All")
    );
    let prefixed = policy.replace(
        "Policy.ReadWrite",
        "https://graph.microsoft.com/Policy.ReadWrite",
    );
    assert_eq!(
        scope_findings(".mcp.json", &prefixed).len(),
        1,
        "{prefixed}"
    );
    assert_eq!(scopes_fixed(".mcp.json", &prefixed), prefixed);
    // A narrower scope of the same rank (`chat:write.customize` →
    // `chat:write`, both write) is advice, not a swap.
    let slack = mcp(
        r#""slack": {"type": "http", "url": "https://slack-mcp.acme-corp.net/mcp", "oauth": {"scopes": "chat:write.customize"}}"#,
    );
    assert_eq!(
        scope_findings(".mcp.json", &slack),
        ["chat:write.customize"]
    );
    assert_eq!(scopes_fixed(".mcp.json", &slack), slack);
    // Google scope URLs are swapped whole; the fixed file has no broad scope left.
    let gemini = r#"{"mcpServers": {"bq": {"httpUrl": "https://bq-mcp.acme-corp.net/mcp", "oauth": {"enabled": true, "scopes": ["https://www.googleapis.com/auth/bigquery"]}}}}"#;
    let fixed = scopes_fixed(".gemini/settings.json", gemini);
    assert_eq!(
        fixed,
        gemini.replace("auth/bigquery", "auth/bigquery.readonly")
    );
    assert!(scope_findings(".gemini/settings.json", &fixed).is_empty());
}

/// A client that expands nothing in headers sends `Bearer ${TOKEN}` as
/// written: no credential goes over the wire (`unexpanded-reference` reports
/// the reference). A literal token there still does.
#[test]
fn a_header_sent_literally_carries_no_credential() {
    let reference = r#"{"mcpServers": {"docs": {"type": "http", "url": "http://mcp.acme-corp.net/mcp", "headers": {"Authorization": "Bearer ${DOCS_TOKEN}"}}}}"#;
    let rules = rules_for("claude_desktop_config.json", reference);
    assert!(!has(&rules, "insecure-transport"), "{rules:?}");
    assert!(has(&rules, "unexpanded-reference"), "{rules:?}");
    let literal = reference.replace("${DOCS_TOKEN}", "Qp73xLm2Vb9sRt4KdW8zYh5NcJ");
    let rules = rules_for("claude_desktop_config.json", &literal);
    assert!(has(&rules, "insecure-transport"), "{rules:?}");
}

/// A server whose tools only read (hosted Exa search) is never
/// "unnarrowed"; a profile's message says what its tools can do.
#[test]
fn read_only_servers_are_never_unnarrowed_and_messages_say_what_tools_do() {
    let exa = mcp(r#""exa": {"type": "http", "url": "https://mcp.exa.ai/mcp"}"#);
    assert!(!has(&rules_for(".mcp.json", &exa), "unnarrowed-server"));
    let playwright = mcp(r#""browser": {"command": "npx", "args": ["@playwright/mcp@0.0.41"]}"#);
    let report = lint(".mcp.json", &playwright);
    let wide = report
        .findings
        .iter()
        .find(|f| f.rule.id == "unnarrowed-server")
        .expect("playwright at its defaults");
    assert!(wide.message.contains("drive a browser"), "{}", wide.message);
    assert!(!wide.message.contains("write tools"), "{}", wide.message);
}

/// The archived npm reference servers have none of the maintained servers'
/// switches: they are never told to use one, and setting one narrows
/// nothing (no finding either way: they offer no narrowing).
#[test]
fn archived_reference_servers_are_not_told_to_use_switches_they_lack() {
    for server in [
        r#""gh": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"], "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "${GITHUB_PAT}"}}"#,
        r#""gh": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"], "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "${GITHUB_PAT}", "GITHUB_READ_ONLY": "1"}}"#,
        r#""gl": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-gitlab"], "env": {"GITLAB_PERSONAL_ACCESS_TOKEN": "${GITLAB_TOKEN}", "GITLAB_PERMISSION_MODE": "readonly"}}"#,
    ] {
        let report = lint(".mcp.json", &mcp(server));
        assert!(
            !report
                .findings
                .iter()
                .any(|f| f.rule.id == "unnarrowed-server"),
            "{server}: {:#?}",
            report.findings
        );
    }
    // The maintained server still is, and its switch still counts.
    let maintained = mcp(r#""gh": {"command": "github-mcp-server", "args": ["stdio"]}"#);
    assert!(has(
        &rules_for(".mcp.json", &maintained),
        "unnarrowed-server"
    ));
    let read_only =
        mcp(r#""gh": {"command": "github-mcp-server", "args": ["stdio", "--read-only"]}"#);
    assert!(!has(
        &rules_for(".mcp.json", &read_only),
        "unnarrowed-server"
    ));
}

/// `unpinned-package` reads the runner's own options.
#[test]
fn unpinned_package_reads_the_runners_options() {
    let quiet = [
        r#""a": {"command": "npx", "args": ["-y", "--registry", "https://npm.acme-corp.net", "@acme/tools-mcp@1.2.3"]}"#,
        r#""a": {"command": "npx", "args": ["--no-install", "@acme/tools-mcp"]}"#,
        r#""a": {"command": "uvx", "args": ["mcp-server-fetch@2025.4.7"]}"#,
        r#""a": {"command": "cmd", "args": ["/c", "npx", "-y", "@acme/tools-mcp@1.2.3"]}"#,
        r#""a": {"command": "bash", "args": ["-lc", "npx -y @acme/tools-mcp@1.2.3"]}"#,
    ];
    for server in quiet {
        assert!(
            !has(&rules_for(".mcp.json", &mcp(server)), "unpinned-package"),
            "{server}"
        );
    }
    // Through a shell that only starts the runner, too.
    for server in [
        r#""a": {"command": "uvx", "args": ["awslabs.aws-documentation-mcp-server@latest"]}"#,
        r#""a": {"command": "cmd", "args": ["/c", "npx", "-y", "@acme/tools-mcp"]}"#,
        r#""a": {"command": "C:\\Windows\\System32\\cmd.exe", "args": ["/C", "npx", "-y", "@acme/tools-mcp"]}"#,
        r#""a": {"command": "sh", "args": ["-c", "npx -y @acme/tools-mcp"]}"#,
        r#""a": {"command": "/bin/bash", "args": ["-c", "cd /srv/tools && exec npx -y @acme/tools-mcp --stdio"]}"#,
    ] {
        assert!(
            has(&rules_for(".mcp.json", &mcp(server)), "unpinned-package"),
            "{server}"
        );
    }
}

/// A server started through a shell string is judged by what it runs, and
/// no edit is offered on words that share one string.
#[test]
fn a_server_behind_a_shell_is_judged_by_what_it_runs() {
    let config =
        mcp(r#""pw": {"command": "sh", "args": ["-c", "exec npx -y @playwright/mcp@0.0.41"]}"#);
    let report = lint(".mcp.json", &config);
    let wide = report
        .findings
        .iter()
        .find(|f| f.rule.id == "unnarrowed-server")
        .expect("the Playwright profile applies through the shell");
    assert!(wide.fix.is_none());
}

/// The AWS Labs servers each get their own verdict and words: the ECS
/// server with `ALLOW_WRITE=false` (its documented default, in PyPI's
/// spelling of its name) is narrowed; the AWS API server is told about
/// READ_OPERATIONS_ONLY, and a database server about `--readonly`, not
/// about each other's switches.
#[test]
fn aws_labs_servers_are_judged_and_advised_one_by_one() {
    let config = mcp(
        r#""ecs": {"command": "uvx", "args": ["--from", "awslabs-ecs-mcp-server", "ecs-mcp-server"], "env": {"AWS_PROFILE": "dev", "ALLOW_WRITE": "false", "ALLOW_SENSITIVE_DATA": "false"}},
           "api": {"command": "uvx", "args": ["awslabs.aws-api-mcp-server@1.0.0"], "env": {"AWS_PROFILE": "dev"}},
           "db": {"command": "uvx", "args": ["awslabs.mysql-mcp-server@1.0.0", "--database", "shop"]},
           "ecs-rw": {"command": "uvx", "args": ["--from", "awslabs-ecs-mcp-server@1.0.0", "ecs-mcp-server"], "env": {"ALLOW_WRITE": "true"}}"#,
    );
    let report = lint(".mcp.json", &config);
    let about = |server: &str| -> Vec<(&str, String)> {
        report
            .findings
            .iter()
            .filter(|f| f.server.as_deref() == Some(server) && f.rule.id == "unnarrowed-server")
            .map(|f| (f.severity.as_str(), f.help.clone().unwrap_or_default()))
            .collect()
    };
    assert_eq!(about("ecs"), []);
    let api = about("api");
    assert_eq!(api.len(), 1, "{api:?}");
    assert!(api[0].1.contains("READ_OPERATIONS_ONLY=true"), "{api:?}");
    let db = about("db");
    assert_eq!(db.len(), 1, "{db:?}");
    assert!(db[0].1.contains("--readonly True"), "{db:?}");
    assert!(!db[0].1.contains("READ_OPERATIONS_ONLY"), "{db:?}");
    let rw: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.server.as_deref() == Some("ecs-rw") && f.rule.id == "unnarrowed-server")
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(rw.len(), 1, "{rw:?}");
    assert!(
        rw[0].contains("is widened: enables the server's write tools"),
        "{rw:?}"
    );
}

/// Suggested permission rules name tools the server has: its profile's
/// read tools, or a placeholder when the profile knows none; and only
/// names Claude Code reads as rules (no `*` inside a name).
#[test]
fn suggested_permission_rules_name_real_tools() {
    let (_d, found) = project_findings(
        GITHUB_REMOTE_WIDE,
        r#"{"permissions": {"allow": ["mcp__github"]}}"#,
    );
    let broad = found
        .iter()
        .find(|(r, _)| r == "broad-allow-rule")
        .expect("reported");
    assert!(
        broad
            .1
            .contains(r#""mcp__github__get_*", "mcp__github__list_*""#),
        "{}",
        broad.1
    );
    let azure = r#"{"mcpServers": {"azure": {"type": "http", "url": "https://azure-mcp.acme-corp.net/mcp"}, "az": {"command": "npx", "args": ["-y", "@azure/mcp@0.5.0", "server", "start"]}}}"#;
    let (_d, found) = project_findings(azure, r#"{"permissions": {"allow": ["mcp__az"]}}"#);
    assert!(
        found.iter().any(|(r, _)| r == "broad-allow-rule"),
        "{found:?}"
    );
    for (rule, help) in &found {
        assert!(!help.contains("__*_"), "{rule}: {help}");
        if rule == "broad-allow-rule" {
            assert!(help.contains("`mcp__az__<tool>`"), "{help}");
        }
    }
}
