//! Every credential format in `rules/credentials/` against its own examples,
//! through the same judging path a config value takes (keyword prefilter,
//! pattern, placeholder filter, entropy floor, validator, name gate).

use std::collections::BTreeSet;

use mcplint::detect::{data, Detectors, HitState};

#[test]
fn every_positive_example_is_found_and_every_negative_is_not() {
    let detectors = Detectors::builtin();
    let mut failures = Vec::new();
    for d in &detectors.list {
        for e in &d.spec.examples {
            let got = detectors.judge_example(d, e);
            if got != Some(HitState::Secret) {
                failures.push(format!(
                    "{}: missed positive {:?} (got {got:?})",
                    d.spec.id,
                    e.value()
                ));
            }
        }
        for e in &d.spec.negative_examples {
            let got = detectors.judge_example(d, e);
            if got == Some(HitState::Secret) {
                failures.push(format!(
                    "{}: false hit on negative {:?}",
                    d.spec.id,
                    e.value()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn data_files_are_well_formed() {
    let specs = data::load(data::FILES).expect("every data file parses");
    assert!(!data::FILES.is_empty());
    let mut ids = BTreeSet::new();
    for s in &specs {
        assert!(ids.insert(s.id.clone()), "duplicate id {}", s.id);
        assert!(
            s.id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "id not kebab-case: {}",
            s.id
        );
        assert!(!s.examples.is_empty(), "{}: needs positive examples", s.id);
        assert!(
            !s.negative_examples.is_empty(),
            "{}: needs negative examples",
            s.id
        );
        if s.broad {
            assert!(
                s.privilege.is_some(),
                "{}: broad formats say why (privilege)",
                s.id
            );
        }
        if s.names.is_some() {
            assert!(
                s.examples.iter().all(|e| e.name().is_some()),
                "{}: name-gated formats need named positive examples",
                s.id
            );
        }
        if let Some(group) = s.group {
            let re = regex::Regex::new(&s.pattern).unwrap();
            assert!(
                group < re.captures_len(),
                "{}: no capture group {group}",
                s.id
            );
        }
    }
}

#[test]
fn every_pattern_compiles_within_the_size_limit() {
    for d in &Detectors::builtin().list {
        d.regex().unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn covers_the_providers_mcp_servers_use() {
    let providers: BTreeSet<String> = Detectors::builtin()
        .list
        .iter()
        .map(|d| d.spec.provider.to_ascii_lowercase())
        .collect();
    assert!(
        providers.len() >= 40,
        "only {} providers: {providers:?}",
        providers.len()
    );
    for must in [
        "github",
        "gitlab",
        "slack",
        "openai",
        "anthropic",
        "aws",
        "google",
        "stripe",
        "notion",
        "linear",
        "atlassian",
        "sentry",
        "supabase",
        "hugging face",
        "cloudflare",
        "vercel",
        "twilio",
        "sendgrid",
        "datadog",
        "npm",
    ] {
        assert!(
            providers.iter().any(|p| p.contains(must)),
            "no credential format for {must}; have {providers:?}"
        );
    }
}
