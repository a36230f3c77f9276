//! Scope catalogs (`rules/scopes/*.toml`): every provider's OAuth/API
//! scopes with a rank and the narrower alternative, and where scope lists
//! appear in a config.

use std::ops::Range;
use std::sync::OnceLock;

use serde::Deserialize;

/// `(file name, JSON)` of every embedded scope catalog.
pub static FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/scope_files.rs"));

/// What a scope lets a connection do, least to most.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rank {
    Identity,
    Read,
    Write,
    Delete,
    Admin,
    OrgWide,
}

impl Rank {
    pub fn from_name(name: &str) -> Option<Self> {
        [
            Rank::Identity,
            Rank::Read,
            Rank::Write,
            Rank::Delete,
            Rank::Admin,
            Rank::OrgWide,
        ]
        .into_iter()
        .find(|r| r.as_str() == name)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Rank::Identity => "identity",
            Rank::Read => "read",
            Rank::Write => "write",
            Rank::Delete => "delete",
            Rank::Admin => "admin",
            Rank::OrgWide => "org-wide",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub provider: String,
    pub id: String,
    /// Words that, in a scope's surroundings, say it is this provider's.
    #[serde(default)]
    pub context: Vec<String>,
    #[serde(default)]
    pub scope: Vec<Scope>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    pub value: String,
    pub rank: Rank,
    #[serde(default)]
    pub narrower: String,
    #[serde(default)]
    pub grants: String,
    /// The string names its provider by itself (Google scope URLs).
    #[serde(default)]
    pub anywhere: bool,
    #[serde(default)]
    pub examples: Vec<String>,
    #[serde(default)]
    pub negative_examples: Vec<String>,
}

/// `*` matches any run of characters other than spaces.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let Some((head, rest)) = pattern.split_once('*') else {
        return pattern == text;
    };
    let Some(tail) = text.strip_prefix(head) else {
        return false;
    };
    (0..=tail.len())
        .filter(|&i| tail.is_char_boundary(i))
        .take_while(|&i| !tail[..i].contains(' '))
        .any(|i| glob_match(rest, &tail[i..]))
}

impl Scope {
    pub fn matches(&self, text: &str) -> bool {
        glob_match(&self.value, text)
    }
}

pub fn load(files: &[(&str, &str)]) -> Result<Vec<Catalog>, String> {
    files
        .iter()
        .map(|(name, text)| {
            serde_json::from_str(text).map_err(|e| format!("rules/scopes/{name}: {e}"))
        })
        .collect()
}

pub fn builtin() -> &'static [Catalog] {
    static BUILTIN: OnceLock<Vec<Catalog>> = OnceLock::new();
    BUILTIN.get_or_init(|| load(FILES).expect("embedded scope catalogs are checked by tests"))
}

/// The catalog entry for `scope`, given the (lower-case) words around it.
/// Exact entries win over wildcard ones.
pub fn lookup<'c>(
    catalogs: &'c [Catalog],
    scope: &str,
    context: &str,
) -> Option<(&'c Catalog, &'c Scope)> {
    // Graph permissions are also written as resource URLs; the bare name
    // finds its exact entry before a wildcard swallows the prefix.
    scope
        .strip_prefix("https://graph.microsoft.com/")
        .and_then(|bare| lookup_exactly(catalogs, bare, context))
        .or_else(|| lookup_exactly(catalogs, scope, context))
}

fn lookup_exactly<'c>(
    catalogs: &'c [Catalog],
    scope: &str,
    context: &str,
) -> Option<(&'c Catalog, &'c Scope)> {
    let applies = |c: &Catalog| c.context.iter().any(|w| context.contains(w.as_str()));
    let candidates = || {
        catalogs.iter().flat_map(move |c| {
            c.scope
                .iter()
                .filter(move |s| (s.anywhere || applies(c)) && s.matches(scope))
                .map(move |s| (c, s))
        })
    };
    // An exact entry wins; among wildcards, the most specific (longest
    // literal text): `iam:Get*` (read) before `iam:*` (org-wide).
    candidates()
        .find(|(_, s)| !s.value.contains('*'))
        .or_else(|| candidates().max_by_key(|(_, s)| s.value.len() - s.value.matches('*').count()))
}

/// Is `name` (an env var, key, flag or query parameter) one that holds a
/// list of scopes?
pub fn is_scope_name(name: &str) -> bool {
    let words = crate::knowledge::detect::names::words(name);
    matches!(words.last().map(String::as_str), Some("scope" | "scopes"))
        || name.eq_ignore_ascii_case("oauthScopes")
}

/// The scopes of a list (space, comma or `+` separated) with their ranges.
pub fn split(list: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in list
        .char_indices()
        .chain(std::iter::once((list.len(), ' ')))
    {
        let sep = c.is_whitespace() || c == ',' || c == '+';
        match (start, sep) {
            (None, false) => start = Some(i),
            (Some(s), true) => {
                out.push((s..i, &list[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// One scope a config requests, where, and what the catalogs say of it.
pub struct ScopeUse {
    pub scope: String,
    pub span: crate::syntax::source::Span,
    pub entry: Option<(&'static Catalog, &'static Scope)>,
}

const GOOGLE: &str = "https://www.googleapis.com/auth/";

/// Every scope requested in `site`: under a scope-named key, flag or query
/// parameter, and Google scope URLs anywhere.
pub fn uses(file: &crate::model::McpFile, site: &crate::model::Site) -> Vec<ScopeUse> {
    use crate::knowledge::carriers::{self, How};
    let catalogs = builtin();
    let text = site.text();
    let mut lists: Vec<Range<usize>> = Vec::new();
    if site.name.is_some_and(is_scope_name) {
        lists.push(0..text.len());
    }
    for c in carriers::carried(site, file.server_of(site)) {
        if matches!(c.how, How::Flag | How::UrlQuery | How::EnvArg)
            && c.name.as_deref().is_some_and(is_scope_name)
            && c.decoded.is_none()
        {
            lists.push(c.range);
        }
    }
    if lists.is_empty() && text.contains(GOOGLE) {
        lists.push(0..text.len());
    }
    if lists.is_empty() {
        return Vec::new();
    }
    let server = file.server_of(site);
    let args = server.map(|s| {
        s.args
            .iter()
            .flatten()
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    });
    // The server's URL (`api.githubcopilot.com`) and the provider of the
    // profile that recognises it name the provider too.
    let url = site
        .server
        .and_then(|i| {
            file.sites_of(i)
                .find(|s| s.field == crate::clients::Field::Url)
        })
        .map(|s| s.text());
    let providers: Vec<&str> = site
        .server
        .map(|i| {
            let launch = crate::knowledge::launch::Launch::of(file, i);
            crate::knowledge::servers::profiles_for(crate::knowledge::servers::builtin(), &launch)
                .into_iter()
                .map(|p| p.provider.as_str())
                .collect()
        })
        .unwrap_or_default();
    let context = [
        server.map(|s| s.name).unwrap_or_default(),
        server.and_then(|s| s.command).unwrap_or_default(),
        args.as_deref().unwrap_or_default(),
        url.unwrap_or_default(),
        &providers.join(" "),
        site.name.unwrap_or_default(),
        text,
    ]
    .join(" ")
    .to_ascii_lowercase();
    let mut out = Vec::new();
    for list in lists {
        let list_text = text[list.clone()].replace("%20", " ");
        // A value that is one scope with spaces in it ("DNS Edit").
        let whole = list_text.trim();
        let pieces = if whole.contains(' ') && lookup(catalogs, whole, &context).is_some() {
            let start = list_text.len() - list_text.trim_start().len();
            vec![(start..start + whole.len(), whole)]
        } else {
            split(&list_text)
        };
        for (range, scope) in pieces {
            // `%20` became one byte: then only the whole list maps to source.
            let span = if list_text.len() == list.len() {
                site.span_of(
                    &file.source.text,
                    list.start + range.start..list.start + range.end,
                )
            } else {
                site.span_of(&file.source.text, list.clone())
            };
            out.push(ScopeUse {
                scope: scope.to_string(),
                span,
                entry: lookup(catalogs, scope, &context),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_stop_at_spaces() {
        assert!(glob_match("admin:*", "admin:org"));
        assert!(glob_match("*.ReadWrite.All", "Files.ReadWrite.All"));
        assert!(!glob_match("admin:*", "read:org"));
        assert!(!glob_match("a*", "ab cd"));
    }

    #[test]
    fn splitting_lists() {
        let list = "repo read:org,  workflow+gist";
        let got: Vec<&str> = split(list).into_iter().map(|(_, s)| s).collect();
        assert_eq!(got, ["repo", "read:org", "workflow", "gist"]);
        assert!(is_scope_name("GITHUB_OAUTH_SCOPES"));
        assert!(is_scope_name("scopes"));
        assert!(is_scope_name("oauthScopes"));
        assert!(!is_scope_name("SCOPE_ID"));
    }
}
