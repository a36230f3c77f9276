//! `mcplint [check] PATHS…`: the walk, named files, standard input,
//! `--staged` and `--changed-since`; then the report, or `--fix`/`--diff`.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::args::CheckArgs;
use super::fix::fix;
use crate::clients;
use crate::lint::{self, Report};
use crate::run;
use crate::syntax::source::display_path;

pub(super) fn check(args: CheckArgs) -> u8 {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let paths = if args.paths.is_empty() && args.stdin_filename.is_some() {
        // `--stdin-filename` alone means the config comes on standard input.
        vec![PathBuf::from("-")]
    } else if args.paths.is_empty() && !args.user {
        // `--user` alone lints the per-user files alone; `--user .` adds the tree.
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let (stdin, mut files): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.into_iter().partition(|p| p == Path::new("-"));
    if let Some(rev) = &args.changed_since {
        match crate::run::changed::since(rev, &cwd, &files) {
            Ok(changed) => files = changed,
            Err(message) => {
                eprintln!("mcplint: {message}");
                return 2;
            }
        }
    }
    if (args.fix || args.diff) && !stdin.is_empty() {
        eprintln!("mcplint: --fix and --diff need files; standard input cannot be rewritten");
        return 2;
    }
    if let Err(message) = args.report.check() {
        eprintln!("mcplint: {message}");
        return 2;
    }
    if stdin.is_empty() && args.stdin_filename.is_some() && !args.report.quiet {
        eprintln!("mcplint: warning: --stdin-filename has no effect without `-` among the paths");
    }
    let mut in_memory = Vec::new();
    let mut read_errors = Vec::new();
    if !stdin.is_empty() {
        match read_stdin(&args, &cwd) {
            Ok(read) => in_memory.extend(read),
            Err(error) => read_errors.push(error),
        }
    }
    if args.staged {
        if args.fix || args.diff {
            eprintln!("mcplint: --staged lints git's index, which --fix cannot rewrite; fix the files, then `git add` them");
            return 2;
        }
        // Recognised as a walk would: `--client`, a `[[client]]` glob of
        // the config that applies, or the name.
        let resolver = run::Resolver::new(&config_choice(&args), &cwd, true);
        let recognise = |path: &Path| {
            args.client
                .or_else(|| resolver.client_for(path))
                .or_else(|| clients::for_path(path))
        };
        match crate::run::changed::staged(&cwd, &files, &recognise, args.max_file_size) {
            Ok((staged, errors)) => {
                in_memory.extend(staged);
                read_errors.extend(errors);
            }
            Err(message) => {
                eprintln!("mcplint: {message}");
                return 2;
            }
        }
        files.clear();
    }
    let options = run::Options {
        max_file_size: args.max_file_size,
        forced: args.client,
        user: args.user,
        inline_ignores: !args.no_inline_ignores,
        config: config_choice(&args),
        persona: args.report.persona,
        in_memory,
    };
    let mut report = if files.is_empty() && !args.user && options.in_memory.is_empty() {
        Report::default()
    } else {
        run::check(&files, &cwd, &options)
    };
    report.scope.changed_since = args.changed_since.clone();
    report.errors.extend(read_errors);
    for held in options.in_memory.iter().filter(|h| h.format.is_none()) {
        if !report
            .files
            .iter()
            .any(|f| f.source.display == held.display)
        {
            // Like a named path that is not an MCP config: nothing to lint, so
            // an editor may pipe every file. Said on stderr, as a pipe hides it.
            eprintln!(
                "mcplint: note: no client reads a file named `{}`; nothing linted \
                 (choose one with --client, --stdin-filename or a [[client]] glob)",
                held.name.display()
            );
        }
    }
    if args.fix || args.diff {
        return fix(&args, &files, &cwd, &options, report);
    }
    if let Some(path) = &args.baseline {
        match crate::run::baseline::read(path) {
            Ok(b) => crate::run::baseline::filter(&mut report, &b, path),
            Err(e) => {
                eprintln!("mcplint: {e}");
                return 2;
            }
        }
    }
    args.report.write(&report)
}

pub(super) fn config_choice(args: &CheckArgs) -> run::ConfigChoice {
    config_choice_of(&args.config, args.no_config)
}

pub(super) fn config_choice_of(config: &Option<PathBuf>, no_config: bool) -> run::ConfigChoice {
    match (config, no_config) {
        (Some(path), _) => run::ConfigChoice::Path(path.clone()),
        (None, true) => run::ConfigChoice::Ignore,
        (None, false) => run::ConfigChoice::Discover,
    }
}

/// Standard input under the name it stands for; `None` when no client
/// reads a file of that name.
pub(super) fn read_stdin(
    args: &CheckArgs,
    cwd: &Path,
) -> Result<Option<run::InMemory>, lint::FileError> {
    let name = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| PathBuf::from(".mcp.json"));
    let display = match &args.stdin_filename {
        Some(p) => display_path(p, cwd),
        None => "-".to_string(),
    };
    // `None`: only a `[[client]]` glob of the config file can claim it.
    let format = args.client.or_else(|| clients::for_path(&name));
    let mut bytes = Vec::new();
    let read = std::io::stdin()
        .lock()
        .take(args.max_file_size + 1)
        .read_to_end(&mut bytes);
    match read {
        Err(e) => Err(lint::FileError {
            file: display,
            message: format!("standard input could not be read: {e}"),
            is_config: true,
        }),
        Ok(_) if bytes.len() as u64 > args.max_file_size => Err(lint::FileError {
            file: display,
            message: format!(
                "standard input is larger than the {} limit; raise it with --max-file-size",
                run::human_size(args.max_file_size)
            ),
            is_config: true,
        }),
        Ok(_) => Ok(Some(run::InMemory {
            name,
            display,
            format,
            bytes,
        })),
    }
}
