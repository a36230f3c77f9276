//! Environment-variable names for a credential that must leave the config:
//! the env key itself when there is one, else `<SERVER>_<WHAT>`.

use crate::knowledge::carriers::How;
use crate::knowledge::detect::names;

/// `GITHUB_TOKEN` from parts such as `("github", "x-api-key")`.
pub fn compose(parts: &[&str]) -> String {
    let mut words: Vec<String> = Vec::new();
    for part in parts {
        for w in names::words(part) {
            let w = w.to_ascii_uppercase();
            if words.last() != Some(&w) {
                words.push(w);
            }
        }
    }
    let mut name = words.join("_");
    if name.is_empty() {
        name = "MCP_SECRET".into();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, '_');
    }
    name
}

/// A name usable as the variable itself: `GITHUB_TOKEN`, `api_key`; not a
/// camelCase field name such as `clientSecret`, which says nothing of the
/// server it belongs to.
fn is_env_name(name: &str) -> bool {
    let camel = name.contains(|c: char| c.is_ascii_lowercase())
        && name.contains(|c: char| c.is_ascii_uppercase());
    !name.is_empty()
        && !camel
        && name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The variable to hold a credential found under `name`, carried `how`, in
/// server `server`.
pub fn for_credential(server: Option<&str>, name: Option<&str>, how: Option<How>) -> String {
    let server = server.unwrap_or("mcp");
    match (how, name) {
        (Some(How::Value | How::EnvArg) | None, Some(n)) if is_env_name(n) => n.to_string(),
        (Some(How::BasicAuth), _) => compose(&[server, "basic", "auth"]),
        (Some(How::UrlPassword), _) => compose(&[server, "password"]),
        (Some(How::Header), Some(n)) if n.eq_ignore_ascii_case("authorization") => {
            compose(&[server, "token"])
        }
        (_, Some(n)) => {
            // Drop the server's name when the parameter repeats it
            // (`tavilyApiKey` on server `tavily` → TAVILY_API_KEY).
            let server_words = names::words(server);
            let mut words = names::words(n);
            if words.starts_with(&server_words) {
                words.drain(..server_words.len());
            }
            let rest = words.join("_");
            compose(&[server, &rest])
        }
        (_, None) => compose(&[server, "token"]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_for_credentials() {
        assert_eq!(
            for_credential(Some("github"), Some("GITHUB_TOKEN"), Some(How::Value)),
            "GITHUB_TOKEN"
        );
        assert_eq!(
            for_credential(Some("gdrive"), Some("clientSecret"), Some(How::Value)),
            "GDRIVE_CLIENT_SECRET"
        );
        assert_eq!(
            for_credential(Some("tavily"), Some("tavilyApiKey"), Some(How::UrlQuery)),
            "TAVILY_API_KEY"
        );
        assert_eq!(
            for_credential(Some("brave-search"), Some("api-key"), Some(How::Flag)),
            "BRAVE_SEARCH_API_KEY"
        );
        assert_eq!(
            for_credential(Some("linear"), Some("Authorization"), Some(How::Header)),
            "LINEAR_TOKEN"
        );
        assert_eq!(
            for_credential(Some("db"), Some("password"), Some(How::UrlPassword)),
            "DB_PASSWORD"
        );
        assert_eq!(for_credential(Some("9x"), None, None), "_9X_TOKEN");
    }
}
