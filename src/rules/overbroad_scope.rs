use super::{Context, FixAvailability, Rule, RuleMeta};
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

impl Rule for OverbroadScope {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context) {
        let file = cx.file;
        for site in &file.sites {
            let server = file.server_of(site);
            for used in scopes::uses(file, site) {
                let Some((catalog, entry)) = used.entry else {
                    continue;
                };
                if entry.rank < Rank::Write || entry.narrower.is_empty() {
                    continue;
                }
                let scope = &used.scope;
                let finding = Finding::new(
                    &META,
                    used.span,
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

fn rank_words(rank: Rank) -> &'static str {
    match rank {
        Rank::Identity | Rank::Read => "read-only",
        Rank::Write => "a write scope",
        Rank::Delete => "a delete scope",
        Rank::Admin => "an admin scope",
        Rank::OrgWide => "org-wide",
    }
}
