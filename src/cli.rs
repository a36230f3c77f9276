//! The command line: `mcplint [check] [PATHS…]`, `mcplint history`,
//! `mcplint rules`, `mcplint explain ID`.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::clients;
use crate::finding::Severity;
use crate::knowledge::detect::{Detectors, HitState};
use crate::lint;
use crate::lint::Report;
use crate::report::{human, json};
use crate::rules;
use crate::run;
use crate::syntax::source::display_path;

#[derive(Parser)]
#[command(
    name = "mcplint",
    version,
    about = "Lint MCP client configs: literal secrets, over-broad scopes, references the client will not expand",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    check: CheckArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Lint MCP configs under PATHS (the default command)
    Check(CheckArgs),
    /// List every rule, or check the credential formats' own examples
    Rules(RulesArgs),
    /// List every supported config format: client, file names, expansion syntax
    Formats,
    /// Report every credential ever committed to an MCP config in git history
    History(HistoryArgs),
    /// Record today's findings so that only new ones fail (`--baseline FILE`)
    Baseline {
        #[command(subcommand)]
        action: BaselineAction,
    },
    /// Print one rule's documentation
    Explain {
        /// A rule id, such as literal-secret
        id: String,
    },
}

/// How a report is written and what fails the run: the same for every
/// command that reports findings.
#[derive(Args)]
struct ReportArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// When to use colour (NO_COLOR is honoured under `auto`)
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Lowest severity that makes the exit status 1
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    fail_on: FailOn,
    /// Exit 0 whatever is found (2 still means a file could not be checked)
    #[arg(long)]
    exit_zero: bool,
    /// Print the diagnostics only: no summary line, no notes on stderr
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Print how many findings each rule has instead of the findings
    /// (human or json format)
    #[arg(long)]
    statistics: bool,
    /// Write the report to FILE instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Args)]
struct CheckArgs {
    /// Files or directories to lint; `-` reads standard input (default: .)
    paths: Vec<PathBuf>,
    #[command(flatten)]
    report: ReportArgs,
    /// The file name standard input stands for (chooses the client format)
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,
    /// Refuse files larger than this many bytes (suffixes K, M, G allowed)
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "64M")]
    max_file_size: u64,
    /// Read the given files as this client's format, whatever their names
    /// (a client id such as `cursor`, or a format id; see `mcplint formats`)
    #[arg(long, value_name = "NAME", value_parser = parse_client)]
    client: Option<&'static clients::Format>,
    /// Also lint every client's per-user config files (~/.claude.json,
    /// ~/.cursor/mcp.json, Claude Desktop's, ~/.codex/config.toml, …)
    #[arg(long)]
    user: bool,
    /// Use this config file instead of the nearest mcplint.toml
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Ignore any mcplint.toml
    #[arg(long)]
    no_config: bool,
    /// Refuse inline `mcplint-ignore[rule]: reason` comments (for CI)
    #[arg(long)]
    no_inline_ignores: bool,
    /// Apply safe fixes: move literal secrets to the env file and write the
    /// client's own reference instead; correct reference spellings
    #[arg(long)]
    fix: bool,
    /// With --fix or --diff, also apply fixes that change what a server may do
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print a unified diff of what --fix would change (secrets masked); write nothing
    #[arg(long, conflicts_with = "fix")]
    diff: bool,
    /// With --fix, exit 1 when a file was changed (for pre-commit)
    #[arg(long)]
    exit_non_zero_on_fix: bool,
    /// The env file extracted secrets go to (default: .env at the repository root)
    #[arg(long, value_name = "PATH")]
    env_file: Option<PathBuf>,
    /// Report only findings that the baseline FILE does not record
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Lint only files changed since the git revision REV (committed, staged,
    /// unstaged or untracked), under the given paths
    #[arg(long, value_name = "REV", conflicts_with = "staged")]
    changed_since: Option<String>,
    /// Lint the staged content (git's index) of the configs staged under
    /// the given paths, not the working tree (for plain git hooks)
    #[arg(long)]
    staged: bool,
}

#[derive(Args)]
struct HistoryArgs {
    /// The commits to scan: a revision and its ancestors, `A..B` or `A...B`
    /// (default: HEAD)
    #[arg(value_name = "REV-RANGE", conflicts_with = "all")]
    range: Option<String>,
    /// Scan the commits of every ref (branches, tags, remotes), as `git log --all`
    #[arg(long)]
    all: bool,
    #[command(flatten)]
    report: ReportArgs,
    /// Skip config versions larger than this many bytes, as an error
    /// (suffixes K, M, G allowed)
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "64M")]
    max_file_size: u64,
    /// Use this config file instead of the nearest mcplint.toml of each path
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Ignore any mcplint.toml
    #[arg(long)]
    no_config: bool,
}

fn parse_client(name: &str) -> Result<&'static clients::Format, String> {
    clients::by_name(name).ok_or_else(|| {
        let ids: Vec<&str> = clients::formats().iter().map(|f| f.id).collect();
        format!("unknown client `{name}`; known: {}", ids.join(", "))
    })
}

#[derive(Args)]
struct RulesArgs {
    #[command(subcommand)]
    action: Option<RulesAction>,
    /// Print as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum BaselineAction {
    /// Write every current finding under `.` to FILE (default mcplint-baseline.json)
    Write { file: Option<PathBuf> },
    /// Drop the entries of FILE whose findings are gone
    Prune { file: Option<PathBuf> },
}

#[derive(Subcommand)]
enum RulesAction {
    /// Run every credential format against its own positive and negative examples
    Check,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
    Sarif,
    Github,
    Gitlab,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Note,
    Never,
}

impl FailOn {
    fn level(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Note => Some(Severity::Note),
            FailOn::Never => None,
        }
    }
}

fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => text.split_at(i),
        None => (text, ""),
    };
    let n: u64 = digits.parse().map_err(|_| format!("not a size: {text}"))?;
    let factor: u64 = match unit
        .to_ascii_uppercase()
        .trim_end_matches("IB")
        .trim_end_matches('B')
    {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        _ => return Err(format!("unknown size unit in {text}")),
    };
    n.checked_mul(factor)
        .filter(|&n| n < u32::MAX as u64)
        .ok_or_else(|| format!("size too large: {text} (at most 4 GiB)"))
}

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
        None => check(cli.check),
        Some(Command::Check(args)) => check(args),
        Some(Command::Rules(args)) => list_rules(args),
        Some(Command::Explain { id }) => explain(&id),
        Some(Command::Formats) => list_formats(),
        Some(Command::History(args)) => history(args),
        Some(Command::Baseline { action }) => baseline(action),
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

fn write_out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`mcplint | head`) is not an error worth a panic.
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}

fn check(args: CheckArgs) -> u8 {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let paths = if args.paths.is_empty() && args.stdin_filename.is_some() {
        // `--stdin-filename` alone means the config comes on standard input.
        vec![PathBuf::from("-")]
    } else if args.paths.is_empty() {
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
        in_memory,
    };
    let mut report = if files.is_empty() && !args.user && options.in_memory.is_empty() {
        Report::default()
    } else {
        run::check(&files, &cwd, &options)
    };
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

fn config_choice(args: &CheckArgs) -> run::ConfigChoice {
    config_choice_of(&args.config, args.no_config)
}

fn config_choice_of(config: &Option<PathBuf>, no_config: bool) -> run::ConfigChoice {
    match (config, no_config) {
        (Some(path), _) => run::ConfigChoice::Path(path.clone()),
        (None, true) => run::ConfigChoice::Ignore,
        (None, false) => run::ConfigChoice::Discover,
    }
}

impl ReportArgs {
    /// Options that cannot go together.
    fn check(&self) -> Result<(), &'static str> {
        if self.statistics && !matches!(self.format, Format::Human | Format::Json) {
            return Err("--statistics prints a table (human) or JSON; it has no SARIF, GitHub or GitLab form");
        }
        Ok(())
    }

    /// Render and write the report; the exit status.
    fn write(&self, report: &Report) -> u8 {
        if let Err(e) = self.output(&self.render(report)) {
            eprintln!("mcplint: {e}");
            return 2;
        }
        report.exit_code(self.fail_level())
    }

    /// The severity that fails the run; none under `--exit-zero`.
    fn fail_level(&self) -> Option<Severity> {
        if self.exit_zero {
            None
        } else {
            self.fail_on.level()
        }
    }

    /// Write the report to `--output FILE` or standard output.
    fn output(&self, text: &str) -> Result<(), String> {
        match &self.output {
            None => {
                write_out(text);
                Ok(())
            }
            Some(path) => {
                let old = std::fs::read(path).ok();
                crate::syntax::write::atomically(path, text.as_bytes(), old.as_deref(), 0o644)
                    .map_err(|e| e.to_string())
            }
        }
    }

    /// The report in the chosen format (or its statistics).
    fn render(&self, report: &Report) -> String {
        if self.statistics {
            return match self.format {
                Format::Json => crate::report::statistics::render_json(report),
                _ => crate::report::statistics::render_text(report),
            };
        }
        match self.format {
            Format::Json => json::render(report),
            Format::Sarif => crate::report::sarif::render(report),
            Format::Github => crate::report::github::render(report),
            Format::Gitlab => crate::report::gitlab::render(report),
            Format::Human => human::render(
                report,
                &human::Style {
                    color: use_color(self.color),
                    width: terminal_width(),
                    quiet: self.quiet,
                },
            ),
        }
    }
}

/// `--fix` / `--diff`, then the report of what remains.
fn fix(
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
        if report.has_errors() {
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

/// Standard input under the name it stands for; `None` when no client
/// reads a file of that name.
fn read_stdin(args: &CheckArgs, cwd: &Path) -> Result<Option<run::InMemory>, lint::FileError> {
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

fn use_color(choice: Color) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&w: &usize| w >= 40)
        .unwrap_or(100)
}

fn list_rules(args: RulesArgs) -> u8 {
    if let Some(RulesAction::Check) = args.action {
        return check_credential_examples();
    }
    let all = rules::all();
    if args.json {
        let list: Vec<serde_json::Value> = all
            .iter()
            .map(|m| {
                serde_json::json!({
                    "id": m.id,
                    "category": m.category.as_str(),
                    "severity": m.severity.as_str(),
                    "summary": m.summary,
                })
            })
            .collect();
        write_out(&format!(
            "{}\n",
            serde_json::to_string_pretty(&list).unwrap_or_default()
        ));
        return 0;
    }
    let mut out = String::new();
    for m in all {
        out.push_str(&format!(
            "{:<22} {:<10} {:<8} {}\n",
            m.id,
            m.category.as_str(),
            m.severity.as_str(),
            m.summary
        ));
    }
    write_out(&out);
    0
}

/// `mcplint rules check`: every credential format against its examples.
fn check_credential_examples() -> u8 {
    let detectors = Detectors::builtin();
    let mut failures = Vec::new();
    let mut checked = 0;
    for d in &detectors.list {
        if let Err(e) = d.regex() {
            failures.push(e);
            continue;
        }
        for e in &d.spec.examples {
            checked += 1;
            if detectors.judge_example(d, e) != Some(HitState::Secret) {
                failures.push(format!("{}: missed a positive example", d.spec.id));
            }
        }
        for e in &d.spec.negative_examples {
            checked += 1;
            if detectors.judge_example(d, e) == Some(HitState::Secret) {
                failures.push(format!("{}: matched a negative example", d.spec.id));
            }
        }
    }
    let mut out = String::new();
    for f in &failures {
        out.push_str(&format!("FAIL {f}\n"));
    }
    out.push_str(&format!(
        "{} credential formats, {checked} examples: {} failed\n",
        detectors.list.len(),
        failures.len()
    ));
    write_out(&out);
    u8::from(!failures.is_empty())
}

/// `mcplint history`: credentials committed across git history.
fn history(args: HistoryArgs) -> u8 {
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
    };
    let scanned = crate::run::history::open(&cwd).and_then(|repo| {
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

/// `mcplint baseline write|prune [FILE]`, over the current directory.
fn baseline(action: BaselineAction) -> u8 {
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
                    "mcplint: dropped {} fixed entries",
                    old.entries.len() - kept.len()
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

fn list_formats() -> u8 {
    let mut out = String::new();
    for f in clients::formats() {
        let dialect = &f.client.dialect;
        let mut expands: Vec<&str> = dialect
            .expands
            .iter()
            .flat_map(|(_, syntaxes)| syntaxes.iter().map(|s| s.example()))
            .collect();
        expands.sort_unstable();
        expands.dedup();
        let expands = if expands.is_empty() {
            "nothing".to_string()
        } else {
            expands.join(" ")
        };
        out.push_str(&format!(
            "{:<22} {} — {}\n{:<22} files:   {}\n{:<22} expands: {}; unset: {}\n",
            f.id,
            f.client.name,
            f.describes,
            "",
            f.paths.join(", "),
            "",
            expands,
            dialect.unset
        ));
    }
    write_out(&out);
    0
}

fn explain(id: &str) -> u8 {
    match rules::by_id(id) {
        Some(m) => {
            write_out(&format!(
                "# {} ({}, {} by default)\n\n{}\n\n{}",
                m.id,
                m.category.as_str(),
                m.severity.as_str(),
                m.summary,
                m.docs
            ));
            0
        }
        None => {
            let ids: Vec<&str> = rules::all().iter().map(|m| m.id).collect();
            eprintln!("mcplint: no rule `{id}`; rules are: {}", ids.join(", "));
            2
        }
    }
}
