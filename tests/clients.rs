//! The realistic client trees under `fixtures/clients/<client>/`, checked
//! against what was planted in them: literal secrets, secrets in git-ignored
//! copies, references the owning client does not expand, placeholders, and
//! references in the client's own syntax. Each tree is linted exactly as
//! `tests/snapshots.rs` lints it and the JSON report is read back.
//!
//! Every token here is fake (each carries `MCPLINT`); none grants access to
//! anything.
//!
//! A row the linter gets wrong is not deleted or weakened: it moves to
//! [`KNOWN_GAPS`], whose test fails as soon as the linter gets it right.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use mcplint::clients::{self, formats, Language};
use mcplint::report::{human, json};
use mcplint::run;
use mcplint::syntax::parse::{self, json::Flavor};
use serde_json::Value;

/// Which bytes the finding's `offset..offset + length` must cover.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum At {
    /// Exactly the planted text.
    Exact,
    /// Part of the planted text (`Bearer <TOKEN>` is reported as `<TOKEN>`).
    Inside,
    /// No finding of any rule at this pointer.
    Nothing,
}
use At::{Exact, Inside, Nothing};

/// (client dir, file relative to the tree, RFC 6901 pointer, rule id, span,
/// planted text)
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    At,
    &'static str,
);

const SECRET: &str = "literal-secret";
const UNEXPANDED: &str = "unexpanded-reference";
const UNKNOWN_INPUT: &str = "unknown-input";
const PLACEHOLDER: &str = "placeholder-value";
/// The rule of a row that expects no finding.
const NONE: &str = "";

/// Literal secrets in files a repository would publish. Every one is reported
/// as `literal-secret`, and the reported bytes are exactly the token: tokens
/// after `Bearer `, inside a URL or inside `--header Name: value` are cut out
/// of the surrounding string, never reported as the whole value. A trailing
/// comment names the credential format (`rules/credentials/`) or the generic
/// path meant to catch the token; the JSON report does not carry it, so it is
/// not asserted.
#[rustfmt::skip]
const SECRETS: &[Row] = &[
    ("claude-code", ".mcp.json", "/mcpServers/slack/env/SLACK_BOT_TOKEN", SECRET, Exact, "xoxb-58521745940-5460759125549-fqMCPLINTPBNFSaLm640q53I"), // slack-bot-token
    ("claude-code", ".claude/settings.json", "/env/SENTRY_ACCESS_TOKEN", SECRET, Exact, "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"), // sentry-user-token
    ("claude-code", ".claude/settings.local.json", "/env/ANTHROPIC_API_KEY", SECRET, Exact, "sk-ant-api03-sqWyp2dMy620XZhZEchJdTSzo_VPpNcFHKjVQVYfJ5bUEMcRBO9_WY2q8XfxU7WEJno9LaBnF1BYycTPJ9MCPLINT2fAmAA"), // anthropic-api-key
    // Inside a JSON document embedded in an env string: the span is mapped
    // back through the escapes, so it covers the token alone (`Exact`).
    ("claude-code", "plugins/acme-tools/.claude-plugin/plugin.json", "/mcpServers/notion/env/OPENAPI_MCP_HEADERS", SECRET, Exact, "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"), // notion-integration-token
    ("claude-code", "home/.claude.json", "/projects/~1home~1dev~1src~1app/mcpServers/stripe/args/3", SECRET, Exact, "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"), // stripe-live-restricted-key
    ("claude-desktop", "docs/setup/claude_desktop_config.json", "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN", SECRET, Exact, "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"), // github-classic-pat
    ("claude-desktop", "home/.config/Claude/claude_desktop_config.json", "/mcpServers/brave-search/env/BRAVE_API_KEY", SECRET, Exact, "BSAbMCPLINTmxnJ-kdk4kxDhsmTi0UK"), // brave-search-api-key
    ("claude-desktop", "home/.config/Claude/claude_desktop_config.json", "/mcpServers/internal-wiki/args/4", SECRET, Exact, "2ddYKckTbwBkXMCPLINTvqUPW1ZLFxhBMOKe"), // (generic: mcp-remote --header Bearer)
    ("cursor", ".cursor/mcp.json", "/mcpServers/supabase/args/5", SECRET, Exact, "sbp_440a5b51b80b9f9e5b77493a1eb33553f969c724"), // supabase-access-token
    ("cursor", ".cursor/mcp.json", "/mcpServers/acme-crm/auth/CLIENT_SECRET", SECRET, Exact, "fOcaRNcqVkGcXQw2tSMCPLINTTQAAvY3LbPMHu2D"), // (generic: name CLIENT_SECRET)
    ("vscode", ".vscode/mcp.json", "/servers/perplexity/env/PERPLEXITY_API_KEY", SECRET, Exact, "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"), // perplexity-api-key
    ("vscode", ".vscode/settings.json", "/mcp/servers/figma/args/2", SECRET, Exact, "figd_qLQUBnsLMCPLINTotkCyelvb7TITODH_KMM5TRjM"), // figma-pat
    ("copilot-cli", "home/.copilot/mcp-config.json", "/mcpServers/huggingface/headers/Authorization", SECRET, Exact, "hf_5pYu8KVnLdwMCPLINT9qgE2xiyws5pTHKo"), // huggingface-token
    // A query parameter of a URL: the span covers the key alone (`Exact`).
    ("windsurf", "home/.codeium/windsurf/mcp_config.json", "/mcpServers/tavily/serverUrl", SECRET, Exact, "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"), // tavily-api-key
    ("gemini-cli", ".gemini/settings.json", "/mcpServers/maps/env/GOOGLE_MAPS_API_KEY", SECRET, Exact, "AIzaSyBzaNXSNlSK1YQYwckLo8MCPLINTypKP2x"), // google-api-key
    ("gemini-cli", ".gemini/settings.json", "/mcpServers/drive/oauth/clientSecret", SECRET, Exact, "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"), // google-oauth-client-secret
    ("gemini-cli", "extensions/acme/gemini-extension.json", "/mcpServers/acme-search/env/JINA_API_KEY", SECRET, Exact, "jina_oitzFl9FFYsCzIqCiKjDxNB1hLk9feqFajz1svtcaMCPLINTdFWgnc46R3YF"), // jina-api-key
    ("codex", ".codex/config.toml", "/mcp_servers/slack/env/SLACK_BOT_TOKEN", SECRET, Exact, "xoxb-060251489088-1005063784493-J7OTEMCPLINTzN4NWFBiVxjT"), // slack-bot-token
    ("codex", ".codex/config.toml", "/mcp_servers/linear/http_headers/Authorization", SECRET, Exact, "lin_api_ZgYOrVQot8JI1wH9WZ4pMCPLINTlvLc4kib10HGO"), // linear-api-key
    ("codex", ".codex/config.toml", "/mcp_servers/sentry/bearer_token", SECRET, Exact, "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"), // sentry-user-token
    // The password of a DSN: the span covers the password alone, not the
    // whole `postgresql://user:…@host/db` argument (`Exact`).
    ("zed", ".zed/settings.json", "/context_servers/postgres/args/2", SECRET, Exact, "PsUcSQ8jLkDMCPLINTUn"), // postgres-connection-url
    ("zed", ".zed/settings.json", "/context_servers/acme-docs/oauth/client_secret", SECRET, Exact, "ShNZO02trBrJMCPLINTgoaEOjCwEIjGwVRL-67Xc3wdMeSwp"), // (generic: name client_secret)
    ("cline", "home/.cline/data/settings/cline_mcp_settings.json", "/mcpServers/slack/env/SLACK_MCP_XOXP_TOKEN", SECRET, Exact, "xoxp-86745226299-17118864569-4077477578225-beba2527d8c6ec6791c53e2f29da942f"), // slack-user-token
    ("cline", "home/.cline/data/settings/cline_mcp_settings.json", "/mcpServers/acme-crm/oauthClient/clientSecret", SECRET, Exact, "XURkCbN3sdx6u7Zaht5MCPLINTI2MEw8siFvRvHo"), // (generic: name clientSecret)
    ("roo-code", ".roo/mcp.json", "/mcpServers/stripe/headers/Authorization", SECRET, Exact, "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"), // stripe-live-restricted-key
    ("amazon-q", ".amazonq/mcp.json", "/mcpServers/aws-api/env/AWS_ACCESS_KEY_ID", SECRET, Exact, "AKIAMCPLINTQJE5TDXMB"), // aws-access-key-id
    ("amazon-q", ".amazonq/mcp.json", "/mcpServers/aws-api/env/AWS_SECRET_ACCESS_KEY", SECRET, Exact, "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"), // aws-secret-access-key
    ("opencode", "opencode.jsonc", "/mcp/notion/environment/NOTION_TOKEN", SECRET, Exact, "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"), // notion-integration-token
    ("continue", ".continue/mcpServers/github.yaml", "/mcpServers/2/env/LINEAR_API_KEY", SECRET, Exact, "lin_api_17GMCPLINTsUFKeImxowuTuWIQiy4t2gqNnCctul"), // linear-api-key
    ("continue", ".continue/mcpServers/imported.json", "/mcpServers/stripe/args/3", SECRET, Exact, "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"), // stripe-live-secret-key
    ("goose", "home/.config/goose/config.yaml", "/extensions/github/envs/GITHUB_PERSONAL_ACCESS_TOKEN", SECRET, Exact, "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"), // github-classic-pat
    ("generic", "mcp.json", "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN", SECRET, Exact, "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"), // github-classic-pat
    ("generic", "ops/mcp_servers.toml", "/mcp_servers/reporting-db/args/2", SECRET, Exact, "Vq8mZ2pL9wRt4"), // postgres-url-password
    ("kiro", ".kiro/settings/mcp.json", "/mcpServers/tools/env/PERPLEXITY_API_KEY", SECRET, Exact, "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"),
    ("augment", ".augment/settings.json", "/mcpServers/linear/headers/Authorization", SECRET, Exact, "lin_api_ZgYOrVQot8JI1wH9WZ4pMCPLINTlvLc4kib10HGO"), // linear-api-key
    ("amp", ".amp/settings.json", "/amp.mcpServers/sourcegraph/headers/Authorization", SECRET, Exact, "hf_5pYu8KVnLdwMCPLINT9qgE2xiyws5pTHKo"), // huggingface-token
    ("kilo-code", "kilo.jsonc", "/mcp/sentry/environment/SENTRY_ACCESS_TOKEN", SECRET, Exact, "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"), // sentry-user-token
    ("qwen-code", ".qwen/settings.json", "/mcpServers/tools/env/TAVILY_API_KEY", SECRET, Exact, "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"),
    ("junie", ".junie/mcp/mcp.json", "/mcpServers/tools/env/FIGMA_API_KEY", SECRET, Exact, "figd_qLQUBnsLMCPLINTotkCyelvb7TITODH_KMM5TRjM"),
    ("kilo-code", ".kilocode/mcp.json", "/mcpServers/tools/env/HF_TOKEN", SECRET, Exact, "hf_5pYu8KVnLdwMCPLINT9qgE2xiyws5pTHKo"),
    ("trae", ".trae/mcp.json", "/mcpServers/tools/env/BRAVE_API_KEY", SECRET, Exact, "BSAbMCPLINTmxnJ-kdk4kxDhsmTi0UK"),
    ("crush", "crush.json", "/mcp/tools/env/JINA_API_KEY", SECRET, Exact, "jina_oitzFl9FFYsCzIqCiKjDxNB1hLk9feqFajz1svtcaMCPLINTdFWgnc46R3YF"),
    ("lm-studio", "home/.lmstudio/mcp.json", "/mcpServers/tools/env/HUGGINGFACE_API_KEY", SECRET, Exact, "hf_5pYu8KVnLdwMCPLINT9qgE2xiyws5pTHKo"),
];

/// Secrets in copies that the tree's `.gitignore` excludes (`local/`): never
/// reported, never printed. (client, file, pointer, token)
#[rustfmt::skip]
const IGNORED: &[(&str, &str, &str, &str)] = &[
    ("claude-code", "local/.mcp.json", "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN", "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"), // github-classic-pat
    ("claude-desktop", "local/claude_desktop_config.json", "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN", "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"), // github-classic-pat
    ("cursor", "local/.cursor/mcp.json", "/mcpServers/supabase/args/3", "sbp_387d5cbe8394e0c94b49b871aa7359adc2818c68"), // supabase-access-token
    ("vscode", "local/.vscode/mcp.json", "/servers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN", "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"), // github-classic-pat
    ("copilot-cli", "local/.copilot/mcp-config.json", "/mcpServers/huggingface/headers/Authorization", "hf_rMYMCPLINTZfIQk9QwFOECcdmcjxM3M4uM"), // huggingface-token
    ("windsurf", "local/.codeium/windsurf/mcp_config.json", "/mcpServers/gitlab/env/GITLAB_PERSONAL_ACCESS_TOKEN", "glpat-wnRyE0aspzMCPLINTsPE"), // gitlab-pat-legacy
    ("gemini-cli", "local/.gemini/settings.json", "/mcpServers/firecrawl/env/FIRECRAWL_API_KEY", "fc-3d29a33662feb501f1eb2175550caaf8"), // firecrawl-api-key
    ("codex", "local/.codex/config.toml", "/mcp_servers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN", "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"), // github-classic-pat
    ("zed", "local/.zed/settings.json", "/context_servers/digitalocean/env/DIGITALOCEAN_API_TOKEN", "dop_v1_7fa56a386ad992d4ee61724d1bb86a0e000e04d4bcd6b11e7ab924df1d65df7f"), // digitalocean-pat
    ("cline", "local/.cline/data/settings/cline_mcp_settings.json", "/mcpServers/slack/env/SLACK_BOT_TOKEN", "xoxb-8383223807-578906325297-bkBdEoMCPLINTJLBFxs4ReIK"), // slack-bot-token
    ("roo-code", "local/.roo/mcp.json", "/mcpServers/vercel/headers/Authorization", "vcp_80n5hTs66mNsZjS5WiCd8yUMCPLINTd4O5GUBDS9SgpnApH7zP02TedW"), // vercel-access-token
    ("amazon-q", "local/.amazonq/mcp.json", "/mcpServers/planetscale/env/PLANETSCALE_SERVICE_TOKEN", "pscale_tkn_AmTAnTS20nA4rqUI8kOYZ6qkbSjYdIFP4MCPLINT46q"), // planetscale-service-token
    ("opencode", "local/opencode.json", "/mcp/openai-docs/environment/OPENAI_API_KEY", "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"), // openai-project-key
    ("continue", "local/.continue/mcpServers/personal.yaml", "/mcpServers/0/env/PERPLEXITY_API_KEY", "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"), // perplexity-api-key
    ("goose", "local/.config/goose/config.yaml", "/extensions/linear/envs/LINEAR_API_KEY", "lin_api_c3qMCPLINTaz4n13EbyWmnGKRuafgevPnQ3sQEKJ"), // linear-api-key
    ("generic", "local/mcp.json", "/mcpServers/slack/env/SLACK_BOT_TOKEN", "xoxb-5938271046-613847290512-qLm4ZtXcMCPLINTRv8NdWa2K"), // slack-bot-token
    ("kiro", "local/.kiro/settings/mcp.json", "/mcpServers/slack/env/SLACK_BOT_TOKEN", "xoxb-6938271046-613847290513-rLm4ZtXcMCPLINTRv8NdWa2K"), // slack-bot-token
    ("qwen-code", "local/.qwen/settings.json", "/mcpServers/slack/env/SLACK_BOT_TOKEN", "xoxb-7938271046-613847290514-sLm4ZtXcMCPLINTRv8NdWa2K"), // slack-bot-token
    ("junie", "local/.junie/mcp/mcp.json", "/mcpServers/slack/env/SLACK_BOT_TOKEN", "xoxb-8938271046-613847290515-tLm4ZtXcMCPLINTRv8NdWa2K"), // slack-bot-token
    ("kilo-code", "local/.kilocode/mcp.json", "/mcpServers/slack/env/SLACK_BOT_TOKEN", "xoxb-9938271046-613847290516-uLm4ZtXcMCPLINTRv8NdWa2K"), // slack-bot-token
    ("trae", "local/.trae/mcp.json", "/mcpServers/slack/env/SLACK_BOT_TOKEN", "xoxb-1938271046-613847290517-vLm4ZtXcMCPLINTRv8NdWa2K"), // slack-bot-token
    ("crush", "local/crush.json", "/mcp/slack/env/SLACK_BOT_TOKEN", "xoxb-2938271046-613847290518-wLm4ZtXcMCPLINTRv8NdWa2K"), // slack-bot-token
    ("lm-studio", "local/.lmstudio/mcp.json", "/mcpServers/slack/env/SLACK_BOT_TOKEN", "xoxb-3938271046-613847290519-xLm4ZtXcMCPLINTRv8NdWa2K"), // slack-bot-token
    ("augment", "local/.augment/settings.json", "/mcpServers/slack/env/SLACK_BOT_TOKEN", "xoxb-4938271046-613847290520-yLm4ZtXcMCPLINTRv8NdWa2K"), // slack-bot-token
    ("amp", "local/.amp/settings.json", "/amp.mcpServers/slack/env/SLACK_BOT_TOKEN", "xoxb-5938271046-613847290521-zLm4ZtXcMCPLINTRv8NdWa2K"), // slack-bot-token
];

/// References written in a syntax the owning client does not expand: the
/// server would receive the literal text.
#[rustfmt::skip]
const WRONG_SYNTAX: &[Row] = &[
    ("claude-code", ".mcp.json", "/mcpServers/linear/headers/Authorization", UNEXPANDED, Exact, "${env:LINEAR_API_KEY}"),
    ("claude-code", ".mcp.json", "/mcpServers/context7/headers/CONTEXT7_API_KEY", UNEXPANDED, Exact, "$CONTEXT7_API_KEY"),
    ("claude-code", "home/.claude.json", "/projects/~1home~1dev~1src~1app/mcpServers/supabase/env/SUPABASE_ACCESS_TOKEN", UNEXPANDED, Exact, "$(op read op://Dev/supabase/token)"),
    ("claude-desktop", "docs/setup/claude_desktop_config.json", "/mcpServers/postgres/args/2", UNEXPANDED, Exact, "${DATABASE_URL}"),
    ("claude-desktop", "home/.config/Claude/claude_desktop_config.json", "/mcpServers/notes/args/2", UNEXPANDED, Exact, "${HOME}"),
    ("cursor", ".cursor/mcp.json", "/mcpServers/stripe/env/STRIPE_SECRET_KEY", UNEXPANDED, Exact, "${STRIPE_SECRET_KEY}"),
    ("vscode", ".vscode/mcp.json", "/servers/supabase/env/SUPABASE_ACCESS_TOKEN", UNEXPANDED, Exact, "${SUPABASE_ACCESS_TOKEN}"),
    ("vscode", ".vscode/mcp.json", "/servers/sentry/env/SENTRY_ACCESS_TOKEN", UNKNOWN_INPUT, Exact, "${input:sentry_token}"),
    ("copilot-cli", "home/.copilot/mcp-config.json", "/mcpServers/notion/env/NOTION_TOKEN", UNEXPANDED, Exact, "${env:NOTION_TOKEN}"),
    ("windsurf", "home/.codeium/windsurf/mcp_config.json", "/mcpServers/brave-search/env/BRAVE_API_KEY", UNEXPANDED, Exact, "${BRAVE_API_KEY}"),
    ("gemini-cli", ".gemini/settings.json", "/mcpServers/sentry/env/SENTRY_ACCESS_TOKEN", UNEXPANDED, Exact, "${env:SENTRY_ACCESS_TOKEN}"),
    ("codex", ".codex/config.toml", "/mcp_servers/notion/headers/Authorization", UNEXPANDED, Exact, "${NOTION_TOKEN}"),
    ("codex", ".codex/config.toml", "/mcp_servers/brave-search/env/BRAVE_API_KEY", UNEXPANDED, Exact, "${BRAVE_API_KEY}"),
    ("zed", ".zed/settings.json", "/context_servers/github/headers/Authorization", UNEXPANDED, Exact, "${GITHUB_PAT}"),
    ("cline", "home/.cline/data/settings/cline_mcp_settings.json", "/mcpServers/linear/headers/Authorization", UNEXPANDED, Exact, "${LINEAR_API_KEY}"),
    ("roo-code", ".roo/mcp.json", "/mcpServers/sentry/env/SENTRY_ACCESS_TOKEN", UNEXPANDED, Exact, "${SENTRY_ACCESS_TOKEN}"),
    ("amazon-q", ".amazonq/mcp.json", "/mcpServers/postgres/args/2", UNEXPANDED, Exact, "${env:DATABASE_URL}"),
    ("amazon-q", ".amazonq/mcp.json", "/mcpServers/gitlab/env/GITLAB_PERSONAL_ACCESS_TOKEN", UNEXPANDED, Exact, "${GITLAB_TOKEN}"),
    ("opencode", "opencode.jsonc", "/mcp/sentry/headers/Authorization", UNEXPANDED, Exact, "${SENTRY_ACCESS_TOKEN}"),
    ("continue", ".continue/mcpServers/github.yaml", "/mcpServers/3/requestOptions/headers/Authorization", UNEXPANDED, Exact, "${SENTRY_ACCESS_TOKEN}"),
    ("continue", ".continue/mcpServers/imported.json", "/mcpServers/postgres/args/2", UNEXPANDED, Exact, "${DATABASE_URL}"),
    ("goose", "home/.config/goose/config.yaml", "/extensions/notion/args/3", UNEXPANDED, Exact, "$NOTION_TOKEN"),
    ("goose", "home/.config/goose/config.yaml", "/extensions/sentry/headers/Authorization", UNEXPANDED, Exact, "${env:SENTRY_ACCESS_TOKEN}"),
    ("generic", "mcp.json", "/mcpServers/vault-docs/env/DOCS_TOKEN", UNEXPANDED, Exact, "$(op read op://Engineering/docs-mcp/token)"),
    ("kiro", ".kiro/settings/mcp.json", "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN", UNEXPANDED, Exact, "${env:GITHUB_PERSONAL_ACCESS_TOKEN}"),
    ("qwen-code", ".qwen/settings.json", "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN", UNEXPANDED, Exact, "${GITHUB_TOKEN:-ghp_placeholder}"),
    ("junie", ".junie/mcp/mcp.json", "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN", UNEXPANDED, Exact, "$(op read op://Engineering/github/token)"),
    ("kilo-code", ".kilocode/mcp.json", "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN", UNEXPANDED, Exact, "$(security find-generic-password -s linear -w)"),
    ("augment", ".augment/settings.json", "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN", UNEXPANDED, Exact, "$(gh auth token)"),
    ("amp", ".amp/settings.json", "/amp.mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN", UNEXPANDED, Exact, "$(gh auth token)"),
    ("trae", ".trae/mcp.json", "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN", UNEXPANDED, Exact, "$(gcloud auth print-access-token)"),
    ("crush", "crush.json", "/mcp/github/env/GITHUB_PERSONAL_ACCESS_TOKEN", UNEXPANDED, Exact, "${env:GITHUB_PERSONAL_ACCESS_TOKEN}"),
    ("lm-studio", "home/.lmstudio/mcp.json", "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN", UNEXPANDED, Exact, "$(op read op://Personal/hf/token)"),
];

/// Placeholders left where a credential belongs. `Inside`: the finding covers
/// the placeholder past the `Bearer ` scheme, not the whole value.
#[rustfmt::skip]
const PLACEHOLDERS: &[Row] = &[
    ("claude-code", ".mcp.json", "/mcpServers/brave-search/env/BRAVE_API_KEY", PLACEHOLDER, Exact, "<YOUR_BRAVE_API_KEY>"),
    ("claude-desktop", "docs/setup/claude_desktop_config.json", "/mcpServers/sentry/env/SENTRY_AUTH_HEADER", PLACEHOLDER, Inside, "Bearer <YOUR_SENTRY_TOKEN>"),
    ("claude-desktop", "docs/setup/claude_desktop_config.json", "/mcpServers/slack/env/SLACK_BOT_TOKEN", PLACEHOLDER, Exact, "<YOUR_SLACK_BOT_TOKEN>"),
    ("cursor", ".cursor/mcp.json", "/mcpServers/context7/headers/CONTEXT7_API_KEY", PLACEHOLDER, Exact, "YOUR_API_KEY"),
    ("vscode", ".vscode/mcp.json", "/servers/linear/headers/Authorization", PLACEHOLDER, Inside, "Bearer <LINEAR_API_KEY>"),
    ("copilot-cli", "home/.copilot/mcp-config.json", "/mcpServers/brave-search/env/BRAVE_API_KEY", PLACEHOLDER, Exact, "<YOUR_BRAVE_API_KEY>"),
    ("windsurf", "home/.codeium/windsurf/mcp_config.json", "/mcpServers/slack/env/SLACK_BOT_TOKEN", PLACEHOLDER, Exact, "xoxb-your-bot-token"),
    ("gemini-cli", ".gemini/settings.json", "/mcpServers/notion/env/NOTION_TOKEN", PLACEHOLDER, Exact, "<YOUR_NOTION_TOKEN>"),
    ("codex", ".codex/config.toml", "/mcp_servers/context7/args/3", PLACEHOLDER, Exact, "<YOUR_CONTEXT7_API_KEY>"),
    ("zed", ".zed/settings.json", "/context_servers/sentry/env/SENTRY_AUTH_HEADER", PLACEHOLDER, Inside, "Bearer <YOUR_SENTRY_TOKEN>"),
    ("zed", ".zed/settings.json", "/context_servers/brave-search/env/BRAVE_API_KEY", PLACEHOLDER, Exact, "YOUR_BRAVE_API_KEY"),
    ("continue", ".continue/mcpServers/github.yaml", "/mcpServers/4/env/BRAVE_API_KEY", PLACEHOLDER, Exact, "<YOUR_BRAVE_API_KEY>"),
    ("generic", "tools/mcp.yaml", "/mcpServers/notes/env/NOTES_WORKSPACE_TOKEN", PLACEHOLDER, Exact, "your-notes-workspace-token"),
    ("kiro", ".kiro/settings/mcp.json", "/mcpServers/notes/env/NOTES_WORKSPACE_TOKEN", PLACEHOLDER, Exact, "<your-notes-workspace-token>"),
    ("qwen-code", ".qwen/settings.json", "/mcpServers/notes/env/NOTES_WORKSPACE_TOKEN", PLACEHOLDER, Exact, "<your-notes-workspace-token>"),
    ("junie", ".junie/mcp/mcp.json", "/mcpServers/notes/env/NOTES_WORKSPACE_TOKEN", PLACEHOLDER, Exact, "<your-notes-workspace-token>"),
    ("kilo-code", ".kilocode/mcp.json", "/mcpServers/notes/env/NOTES_WORKSPACE_TOKEN", PLACEHOLDER, Exact, "<your-notes-workspace-token>"),
    ("augment", ".augment/settings.json", "/mcpServers/notes/env/NOTES_WORKSPACE_TOKEN", PLACEHOLDER, Exact, "<your-notes-workspace-token>"),
    ("amp", ".amp/settings.json", "/amp.mcpServers/notes/env/NOTES_WORKSPACE_TOKEN", PLACEHOLDER, Exact, "<your-notes-workspace-token>"),
    ("trae", ".trae/mcp.json", "/mcpServers/notes/env/NOTES_WORKSPACE_TOKEN", PLACEHOLDER, Exact, "<your-notes-workspace-token>"),
    ("crush", "crush.json", "/mcp/notes/env/NOTES_WORKSPACE_TOKEN", PLACEHOLDER, Exact, "<your-notes-workspace-token>"),
    ("lm-studio", "home/.lmstudio/mcp.json", "/mcpServers/notes/env/NOTES_WORKSPACE_TOKEN", PLACEHOLDER, Exact, "<your-notes-workspace-token>"),
];

/// Placeholders in a server its client will not start (`disabled: true`,
/// `enabled: false`): nothing, as the server asks for no credential.
#[rustfmt::skip]
const DISABLED_PLACEHOLDERS: &[Row] = &[
    ("cline", "home/.cline/data/settings/cline_mcp_settings.json", "/mcpServers/notion/env/NOTION_TOKEN", NONE, Nothing, "YOUR_NOTION_INTEGRATION_TOKEN"),
    ("roo-code", ".roo/mcp.json", "/mcpServers/brave-search/env/BRAVE_API_KEY", NONE, Nothing, "your-brave-api-key"),
    ("amazon-q", ".amazonq/mcp.json", "/mcpServers/slack/env/SLACK_BOT_TOKEN", NONE, Nothing, "<YOUR_SLACK_BOT_TOKEN>"),
    ("opencode", "opencode.jsonc", "/mcp/context7/headers/CONTEXT7_API_KEY", NONE, Nothing, "<YOUR_CONTEXT7_API_KEY>"),
    ("goose", "home/.config/goose/config.yaml", "/extensions/brave-search/envs/BRAVE_API_KEY", NONE, Nothing, "<YOUR_BRAVE_API_KEY>"),
];

/// References in the owning client's own syntax: no finding of any rule.
#[rustfmt::skip]
const CORRECT: &[Row] = &[
    ("claude-code", ".mcp.json", "/mcpServers/github/headers/Authorization", NONE, Nothing, "${GITHUB_PAT}"),
    ("claude-code", ".mcp.json", "/mcpServers/filesystem/args/2", NONE, Nothing, "${CLAUDE_PROJECT_DIR:-.}"),
    ("claude-code", ".mcp.json", "/mcpServers/sentry/env/SENTRY_ACCESS_TOKEN", NONE, Nothing, "${SENTRY_ACCESS_TOKEN}"),
    ("claude-code", "plugins/acme-tools/.claude-plugin/plugin.json", "/mcpServers/acme-docs/args/0", NONE, Nothing, "${CLAUDE_PLUGIN_ROOT}"),
    ("claude-code", "plugins/acme-tools/.claude-plugin/plugin.json", "/mcpServers/acme-docs/args/2", NONE, Nothing, "${CLAUDE_PLUGIN_DATA}"),
    ("claude-desktop", "docs/setup/claude_desktop_config.json", "/mcpServers/sentry/args/4", NONE, Nothing, "${SENTRY_AUTH_HEADER}"),
    ("cursor", ".cursor/mcp.json", "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN", NONE, Nothing, "${env:GITHUB_PERSONAL_ACCESS_TOKEN}"),
    ("cursor", ".cursor/mcp.json", "/mcpServers/filesystem/args/2", NONE, Nothing, "${workspaceFolder}"),
    ("vscode", ".vscode/mcp.json", "/servers/github/headers/Authorization", NONE, Nothing, "${input:github_token}"),
    ("vscode", ".vscode/mcp.json", "/servers/stripe/args/3", NONE, Nothing, "${input:stripe-secret-key}"),
    ("vscode", ".vscode/mcp.json", "/servers/filesystem/args/2", NONE, Nothing, "${workspaceFolder}"),
    ("vscode", ".vscode/settings.json", "/mcp/servers/github-docker/env/GITHUB_PERSONAL_ACCESS_TOKEN", NONE, Nothing, "${env:GITHUB_PAT}"),
    ("copilot-cli", "home/.copilot/mcp-config.json", "/mcpServers/sentry/env/SENTRY_ACCESS_TOKEN", NONE, Nothing, "${SENTRY_ACCESS_TOKEN}"),
    ("windsurf", "home/.codeium/windsurf/mcp_config.json", "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN", NONE, Nothing, "${env:GITHUB_PERSONAL_ACCESS_TOKEN}"),
    ("windsurf", "home/.codeium/windsurf/mcp_config.json", "/mcpServers/acme-docs/headers/Authorization", NONE, Nothing, "${file:/home/dev/.secrets/acme-docs-token}"),
    ("gemini-cli", ".gemini/settings.json", "/mcpServers/github/headers/Authorization", NONE, Nothing, "$GITHUB_MCP_PAT"),
    ("gemini-cli", "extensions/acme/gemini-extension.json", "/mcpServers/acme-search/args/0", NONE, Nothing, "${extensionPath}${/}"),
    ("codex", ".codex/config.toml", "/mcp_servers/github/bearer_token_env_var", NONE, Nothing, "GITHUB_PAT"),
    ("codex", ".codex/config.toml", "/mcp_servers/postgres/env_vars/0", NONE, Nothing, "DATABASE_URL"),
    ("codex", ".codex/config.toml", "/mcp_servers/acme-docs/env_http_headers/X-Api-Key", NONE, Nothing, "ACME_DOCS_API_KEY"),
    ("zed", ".zed/settings.json", "/context_servers/sentry/args/4", NONE, Nothing, "${SENTRY_AUTH_HEADER}"),
    ("cline", "home/.cline/data/settings/cline_mcp_settings.json", "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN", NONE, Nothing, "${env:GITHUB_PERSONAL_ACCESS_TOKEN}"),
    ("roo-code", ".roo/mcp.json", "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN", NONE, Nothing, "${env:GITHUB_TOKEN}"),
    ("roo-code", ".roo/mcp.json", "/mcpServers/filesystem/args/2", NONE, Nothing, "${workspaceFolder}"),
    ("amazon-q", ".amazonq/mcp.json", "/mcpServers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN", NONE, Nothing, "${env:GITHUB_PERSONAL_ACCESS_TOKEN}"),
    ("amazon-q", ".amazonq/mcp.json", "/mcpServers/acme-internal/headers/Authorization", NONE, Nothing, "${env:ACME_MCP_TOKEN}"),
    ("amazon-q", ".amazonq/mcp.json", "/mcpServers/acme-cli/command", NONE, Nothing, "$HOME"),
    ("opencode", "opencode.jsonc", "/mcp/github/headers/Authorization", NONE, Nothing, "{env:GITHUB_PAT}"),
    ("opencode", "opencode.jsonc", "/mcp/postgres/command/3", NONE, Nothing, "{env:DATABASE_URL}"),
    ("continue", ".continue/mcpServers/github.yaml", "/mcpServers/0/env/GITHUB_PERSONAL_ACCESS_TOKEN", NONE, Nothing, "${{ secrets.GITHUB_TOKEN }}"),
    ("continue", ".continue/mcpServers/imported.json", "/mcpServers/supabase/env/SUPABASE_ACCESS_TOKEN", NONE, Nothing, "${SUPABASE_ACCESS_TOKEN}"),
    ("goose", "home/.config/goose/config.yaml", "/extensions/acme-docs/headers/Authorization", NONE, Nothing, "$ACME_DOCS_TOKEN"),
    ("generic", "tools/mcp.yaml", "/mcpServers/notes/env/NOTES_API_KEY", NONE, Nothing, "${env:NOTES_API_KEY}"),
    ("generic", "mcp.json", "/mcpServers/vault-docs/env/DOCS_URL", NONE, Nothing, "${DOCS_URL:-https://docs.acme-corp.net}"),
    ("kiro", ".kiro/settings/mcp.json", "/mcpServers/notes/env/NOTES_API_KEY", NONE, Nothing, "${NOTION_TOKEN}"),
    ("qwen-code", ".qwen/settings.json", "/mcpServers/notes/env/NOTES_API_KEY", NONE, Nothing, "$BRAVE_API_KEY"),
    ("junie", ".junie/mcp/mcp.json", "/mcpServers/notes/env/NOTES_API_KEY", NONE, Nothing, "${env:GITHUB_TOKEN}"),
    ("kilo-code", ".kilocode/mcp.json", "/mcpServers/notes/env/NOTES_API_KEY", NONE, Nothing, "${env:LINEAR_API_KEY}"),
    ("kilo-code", "kilo.jsonc", "/mcp/docs/headers/Authorization", NONE, Nothing, "{env:ACME_DOCS_TOKEN}"),
    ("augment", ".augment/settings.json", "/mcpServers/notes/env/NOTES_API_KEY", NONE, Nothing, "${NOTES_API_KEY}"),
    ("amp", ".amp/settings.json", "/amp.mcpServers/notes/env/NOTES_API_KEY", NONE, Nothing, "${NOTES_API_KEY}"),
    ("trae", ".trae/mcp.json", "/mcpServers/notes/env/NOTES_API_KEY", NONE, Nothing, "${env:BRAVE_API_KEY}"),
    ("crush", "crush.json", "/mcp/notes/env/NOTES_API_KEY", NONE, Nothing, "${LINEAR_API_KEY}"),
    ("lm-studio", "home/.lmstudio/mcp.json", "/mcpServers/notes/env/NOTES_API_KEY", NONE, Nothing, "${env:HF_TOKEN}"),
];

/// Rows the linter gets wrong today, moved here verbatim from the tables
/// above. `known_gaps_still_fail` fails once one of them passes: move it back.
#[rustfmt::skip]
const KNOWN_GAPS: &[Row] = &[];

/// Files named `mcp.json` that are not MCP configs of any client (JSON
/// schemas, pricing tiers, media presets, …): never read, never reported.
#[rustfmt::skip]
const DECOYS: &[(&str, &str)] = &[
    ("amazon-q", "infra/mcp.json"),
    ("claude-code", "src/schemas/mcp.json"),
    ("claude-desktop", "public/mcp.json"),
    ("cline", "themes/mcp.json"),
    ("codex", "schemas/mcp.json"),
    ("continue", "docs/mcp.json"),
    ("copilot-cli", "install/mcp.json"),
    ("cursor", "packages/pricing/data/mcp.json"),
    ("gemini-cli", "app/config/mcp.json"),
    ("goose", "misc/mcp.json"),
    ("opencode", "packages/web/public/mcp.json"),
    ("roo-code", "src/config/mcp.json"),
    ("vscode", "src/data/mcp.json"),
    ("windsurf", "scripts/mcp.json"),
    ("zed", "assets/mcp.json"),
    ("generic", "tools/mcp-schema.json"),
    ("kiro", "docs/mcp.json"),
    ("qwen-code", "themes/mcp.json"),
    ("junie", "resources/mcp.json"),
    ("kilo-code", "i18n/mcp.json"),
    ("augment", "prompts/mcp.json"),
    ("amp", "skills/mcp.yaml"),
    ("trae", "assets/mcp.json"),
    ("crush", "schemas/mcp.json"),
    ("lm-studio", "presets/mcp.json"),
];

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn tree_dir(client: &str) -> PathBuf {
    fixtures_root().join("clients").join(client)
}

fn options() -> run::Options {
    run::Options {
        config: run::ConfigChoice::Ignore,
        persona: Some(mcplint::finding::Persona::Auditor),
        ..run::Options::default()
    }
}

/// One client tree's reports: the JSON one parsed, and both as text.
struct Tree {
    json: Value,
    json_text: String,
    human_text: String,
}

impl Tree {
    fn findings(&self) -> &[Value] {
        self.json["findings"]
            .as_array()
            .expect("`findings` is an array")
    }

    fn errors(&self) -> &[Value] {
        self.json["errors"]
            .as_array()
            .expect("`errors` is an array")
    }
}

fn lint(paths: &[PathBuf], cwd: &Path) -> (Value, String, String) {
    let report = run::check(paths, cwd, &options());
    let json_text = json::render(&report);
    let human_text = human::render(
        &report,
        &human::Style {
            color: false,
            width: 80,
            quiet: false,
            group: false,
        },
    );
    let doc = serde_json::from_str(&json_text).expect("the JSON report parses");
    (doc, json_text, human_text)
}

/// Every client tree, linted once and shared by the tests.
fn trees() -> &'static BTreeMap<String, Tree> {
    static TREES: OnceLock<BTreeMap<String, Tree>> = OnceLock::new();
    TREES.get_or_init(|| {
        let mut trees = BTreeMap::new();
        for entry in std::fs::read_dir(fixtures_root().join("clients")).unwrap() {
            let dir = entry.unwrap().path();
            if !dir.is_dir() {
                continue;
            }
            let (json, json_text, human_text) = lint(std::slice::from_ref(&dir), &dir);
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            trees.insert(
                name,
                Tree {
                    json,
                    json_text,
                    human_text,
                },
            );
        }
        trees
    })
}

fn tree(client: &str) -> &'static Tree {
    trees()
        .get(client)
        .unwrap_or_else(|| panic!("no tree fixtures/clients/{client}"))
}

/// The source bytes a finding points at.
fn reported_text(client: &str, file: &str, finding: &Value) -> Result<String, String> {
    let source = std::fs::read(tree_dir(client).join(file)).map_err(|e| e.to_string())?;
    let offset = finding["offset"].as_u64().ok_or("no offset")? as usize;
    let length = finding["length"].as_u64().ok_or("no length")? as usize;
    let bytes = source
        .get(offset..offset + length)
        .ok_or_else(|| format!("span {offset}+{length} is outside the file"))?;
    String::from_utf8(bytes.to_vec()).map_err(|e| e.to_string())
}

/// Does the report say what the row says, at its file and pointer?
fn check_row(&(client, file, pointer, rule, at, text): &Row) -> Result<(), String> {
    let here: Vec<&Value> = tree(client)
        .findings()
        .iter()
        .filter(|f| f["file"] == file && f["pointer"] == pointer)
        .collect();
    let rules: Vec<&str> = here.iter().filter_map(|f| f["rule"].as_str()).collect();
    let whom = format!("{client}/{file} {pointer}");
    if at == Nothing {
        return match rules.as_slice() {
            [] => Ok(()),
            _ => Err(format!("{whom}: expected no finding, got {rules:?}")),
        };
    }
    let hits: Vec<&&Value> = here.iter().filter(|f| f["rule"] == rule).collect();
    let [hit] = hits.as_slice() else {
        return Err(format!(
            "{whom}: expected one `{rule}`, got {rules:?} (findings in that file: {:?})",
            tree(client)
                .findings()
                .iter()
                .filter(|f| f["file"] == file)
                .map(|f| format!("{} {}", f["rule"], f["pointer"]))
                .collect::<Vec<_>>()
        ));
    };
    let got = reported_text(client, file, hit).map_err(|e| format!("{whom}: {e}"))?;
    let ok = match at {
        Exact => got == text,
        Inside => !got.is_empty() && text.contains(got.as_str()),
        Nothing => unreachable!(),
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{whom}: `{rule}` covers {got:?}, expected {at:?} {text:?}"
        ))
    }
}

fn assert_rows(rows: &[Row]) {
    let failures: Vec<String> = rows.iter().filter_map(|r| check_row(r).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} rows fail:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

/// The string at `pointer` in a fixture, read with the parser of the format
/// its path names: guards the tables against typos, so that a row that
/// expects nothing cannot pass by pointing nowhere.
fn value_at(client: &str, file: &str, pointer: &str) -> Option<String> {
    let path = tree_dir(client).join(file);
    let text = std::fs::read_to_string(&path).ok()?;
    let format =
        clients::for_path(&path).or_else(|| run::discover::probe(&path).map(|b| b.format))?;
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let body = &text[bom..];
    let root = match format.language {
        Language::Json => parse::json::parse(body, bom, Flavor::Strict),
        Language::Jsonc => parse::json::parse(body, bom, Flavor::Jsonc),
        Language::Toml => parse::toml::parse(body, bom),
        Language::Yaml => parse::yaml::parse(body, bom),
    }
    .ok()?;
    root.at_pointer(pointer)?.as_str().map(str::to_owned)
}

/// Is `path` an MCP config, by its path or (for a name that suggests MCP)
/// by its content, as the walk decides?
fn recognised(path: &Path) -> bool {
    clients::for_path(path).is_some() || run::discover::probe(path).is_some()
}

/// Every file under `dir`, hidden ones included, but nothing under `local/`.
fn files_outside_local(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            if path
                .file_name()
                .is_some_and(|n| n != "local" && n != ".git")
            {
                files_outside_local(&path, out);
            }
        } else {
            out.push(path);
        }
    }
}

fn reported_files(tree: &Tree) -> impl Iterator<Item = &str> {
    tree.findings()
        .iter()
        .chain(tree.errors())
        .filter_map(|f| f["file"].as_str())
}

#[test]
fn tables_match_the_fixtures() {
    let mut wrong = Vec::new();
    let rows = SECRETS
        .iter()
        .chain(WRONG_SYNTAX)
        .chain(PLACEHOLDERS)
        .chain(DISABLED_PLACEHOLDERS)
        .chain(CORRECT)
        .chain(KNOWN_GAPS)
        .map(|&(client, file, pointer, _, _, text)| (client, file, pointer, text))
        .chain(IGNORED.iter().copied());
    for (client, file, pointer, text) in rows {
        match value_at(client, file, pointer) {
            Some(value) if value.contains(text) => {}
            other => wrong.push(format!(
                "{client}/{file} {pointer}: {other:?} lacks {text:?}"
            )),
        }
    }
    for &(client, file, pointer, _) in IGNORED {
        if !file.starts_with("local/") {
            wrong.push(format!("{client}/{file} {pointer}: not under local/"));
        }
    }
    for &(client, file) in DECOYS {
        let path = tree_dir(client).join(file);
        if !path.is_file() || recognised(&path) {
            wrong.push(format!("{client}/{file}: not a decoy"));
        }
    }
    // Every tree has something planted in each table that every client has.
    for client in trees().keys() {
        let has = |rows: &[Row]| rows.iter().any(|r| r.0 == client);
        // A tree whose placeholder sits in a disabled server has its
        // enabled twin in tests/disabled_servers.rs.
        let placeholder = has(PLACEHOLDERS) || has(DISABLED_PLACEHOLDERS);
        if !has(SECRETS) || !has(WRONG_SYNTAX) || !placeholder {
            wrong.push(format!("{client}: missing from a table"));
        }
        if !IGNORED.iter().any(|r| r.0 == client) || !DECOYS.iter().any(|r| r.0 == client) {
            wrong.push(format!("{client}: no git-ignored copy or decoy listed"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn planted_secrets_are_reported_exactly_where_planted() {
    assert_rows(SECRETS);
    // And no report prints one in full.
    let printed: Vec<&str> = SECRETS
        .iter()
        .filter(|&&(client, .., token)| {
            let tree = tree(client);
            tree.json_text.contains(token) || tree.human_text.contains(token)
        })
        .map(|r| r.5)
        .collect();
    assert!(printed.is_empty(), "printed in full: {printed:#?}");
}

#[test]
fn git_ignored_copies_are_never_read() {
    let mut wrong = Vec::new();
    for (client, tree) in trees() {
        for file in reported_files(tree) {
            if file.starts_with("local/") || file.contains("/local/") {
                wrong.push(format!("{client}: reported {file}"));
            }
        }
    }
    for &(client, file, pointer, token) in IGNORED {
        for (owner, tree) in trees() {
            if tree.json_text.contains(token) || tree.human_text.contains(token) {
                wrong.push(format!("{owner}: printed the token of {client}/{file}"));
            }
        }
        // Named explicitly, the copy is linted and its token found: only the
        // `.gitignore` keeps it out of the tree's report.
        let dir = tree_dir(client);
        let (doc, _, _) = lint(&[dir.join(file)], &dir);
        let found = doc["findings"].as_array().unwrap().iter().any(|f| {
            f["rule"] == SECRET
                && f["pointer"] == pointer
                && reported_text(client, file, f).as_deref() == Ok(token)
        });
        if !found {
            wrong.push(format!(
                "{client}/{file} {pointer}: not a leak even when named"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn only_config_files_are_read() {
    let mut wrong = Vec::new();
    for (client, tree) in trees() {
        for file in reported_files(tree) {
            if !recognised(&tree_dir(client).join(file)) {
                wrong.push(format!("{client}: reported {file}, not an MCP config"));
            }
            if DECOYS.contains(&(client.as_str(), file)) {
                wrong.push(format!("{client}: reported the decoy {file}"));
            }
        }
        // Every config outside `local/` is scanned, and nothing else.
        let mut files = Vec::new();
        files_outside_local(&tree_dir(client), &mut files);
        let configs = files.iter().filter(|p| recognised(p)).count();
        if tree.json["files_scanned"] != configs {
            wrong.push(format!(
                "{client}: scanned {}, expected {configs}",
                tree.json["files_scanned"]
            ));
        }
        // A finding names the client that owns the tree.
        for f in tree.findings() {
            if f["client"] != client.as_str() {
                wrong.push(format!(
                    "{client}: {} {} attributed to {}",
                    f["file"], f["pointer"], f["client"]
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn wrong_syntax_references_are_reported() {
    assert_rows(WRONG_SYNTAX);
}

#[test]
fn placeholders_are_reported() {
    assert_rows(PLACEHOLDERS);
}

#[test]
fn placeholders_in_disabled_servers_are_not_reported() {
    assert_rows(DISABLED_PLACEHOLDERS);
}

#[test]
fn correct_references_are_not_reported() {
    assert_rows(CORRECT);
}

#[test]
fn known_gaps_still_fail() {
    let fixed: Vec<String> = KNOWN_GAPS
        .iter()
        .filter(|r| check_row(r).is_ok())
        .map(|r| format!("{}/{} {}", r.0, r.1, r.2))
        .collect();
    assert!(
        fixed.is_empty(),
        "fixed, move back into its table: {fixed:#?}"
    );
}

#[test]
fn every_format_has_a_fixture() {
    let mut files = Vec::new();
    files_outside_local(&fixtures_root(), &mut files);
    let covered: BTreeSet<&str> = files
        .iter()
        .filter_map(|p| {
            clients::for_path(p).or_else(|| mcplint::run::discover::probe(p).map(|b| b.format))
        })
        .map(|f| f.id)
        .collect();
    let missing: Vec<&str> = formats()
        .iter()
        .map(|f| f.id)
        .filter(|id| !covered.contains(id))
        .collect();
    assert!(missing.is_empty(), "formats without a fixture: {missing:?}");
}

/// A client is one module of `src/clients/` and one line of `CLIENTS`: a
/// module that is not listed is never used, and a listed client's formats
/// point back at it.
#[test]
fn every_client_module_is_listed_once() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/clients");
    let shared = [
        "mod.rs",
        "dialect.rs",
        "format.rs",
        "paths.rs",
        "recognise.rs",
        "approval.rs",
    ];
    let mut modules: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".rs") && !shared.contains(&n.as_str()))
        .collect();
    modules.sort();
    let ids: BTreeSet<&str> = clients::CLIENTS.iter().map(|c| c.id).collect();
    assert_eq!(
        modules.len(),
        ids.len(),
        "client modules {modules:?} against listed clients {ids:?}"
    );
    for client in clients::CLIENTS {
        assert!(!client.formats.is_empty(), "{} reads no file", client.id);
        for f in client.formats {
            assert!(
                std::ptr::eq(f.client, *client),
                "{} lists {}, which names another client",
                client.id,
                f.id
            );
        }
    }
}
