//! Where a credential sits inside one string, and under which name: an
//! `Authorization` header after its scheme, a `--token=…` flag, the value
//! after `--api-key`, a docker `-e NAME=value`, a URL's password or query
//! parameter. The name is what lets a rule tell `API_KEY=…` from `MODE=…`.

use std::ops::Range;

use base64::Engine as _;

use crate::clients::Field;
use crate::model::{Server, Site};

/// How the value is carried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// The whole string, under its key (env, settings, other fields).
    Value,
    /// A header value after its scheme (`Bearer …`, `Token …`).
    Header,
    /// The password of HTTP Basic credentials (base64 `user:pass`).
    BasicAuth,
    /// A command-line flag's value (`--token=…`, `--api-key …`).
    Flag,
    /// An environment assignment in arguments (`-e NAME=value`, `NAME=value`).
    EnvArg,
    /// The password in a URL's userinfo.
    UrlPassword,
    /// A URL query parameter.
    UrlQuery,
    /// A string member of JSON written inside the value
    /// (`--config '{"apiKey":"…"}'`).
    JsonMember,
}

#[derive(Clone, Debug)]
pub struct Carried {
    pub name: Option<String>,
    /// Byte range in the site's text.
    pub range: Range<usize>,
    /// The value to judge when it is not the source text itself (Basic auth).
    pub decoded: Option<String>,
    pub how: How,
}

impl Carried {
    fn new(name: Option<&str>, range: Range<usize>, how: How) -> Self {
        Carried {
            name: name.map(str::to_string),
            range,
            decoded: None,
            how,
        }
    }

    pub fn value<'a>(&'a self, text: &'a str) -> &'a str {
        self.decoded.as_deref().unwrap_or(&text[self.range.clone()])
    }
}

/// Every named place in `site` that could hold a credential.
pub fn carried(site: &Site, server: Option<&Server>) -> Vec<Carried> {
    let text = site.text();
    let mut out = Vec::new();
    match site.field {
        Field::Headers => header_value(site.name, text, 0..text.len(), &mut out),
        Field::Args => {
            if let (Some(server), Some(index)) = (server, site.index) {
                argument(server, index, text, &mut out);
            }
        }
        Field::Env | Field::SettingsEnv | Field::Other => {
            // `AUTH_HEADER=Bearer …` (the mcp-remote idiom) carries a header value.
            if site.name.is_some_and(is_auth_header_name) || starts_with_scheme(text) {
                header_value(site.name, text, 0..text.len(), &mut out);
            } else {
                out.push(Carried::new(site.name, 0..text.len(), How::Value));
            }
        }
        Field::Command | Field::Url => {}
    }
    if matches!(site.field, Field::Args | Field::Env | Field::Other) {
        json_members(text, &mut out);
    }
    urls(text, &mut out);
    out
}

/// `"name": "value"` pairs of a JSON object or array written as a string;
/// values with escapes are left alone (their bytes are not the source's).
fn json_members(text: &str, out: &mut Vec<Carried>) {
    static MEMBER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#""([A-Za-z_][A-Za-z0-9_.-]{0,63})"\s*:\s*"([^"\\]*)""#)
            .expect("valid pattern")
    });
    if !text.trim_start().starts_with(['{', '[']) {
        return;
    }
    for m in MEMBER.captures_iter(text) {
        let (Some(name), Some(value)) = (m.get(1), m.get(2)) else {
            continue;
        };
        // `{"Authorization": "Bearer …"}`: headers written as JSON.
        if is_auth_header_name(name.as_str()) || starts_with_scheme(value.as_str()) {
            header_value(Some(name.as_str()), text, value.range(), out);
        } else {
            out.push(Carried::new(
                Some(name.as_str()),
                value.range(),
                How::JsonMember,
            ));
        }
    }
}

fn starts_with_scheme(value: &str) -> bool {
    value.split_once(' ').is_some_and(|(scheme, rest)| {
        !rest.trim().is_empty()
            && !rest.trim().contains(' ')
            && (scheme.eq_ignore_ascii_case("Basic")
                || SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme)))
    })
}

fn is_auth_header_name(name: &str) -> bool {
    name.eq_ignore_ascii_case("authorization") || name.eq_ignore_ascii_case("proxy-authorization")
}

/// Authorization schemes whose parameter is the credential.
const SCHEMES: &[&str] = &[
    "Bearer",
    "Token",
    "Bot",
    "SSWS",
    "GenieKey",
    "Sentry-Bearer",
    "Api-Key",
    "ApiKey",
    "Key",
    "OAuth",
    "JWT",
];

fn header_value(name: Option<&str>, text: &str, range: Range<usize>, out: &mut Vec<Carried>) {
    let value = &text[range.clone()];
    let lead = value.len() - value.trim_start().len();
    let trimmed = value.trim();
    let start = range.start + lead;
    if let Some((scheme, rest)) = trimmed.split_once(' ') {
        let rest_start = start
            + scheme.len()
            + (trimmed[scheme.len()..].len() - trimmed[scheme.len()..].trim_start().len());
        let rest = rest.trim();
        let rest_range = rest_start..rest_start + rest.len();
        if scheme.eq_ignore_ascii_case("Basic") {
            if let Some(password) = basic_password(rest) {
                out.push(Carried {
                    name: Some("password".into()),
                    range: rest_range,
                    decoded: Some(password),
                    how: How::BasicAuth,
                });
                return;
            }
        }
        if SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme)) {
            // `Token token=abc` (PagerDuty style)
            let inner = rest.strip_prefix("token=").unwrap_or(rest);
            let skip = rest.len() - inner.len();
            out.push(Carried::new(
                name.or(Some("Authorization")),
                rest_range.start + skip..rest_range.end,
                How::Header,
            ));
            return;
        }
    }
    out.push(Carried::new(
        name,
        start..start + trimmed.len(),
        How::Header,
    ));
}

fn basic_password(encoded: &str) -> Option<String> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let pair = String::from_utf8(bytes).ok()?;
    let (_, password) = pair.split_once(':')?;
    Some(password.to_string())
}

/// Flags that take a header (`mcp-remote --header "Authorization: Bearer …"`).
fn is_header_flag(flag: &str) -> bool {
    matches!(flag, "-H" | "--header" | "--headers" | "--http-header")
}

/// Flags that take an environment assignment (`docker run -e NAME=value`).
fn is_env_flag(flag: &str) -> bool {
    matches!(flag, "-e" | "--env" | "--environment" | "--set-env")
}

fn argument(server: &Server, index: usize, text: &str, out: &mut Vec<Carried>) {
    if text.starts_with('-') {
        if let Some((flag, _)) = text.split_once('=') {
            let value = flag.len() + 1..text.len();
            if is_header_flag(flag) {
                header_arg(text, value, out);
            } else {
                out.push(Carried::new(
                    Some(flag.trim_start_matches('-')),
                    value,
                    How::Flag,
                ));
            }
        }
        return;
    }
    let previous = index
        .checked_sub(1)
        .and_then(|i| server.args.get(i).copied().flatten());
    match previous {
        Some(flag) if is_header_flag(flag) => header_arg(text, 0..text.len(), out),
        Some(flag) if is_env_flag(flag) => env_assignment(text, out),
        // A long flag takes the next argument as its value; short ones
        // (`-y`, `-i`) are usually switches.
        Some(flag) if flag.starts_with("--") && !flag.contains('=') && flag.len() > 2 => {
            out.push(Carried::new(
                Some(flag.trim_start_matches('-')),
                0..text.len(),
                How::Flag,
            ));
        }
        _ => env_assignment(text, out),
    }
}

/// `Authorization: Bearer …` or `Authorization:${AUTH}` in one argument.
fn header_arg(text: &str, range: Range<usize>, out: &mut Vec<Carried>) {
    let value = &text[range.clone()];
    if let Some((name, _)) = value.split_once(':') {
        let name = name.trim();
        if !name.is_empty() && !name.contains(' ') {
            let start = range.start + name.len() + 1;
            header_value(Some(name), text, start..range.end, out);
        }
    }
}

/// `NAME=value` where NAME looks like an environment variable.
fn env_assignment(text: &str, out: &mut Vec<Carried>) {
    let Some((name, _)) = text.split_once('=') else {
        return;
    };
    let env_like = !name.is_empty()
        && name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if env_like {
        out.push(Carried::new(
            Some(name),
            name.len() + 1..text.len(),
            How::EnvArg,
        ));
    }
}

/// Userinfo passwords and query parameters of every URL in `text`.
fn urls(text: &str, out: &mut Vec<Carried>) {
    let bytes = text.as_bytes();
    let mut search = 0;
    while let Some(found) = text[search..].find("://") {
        let sep = search + found;
        search = sep + 3;
        let scheme_start = text[..sep]
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-')))
            .map_or(0, |i| i + 1);
        if scheme_start == sep {
            continue;
        }
        let rest = sep + 3;
        let end = text[rest..]
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '`' | '<' | '>'))
            .map_or(text.len(), |i| rest + i);
        let authority_end = text[rest..end]
            .find(['/', '?', '#'])
            .map_or(end, |i| rest + i);
        if let Some(at) = text[rest..authority_end].rfind('@') {
            let userinfo = rest..rest + at;
            if let Some(colon) = text[userinfo.clone()].find(':') {
                let user = &text[rest..rest + colon];
                let password = rest + colon + 1..userinfo.end;
                // `postgres:postgres@localhost` is a local default, not a leak.
                if text[password.clone()] != *user {
                    out.push(Carried::new(Some("password"), password, How::UrlPassword));
                }
            }
        }
        if let Some(q) = text[authority_end..end].find('?') {
            let query_start = authority_end + q + 1;
            if is_badge(
                &text[rest..authority_end],
                &text[authority_end..query_start - 1],
            ) {
                search = end.max(search);
                continue;
            }
            let query_end = text[query_start..end]
                .find('#')
                .map_or(end, |i| query_start + i);
            let mut at = query_start;
            for pair in text[query_start..query_end].split('&') {
                if let Some((name, _)) = pair.split_once('=') {
                    let value = at + name.len() + 1..at + pair.len();
                    if !value.is_empty() {
                        out.push(Carried::new(Some(name), value, How::UrlQuery));
                    }
                }
                at += pair.len() + 1;
            }
        }
        search = end.max(search);
        let _ = bytes;
    }
}

/// A status badge's image URL (`codecov.io/…/badge.svg?token=…`,
/// `img.shields.io/…`): its `token` is a read-only graph token that the
/// service publishes for embedding in READMEs, no credential of a server.
fn is_badge(host: &str, path: &str) -> bool {
    let path = path.to_ascii_lowercase();
    host.eq_ignore_ascii_case("img.shields.io")
        || [".svg", ".png", ".gif"]
            .iter()
            .any(|ext| path.ends_with(ext))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_badge_image_carries_no_credential() {
        for url in [
            "https://codecov.io/gh/acme/api/graph/badge.svg?token=Z92NHFQ70G",
            "https://img.shields.io/codecov/c/gh/acme/api?logo=codecov&token=B1EnafGlRL",
        ] {
            assert!(url_parts(url).is_empty(), "{url}");
        }
        // The same parameter on an API endpoint is still a credential.
        assert_eq!(
            url_parts("https://api.codecov.io/upload?token=Z92NHFQ70G")
                .iter()
                .map(|(n, v, _)| (n.clone(), v.clone()))
                .collect::<Vec<_>>(),
            [(Some("token".to_string()), "Z92NHFQ70G".to_string())]
        );
    }

    fn url_parts(text: &str) -> Vec<(Option<String>, String, How)> {
        let mut out = Vec::new();
        urls(text, &mut out);
        out.into_iter()
            .map(|c| (c.name.clone(), text[c.range.clone()].to_string(), c.how))
            .collect()
    }

    #[test]
    fn url_password_and_query() {
        let parts =
            url_parts("npx mcp-remote https://u:pw1@mcp.example.com/sse?tavilyApiKey=tvly-abc&x=1");
        assert_eq!(
            parts,
            vec![
                (Some("password".into()), "pw1".into(), How::UrlPassword),
                (
                    Some("tavilyApiKey".into()),
                    "tvly-abc".into(),
                    How::UrlQuery
                ),
                (Some("x".into()), "1".into(), How::UrlQuery),
            ]
        );
    }

    #[test]
    fn local_default_password_is_not_carried() {
        assert!(url_parts("postgres://postgres:postgres@localhost/db").is_empty());
    }

    #[test]
    fn json_written_in_an_argument() {
        let mut out = Vec::new();
        json_members(
            r#"{"apiKey": "k-1", "nested": {"token":"t\"x"}, "n": 3}"#,
            &mut out,
        );
        let found: Vec<(Option<String>, How)> = out.into_iter().map(|c| (c.name, c.how)).collect();
        assert_eq!(found, [(Some("apiKey".into()), How::JsonMember)]);
        let mut none = Vec::new();
        json_members(r#"--label "a":"b""#, &mut none);
        assert!(none.is_empty());
    }

    #[test]
    fn header_schemes() {
        let mut out = Vec::new();
        let text = "Bearer  sk-live-123";
        header_value(Some("Authorization"), text, 0..text.len(), &mut out);
        assert_eq!(&text[out[0].range.clone()], "sk-live-123");
        let mut out = Vec::new();
        let text = "Basic dXNlcjpodW50ZXIy"; // user:hunter2
        header_value(Some("Authorization"), text, 0..text.len(), &mut out);
        assert_eq!(out[0].decoded.as_deref(), Some("hunter2"));
        assert_eq!(out[0].how, How::BasicAuth);
    }
}
