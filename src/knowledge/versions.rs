//! Versions in each ecosystem's own ordering: semver for npm (so
//! `0.1.16-beta.1` comes before `0.1.16`), PEP 440 for PyPI (so `1.0.post1`
//! comes after `1.0` and `1.0rc1` before it). Container tags have no
//! ordering of their own; a tag that reads as a version (`v1.2`, `0.9.1`)
//! is ordered as semver, and any other tag is an unknown version.

use std::cmp::Ordering;
use std::str::FromStr;

use super::package::Ecosystem;

/// A parsed version; two versions compare only within one ecosystem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Version {
    Semver(semver::Version),
    Pep440(pep440_rs::Version),
}

/// The longest version text read: a longer one is an unknown version.
const MAX_LEN: usize = 64;

impl Version {
    /// `text` as a version of `ecosystem`, or `None` when it is not one
    /// (a tag, a range, an over-long or non-ASCII string).
    pub fn parse(ecosystem: Ecosystem, text: &str) -> Option<Self> {
        if text.is_empty() || text.len() > MAX_LEN || !text.is_ascii() {
            return None;
        }
        match ecosystem {
            Ecosystem::Npm => semver::Version::parse(text.strip_prefix('v').unwrap_or(text))
                .ok()
                .map(Version::Semver),
            Ecosystem::PyPi => pep440_rs::Version::from_str(text).ok().map(Version::Pep440),
            Ecosystem::Container => container_tag(text).map(Version::Semver),
        }
    }

    pub fn cmp_same(&self, other: &Version) -> Option<Ordering> {
        match (self, other) {
            (Version::Semver(a), Version::Semver(b)) => Some(a.cmp(b)),
            (Version::Pep440(a), Version::Pep440(b)) => Some(a.cmp(b)),
            _ => None,
        }
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        self.cmp_same(other)
    }
}

/// `v1.2`, `1.2.3`, `1.2.3-alpine` as semver (missing parts are zero); a
/// tag such as `latest` or `sha-0a1b2c` is not a version.
fn container_tag(tag: &str) -> Option<semver::Version> {
    let tag = tag.strip_prefix('v').unwrap_or(tag);
    let (release, rest) = match tag.find(['-', '+']) {
        Some(i) => (&tag[..i], &tag[i..]),
        None => (tag, ""),
    };
    let parts: Vec<&str> = release.split('.').collect();
    if parts.len() > 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let mut full = parts.join(".");
    for _ in parts.len()..3 {
        full.push_str(".0");
    }
    semver::Version::parse(&format!("{full}{rest}")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(e: Ecosystem, t: &str) -> Version {
        Version::parse(e, t).unwrap_or_else(|| panic!("{t} parses"))
    }

    #[test]
    fn npm_pre_releases_come_before_their_release() {
        let npm = Ecosystem::Npm;
        assert!(v(npm, "0.1.16-beta") < v(npm, "0.1.16"));
        assert!(v(npm, "0.1.16-beta.2") > v(npm, "0.1.16-beta.1"));
        assert!(v(npm, "0.1.15") < v(npm, "0.1.16-beta"));
        assert!(v(npm, "2025.7.1") > v(npm, "2025.3.28"));
        assert!(v(npm, "0.1.10") > v(npm, "0.1.9"), "numeric, not textual");
        assert_eq!(Version::parse(npm, "latest"), None);
        assert_eq!(Version::parse(npm, "^0.1.10"), None);
    }

    #[test]
    fn pep440_post_and_pre_releases() {
        let py = Ecosystem::PyPi;
        assert!(v(py, "1.0.post1") > v(py, "1.0"));
        assert!(v(py, "1.0rc1") < v(py, "1.0"));
        assert!(v(py, "1.0") == v(py, "1.0.0"), "PEP 440 pads with zeros");
        assert!(v(py, "2025.9.25") > v(py, "2025.7.1"));
        assert!(v(py, "1.0.dev1") < v(py, "1.0a1"));
        assert!(
            v(py, "1!0.1") > v(py, "2025.1"),
            "an epoch outranks everything"
        );
    }

    #[test]
    fn container_tags_that_read_as_versions() {
        let c = Ecosystem::Container;
        assert!(v(c, "v0.9.1") < v(c, "0.10"));
        assert!(v(c, "1.2") == v(c, "1.2.0"));
        assert_eq!(Version::parse(c, "latest"), None);
        assert_eq!(Version::parse(c, "sha-0a1b2c3"), None);
    }

    #[test]
    fn hostile_text_is_an_unknown_version() {
        for e in [Ecosystem::Npm, Ecosystem::PyPi, Ecosystem::Container] {
            assert_eq!(Version::parse(e, &"9.".repeat(10_000)), None);
            assert_eq!(Version::parse(e, "١.٢.٣"), None);
            assert_eq!(Version::parse(e, ""), None);
            assert_eq!(Version::parse(e, "1.2.3\u{0}"), None);
        }
        assert!(Version::parse(Ecosystem::Npm, "1.2.3")
            .unwrap()
            .cmp_same(&Version::parse(Ecosystem::PyPi, "1.2.3").unwrap())
            .is_none());
    }
}
