//! Archived MCP servers, from the embedded `rules/archived/` data: servers
//! whose owners stopped maintaining them (no security fixes), with the
//! maintained replacement and how to launch it narrowed.

use std::sync::OnceLock;

use serde::Deserialize;

use super::launch::{normal_image, same_package};
use super::package::{Ecosystem, Launched};

/// `(file name, contents as JSON)` of every embedded archived-server file.
pub static FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/archived_files.rs"));

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ArchivedFile {
    #[serde(default)]
    archived: Vec<Archived>,
}

/// One archived server, as written in a data file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Archived {
    pub name: String,
    pub ecosystem: String,
    #[serde(default)]
    pub packages: Vec<String>,
    #[serde(default)]
    pub images: Vec<String>,
    pub archived: String,
    pub source: String,
    pub problem: String,
    pub problem_source: String,
    pub replacement: String,
    pub replacement_source: String,
    pub launch: String,
    pub narrowing: String,
    #[serde(default)]
    pub examples: Vec<String>,
    #[serde(default)]
    pub negative_examples: Vec<String>,
}

impl Archived {
    /// Does `launched` run this server? A package name counts only from
    /// its own registry: npm's `mcp-server-sqlite` is not PyPI's.
    pub fn runs(&self, launched: &Launched) -> bool {
        match launched.ecosystem {
            Ecosystem::Container => self
                .images
                .iter()
                .any(|i| normal_image(i) == normal_image(launched.name)),
            ecosystem => {
                Ecosystem::from_name(&self.ecosystem) == Some(ecosystem)
                    && self.packages.iter().any(|p| same_package(p, launched.name))
            }
        }
    }
}

/// Every entry of `files`, checked: a known ecosystem, something to match,
/// and a launch line whenever a replacement is named with one.
pub fn load(files: &[(&str, &str)]) -> Result<Vec<Archived>, String> {
    let mut all = Vec::new();
    for (name, json) in files {
        let file: ArchivedFile = serde_json::from_str(json).map_err(|e| format!("{name}: {e}"))?;
        for a in file.archived {
            if !matches!(a.ecosystem.as_str(), "npm" | "PyPI") {
                return Err(format!("{name}: {}: ecosystem {:?}", a.name, a.ecosystem));
            }
            if a.packages.is_empty() && a.images.is_empty() {
                return Err(format!("{name}: {}: no package or image", a.name));
            }
            if a.launch.is_empty() != a.narrowing.is_empty() {
                return Err(format!(
                    "{name}: {}: `launch` and `narrowing` go together",
                    a.name
                ));
            }
            all.push(a);
        }
    }
    Ok(all)
}

/// The embedded entries, parsed on first use.
pub fn builtin() -> &'static [Archived] {
    static ALL: OnceLock<Vec<Archived>> = OnceLock::new();
    ALL.get_or_init(|| load(FILES).expect("embedded archived-server data is checked by tests"))
}

/// The archived server `launched` runs, if any.
pub fn of(launched: &Launched) -> Option<&'static Archived> {
    builtin().iter().find(|a| a.runs(launched))
}
