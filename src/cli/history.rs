//! `mcplint history`: every credential ever committed to an MCP config.

use std::path::PathBuf;

use super::args::{Format, HistoryArgs};
use super::check::config_choice_of;

/// `mcplint history`: credentials committed across git history.
pub(super) fn history(args: HistoryArgs) -> u8 {
    if let Err(message) = args.report.check() {
        eprintln!("mcplint: {message}");
        return 2;
    }
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let revisions = match (args.all, args.range) {
        (true, _) => crate::run::history::Revisions::All,
        (false, Some(range)) => crate::run::history::Revisions::Range(range),
        (false, None) => crate::run::history::Revisions::Head,
    };
    let options = crate::run::history::Options {
        revisions,
        max_file_size: args.max_file_size,
        config: config_choice_of(&args.config, args.no_config),
        cwd: cwd.clone(),
        persona: args.report.persona,
    };
    let scanned = crate::run::history::open(&cwd).and_then(|repo| {
        if repo.is_shallow() && !args.report.quiet {
            // Said, not refused: a scan of what was fetched still finds what it holds.
            eprintln!(
                "mcplint: warning: this clone is shallow: history sees only the commits fetched \
                 (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout, for all of them)"
            );
        }
        let scan = crate::run::history::scan(&repo, &options);
        // NOTE: the process ends after the report; freeing libgit2's object
        // cache and pack maps one by one would take a tenth of the run.
        std::mem::forget(repo);
        scan
    });
    let scan = match scanned {
        Ok(scan) => scan,
        Err(message) => {
            eprintln!("mcplint: {message}");
            return 2;
        }
    };
    if matches!(args.report.format, Format::Human) && !args.report.quiet {
        eprintln!(
            "mcplint: history: {} commits, {} distinct config versions",
            scan.commits,
            scan.report.files_scanned()
        );
    }
    args.report.write(&scan.report)
}
