//! Embed the detection data under `rules/` (credential formats, scope
//! catalogs, server profiles, schemas) so the binary is the whole tool;
//! adding a file needs no code change. TOML is converted to JSON here,
//! once: parsing JSON at start-up costs a fraction of parsing TOML, and a
//! syntax error fails the build.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    embed_toml("rules/credentials", "credential_files.rs");
    // A lint needs no examples: they are half the data, and only `rules
    // check` and the tests read them.
    embed_credentials_without_examples();
    embed_toml("rules/scopes", "scope_files.rs");
    embed_toml("rules/servers", "server_files.rs");
    embed_toml("rules/advisories", "advisory_files.rs");
    embed_toml("rules/archived", "archived_files.rs");
    embed_schemas();
}

/// Every `*.toml` of `dir` as `(file name, JSON text)`, into `OUT_DIR/out`.
fn embed_toml(dir: &str, out_name: &str) {
    let dir = Path::new(dir);
    let names = data_files(dir, ".toml");
    let mut out = String::from("&[\n");
    for name in &names {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("readable data file");
        let value: toml::Table =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let json = serde_json::to_string(&value).expect("TOML converts to JSON");
        let _ = writeln!(out, "    ({name:?}, {json:?}),");
    }
    out.push(']');
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join(out_name);
    std::fs::write(dest, out).unwrap();
}

/// `rules/credentials/*.toml` without each format's `examples` and
/// `negative_examples`, into `OUT_DIR/credential_files_lean.rs`.
fn embed_credentials_without_examples() {
    let dir = Path::new("rules/credentials");
    let mut out = String::from("&[\n");
    for name in &data_files(dir, ".toml") {
        let text = std::fs::read_to_string(dir.join(name)).expect("readable data file");
        let mut value: toml::Table = toml::from_str(&text).expect("checked by embed_toml");
        if let Some(toml::Value::Array(formats)) = value.get_mut("credential") {
            for format in formats.iter_mut() {
                if let toml::Value::Table(format) = format {
                    format.remove("examples");
                    format.remove("negative_examples");
                }
            }
        }
        let json = serde_json::to_string(&value).expect("TOML converts to JSON");
        let _ = writeln!(out, "    ({name:?}, {json:?}),");
    }
    out.push(']');
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("credential_files_lean.rs");
    std::fs::write(dest, out).unwrap();
}

/// `rules/schemas/<format id>.json`, checked to be JSON and embedded.
fn embed_schemas() {
    let dir = Path::new("rules/schemas");
    let names = data_files(dir, ".json");
    let mut out = String::from("&[\n");
    for name in &names {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("readable schema");
        let value: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let compact = serde_json::to_string(&value).expect("JSON");
        let id = name.trim_end_matches(".json");
        let _ = writeln!(out, "    ({id:?}, {compact:?}),");
    }
    out.push(']');
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("schema_files.rs");
    std::fs::write(dest, out).unwrap();
}

/// The sorted names of `dir`'s files ending in `ext`; cargo re-runs this
/// script when the directory changes.
fn data_files(dir: &Path, ext: &str) -> Vec<String> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(ext))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}
