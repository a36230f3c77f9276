//! The advisory data under `rules/advisories/` against its own examples:
//! every launch line an entry says is affected resolves to that package and
//! a version inside one of its ranges; every negative one does not.

use mcplint::knowledge::advisories::{self, Advisory};
use mcplint::knowledge::launch::Launch;
use mcplint::knowledge::package::{self, Pin};
use mcplint::knowledge::versions::Version;

/// Does the launch line pin a version that `advisory` affects?
fn affected(advisory: &Advisory, line: &str) -> Result<bool, String> {
    let launch = Launch::of_line(line);
    let Some(launched) = package::launched(&launch) else {
        return Ok(false);
    };
    if !advisory.names(launched.ecosystem, launched.name) {
        return Ok(false);
    }
    match launched.pin {
        Pin::Exact(text, _) => {
            let version = Version::parse(launched.ecosystem, text)
                .ok_or_else(|| format!("{text:?} does not parse"))?;
            Ok(advisory.affects(&version))
        }
        _ => Ok(false),
    }
}

#[test]
fn every_advisory_example_holds() {
    let all = advisories::builtin();
    assert!(all.len() >= 20, "only {} advisories", all.len());
    let mut failures = Vec::new();
    for a in all {
        let id = &a.spec.id;
        if a.spec.examples.len() < 2 || a.spec.negative_examples.len() < 2 {
            failures.push(format!("{id}: needs two examples of each kind"));
        }
        for line in &a.spec.examples {
            match affected(a, line) {
                Ok(true) => {}
                Ok(false) => failures.push(format!("{id}: missed {line:?}")),
                Err(e) => failures.push(format!("{id}: {line:?}: {e}")),
            }
        }
        for line in &a.spec.negative_examples {
            if affected(a, line) != Ok(false) {
                failures.push(format!("{id}: false match on {line:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn advisory_entries_are_well_formed() {
    for a in advisories::builtin() {
        let s = &a.spec;
        assert!(
            s.id.starts_with("GHSA-") || s.id.starts_with("CVE-") || s.id.starts_with("PYSEC-"),
            "{}: id",
            s.id
        );
        assert!(
            matches!(
                s.severity.as_str(),
                "low" | "moderate" | "high" | "critical"
            ),
            "{}: severity {:?}",
            s.id,
            s.severity
        );
        assert!(s.url.starts_with("https://"), "{}: url", s.id);
        assert!(
            s.summary.starts_with(|c: char| !c.is_uppercase()) && !s.summary.ends_with('.'),
            "{}: summary starts lower case, no final period",
            s.id
        );
        assert!(!s.package.is_empty(), "{}: package", s.id);
    }
}
