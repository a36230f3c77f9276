//! The command line: `mcplint [check] [PATHS…]`, `mcplint history`,
//! `mcplint rules`, `mcplint explain ID`, `mcplint formats` and
//! `mcplint baseline`. One module per command: each turns its arguments
//! into a run, a fix or a listing, and writes the result.

mod args;
mod baseline;
mod check;
mod doctor;
mod fix;
mod formats;
mod history;
mod output;
mod rules;

use std::io::Write;

use clap::Parser;

use args::{Cli, Command};

/// Run the command line; returns the exit status.
pub fn main() -> u8 {
    let cli = match Cli::try_parse_from(subcommand_first(std::env::args_os().collect())) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        None => check::check(cli.check),
        Some(Command::Check(args)) => check::check(args),
        Some(Command::Rules(args)) => rules::list_rules(args),
        Some(Command::Doctor(args)) => doctor::doctor(args),
        Some(Command::Explain { id }) => rules::explain(&id),
        Some(Command::Formats) => formats::list_formats(),
        Some(Command::History(args)) => history::history(args),
        Some(Command::Baseline { action }) => baseline::baseline(action),
    }
}

/// `mcplint --format json check .` means `mcplint check --format json .`:
/// move a `check` that follows the options to the front.
fn subcommand_first(mut args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    // The options that take a value, from the parser itself.
    let command = <Cli as clap::CommandFactory>::command();
    let takes_value = |flag: &str| {
        command.get_arguments().any(|a| {
            a.get_action().takes_values()
                && (a
                    .get_long()
                    .is_some_and(|l| flag.strip_prefix("--") == Some(l))
                    || a.get_short().is_some_and(|c| flag == format!("-{c}")))
        })
    };
    let mut i = 1;
    while let Some(arg) = args.get(i).and_then(|a| a.to_str()) {
        if arg == "--" {
            break;
        }
        if arg.starts_with('-') && arg != "-" {
            i += if takes_value(arg) { 2 } else { 1 };
            continue;
        }
        if arg == "check" && i > 1 {
            let check = args.remove(i);
            args.insert(1, check);
        }
        break;
    }
    args
}

pub(super) fn write_out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`mcplint | head`) is not an error worth a panic.
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}
