use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Category, Finding, Persona, Severity};
use crate::knowledge::policy::Policy;
use crate::knowledge::scopes;
use crate::knowledge::servers;

pub static META: RuleMeta = RuleMeta {
    id: "policy-violation",
    summary: "a server exceeds the team policy of mcplint.toml (scopes, rank, read-only)",
    category: Category::Scope,
    severity: Severity::Error,
    fix: FixAvailability::None,
    persona: Persona::Regular,
    docs: include_str!("policy_violation.md"),
};

pub struct PolicyViolation;

impl Rule for PolicyViolation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context) {
        let file = cx.file;
        if cx.policies.is_empty() {
            return;
        }
        let profiles = servers::builtin();
        let mut found = Vec::new();
        for (i, server) in file.servers.iter().enumerate() {
            let launch = cx.launches.of(i);
            let matched = servers::profiles_for(profiles, launch);
            let applies = |p: &Policy| {
                p.server.as_deref() == Some(server.name)
                    || p.package.as_deref().is_some_and(|pkg| {
                        launch.packages().contains(&pkg)
                            || launch.image().is_some_and(|(img, _)| {
                                crate::knowledge::launch::image_name(img) == pkg
                            })
                    })
                    || p.profile
                        .as_deref()
                        .is_some_and(|id| matched.iter().any(|m| m.id == id))
            };
            for policy in cx.policies.iter().filter(|p| applies(p)) {
                if policy.require_read_only {
                    let wide = matched
                        .iter()
                        .filter(|p| p.narrow.is_some())
                        .map(|p| p.judge(launch))
                        .any(|v| !v.narrowed || !v.widened.is_empty());
                    let offers_nothing = !matched.iter().any(|p| p.narrow.is_some());
                    if wide || offers_nothing {
                        let suggest = matched
                            .iter()
                            .find_map(|p| p.narrow.as_ref())
                            .map(|n| n.suggest.clone());
                        found.push(
                            Finding::new(
                                &META,
                                server.name_span,
                                format!(
                                    "policy ({}) requires `{}` to run read-only",
                                    policy.location, server.name
                                ),
                            )
                            .label(if offers_nothing {
                                "no known read-only mode"
                            } else {
                                "not narrowed"
                            })
                            .help(suggest.unwrap_or_else(|| {
                                "run a server that can be narrowed, or change the policy".into()
                            }))
                            .at(&server.pointer, Some(server.name))
                            .discriminator(format!("policy:read-only:{}", policy.location)),
                        );
                    }
                }
                for site in file.sites_of(i) {
                    for used in scopes::uses(file, site) {
                        let not_allowed = policy
                            .allowed_scopes
                            .as_ref()
                            .is_some_and(|a| !a.contains(&used.scope));
                        let above = match (policy.max_rank, used.entry) {
                            (Some(max), Some((_, entry))) => entry.rank > max,
                            _ => false,
                        };
                        if !not_allowed && !above {
                            continue;
                        }
                        let why = if above {
                            format!(
                                "ranks {}, above the policy's {}",
                                used.entry.map_or("?", |(_, e)| e.rank.as_str()),
                                policy.max_rank.map_or("?", |r| r.as_str())
                            )
                        } else {
                            "is not among the policy's allowed scopes".to_string()
                        };
                        found.push(
                            Finding::new(
                                &META,
                                used.span,
                                format!(
                                    "scope `{}` of `{}` {why} ({})",
                                    used.scope, server.name, policy.location
                                ),
                            )
                            .label("exceeds the team policy")
                            .help(match &policy.allowed_scopes {
                                Some(allowed) => format!("request only: {}", allowed.join(" ")),
                                None => {
                                    "request a narrower scope, or change the policy after review"
                                        .to_string()
                                }
                            })
                            .at(&site.pointer, Some(server.name))
                            .discriminator(format!("policy:scope:{}", used.scope)),
                        );
                    }
                }
            }
        }
        for f in found {
            cx.report(f);
        }
    }
}
