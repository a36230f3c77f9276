//! The command line's arguments, as clap reads them.

use std::path::PathBuf;

use clap::builder::TypedValueParser;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::clients;
use crate::finding::{Persona, Severity};

#[derive(Parser)]
#[command(
    name = "mcplint",
    version,
    about = "Lint MCP client configs: literal secrets, over-broad scopes, references the client will not expand",
    args_conflicts_with_subcommands = true
)]
pub(super) struct Cli {
    #[command(subcommand)]
    pub(super) command: Option<Command>,
    #[command(flatten)]
    pub(super) check: CheckArgs,
}

#[derive(Subcommand)]
pub(super) enum Command {
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
    /// What would fail when each server starts in this environment: unset
    /// variables, references the client does not expand, missing inputs,
    /// expired tokens (names only, never values)
    Doctor(DoctorArgs),
    /// Print one rule's documentation
    Explain {
        /// A rule id, such as literal-secret
        id: String,
    },
}

/// How a report is written and what fails the run: the same for every
/// command that reports findings.
#[derive(Args)]
pub(super) struct ReportArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub(super) format: Format,
    /// Whom the report is for: regular (what a reviewer would ask to
    /// change), pedantic (adds hardening advice), auditor (adds findings of
    /// low confidence); default: the mcplint.toml's `persona`, else regular
    #[arg(long, value_parser = persona())]
    pub(super) persona: Option<Persona>,
    /// When to use colour (NO_COLOR is honoured under `auto`)
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub(super) color: Color,
    /// Lowest severity that makes the exit status 1
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub(super) fail_on: FailOn,
    /// Exit 0 whatever is found (2 still means a file could not be checked)
    #[arg(long)]
    pub(super) exit_zero: bool,
    /// Print the diagnostics only: no summary line, no notes on stderr
    #[arg(long, short = 'q')]
    pub(super) quiet: bool,
    /// Show a snippet for every finding (by default, from three findings of
    /// one rule in one file, the first is shown in full and the rest one
    /// line each)
    #[arg(long)]
    pub(super) no_group: bool,
    /// Print how many findings each rule has instead of the findings
    /// (human or json format)
    #[arg(long)]
    pub(super) statistics: bool,
    /// Write the report to FILE instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(super) output: Option<PathBuf>,
}

#[derive(Args)]
pub(super) struct DoctorArgs {
    /// Files or directories whose configs to check (default: .)
    pub(super) paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = DoctorFormat::Human)]
    pub(super) format: DoctorFormat,
    /// Check every client's per-user config files too (alone, without
    /// paths: only those)
    #[arg(long)]
    pub(super) user: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub(super) enum DoctorFormat {
    Human,
    Json,
}

#[derive(Args)]
pub(super) struct CheckArgs {
    /// Files or directories to lint; `-` reads standard input (default: .)
    pub(super) paths: Vec<PathBuf>,
    #[command(flatten)]
    pub(super) report: ReportArgs,
    /// The file name standard input stands for (chooses the client format)
    #[arg(long, value_name = "PATH")]
    pub(super) stdin_filename: Option<PathBuf>,
    /// Refuse files larger than this many bytes (suffixes K, M, G allowed)
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "64M")]
    pub(super) max_file_size: u64,
    /// Read the given files as this client's format, whatever their names
    /// (a client id such as `cursor`, or a format id; see `mcplint formats`)
    #[arg(long, value_name = "NAME", value_parser = parse_client)]
    pub(super) client: Option<&'static clients::Format>,
    /// Lint every client's per-user config files (~/.claude.json,
    /// ~/.cursor/mcp.json, Claude Desktop's, ~/.codex/config.toml, …):
    /// alone, only those; with paths (`--user .`), those too
    #[arg(long)]
    pub(super) user: bool,
    /// Use this config file instead of the nearest mcplint.toml
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    pub(super) config: Option<PathBuf>,
    /// Ignore any mcplint.toml
    #[arg(long)]
    pub(super) no_config: bool,
    /// Refuse inline `mcplint-ignore[rule]: reason` comments (for CI)
    #[arg(long)]
    pub(super) no_inline_ignores: bool,
    /// Apply safe fixes: move literal secrets to the env file and write the
    /// client's own reference instead; correct reference spellings
    #[arg(long)]
    pub(super) fix: bool,
    /// With --fix or --diff, also apply fixes that change what a server may do
    #[arg(long)]
    pub(super) unsafe_fixes: bool,
    /// Print a unified diff of what --fix would change (secrets masked); write nothing
    #[arg(long, conflicts_with = "fix")]
    pub(super) diff: bool,
    /// With --fix, exit 1 when a file was changed (for pre-commit)
    #[arg(long)]
    pub(super) exit_non_zero_on_fix: bool,
    /// The env file extracted secrets go to (default: .env at the repository root)
    #[arg(long, value_name = "PATH")]
    pub(super) env_file: Option<PathBuf>,
    /// Report only findings that the baseline FILE does not record
    #[arg(long, value_name = "FILE")]
    pub(super) baseline: Option<PathBuf>,
    /// Lint only files changed since the git revision REV (committed, staged,
    /// unstaged or untracked), under the given paths
    #[arg(long, value_name = "REV", conflicts_with = "staged")]
    pub(super) changed_since: Option<String>,
    /// Lint the staged content (git's index) of the configs staged under
    /// the given paths, not the working tree (for plain git hooks)
    #[arg(long)]
    pub(super) staged: bool,
}

#[derive(Args)]
pub(super) struct HistoryArgs {
    /// The commits to scan: a revision and its ancestors, `A..B` or `A...B`
    /// (default: HEAD)
    #[arg(value_name = "REV-RANGE", conflicts_with = "all")]
    pub(super) range: Option<String>,
    /// Scan the commits of every ref (branches, tags, remotes), as `git log --all`
    #[arg(long)]
    pub(super) all: bool,
    #[command(flatten)]
    pub(super) report: ReportArgs,
    /// Skip config versions larger than this many bytes, as an error
    /// (suffixes K, M, G allowed)
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "64M")]
    pub(super) max_file_size: u64,
    /// Use this config file instead of the nearest mcplint.toml of each path
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    pub(super) config: Option<PathBuf>,
    /// Ignore any mcplint.toml
    #[arg(long)]
    pub(super) no_config: bool,
}

pub(super) fn parse_client(name: &str) -> Result<&'static clients::Format, String> {
    clients::by_name(name).ok_or_else(|| {
        let ids: Vec<&str> = clients::formats().iter().map(|f| f.id).collect();
        format!("unknown client `{name}`; known: {}", ids.join(", "))
    })
}

#[derive(Args)]
pub(super) struct RulesArgs {
    #[command(subcommand)]
    pub(super) action: Option<RulesAction>,
    /// Print as JSON
    #[arg(long, global = true)]
    pub(super) json: bool,
}

#[derive(Subcommand)]
pub(super) enum BaselineAction {
    /// Write every current finding under `.` to FILE (default mcplint-baseline.json)
    Write { file: Option<PathBuf> },
    /// Drop the entries of FILE whose findings are gone
    Prune { file: Option<PathBuf> },
}

#[derive(Subcommand)]
pub(super) enum RulesAction {
    /// Run every credential format against its own positive and negative examples
    Check,
    /// List every credential format: provider, kind, whether it is found under
    /// any name or only under a matching name, and where to rotate it
    Formats,
}

#[derive(Clone, Copy, ValueEnum)]
pub(super) enum Format {
    Human,
    Json,
    Sarif,
    Github,
    Gitlab,
}

/// `--persona`: one of the personas' names.
fn persona() -> impl TypedValueParser<Value = Persona> {
    clap::builder::PossibleValuesParser::new(Persona::ALL.map(Persona::as_str))
        .map(|name| Persona::from_name(&name).expect("a persona's own name"))
}

#[derive(Clone, Copy, ValueEnum)]
pub(super) enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
pub(super) enum FailOn {
    Error,
    Warning,
    Note,
    Never,
}

impl FailOn {
    pub(super) fn level(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Note => Some(Severity::Note),
            FailOn::Never => None,
        }
    }
}

pub(super) fn parse_size(text: &str) -> Result<u64, String> {
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
