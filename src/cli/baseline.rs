//! `mcplint baseline`: record today's findings so only new ones fail.

use std::path::PathBuf;

use super::args::BaselineAction;
use crate::run;

/// `mcplint baseline write|prune [FILE]`, over the current directory.
pub(super) fn baseline(action: BaselineAction) -> u8 {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let report = run::check(&[PathBuf::from(".")], &cwd, &run::Options::default());
    let (file, prune) = match action {
        BaselineAction::Write { file } => (file, false),
        BaselineAction::Prune { file } => (file, true),
    };
    let path = file.unwrap_or_else(|| PathBuf::from(crate::run::baseline::DEFAULT_FILE));
    let fresh = crate::run::baseline::create(&report, &path);
    let baseline = if prune {
        match crate::run::baseline::read(&path) {
            Ok(old) => {
                let kept: std::collections::BTreeSet<_> =
                    old.entries.intersection(&fresh.entries).cloned().collect();
                eprintln!(
                    "mcplint: dropped {}",
                    match old.entries.len() - kept.len() {
                        1 => "1 fixed entry".to_string(),
                        n => format!("{n} fixed entries"),
                    }
                );
                crate::run::baseline::Baseline {
                    entries: kept,
                    ..old
                }
            }
            Err(e) => {
                eprintln!("mcplint: {e}");
                return 2;
            }
        }
    } else {
        eprintln!("mcplint: recorded {} findings", fresh.entries.len());
        fresh
    };
    match crate::run::baseline::write(&path, &baseline) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("mcplint: {e}");
            2
        }
    }
}
