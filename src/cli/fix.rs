//! `--fix` and `--diff`: apply (or show) the fixes, then report what
//! remains.

use std::path::{Path, PathBuf};

use super::args::CheckArgs;
use super::write_out;
use crate::lint::Report;
use crate::run;

/// `--fix` / `--diff`, then the report of what remains.
pub(super) fn fix(
    args: &CheckArgs,
    files: &[PathBuf],
    cwd: &Path,
    options: &run::Options,
    report: Report,
) -> u8 {
    let outcome = crate::fix::apply(
        &report,
        &crate::fix::Options {
            unsafe_fixes: args.unsafe_fixes,
            write: args.fix,
            env_file: args.env_file.clone(),
            cwd: cwd.to_path_buf(),
        },
    );
    // A file that cannot be parsed offers no fix: say so, not "nothing to fix".
    let why = if args.diff {
        "run without --diff to see why"
    } else {
        "the parse-error below says why"
    };
    for file in report.files.iter().filter(|f| f.unparsable) {
        eprintln!(
            "mcplint: {} could not be parsed; nothing in it can be fixed ({why})",
            file.source.display
        );
    }
    if args.diff {
        write_out(&outcome.diff);
        // A file that cannot be read or parsed has no diff, and is no pass.
        for error in &report.errors {
            eprintln!("mcplint: {}: {}", error.file, error.message);
        }
        // What `--fix` would refuse, `--diff` refuses alike, with the same reason.
        for problem in &outcome.problems {
            eprintln!("mcplint: problem: {problem}");
        }
        if report.has_errors() || !outcome.problems.is_empty() {
            return 2;
        }
        return u8::from(!outcome.diff.is_empty());
    }
    let nothing_done = outcome.files_changed.is_empty() && outcome.problems.is_empty();
    if !(args.report.quiet && nothing_done) {
        eprint!("{}", crate::fix::summary(&outcome));
    }
    let after = run::check(files, cwd, options);
    let code = args.report.write(&after);
    if code == 2 {
        return 2;
    }
    if !outcome.problems.is_empty() {
        // Asked to fix and could not: as loud as an unreadable file.
        return 2;
    }
    if args.exit_non_zero_on_fix && !outcome.files_changed.is_empty() {
        return code.max(1);
    }
    code
}
