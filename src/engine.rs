//! One file through the pipeline: read → parse → model → rules → findings.
//! Nothing here fails the run: a file that cannot be read or parsed becomes
//! an error or a `parse-error` finding, and the other files go on.

use std::io::Read;
use std::path::Path;

use crate::analysis;
use crate::config::Team;
use crate::finding::Finding;
use crate::formats::{Format, Language};
use crate::model::McpFile;
use crate::parse::json::{self, Flavor};
use crate::parse::{toml, yaml};
use crate::parse::{Node, ParseFailure};
use crate::rules::{self, Context, Rule};
use crate::source::{SourceFile, Span};

/// Files larger than this are refused unless `--max-file-size` says more:
/// a 50 MB `~/.claude.json` is normal, a 1 GB "config" is not.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// The findings of one config file, with what is needed to show them.
pub struct FileReport {
    pub source: SourceFile,
    pub format: &'static Format,
    pub findings: Vec<Finding>,
    /// Spans of every credential found: masked in anything shown.
    pub masks: Vec<Span>,
    /// The file could not be parsed (its findings hold why).
    pub unparsable: bool,
}

/// A file that could not be read at all, or a path that could not be searched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    pub file: String,
    pub message: String,
    /// The path is an MCP config (it counts among the files scanned); a
    /// missing path or an unsearchable directory does not.
    pub is_config: bool,
}

pub enum Outcome {
    Linted(FileReport),
    Failed(FileError),
}

/// Lint text already in memory (`-` on the command line, tests, benches).
///
/// A file that fails its client's flavour of JSON gets a `parse-error`, and
/// is then read leniently (comments, trailing or missing commas, single
/// quotes) and checked all the same: a broken file with a token in it still
/// leaks the token, and its snippet must still be masked. When even that
/// fails, a raw scan masks every credential-looking string.
pub fn lint_source(source: SourceFile, format: &'static Format) -> FileReport {
    lint_source_with(source, format, Team::default())
}

/// [`lint_source`] under the team's policy from the config file.
pub fn lint_source_with(source: SourceFile, format: &'static Format, team: Team) -> FileReport {
    lint_source_by(source, format, team, rules::RULES)
}

/// [`lint_source_with`], running only `rules`.
fn lint_source_by(
    source: SourceFile,
    format: &'static Format,
    team: Team,
    rules: &[&dyn Rule],
) -> FileReport {
    let bom = source.bom_len();
    let text = &source.text[bom..];
    let (mut findings, masks, unparsable) = match parse(text, bom, format.language) {
        Ok(root) => {
            let (findings, masks) = check(&source, format, &root, team, rules);
            (findings, masks, false)
        }
        Err(failure) => {
            let lenient = match format.language {
                Language::Json | Language::Jsonc => json::parse(text, bom, Flavor::Lenient),
                Language::Toml | Language::Yaml => Err(failure.clone()),
            };
            let (mut findings, masks) = match lenient {
                Ok(root) => check(&source, format, &root, team, rules),
                Err(_) => (
                    rules::secrets_in_unparsed_text(&source.text, team.credentials),
                    analysis::raw_masks(&source.text, team.credentials),
                ),
            };
            // Nothing in a file that does not parse can be fixed (the fixer
            // re-parses what it writes): no finding offers a fix until it does.
            for f in &mut findings {
                f.fix = None;
            }
            let mut parse_error = rules::parse_failure(&failure);
            parse_error.withhold(&masked_texts(&source.text, &masks));
            findings.push(parse_error);
            (findings, masks, true)
        }
    };
    findings.sort_by(|a, b| {
        a.primary
            .span
            .start
            .cmp(&b.primary.span.start)
            .then(a.rule.id.cmp(b.rule.id))
    });
    FileReport {
        source,
        format,
        findings,
        masks,
        unparsable,
    }
}

/// The source text of each masked span with its preview: what a parse
/// error's message must not quote.
fn masked_texts(text: &str, masks: &[Span]) -> Vec<(String, String)> {
    masks
        .iter()
        .filter_map(|m| text.get(m.range()))
        .map(|secret| {
            (
                secret.to_string(),
                crate::detect::mask::preview(secret, None),
            )
        })
        .collect()
}

/// Parse `text` (the file after any BOM, which is `offset` bytes long) in
/// its format's language.
fn parse(text: &str, offset: usize, language: Language) -> Result<Node<'_>, ParseFailure> {
    match language {
        Language::Json => json::parse(text, offset, Flavor::Strict),
        Language::Jsonc => json::parse(text, offset, Flavor::Jsonc),
        Language::Toml => toml::parse(text, offset),
        Language::Yaml => yaml::parse(text, offset),
    }
}

/// Model, shared analysis and the rules over one parsed tree.
fn check(
    source: &SourceFile,
    format: &'static Format,
    root: &Node,
    team: Team,
    rules: &[&dyn Rule],
) -> (Vec<Finding>, Vec<Span>) {
    let file = McpFile::build(source, format, root);
    let analysis = analysis::analyze(&file, team.credentials);
    let mut cx = Context::new(&file, &analysis).with_policies(team.policies);
    for rule in rules {
        rule.check(&mut cx);
    }
    let mut findings = cx.into_findings();
    let secrets = analysis.withheld(&file);
    for f in &mut findings {
        f.withhold(&secrets);
    }
    (findings, analysis.mask_spans())
}

/// Read and lint one file.
pub fn lint_path(path: &Path, display: String, format: &'static Format, max_size: u64) -> Outcome {
    lint_path_with(path, display, format, max_size, Team::default())
}

/// [`lint_path`] under the team's policy from the config file.
pub fn lint_path_with(
    path: &Path,
    display: String,
    format: &'static Format,
    max_size: u64,
    team: Team,
) -> Outcome {
    let fail = |message: String| {
        Outcome::Failed(FileError {
            file: display.clone(),
            message,
            is_config: true,
        })
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return fail(io_message(&e)),
    };
    if meta.is_dir() {
        return fail("is a directory, but its name is that of an MCP config file".into());
    }
    if !meta.is_file() {
        return fail("is not a regular file (a FIFO, socket or device); not read".into());
    }
    if meta.len() > max_size {
        return fail(format!(
            "is {}, larger than the {} limit; raise it with --max-file-size",
            human_size(meta.len()),
            human_size(max_size)
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    let read = std::fs::File::open(path).and_then(|f| f.take(max_size + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        return fail(io_message(&e));
    }
    if bytes.len() as u64 > max_size {
        return fail(format!(
            "grew past the {} limit while being read",
            human_size(max_size)
        ));
    }
    Outcome::Linted(lint_bytes_with(bytes, path, display, format, team))
}

/// Decode and lint; undecodable text is a `parse-error` finding at the
/// first bad byte.
pub fn lint_bytes(
    bytes: Vec<u8>,
    path: &Path,
    display: String,
    format: &'static Format,
) -> FileReport {
    lint_bytes_with(bytes, path, display, format, Team::default())
}

pub fn lint_bytes_with(
    bytes: Vec<u8>,
    path: &Path,
    display: String,
    format: &'static Format,
    team: Team,
) -> FileReport {
    lint_bytes_by(bytes, path, display, format, team, rules::RULES)
}

/// [`lint_bytes_with`] running only `rules`: `mcplint history` looks for
/// committed credentials in thousands of versions and needs no other rule.
pub fn lint_bytes_by(
    bytes: Vec<u8>,
    path: &Path,
    display: String,
    format: &'static Format,
    team: Team,
    rules: &[&dyn Rule],
) -> FileReport {
    let encoding_failure = if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        Some(ParseFailure {
            message: "the file is UTF-16 encoded; MCP clients read UTF-8".into(),
            span: Span::new(0, 2),
        })
    } else {
        // The first bad byte wins: the text shown before it must be valid
        // UTF-8, or its offsets would not be the file's.
        let utf8 = std::str::from_utf8(&bytes).err();
        let nul = memchr::memchr(0, &bytes);
        match (utf8, nul) {
            (_, Some(at)) if utf8.is_none_or(|e| at < e.valid_up_to()) => Some(ParseFailure {
                message: format!(
                    "NUL byte at offset {at}: the file looks UTF-16/UTF-32 encoded or binary; MCP clients read UTF-8 JSON"
                ),
                span: Span::new(at, at + 1),
            }),
            (Some(e), _) => {
                let at = e.valid_up_to();
                Some(ParseFailure {
                    message: format!("invalid UTF-8 at byte {at}; MCP clients read UTF-8"),
                    span: Span::new(at, at + e.error_len().unwrap_or(1).min(bytes.len() - at)),
                })
            }
            (None, _) => None,
        }
    };
    match encoding_failure {
        None => {
            let text = String::from_utf8(bytes).unwrap_or_default();
            lint_source_by(
                SourceFile {
                    path: path.to_path_buf(),
                    display,
                    text,
                },
                format,
                team,
                rules,
            )
        }
        Some(failure) => {
            // Show the text up to the bad byte: enough for the snippet, and no
            // replacement characters that would shift offsets before it.
            let valid = failure.span.start as usize;
            let text = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let span = Span::new(valid, valid);
            let masks = analysis::raw_masks(&text, team.credentials);
            FileReport {
                source: SourceFile {
                    path: path.to_path_buf(),
                    display,
                    text,
                },
                format,
                findings: vec![rules::parse_failure(&ParseFailure { span, ..failure })],
                masks,
                unparsable: true,
            }
        }
    }
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => {
            "permission denied; the file could not be read".into()
        }
        _ if e.raw_os_error() == Some(40) => {
            "too many levels of symbolic links (a symlink loop)".into()
        }
        _ => format!("could not be read: {e}"),
    }
}

pub fn human_size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB {
        format!("{:.1} MiB", bytes as f64 / MIB as f64)
    } else if bytes >= 1024 {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    } else {
        format!("{bytes} bytes")
    }
}
