//! Names that say "this holds a credential": env keys, header names, CLI
//! flags and URL query parameters. Keyword context is the main precision
//! lever in MCP configs, because nearly every value sits under a name.

/// Name segments that mark a credential (`GITHUB_TOKEN`, `x-api-key`, …).
const SECRET_PARTS: &[&str] = &[
    "token",
    "apikey",
    "secret",
    "password",
    "passwd",
    "pwd",
    "pass",
    "pat",
    "auth",
    "authorization",
    "credential",
    "credentials",
    "cookie",
    "session",
    "dsn",
    "privatekey",
    "accesskey",
    "secretkey",
    "clientsecret",
    "connectionstring",
    "connstr",
    "databaseurl",
    "bearer",
    "key",
];

/// Whole-name or suffix words that say the value is *about* a credential,
/// not the credential (`TOKEN_URL`, `API_KEY_FILE`, `AUTH_TYPE`).
const BENIGN_LAST: &[&str] = &[
    "id", "ids", "url", "uri", "host", "hostname", "endpoint", "region", "project", "org", "team",
    "user", "username", "email", "path", "file", "dir", "version", "mode", "name", "port",
    "timeout", "type", "helper", "scopes", "scope", "expiry", "expires", "ttl", "env", "var",
    "length", "format", "enabled", "required", "method", "provider", "prefix", "id_env",
];

/// Names that contain a secret word but hold public values.
const PUBLIC_NAMES: &[&str] = &[
    "publickey",
    "publishablekey",
    "keyid",
    "keyname",
    "primarykey",
    "authorurl",
    "author",
    "tokenizer",
    "maxtokens",
    "csrftoken",
    "oauthscopes",
    "authmode",
    "keyfile",
    "passthrough",
];

/// Split `GITHUB_PERSONAL_ACCESS_TOKEN`, `x-api-key`, `apiKey`, `--api-key`
/// into lower-case words.
pub fn words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if !c.is_ascii_alphanumeric() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        current.push(c.to_ascii_lowercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// Does `name` say its value is a credential?
pub fn is_secret_name(name: &str) -> bool {
    let words = words(name);
    let Some(last) = words.last() else {
        return false;
    };
    let joined: String = words.concat();
    if PUBLIC_NAMES.iter().any(|p| joined.ends_with(p)) {
        return false;
    }
    if BENIGN_LAST.contains(&last.as_str()) {
        // `DATABASE_URL` and `*_DSN_URL` name a connection string, which carries
        // its password; other `*_URL`s are only checked for embedded userinfo.
        return joined.ends_with("databaseurl") || joined.ends_with("connectionurl");
    }
    if words.iter().any(|w| SECRET_PARTS.contains(&w.as_str())) {
        return true;
    }
    // One-word names that end in a secret word: `PGPASSWORD`, `HFTOKEN`.
    if words.len() == 1
        && ["password", "passwd", "token", "secret", "apikey"]
            .iter()
            .any(|s| last.len() > s.len() + 1 && last.ends_with(s))
    {
        return true;
    }
    // Joined forms: `APIKEY`, `accesstoken`, `clientsecret`.
    [
        "apikey",
        "accesstoken",
        "secretkey",
        "clientsecret",
        "privatekey",
        "authtoken",
    ]
    .iter()
    .any(|p| joined.ends_with(p))
}

/// Names whose values are passwords: short or low-entropy values still count.
pub fn is_password_name(name: &str) -> bool {
    words(name)
        .iter()
        .any(|w| matches!(w.as_str(), "password" | "passwd" | "pwd" | "pass"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_names() {
        for n in [
            "GITHUB_PERSONAL_ACCESS_TOKEN",
            "API_KEY",
            "apiKey",
            "x-api-key",
            "Authorization",
            "OPENAI_APIKEY",
            "DB_PASSWORD",
            "client_secret",
            "--access-token",
            "DATABASE_URL",
            "SENTRY_AUTH_TOKEN",
            "tavilyApiKey",
            "PRIVATE-TOKEN",
            "DD-API-KEY",
            "PGPASSWORD",
            "HFTOKEN",
        ] {
            assert!(is_secret_name(n), "{n} should be secret-like");
        }
    }

    #[test]
    fn benign_names() {
        for n in [
            "GITHUB_TOOLSETS",
            "TOKEN_URL",
            "API_KEY_FILE",
            "NOTION_DATABASE_ID",
            "LINEAR_TEAM_ID",
            "AUTH_TYPE",
            "public_key",
            "STRIPE_PUBLISHABLE_KEY",
            "MAX_TOKENS",
            "GITHUB_HOST",
            "Notion-Version",
            "keyword",
            "monkey",
        ] {
            assert!(!is_secret_name(n), "{n} should not be secret-like");
        }
    }
}
