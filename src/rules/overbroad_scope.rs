use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::carriers::{self, How};
use crate::finding::{Category, Finding, Severity};
use crate::scopes::{self, Rank};

pub static META: RuleMeta = RuleMeta {
    id: "overbroad-scope",
    summary: "an OAuth or API scope grants more than a narrower one would",
    category: Category::Scope,
    severity: Severity::Warning,
    fix: FixAvailability::None,
    docs: include_str!("overbroad_scope.md"),
};

pub struct OverbroadScope;

const GOOGLE: &str = "https://www.googleapis.com/auth/";

impl Rule for OverbroadScope {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context) {
        let file = cx.file;
        let catalogs = scopes::builtin();
        for site in &file.sites {
            let text = site.text();
            // Scope lists: a scope-named key, flag or query parameter …
            let mut lists: Vec<std::ops::Range<usize>> = Vec::new();
            if site.name.is_some_and(scopes::is_scope_name) {
                lists.push(0..text.len());
            }
            for c in carriers::carried(site, file.server_of(site)) {
                if matches!(c.how, How::Flag | How::UrlQuery | How::EnvArg)
                    && c.name.as_deref().is_some_and(scopes::is_scope_name)
                    && c.decoded.is_none()
                {
                    lists.push(c.range);
                }
            }
            // … and Google scope URLs anywhere.
            if lists.is_empty() && text.contains(GOOGLE) {
                lists.push(0..text.len());
            }
            if lists.is_empty() {
                continue;
            }
            let server = file.server_of(site);
            let context = [
                server.map(|s| s.name).unwrap_or_default(),
                server.and_then(|s| s.command).unwrap_or_default(),
                &server
                    .map(|s| {
                        s.args
                            .iter()
                            .flatten()
                            .copied()
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .unwrap_or_default(),
                site.name.unwrap_or_default(),
                text,
            ]
            .join(" ")
            .to_ascii_lowercase();
            for list in lists {
                let list_text = &text[list.clone()].replace("%20", " ");
                for (range, scope) in scopes::split(list_text) {
                    let Some((catalog, entry)) = scopes::lookup(catalogs, scope, &context) else {
                        continue;
                    };
                    if entry.rank < Rank::Write || entry.narrower.is_empty() {
                        continue;
                    }
                    // `%20` became one byte: map positions conservatively to the list.
                    let span = if list_text.len() == list.len() {
                        site.span_of(
                            &file.source.text,
                            list.start + range.start..list.start + range.end,
                        )
                    } else {
                        site.span_of(&file.source.text, list.clone())
                    };
                    let finding = Finding::new(
                        &META,
                        span,
                        format!(
                            "{} scope `{scope}` is {}: {}",
                            catalog.provider,
                            rank_words(entry.rank),
                            entry.grants
                        ),
                    )
                    .label(format!("{} scope", entry.rank.as_str()))
                    .help(format!("request the narrower {}", entry.narrower))
                    .at(&site.pointer, server.map(|s| s.name))
                    .discriminator(format!("scope:{scope}"));
                    cx.report(finding);
                }
            }
        }
    }
}

fn rank_words(rank: Rank) -> &'static str {
    match rank {
        Rank::Identity | Rank::Read => "read-only",
        Rank::Write => "a write scope",
        Rank::Delete => "a delete scope",
        Rank::Admin => "an admin scope",
        Rank::OrgWide => "org-wide",
    }
}
