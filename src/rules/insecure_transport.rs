use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::clients::Field;
use crate::finding::{Applicability, Category, Edit, Finding, Fix, Persona, Severity};
use crate::knowledge::detect::names;
use crate::knowledge::hosts::is_local;
use crate::syntax::reference;

pub static META: RuleMeta = RuleMeta {
    id: "insecure-transport",
    summary: "a credential is sent to a server over plain http:// or ws://",
    category: Category::Transport,
    severity: Severity::Error,
    fix: FixAvailability::Sometimes,
    persona: Persona::Regular,
    docs: include_str!("insecure_transport.md"),
};

pub struct InsecureTransport;

/// The host of a plain-text URL, if the URL is one.
pub fn plain_host(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("ws://"))?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = authority.rsplit('@').next().unwrap_or(authority);
    Some(
        host.rsplit_once(':')
            .filter(|(h, p)| !h.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
            .map_or(host, |(h, _)| h),
    )
}

impl Rule for InsecureTransport {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context) {
        let file = cx.file;
        for (i, server) in file.servers.iter().enumerate() {
            let sites = || file.sites_of(i);
            let Some(url) = sites().find(|s| s.field == Field::Url) else {
                continue;
            };
            let Some(host) = plain_host(url.text()) else {
                continue;
            };
            if is_local(host) {
                continue;
            }
            // A header the client sends as written, reference and all,
            // carries no credential (`unexpanded-reference` says so).
            let dialect = &file.format.client.dialect;
            let sent_literally = |text: &str| {
                !dialect.expands_in(Field::Headers) && !reference::scan(text).is_empty()
            };
            let credential_header = sites().find(|s| {
                s.field == Field::Headers
                    && s.name.is_some_and(names::is_secret_name)
                    && !s.text().trim().is_empty()
                    && !sent_literally(s.text())
            });
            let in_url = url.text().contains('@')
                || crate::knowledge::carriers::carried(url, Some(server))
                    .iter()
                    .any(|c| c.name.as_deref().is_some_and(names::is_secret_name));
            let oauth = server.node.get("oauth").is_some() || server.node.get("auth").is_some();
            let what = match (credential_header, in_url, oauth) {
                (Some(h), _, _) => format!("header `{}`", h.name.unwrap_or_default()),
                (None, true, _) => "credentials in the URL".to_string(),
                (None, false, true) => "OAuth tokens".to_string(),
                _ => continue,
            };
            let mut finding = Finding::new(
                &META,
                url.node.span,
                format!("`{}` sends {what} over plain text to {host}", server.name),
            )
            .label("not encrypted")
            .help("use https:// (or wss://); anyone on the network path can read and replay the credential")
            .at(&url.pointer, Some(server.name))
            .discriminator("plain");
            if let Some(h) = credential_header {
                finding = finding.related(h.node.span, "credential sent here");
            }
            // The server must serve TLS there: it changes where the client
            // connects, so only under --unsafe-fixes.
            let (scheme, secure) = if url.text().starts_with("ws://") {
                ("ws://", "wss://")
            } else {
                ("http://", "https://")
            };
            finding = finding.with_fix(Fix {
                title: format!("use {secure}"),
                applicability: Applicability::Unsafe,
                edits: vec![Edit {
                    span: url.span_of(&file.source.text, 0..scheme.len()),
                    replacement: secure.to_string(),
                }],
                extraction: None,
            });
            cx.report(finding);
        }
    }
}
