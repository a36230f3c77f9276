//! Correct configs pass the default gate: `fixtures/correct/` holds one
//! correct file for every supported format (references in the client's own
//! syntax, VS Code `${input:…}`, Codex `env_vars`, a placeholder, known
//! servers at their defaults, pinned and unpinned packages). Under the
//! default persona mcplint says nothing about any of them; the pedantic
//! persona still has its hardening advice.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::run;
use mcplint::clients;
use mcplint::finding::Persona;
use mcplint::run as lint_run;

fn tree() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/correct")
}

fn report(persona: Option<Persona>) -> mcplint::lint::Report {
    let options = lint_run::Options {
        config: lint_run::ConfigChoice::Ignore,
        persona,
        ..lint_run::Options::default()
    };
    lint_run::check(&[tree()], &tree(), &options)
}

#[test]
fn every_format_has_a_correct_config() {
    let report = report(None);
    let linted: BTreeSet<&str> = report.files.iter().map(|f| f.format.id).collect();
    let missing: Vec<&str> = clients::formats()
        .iter()
        .map(|f| f.id)
        .filter(|id| !linted.contains(id))
        .collect();
    assert!(missing.is_empty(), "no correct config of: {missing:?}");
}

#[test]
fn the_default_persona_says_nothing_about_correct_configs() {
    let report = report(None);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let said: Vec<String> = report
        .files
        .iter()
        .flat_map(|f| {
            f.findings.iter().map(move |x| {
                format!(
                    "{} {} {}: {}",
                    f.source.display, x.pointer, x.rule.id, x.message
                )
            })
        })
        .collect();
    assert!(
        said.is_empty(),
        "findings on correct configs:\n{}",
        said.join("\n")
    );
    // Through the command line too, as a CI gate runs it.
    let out = run(common::mcplint_in(&tree()).args(["--no-config", "--color", "never", "."]));
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(
        out.stdout.contains("0 errors, 0 warnings, 0 notes"),
        "{}",
        out.stdout
    );
}

#[test]
fn the_pedantic_persona_still_has_its_advice() {
    let report = report(Some(Persona::Pedantic));
    let rules: BTreeSet<&str> = report
        .files
        .iter()
        .flat_map(|f| f.findings.iter().map(|x| x.rule.id))
        .collect();
    // Hardening only: nothing a regular reviewer would block on.
    assert_eq!(
        rules,
        BTreeSet::from([
            "placeholder-value",
            "unguarded-destructive-tools",
            "unnarrowed-server",
            "unpinned-package",
            // An unpinned launch of a package with advisories (a note).
            "vulnerable-server"
        ])
    );
    assert!(report
        .files
        .iter()
        .flat_map(|f| &f.findings)
        .all(|x| x.persona == Persona::Pedantic));
}
