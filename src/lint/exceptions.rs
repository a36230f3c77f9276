//! The config file's say over one file's findings: rule selection
//! (`select`/`disable`), severity overrides, and reviewed exceptions
//! (`[[ignore]]`: rule, path glob, optional pointer, hash and expiry).
//! Which exceptions matched the file, and which of them hid a finding, is
//! kept on the report: the run reports the stale ones on the config file.

use super::FileReport;
use crate::config::{self, Config, Ignore};
use crate::finding::Finding;

/// One exception of the config whose path matched the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionUse {
    /// Its index in the config's `ignores`.
    pub index: usize,
    /// It hid at least one finding of the file.
    pub used: bool,
}

/// Apply `config` to `file`'s findings.
pub fn apply(config: &Config, file: &mut FileReport) {
    let today = config::today();
    let relative = config.relative(&file.source.path).into_owned();
    let mut uses: Vec<ExceptionUse> = config
        .ignores
        .iter()
        .enumerate()
        .filter(|(_, ig)| ig.path.is_match(&relative))
        .map(|(index, _)| ExceptionUse { index, used: false })
        .collect();
    let display = file.source.display.clone();
    file.findings.retain_mut(|f| {
        if !config.enabled(f.rule) {
            return false;
        }
        if let Some(level) = config.severity_of(f.rule) {
            f.severity = level;
        }
        let fingerprint = f.fingerprint(&display);
        let hit = uses
            .iter_mut()
            .find(|u| hides(&config.ignores[u.index], f, &fingerprint, &today));
        match hit {
            Some(u) => {
                u.used = true;
                false
            }
            None => true,
        }
    });
    file.exceptions = uses;
}

/// Does this exception (whose path matched) hide `f`?
fn hides(ig: &Ignore, f: &Finding, fingerprint: &str, today: &str) -> bool {
    ig.rule == f.rule.id
        && ig
            .pointer
            .as_deref()
            .is_none_or(|p| f.pointer == p || f.pointer.starts_with(&format!("{p}/")))
        && ig.hash.as_deref().is_none_or(|h| h == fingerprint)
        && ig.expires.as_deref().is_none_or(|e| e >= today)
}
