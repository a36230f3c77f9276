//! Rule documentation stays complete and the README lists every rule.

use mcplint::rules;

#[test]
fn every_rule_has_full_documentation() {
    for m in rules::all() {
        for section in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "## Use instead",
            "## Fix safety",
            "## Persona",
        ] {
            assert!(m.docs.contains(section), "{}: docs lack `{section}`", m.id);
        }
        // The doc states the persona the rule declares, and why.
        let persona = m.docs.split("## Persona\n").nth(1).unwrap_or_default();
        assert!(
            persona.starts_with(&format!("`{}`. ", m.persona.as_str())),
            "{}: its doc's Persona section does not start with `{}`",
            m.id,
            m.persona.as_str()
        );
        assert!(
            m.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{}: ids are kebab-case",
            m.id
        );
        assert!(
            !m.summary.ends_with('.'),
            "{}: summaries have no final period",
            m.id
        );
    }
}

#[test]
fn readme_lists_every_rule() {
    let readme = include_str!("../README.md");
    for m in rules::all() {
        let row = format!(
            "| `{}` | {} | {} | {}",
            m.id,
            m.category.as_str(),
            m.severity.as_str(),
            m.persona.as_str()
        );
        assert!(
            readme.contains(&row),
            "README rules table lacks or misstates {}: expected `{row}`",
            m.id
        );
    }
}

#[test]
fn rule_ids_are_stable() {
    let ids: Vec<&str> = rules::all().iter().map(|m| m.id).collect();
    // Ids are public API (JSON, ignores, baselines): removing or renaming one
    // is a breaking change and must show up here.
    assert_eq!(
        ids,
        [
            "auto-approved-servers",
            "broad-allow-rule",
            "broad-credential",
            "credentials-in-url",
            "deprecated-sse",
            "duplicate-key",
            "ineffective-allow-rule",
            "input-without-password",
            "insecure-transport",
            "invalid-config",
            "literal-secret",
            "overbroad-scope",
            "parse-error",
            "placeholder-value",
            "policy-violation",
            "stale-ignore",
            "unexpanded-reference",
            "unguarded-destructive-tools",
            "unknown-input",
            "unnarrowed-server",
            "unpinned-package",
        ]
    );
}

#[test]
fn pre_commit_hooks_cover_every_committable_config_name() {
    let hooks = include_str!("../.pre-commit-hooks.yaml");
    let patterns: Vec<&str> = hooks
        .lines()
        .filter_map(|l| l.trim().strip_prefix("files: '"))
        .map(|l| l.trim_end_matches('\''))
        .collect();
    assert_eq!(patterns.len(), 2, "mcplint and mcplint-fix");
    for pattern in patterns {
        let re = regex::Regex::new(pattern).unwrap();
        for f in mcplint::clients::formats().iter().filter(|f| f.shared) {
            for path in f.paths {
                let example = format!("repo/{}", path.replace('*', "servers"));
                // User-level locations (`Code/User/…`, `gemini-cli/…`) are not committed.
                if path.contains("User/")
                    || path.starts_with("gemini-cli/")
                    || path.starts_with("codex/")
                    || path.starts_with("zed/")
                    || path.starts_with("amazonq/")
                {
                    continue;
                }
                assert!(
                    re.is_match(&example),
                    "{} ({}) not covered by {pattern}",
                    example,
                    f.id
                );
                assert!(!re.is_match("repo/package.json"));
            }
        }
    }
}
