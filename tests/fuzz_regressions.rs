//! Every input the fuzzers found a crash with (`fuzz/regressions/<target>/`)
//! and every committed seed (`fuzz/corpus/<target>/`), run through the fuzz
//! target's own body (`fuzz/fuzz_targets/bodies.rs`) in the normal suite:
//! a fixed crash stays fixed without cargo-fuzz.

#[path = "../fuzz/fuzz_targets/bodies.rs"]
mod bodies;

use std::path::Path;

fn inputs(dir: &str, target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(dir)
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out: Vec<_> = entries
        .map(|e| e.unwrap().path())
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    out.sort();
    out
}

fn run_all(dir: &str) -> usize {
    let mut ran = 0;
    for (target, body) in bodies::TARGETS {
        for (name, data) in inputs(dir, target) {
            eprintln!("{target}: {name}");
            body(&data);
            ran += 1;
        }
    }
    ran
}

#[test]
fn crashes_found_by_fuzzing_stay_fixed() {
    assert!(
        run_all("regressions") >= 3,
        "the regression inputs are missing"
    );
}

#[test]
fn seed_corpus_passes_every_target() {
    assert!(run_all("corpus") >= 100, "the seed corpus is missing");
}
