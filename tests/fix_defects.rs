//! `--fix` defects found in review: the Codex fix keeps every comment
//! (one at the end of a line it removes stays on a line of its own) and
//! removes the tables it empties; a credential that is a
//! whole URL (a webhook) moves whole, while a connection string keeps its
//! host and gives up only its password.
//!
//! Every credential here is fake, in the shape its detector expects.

mod common;

use common::{run, run_json, Tree};

/// A Slack incoming webhook (fake; random enough for the detector).
const SLACK_HOOK: &str =
    "https://hooks.slack.com/services/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";
/// A Discord webhook (fake, from the format's own examples).
const DISCORD_HOOK: &str = "https://discord.com/api/webhooks/1013237741570150017/y_trdeBJuj6HEjQYTmY5GHXa1emUyMcv8KBwFPpAOfMCPLINTRRnJH9-ynQlkSqHKsyK";
/// The password of [`DSN`] (fake).
const DB_PASSWORD: &str = "xp8Mcp8Qlq5DLkX7PtHH";
const DSN: &str = "postgresql://app_rw:xp8Mcp8Qlq5DLkX7PtHH@db.mcplint.test:5432/orders";
const API_KEY: &str = "Vb9sRt4Kx8WdQp73xLm2";
/// A GitHub classic PAT whose checksum verifies (fake).
const PAT: &str = "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";
const BEARER: &str = "9fKq2LmZ8vRt4XwN7bPc3HdS6jYe0AuG";

/// A git repository holding only `rel` with `text`.
fn repo_with(rel: &str, text: &str) -> Tree {
    let tree = Tree::new();
    tree.git_init("");
    tree.write(rel, text);
    tree
}

/// `mcplint --fix` in the tree; the fixed `rel` and the env file.
fn fix(tree: &Tree, rel: &str) -> (String, String) {
    let out = run(tree.cmd().args(["--fix", "--color", "never"]));
    let fixed = String::from_utf8(tree.read(rel)).unwrap();
    let env = std::fs::read_to_string(tree.path(".env"))
        .unwrap_or_else(|e| panic!("no env file ({e}):\n{}{}\n{fixed}", out.stdout, out.stderr));
    (fixed, env)
}

/// `literal-secret` findings left after the fix.
fn literal_secrets_left(tree: &Tree) -> Vec<serde_json::Value> {
    let (_, report) = run_json(&tree.root, &[]);
    common::by_rule(&report, "literal-secret")
        .into_iter()
        .cloned()
        .collect()
}

/// The Codex file after `--fix`, checked to parse as TOML and to hold no
/// literal secret any more; with the env file.
fn codex_fixed(text: &str) -> (String, String) {
    let rel = ".codex/config.toml";
    let tree = repo_with(rel, text);
    let (fixed, env) = fix(&tree, rel);
    if let Err(e) = toml_edit::Document::parse(fixed.as_str()) {
        panic!("the fixed file is not TOML ({e}):\n{fixed}");
    }
    let left = literal_secrets_left(&tree);
    assert!(left.is_empty(), "{left:#?}\n{fixed}");
    (fixed, env)
}

#[test]
fn codex_an_emptied_env_table_leaves_with_its_header_and_every_comment_stays() {
    let (fixed, env) = codex_fixed(&format!(
        "# team servers\n\
         [mcp_servers.docs]  # team docs\n\
         command = \"npx\"\n\
         env_vars = [\"HOME\"]  # forwarded from the shell\n\
         \n\
         [mcp_servers.docs.env]  # staging\n\
         DOCS_API_KEY = \"{API_KEY}\"  # staging key\n\
         \n\
         [mcp_servers.wiki]\n\
         command = \"npx\"\n"
    ));
    assert_eq!(
        fixed,
        "# team servers\n\
         [mcp_servers.docs]  # team docs\n\
         command = \"npx\"\n\
         env_vars = [\"HOME\", \"DOCS_API_KEY\"]  # forwarded from the shell\n\
         \n\
         # staging\n\
         # staging key\n\
         \n\
         [mcp_servers.wiki]\n\
         command = \"npx\"\n"
    );
    assert_eq!(env, format!("DOCS_API_KEY={API_KEY}\n"));
}

#[test]
fn codex_an_emptied_env_table_before_its_server_table_at_the_end_of_the_file() {
    // TOML lets the server's own table follow its `env` sub-table; no
    // final newline.
    let (fixed, _) = codex_fixed(&format!(
        "[mcp_servers.docs.env]\nDOCS_API_KEY = \"{API_KEY}\"\n\n[mcp_servers.docs]"
    ));
    assert_eq!(fixed, "[mcp_servers.docs]\nenv_vars = [\"DOCS_API_KEY\"]\n");
}

#[test]
fn codex_comment_lines_of_an_emptied_table_stay() {
    let (fixed, _) = codex_fixed(&format!(
        "[mcp_servers.docs]\n\
         command = \"npx\"\n\
         \n\
         [mcp_servers.docs.env]\n\
         # rotated every quarter by the platform team\n\
         DOCS_API_KEY = \"{API_KEY}\"\n\
         # LOG_LEVEL = \"debug\"\n\
         \n\
         [mcp_servers.wiki]\n\
         command = \"npx\"\n"
    ));
    assert_eq!(
        fixed,
        "[mcp_servers.docs]\n\
         env_vars = [\"DOCS_API_KEY\"]\n\
         command = \"npx\"\n\
         \n\
         # rotated every quarter by the platform team\n\
         # LOG_LEVEL = \"debug\"\n\
         \n\
         [mcp_servers.wiki]\n\
         command = \"npx\"\n"
    );
}

#[test]
fn codex_an_emptied_inline_env_leaves_its_comment_and_a_kept_inline_line_keeps_its_own() {
    let (fixed, env) = codex_fixed(&format!(
        "[mcp_servers.github]\n\
         command = \"npx\"\n\
         env = {{ GITHUB_TOKEN = \"{PAT}\" }}  # the bot's token\n\
         args = [\"-y\", \"@acme/github-tools-mcp@1.2.0\"]\n\
         \n\
         [mcp_servers.linear]\n\
         command = \"npx\"\n\
         env = {{ LOG_LEVEL = \"debug\", LINEAR_API_KEY = \"{API_KEY}\" }}  # inline env\n"
    ));
    assert_eq!(
        fixed,
        "[mcp_servers.github]\n\
         env_vars = [\"GITHUB_TOKEN\"]\n\
         command = \"npx\"\n\
         # the bot's token\n\
         args = [\"-y\", \"@acme/github-tools-mcp@1.2.0\"]\n\
         \n\
         [mcp_servers.linear]\n\
         env_vars = [\"LINEAR_API_KEY\"]\n\
         command = \"npx\"\n\
         env = { LOG_LEVEL = \"debug\" }  # inline env\n"
    );
    assert_eq!(
        env,
        format!("GITHUB_TOKEN={PAT}\nLINEAR_API_KEY={API_KEY}\n")
    );
}

#[test]
fn codex_emptied_header_tables_leave_too() {
    // `http_headers` empties the same way `env` does, inline or as a table.
    let (fixed, _) = codex_fixed(&format!(
        "[mcp_servers.docs]\n\
         url = \"https://docs-mcp.acme-corp.net/mcp\"\n\
         http_headers = {{ Authorization = \"Bearer {BEARER}\" }}  # from the wiki\n\
         \n\
         [mcp_servers.wiki]\n\
         url = \"https://wiki-mcp.acme-corp.net/mcp\"\n\
         \n\
         [mcp_servers.wiki.http_headers]\n\
         Authorization = \"Bearer {BEARER}\"\n"
    ));
    assert_eq!(
        fixed,
        "[mcp_servers.docs]\n\
         bearer_token_env_var = \"DOCS_TOKEN\"\n\
         url = \"https://docs-mcp.acme-corp.net/mcp\"\n\
         # from the wiki\n\
         \n\
         [mcp_servers.wiki]\n\
         bearer_token_env_var = \"WIKI_TOKEN\"\n\
         url = \"https://wiki-mcp.acme-corp.net/mcp\"\n"
    );
}

#[test]
fn codex_a_webhook_is_forwarded_whole() {
    let (fixed, env) = codex_fixed(&format!(
        "[mcp_servers.alerts]\n\
         command = \"acme-alerts-mcp\"\n\
         \n\
         [mcp_servers.alerts.env]\n\
         ALERT_WEBHOOK = \"{SLACK_HOOK}\"\n\
         CHANNEL = \"ops\"\n"
    ));
    assert_eq!(
        fixed,
        "[mcp_servers.alerts]\n\
         env_vars = [\"ALERT_WEBHOOK\"]\n\
         command = \"acme-alerts-mcp\"\n\
         \n\
         [mcp_servers.alerts.env]\n\
         CHANNEL = \"ops\"\n"
    );
    assert_eq!(env, format!("ALERT_WEBHOOK={SLACK_HOOK}\n"));
}

/// A Gemini CLI settings file with one server and these env entries.
fn gemini_settings(env: &[(&str, &str)]) -> String {
    let entries: Vec<String> = env
        .iter()
        .map(|(k, v)| format!("        \"{k}\": \"{v}\""))
        .collect();
    format!(
        "{{\n  \"mcpServers\": {{\n    \"alerts\": {{\n      \"command\": \"npx\",\n      \"args\": [\"-y\", \"@acme/alerts-mcp@1.0.0\"],\n      \"env\": {{\n{}\n      }}\n    }}\n  }}\n}}\n",
        entries.join(",\n")
    )
}

#[test]
fn a_webhook_url_moves_whole_and_a_connection_string_keeps_its_host() {
    let rel = ".gemini/settings.json";
    let tree = repo_with(
        rel,
        &gemini_settings(&[
            ("ALERT_WEBHOOK", SLACK_HOOK),
            ("DISCORD_HOOK", DISCORD_HOOK),
            ("DATABASE_URL", DSN),
        ]),
    );
    let (fixed, env) = fix(&tree, rel);
    assert_eq!(
        fixed,
        gemini_settings(&[
            ("ALERT_WEBHOOK", "${ALERT_WEBHOOK}"),
            ("DISCORD_HOOK", "${DISCORD_HOOK}"),
            (
                "DATABASE_URL",
                "postgresql://app_rw:${ALERTS_PASSWORD}@db.mcplint.test:5432/orders"
            ),
        ])
    );
    assert_eq!(
        env,
        format!(
            "ALERT_WEBHOOK={SLACK_HOOK}\nDISCORD_HOOK={DISCORD_HOOK}\nALERTS_PASSWORD={DB_PASSWORD}\n"
        )
    );
    let left = literal_secrets_left(&tree);
    assert!(left.is_empty(), "{left:#?}");
}

#[test]
fn a_webhook_inside_a_longer_value_moves_only_its_secret() {
    // Only a URL that is the whole value is known to be the credential;
    // inside a longer value the rest of the text is not the fix's to move.
    let rel = ".gemini/settings.json";
    let value = format!("{SLACK_HOOK} #ops");
    let tree = repo_with(rel, &gemini_settings(&[("ALERT_TARGET", &value)]));
    let (fixed, env) = fix(&tree, rel);
    let (kept, secret) = SLACK_HOOK.rsplit_once('/').unwrap();
    assert_eq!(
        fixed,
        gemini_settings(&[("ALERT_TARGET", &format!("{kept}/${{ALERT_TARGET}} #ops"))])
    );
    assert_eq!(env, format!("ALERT_TARGET={secret}\n"));
}

#[test]
fn a_secret_inside_a_default_moves_with_the_whole_default() {
    // `${VAR:-default}` becomes `${VAR}`: the variable must then hold the
    // whole default, not only the secret inside it.
    let rel = ".mcp.json";
    let tree = repo_with(
        rel,
        &format!(
            "{{\"mcpServers\": {{\"db\": {{\"command\": \"npx\", \"env\": {{\"DATABASE_URL\": \"${{DATABASE_URL:-{DSN}}}\", \"HOOK\": \"${{HOOK:-{SLACK_HOOK}}}\"}}}}}}}}\n"
        ),
    );
    let (fixed, env) = fix(&tree, rel);
    assert_eq!(
        fixed,
        "{\"mcpServers\": {\"db\": {\"command\": \"npx\", \"env\": {\"DATABASE_URL\": \"${DATABASE_URL}\", \"HOOK\": \"${HOOK}\"}}}}\n"
    );
    assert_eq!(env, format!("DATABASE_URL={DSN}\nHOOK={SLACK_HOOK}\n"));
}

#[test]
fn a_password_or_token_inside_an_https_url_moves_alone() {
    // Not webhooks: a `user:password@` URL keeps its user and host, and a
    // token that merely sits in a URL's path is matched from the token on.
    let rel = ".gemini/settings.json";
    let userinfo = "https://svc-mcp:Zy4zJMcplsuGLBVyonrK@git.mcplint.test/acme/tools.git";
    let in_path = format!("https://mirror.mcplint.test/{PAT}/tools.git");
    let tree = repo_with(
        rel,
        &gemini_settings(&[("REPO_URL", userinfo), ("MIRROR_URL", &in_path)]),
    );
    let (fixed, env) = fix(&tree, rel);
    assert_eq!(
        fixed,
        gemini_settings(&[
            (
                "REPO_URL",
                "https://svc-mcp:${ALERTS_PASSWORD}@git.mcplint.test/acme/tools.git"
            ),
            (
                "MIRROR_URL",
                "https://mirror.mcplint.test/${MIRROR_URL}/tools.git"
            ),
        ])
    );
    assert_eq!(
        env,
        format!("ALERTS_PASSWORD=Zy4zJMcplsuGLBVyonrK\nMIRROR_URL={PAT}\n")
    );
}
