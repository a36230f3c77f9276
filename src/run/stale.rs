//! Exceptions of a config file that no longer do anything: one that
//! matched no finding of the files it names, or one past its expiry date.
//! Reported on the config file, where the entry is.

use std::sync::Arc;

use super::Resolver;
use crate::config::{self, Config};
use crate::finding::Finding;
use crate::lint::{FileReport, Report};
use crate::rules;

/// Add a report per config file with stale exceptions. Only a walk can
/// call an exception unmatched whose path glob matched no file linted.
pub fn report(resolver: &Resolver, report: &mut Report, walked: bool) {
    let mut configs: Vec<Arc<Config>> = Vec::new();
    for file in &report.files {
        if let Some(c) = &file.settings.config {
            if !configs.iter().any(|k| Arc::ptr_eq(k, c)) {
                configs.push(Arc::clone(c));
            }
        }
    }
    // A config none of whose files were linted (all excluded, or none
    // there) still has its stale exceptions reported when the run walked.
    for c in resolver.configs().loaded() {
        if !configs.iter().any(|k| Arc::ptr_eq(k, &c)) {
            configs.push(c);
        }
    }
    let mut stale = Vec::new();
    for config in configs {
        let files = report.files.iter().filter(|f| {
            f.settings
                .config
                .as_ref()
                .is_some_and(|c| Arc::ptr_eq(c, &config))
        });
        stale.extend(of_config(&config, files, walked));
    }
    report.files.extend(stale);
}

fn of_config<'r>(
    config: &Config,
    files: impl Iterator<Item = &'r FileReport>,
    walked: bool,
) -> Option<FileReport> {
    let mut used = vec![false; config.ignores.len()];
    let mut seen = vec![walked; config.ignores.len()];
    for u in files.flat_map(|f| &f.exceptions) {
        seen[u.index] = true;
        used[u.index] |= u.used;
    }
    let today = config::today();
    let mut findings = Vec::new();
    for (i, ig) in config.ignores.iter().enumerate().filter(|(i, _)| seen[*i]) {
        let expired = ig.expires.as_deref().filter(|e| *e < today.as_str());
        let message = match (expired, used[i]) {
            (Some(date), _) => format!(
                "ignore of `{}` expired on {date}; its findings are reported again",
                ig.rule
            ),
            (None, false) => format!("ignore of `{}` matches no finding", ig.rule),
            (None, true) => continue,
        };
        findings.push(
            Finding::new(&rules::STALE_IGNORE, ig.span, message)
                .label(format!("reason given: {}", ig.reason))
                .help("remove the entry, or fix its rule, path or pointer; renew an expired one only after review")
                .at(&ig.at, None)
                .discriminator(ig.at.clone()),
        );
    }
    (!findings.is_empty()).then(|| {
        let mut file = FileReport::empty(config.source.clone(), &config::CONFIG_FORMAT);
        file.findings = findings;
        file
    })
}
