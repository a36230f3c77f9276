use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Applicability, Category, Edit, Finding, Fix, Persona, Severity};
use crate::knowledge::advisories::{self, Advisory};
use crate::knowledge::package::{self, Ecosystem, Launched, Pin};
use crate::knowledge::versions::Version;
use crate::syntax::source::Span;

pub static META: RuleMeta = RuleMeta {
    id: "vulnerable-server",
    summary: "a server's pinned version has a published security advisory",
    category: Category::SupplyChain,
    severity: Severity::Error,
    fix: FixAvailability::Sometimes,
    persona: Persona::Regular,
    docs: include_str!("vulnerable_server.md"),
};

pub struct VulnerableServer;

impl Rule for VulnerableServer {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context) {
        let file = cx.file;
        for (i, server) in file.servers.iter().enumerate() {
            let launch = cx.launches.of(i);
            let Some(launched) = package::launched(launch) else {
                continue;
            };
            let known: Vec<&Advisory> =
                advisories::of_package(launched.ecosystem, launched.name).collect();
            if known.is_empty() {
                continue;
            }
            let finding = match &launched.pin {
                Pin::Exact(text, range) => {
                    let Some(version) = Version::parse(launched.ecosystem, text) else {
                        continue;
                    };
                    let hits: Vec<&Advisory> =
                        known.iter().copied().filter(|a| a.affects(&version)).collect();
                    if hits.is_empty() {
                        continue;
                    }
                    let target = first_safe_version(&known, &version);
                    let mut finding = Finding::new(
                        &META,
                        launched.span,
                        pinned_message(server.name, &launched, text, &hits),
                    )
                    .label("affected version")
                    .help(pinned_help(&launched, &known, &hits, target));
                    if let (Some(target), Some(span)) =
                        (target, version_span(cx, i, &launched, range.clone()))
                    {
                        finding = finding.with_fix(Fix {
                            title: format!("pin {} {target}", launched.name),
                            applicability: Applicability::Safe,
                            edits: vec![Edit {
                                span,
                                replacement: target.to_string(),
                            }],
                            extraction: None,
                        });
                    }
                    finding
                }
                Pin::Floating => Finding::new(
                    &META,
                    launched.span,
                    format!(
                        "`{}` runs an unpinned `{}`, which has {}",
                        server.name,
                        launched.name,
                        counted(known.len())
                    ),
                )
                .severity(Severity::Note)
                .persona(Persona::Pedantic)
                .label("version not pinned")
                .help(floating_help(&launched, &known)),
                Pin::Unknown(text) => Finding::new(
                    &META,
                    launched.span,
                    format!(
                        "`{}` asks for `{}` at {:?}, which is not a version: whether its {} apply cannot be told",
                        server.name,
                        launched.name,
                        preview(text),
                        if known.len() == 1 { "advisory" } else { "advisories" },
                    ),
                )
                .severity(Severity::Note)
                .persona(Persona::Pedantic)
                .label("unknown version")
                .help(format!(
                    "write one exact version; {}",
                    floating_help(&launched, &known)
                )),
                Pin::Digest => continue,
            };
            cx.report(
                finding
                    .at(&server.pointer, Some(server.name))
                    .discriminator(launched.name.to_string()),
            );
        }
    }
}

/// At most 40 characters of an unreadable version, for the message.
fn preview(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

fn counted(n: usize) -> String {
    if n == 1 {
        "a published security advisory".to_string()
    } else {
        format!("{n} published security advisories")
    }
}

fn pinned_message(server: &str, launched: &Launched, version: &str, hits: &[&Advisory]) -> String {
    let first = hits[0];
    let mut message = format!(
        "`{server}` pins `{}` {version}, affected by {} advisory {}: {}",
        launched.name,
        first.spec.severity,
        first.title(),
        first.spec.summary
    );
    if hits.len() > 1 {
        message.push_str(&format!(" (and {} more)", hits.len() - 1));
    }
    message
}

/// The edit to make, then every advisory with its page.
fn pinned_help(
    launched: &Launched,
    known: &[&Advisory],
    hits: &[&Advisory],
    target: Option<&str>,
) -> String {
    let mut help = match target {
        Some(target) => format!(
            "pin {} instead: the first release that none of these advisories affects",
            spelled(launched, target)
        ),
        None => match newest_last_affected(known) {
            Some(last) => {
                let unfixed: Vec<&str> = known
                    .iter()
                    .filter(|a| !a.last_affected().is_empty())
                    .map(|a| a.title())
                    .collect();
                format!(
                    "no fixed release is named for every advisory: {} affect releases up to {last} and name no fix; move past {last} once a fixed one is out (the advisory pages say which), or replace the server",
                    unfixed.join(", ")
                )
            }
            None => {
                "no release fixes every advisory: replace this server, or remove it until one does"
                    .to_string()
            }
        },
    };
    for a in hits {
        let fixed = a.fixed_versions();
        let fixed = if fixed.is_empty() {
            "no fix published".to_string()
        } else {
            format!("fixed in {}", fixed.join(", "))
        };
        help.push_str(&format!("; {}, {fixed}: {}", a.all_ids(), a.page()));
    }
    help
}

fn floating_help(launched: &Launched, known: &[&Advisory]) -> String {
    let names_a_version = launched.spec.len() > launched.name.len();
    let why = match (names_a_version, launched.ecosystem) {
        (true, _) => "a tag or range takes whatever matches when the server starts",
        (false, Ecosystem::Npm) => "with no version named, npx runs a copy it cached earlier, which can be an affected one",
        (false, Ecosystem::PyPi) => "with no version named, uvx and pipx run the copy they cached earlier, which can be an affected one",
        (false, Ecosystem::Container) => "with no tag named, docker runs the image it pulled earlier, which can be an affected one",
    };
    let ids: Vec<&str> = known.iter().map(|a| a.title()).collect();
    let first_release = Version::parse(launched.ecosystem, "0.0.0");
    match first_release.and_then(|v| first_safe_version(known, &v)) {
        Some(fix) => format!(
            "{why}; pin {} or later ({})",
            spelled(launched, fix),
            ids.join(", ")
        ),
        None => match newest_last_affected(known) {
            Some(last) => format!(
                "{why}; releases up to {last} are affected and no fixed release is named ({})",
                ids.join(", ")
            ),
            None => format!("{why}; no release is known to fix {}", ids.join(", ")),
        },
    }
}

/// `mcp-remote@0.1.16`, `mcp-server-git==2025.9.25`, `image:1.2`.
fn spelled(launched: &Launched, version: &str) -> String {
    match launched.ecosystem {
        Ecosystem::Npm => format!("`{}@{version}`", launched.name),
        Ecosystem::PyPi => format!("`{}=={version}`", launched.name),
        Ecosystem::Container => format!("`{}:{version}`", launched.name),
    }
}

/// The newest last affected version of ranges that name no fix.
fn newest_last_affected<'a>(advisories: &[&'a Advisory]) -> Option<&'a str> {
    advisories
        .iter()
        .flat_map(|a| a.last_affected())
        .max_by(|a, b| a.0.partial_cmp(b.0).unwrap_or(std::cmp::Ordering::Equal))
        .map(|(_, text)| text)
}

/// The lowest fixed version above `version` that no advisory of the
/// package affects, as written in the data.
fn first_safe_version<'a>(known: &[&'a Advisory], version: &Version) -> Option<&'a str> {
    let mut candidates: Vec<(Version, &'a str)> = known
        .iter()
        .flat_map(|a| a.fixed_versions())
        .filter_map(|text| Some((Version::parse(known[0].ecosystem, text)?, text)))
        .filter(|(v, _)| v > version)
        .collect();
    candidates.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
    candidates
        .into_iter()
        .find(|(v, _)| !known.iter().any(|a| a.affects(v)))
        .map(|(_, text)| text)
}

/// The source span of the version inside the argument that names the
/// package, when that argument can be edited.
fn version_span(
    cx: &Context,
    server: usize,
    launched: &Launched,
    range: std::ops::Range<usize>,
) -> Option<Span> {
    if !launched.editable {
        return None;
    }
    let file = cx.file;
    let site = file
        .sites_of(server)
        .find(|s| s.node.span == launched.span && s.text() == launched.spec)?;
    Some(site.span_of(&file.source.text, range))
}
