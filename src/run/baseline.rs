//! Baselines: adopt mcplint on an existing repository today, and fail only
//! on what is new. Entries are keyed by rule, file (relative to the
//! baseline's directory), JSON pointer and a salted hash of the offending
//! value — never the value, no line numbers, no timestamps — sorted, so
//! unrelated edits never churn the file.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::lint::Report;

pub const DEFAULT_FILE: &str = "mcplint-baseline.json";

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    pub rule: String,
    pub file: String,
    pub pointer: String,
    pub value_hash: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    /// Random per baseline, so the hashes cannot be looked up elsewhere.
    pub salt: String,
    pub entries: BTreeSet<Entry>,
}

fn new_salt() -> String {
    let mut h = Sha256::new();
    h.update(format!("{:?}{}", std::time::SystemTime::now(), std::process::id()).as_bytes());
    let mut random = [0u8; 16];
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        use std::io::Read;
        let _ = f.read_exact(&mut random);
    }
    h.update(random);
    h.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The salted hash of a finding's offending value.
fn value_hash(salt: &str, value: &str) -> String {
    let mut h = Sha256::new();
    h.update(salt.as_bytes());
    h.update([0]);
    h.update(value.as_bytes());
    h.finalize()[..12]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn relative(path: &Path, base: &Path) -> String {
    let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let base = base.canonicalize().unwrap_or_else(|_| base.to_path_buf());
    path.strip_prefix(&base)
        .unwrap_or(&path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// The entries of every finding of a report, for a baseline at `base`.
pub fn entries(report: &Report, base: &Path, salt: &str) -> BTreeSet<Entry> {
    let mut out = BTreeSet::new();
    for file in &report.files {
        for f in &file.findings {
            let value = file
                .source
                .text
                .get(f.primary.span.range())
                .unwrap_or_default();
            out.insert(Entry {
                rule: f.rule.id.to_string(),
                file: relative(&file.source.path, base),
                pointer: f.pointer.clone(),
                value_hash: value_hash(salt, value),
            });
        }
    }
    out
}

pub fn read(path: &Path) -> Result<Baseline, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text)
        .map_err(|e| format!("{}: not an mcplint baseline: {e}", path.display()))
}

pub fn write(path: &Path, baseline: &Baseline) -> Result<(), String> {
    let mut text = serde_json::to_string_pretty(baseline).map_err(|e| e.to_string())?;
    text.push('\n');
    let old = std::fs::read(path).ok();
    crate::syntax::write::atomically(path, text.as_bytes(), old.as_deref(), 0o644)
        .map_err(|e| e.to_string())
}

/// A new baseline of everything `report` found.
pub fn create(report: &Report, path: &Path) -> Baseline {
    let salt = read(path).map(|b| b.salt).unwrap_or_else(|_| new_salt());
    let base = base_dir(path);
    Baseline {
        version: 1,
        entries: entries(report, &base, &salt),
        salt,
    }
}

pub fn base_dir(path: &Path) -> PathBuf {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Drop every finding the baseline already knows.
pub fn filter(report: &mut Report, baseline: &Baseline, path: &Path) {
    let base = base_dir(path);
    let before: usize = report.files.iter().map(|f| f.findings.len()).sum();
    for file in &mut report.files {
        let file_rel = relative(&file.source.path, &base);
        let text = file.source.text.clone();
        file.findings.retain(|f| {
            let value = text.get(f.primary.span.range()).unwrap_or_default();
            !baseline.entries.contains(&Entry {
                rule: f.rule.id.to_string(),
                file: file_rel.clone(),
                pointer: f.pointer.clone(),
                value_hash: value_hash(&baseline.salt, value),
            })
        });
    }
    let after: usize = report.files.iter().map(|f| f.findings.len()).sum();
    report.scope.baseline = Some((path.display().to_string(), before - after));
}
