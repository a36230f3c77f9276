//! The folders of `src/` are the pipeline, and imports point one way: a
//! folder may use the folders below it and never one above or beside it.
//! This reads every source file's `crate::…` paths and fails on the first
//! import that runs the wrong way.

use std::path::Path;

/// From the top down; folders on one line are siblings that must not use
/// each other.
const LAYERS: &[&[&str]] = &[
    &["cli"],
    &["doctor"],
    &["fix"],
    &["run", "report"],
    &["lint"],
    &["config"],
    &["rules"],
    &["finding"],
    &["knowledge"],
    &["model"],
    &["clients"],
    &["syntax"],
];

fn rank(folder: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&folder))
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules a file names through `crate::`.
fn uses(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.push(name);
        }
    }
    out
}

#[test]
fn every_folder_of_src_has_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            let name = path.file_name().unwrap().to_str().unwrap();
            assert!(
                rank(name).is_some(),
                "src/{name} is in no layer of this test"
            );
        }
    }
}

#[test]
fn imports_point_down_the_pipeline() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 40, "src/ not found");
    let mut wrong = Vec::new();
    for path in files {
        let rel = path.strip_prefix(&src).unwrap();
        let Some(folder) = rel.iter().next().and_then(|c| c.to_str()) else {
            continue;
        };
        let Some(own) = rank(folder) else {
            continue; // lib.rs, main.rs
        };
        let text = std::fs::read_to_string(&path).unwrap();
        for used in uses(&text) {
            if used == folder {
                continue;
            }
            match rank(&used) {
                Some(r) if r > own => {}
                _ => wrong.push(format!("src/{} uses crate::{used}", rel.display())),
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(
        wrong.is_empty(),
        "imports against the pipeline:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_checker_sees_a_wrong_import() {
    assert_eq!(
        uses("use crate::cli::main;\nlet x = crate::syntax::source::Span;"),
        ["cli", "syntax"]
    );
    assert!(rank("cli") < rank("syntax"));
}
