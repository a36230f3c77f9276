//! The human report of every fixture tree under `fixtures/`, snapshotted.
//! A change in wording, position or masking shows up as a snapshot diff.

use std::path::{Path, PathBuf};

use mcplint::report::{human, json};
use mcplint::run;

fn subdirs(dir: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// Every fixture tree: `fixtures/<case>/` and `fixtures/clients/<client>/`.
fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut dirs: Vec<PathBuf> = subdirs(&root)
        .into_iter()
        .filter(|d| !d.ends_with("clients"))
        .collect();
    dirs.extend(subdirs(&root.join("clients")));
    dirs
}

/// `literal-secret`, or `client-cursor` for `fixtures/clients/cursor`.
fn fixture_name(dir: &Path) -> String {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    match dir.parent().and_then(Path::file_name) {
        Some(parent) if parent == "clients" => format!("client-{name}"),
        _ => name,
    }
}

fn report(dir: &Path) -> mcplint::lint::Report {
    let options = run::Options {
        config: run::ConfigChoice::Ignore,
        persona: Some(mcplint::finding::Persona::Auditor),
        ..run::Options::default()
    };
    run::check(&[dir.to_path_buf()], dir, &options)
}

#[test]
fn human_report_of_every_fixture() {
    let dirs = fixtures();
    assert!(dirs.len() >= 6, "fixtures missing: {dirs:?}");
    for dir in dirs {
        let name = fixture_name(&dir);
        let text = human::render(
            &report(&dir),
            &human::Style {
                color: false,
                width: 80,
                quiet: false,
                // Every finding in full: the snapshots show each one's words
                // (grouping has its own test in `cli.rs`).
                group: false,
            },
        );
        insta::assert_snapshot!(format!("human_{name}"), text);
    }
}

#[test]
fn json_report_of_every_fixture() {
    for dir in fixtures() {
        let name = fixture_name(&dir);
        let mut doc: serde_json::Value =
            serde_json::from_str(&json::render(&report(&dir))).unwrap();
        doc["tool"]["version"] = "[version]".into();
        insta::assert_json_snapshot!(format!("json_{name}"), doc);
    }
}

#[test]
fn clean_fixture_has_no_findings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/clean");
    let report = report(&dir);
    let findings: Vec<String> = report
        .files
        .iter()
        .flat_map(|f| f.findings.iter().map(|x| x.message.clone()))
        .collect();
    assert_eq!(report.files.len(), 1);
    assert!(findings.is_empty(), "{findings:#?}");
}
