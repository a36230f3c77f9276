//! Embed every credential-format file under `rules/credentials/` so the
//! binary is the whole tool; adding a file needs no code change.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new("rules/credentials");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".toml"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from("&[\n");
    for name in &names {
        println!("cargo:rerun-if-changed={}/{name}", dir.display());
        let _ = writeln!(
            out,
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/rules/credentials/{name}\"))),"
        );
    }
    out.push(']');
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("credential_files.rs");
    std::fs::write(dest, out).unwrap();
}
