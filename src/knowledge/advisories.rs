//! Published security advisories of MCP servers and bridges, from the
//! embedded `rules/advisories/` data: which versions of which package each
//! one affects (OSV-style ranges), and the first version that fixes it.
//! Nothing is fetched: the data is what the binary was built with.

use std::sync::OnceLock;

use serde::Deserialize;

use super::launch::{normal_image, same_package};
use super::package::Ecosystem;
use super::versions::Version;

/// `(file name, contents as JSON)` of every embedded advisory file.
pub static FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/advisory_files.rs"));

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AdvisoryFile {
    #[serde(default)]
    advisory: Vec<AdvisorySpec>,
}

/// One advisory, as written in a data file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdvisorySpec {
    pub id: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub ecosystem: String,
    pub package: String,
    pub severity: String,
    pub summary: String,
    pub published: Option<String>,
    pub url: String,
    pub ranges: Vec<RangeSpec>,
    #[serde(default)]
    pub examples: Vec<String>,
    #[serde(default)]
    pub negative_examples: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RangeSpec {
    pub introduced: String,
    pub fixed: Option<String>,
    pub last_affected: Option<String>,
}

/// An affected range with its versions parsed.
#[derive(Debug, Clone)]
struct Range {
    /// `None` for `introduced = "0"`: from the first release.
    introduced: Option<Version>,
    end: End,
}

#[derive(Debug, Clone)]
enum End {
    Fixed(Version, String),
    LastAffected(Version, String),
}

/// An advisory ready to match.
#[derive(Debug, Clone)]
pub struct Advisory {
    pub spec: AdvisorySpec,
    pub ecosystem: Ecosystem,
    ranges: Vec<Range>,
}

impl Advisory {
    fn new(spec: AdvisorySpec) -> Result<Self, String> {
        let ecosystem = Ecosystem::from_name(&spec.ecosystem)
            .ok_or_else(|| format!("{}: unknown ecosystem {:?}", spec.id, spec.ecosystem))?;
        let parse = |text: &str| {
            Version::parse(ecosystem, text)
                .ok_or_else(|| format!("{}: {text:?} is not a {} version", spec.id, spec.ecosystem))
        };
        let mut ranges = Vec::new();
        for r in &spec.ranges {
            let introduced = match r.introduced.as_str() {
                "0" => None,
                v => Some(parse(v)?),
            };
            let end = match (&r.fixed, &r.last_affected) {
                (Some(f), None) => End::Fixed(parse(f)?, f.clone()),
                (None, Some(l)) => End::LastAffected(parse(l)?, l.clone()),
                _ => {
                    return Err(format!(
                        "{}: a range needs exactly one of `fixed` and `last_affected`",
                        spec.id
                    ))
                }
            };
            ranges.push(Range { introduced, end });
        }
        if ranges.is_empty() {
            return Err(format!("{}: no affected range", spec.id));
        }
        Ok(Advisory {
            spec,
            ecosystem,
            ranges,
        })
    }

    /// Is this the advisory's package? npm and image names compare
    /// exactly, PyPI names in their normal form.
    pub fn names(&self, ecosystem: Ecosystem, name: &str) -> bool {
        if ecosystem != self.ecosystem {
            return false;
        }
        match ecosystem {
            Ecosystem::Container => normal_image(name) == normal_image(&self.spec.package),
            _ => same_package(name, &self.spec.package),
        }
    }

    /// Does the advisory affect `version`?
    pub fn affects(&self, version: &Version) -> bool {
        self.range_of(version).is_some()
    }

    fn range_of(&self, version: &Version) -> Option<&Range> {
        self.ranges.iter().find(|r| {
            let from = r.introduced.as_ref().is_none_or(|i| i <= version);
            let to = match &r.end {
                End::Fixed(f, _) => version < f,
                End::LastAffected(l, _) => version <= l,
            };
            from && to
        })
    }

    /// The first version that fixes `version`'s range, as written in the
    /// data; `None` when the advisory names no fix for it.
    pub fn fixed_for(&self, version: &Version) -> Option<(&Version, &str)> {
        match &self.range_of(version)?.end {
            End::Fixed(v, text) => Some((v, text)),
            End::LastAffected(..) => None,
        }
    }

    /// The fixed versions the advisory names, for messages.
    pub fn fixed_versions(&self) -> Vec<&str> {
        self.ranges
            .iter()
            .filter_map(|r| match &r.end {
                End::Fixed(_, text) => Some(text.as_str()),
                End::LastAffected(..) => None,
            })
            .collect()
    }

    /// The last affected versions of ranges that name no fix.
    pub fn last_affected(&self) -> Vec<(&Version, &str)> {
        self.ranges
            .iter()
            .filter_map(|r| match &r.end {
                End::LastAffected(v, text) => Some((v, text.as_str())),
                End::Fixed(..) => None,
            })
            .collect()
    }

    /// `CVE-2025-6514`: the CVE when there is one, as users search for it.
    pub fn title(&self) -> &str {
        self.ids()
            .find(|a| a.starts_with("CVE-"))
            .unwrap_or(&self.spec.id)
    }

    fn ids(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.spec.id.as_str()).chain(self.spec.aliases.iter().map(String::as_str))
    }

    /// `CVE-2025-6514 / GHSA-6xpm-ggf7-wc3p`: every id, the CVE first.
    pub fn all_ids(&self) -> String {
        let title = self.title();
        let mut ids = vec![title];
        ids.extend(self.ids().filter(|i| *i != title));
        ids.join(" / ")
    }

    /// The page to read: GitHub's advisory page when there is a GHSA id,
    /// else the source the entry was taken from.
    pub fn page(&self) -> String {
        match self.ids().find(|i| i.starts_with("GHSA-")) {
            Some(ghsa) => format!("https://github.com/advisories/{ghsa}"),
            None => self.spec.url.clone(),
        }
    }
}

/// Every advisory of `files`, checked: ids unique, versions parse in their
/// ecosystem, every range closed.
pub fn load(files: &[(&str, &str)]) -> Result<Vec<Advisory>, String> {
    let mut all = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for (name, json) in files {
        let file: AdvisoryFile = serde_json::from_str(json).map_err(|e| format!("{name}: {e}"))?;
        for spec in file.advisory {
            let key = (spec.id.clone(), spec.package.clone());
            if !ids.insert(key) {
                return Err(format!(
                    "{name}: {} is listed twice for {}",
                    spec.id, spec.package
                ));
            }
            all.push(Advisory::new(spec).map_err(|e| format!("{name}: {e}"))?);
        }
    }
    Ok(all)
}

/// The embedded advisories, parsed on first use.
pub fn builtin() -> &'static [Advisory] {
    static ALL: OnceLock<Vec<Advisory>> = OnceLock::new();
    ALL.get_or_init(|| load(FILES).expect("embedded advisory data is checked by tests"))
}

/// The advisories of package `name` in `ecosystem`.
pub fn of_package(
    ecosystem: Ecosystem,
    name: &str,
) -> impl Iterator<Item = &'static Advisory> + '_ {
    builtin().iter().filter(move |a| a.names(ecosystem, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn advisory(ecosystem: &str, ranges: &str) -> Advisory {
        let json = format!(
            r#"{{"advisory": [{{"id": "GHSA-test", "aliases": ["CVE-2025-0001"], "ecosystem": "{ecosystem}", "package": "acme-mcp", "severity": "high", "summary": "s", "url": "https://example.invalid", "ranges": {ranges}}}]}}"#
        );
        load(&[("t.toml", &json)]).unwrap().remove(0)
    }

    #[test]
    fn ranges_include_introduced_and_exclude_fixed() {
        let a = advisory("npm", r#"[{"introduced": "0.0.5", "fixed": "0.1.16"}]"#);
        let v = |t| Version::parse(Ecosystem::Npm, t).unwrap();
        assert!(!a.affects(&v("0.0.4")));
        assert!(a.affects(&v("0.0.5")));
        assert!(a.affects(&v("0.1.15")));
        assert!(
            a.affects(&v("0.1.16-beta")),
            "a pre-release of the fix is not the fix"
        );
        assert!(!a.affects(&v("0.1.16")));
        assert_eq!(a.fixed_for(&v("0.1.10")).map(|f| f.1), Some("0.1.16"));
        assert_eq!(a.title(), "CVE-2025-0001");
        assert_eq!(a.all_ids(), "CVE-2025-0001 / GHSA-test");
        assert_eq!(a.page(), "https://github.com/advisories/GHSA-test");
    }

    #[test]
    fn last_affected_has_no_fix_and_zero_means_every_release() {
        let a = advisory(
            "PyPI",
            r#"[{"introduced": "0", "last_affected": "1.0.post2"}]"#,
        );
        let v = |t| Version::parse(Ecosystem::PyPi, t).unwrap();
        assert!(a.affects(&v("0.0.1")));
        assert!(a.affects(&v("1.0.post2")));
        assert!(!a.affects(&v("1.0.post3")));
        assert_eq!(a.fixed_for(&v("0.5")), None);
        assert!(a.names(Ecosystem::PyPi, "Acme_MCP"));
        assert!(!a.names(Ecosystem::Npm, "acme-mcp"));
    }

    #[test]
    fn bad_data_is_refused_with_the_advisory_named() {
        let bad = r#"{"advisory": [{"id": "GHSA-bad", "ecosystem": "npm", "package": "x", "severity": "high", "summary": "s", "url": "u", "ranges": [{"introduced": "0", "fixed": "latest"}]}]}"#;
        let err = load(&[("bad.toml", bad)]).unwrap_err();
        assert!(err.contains("GHSA-bad") && err.contains("latest"), "{err}");
        let open = r#"{"advisory": [{"id": "GHSA-open", "ecosystem": "npm", "package": "x", "severity": "high", "summary": "s", "url": "u", "ranges": [{"introduced": "0"}]}]}"#;
        assert!(load(&[("open.toml", open)]).is_err());
    }
}
