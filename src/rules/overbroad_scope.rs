use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Applicability, Category, Edit, Finding, Fix, Persona, Severity};
use crate::knowledge::scopes::{self, Catalog, Rank, Scope};

pub static META: RuleMeta = RuleMeta {
    id: "overbroad-scope",
    summary: "an OAuth or API scope grants more than a narrower one would",
    category: Category::Scope,
    severity: Severity::Warning,
    fix: FixAvailability::Sometimes,
    persona: Persona::Regular,
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
                let mut finding = Finding::new(
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
                let listed: Vec<&str> = scopes::split(site.text())
                    .into_iter()
                    .map(|(_, s)| s)
                    .collect();
                if let Some(narrower) = narrower_scope(catalog, entry, scope, &listed) {
                    finding = finding.with_fix(Fix {
                        title: format!("request `{narrower}` instead"),
                        applicability: Applicability::Unsafe,
                        edits: vec![Edit {
                            span: used.span,
                            replacement: narrower,
                        }],
                        extraction: None,
                    });
                }
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

/// The scope to write instead of `used`, when the catalog names a single,
/// lower-ranked scope of its own as the narrower choice and the list does
/// not already hold it. A prefix the catalog entry leaves out (Graph's
/// `https://graph.microsoft.com/`) is kept.
fn narrower_scope(catalog: &Catalog, entry: &Scope, used: &str, listed: &[&str]) -> Option<String> {
    let narrower = catalog
        .scope
        .iter()
        .find(|s| s.value == entry.narrower && !s.value.contains('*'))?;
    if narrower.rank >= entry.rank || narrower.value.contains(['"', '\\', '\'']) {
        return None;
    }
    // A policy ARN is not replaced by a bare policy name.
    if entry.value.contains('/') != narrower.value.contains('/') {
        return None;
    }
    let prefix = match used.strip_suffix(entry.value.as_str()) {
        Some(prefix) => prefix,
        None if entry.value.contains('*') && !used.contains('/') => "",
        None => return None,
    };
    let replacement = format!("{prefix}{}", narrower.value);
    (!listed
        .iter()
        .any(|s| *s == replacement || *s == narrower.value))
    .then_some(replacement)
}
