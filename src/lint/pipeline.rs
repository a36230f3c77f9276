//! The rules' part of a lint: decode → parse → model → rules → findings.
//! Nothing here fails the run: a file that cannot be decoded or parsed gets
//! a `parse-error` finding, and is still scanned for credentials.

use crate::clients::{Format, Language};
use crate::finding::{Category, Finding};
use crate::knowledge::analysis;
use crate::knowledge::launch::Launches;
use crate::knowledge::policy::Team;
use crate::model::{McpFile, ProjectServer};
use crate::rules::{self, Context, Rule};
use crate::syntax::parse::json::{self, Flavor};
use crate::syntax::parse::{toml, yaml};
use crate::syntax::parse::{Node, ParseFailure};
use crate::syntax::source::{SourceFile, Span};

/// What the rules are given besides the text.
pub struct Given<'a> {
    pub format: &'static Format,
    pub team: Team<'a>,
    pub rules: &'a [&'a dyn Rule],
    pub project: &'a [ProjectServer],
}

/// What the rules found.
pub struct Found {
    pub source: SourceFile,
    pub findings: Vec<Finding>,
    /// Spans of every credential found: masked in anything shown.
    pub masks: Vec<Span>,
    pub unparsable: bool,
}

/// Decode `bytes` and run the rules; undecodable text is a `parse-error`
/// finding at the first bad byte.
pub fn run(bytes: Vec<u8>, mut source: SourceFile, given: &Given) -> Found {
    match encoding_failure(&bytes) {
        None => {
            source.text = String::from_utf8(bytes).unwrap_or_default();
            over_text(source, given)
        }
        Some(failure) => {
            // Show the text up to the bad byte: enough for the snippet, and no
            // replacement characters that would shift offsets before it.
            let valid = failure.span.start as usize;
            source.text = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let span = Span::new(valid, valid);
            let masks = analysis::raw_masks(&source.text, given.team.credentials);
            Found {
                source,
                findings: vec![rules::parse_failure(&ParseFailure { span, ..failure })],
                masks,
                unparsable: true,
            }
        }
    }
}

/// Why `bytes` are not UTF-8 text a client reads, if they are not.
fn encoding_failure(bytes: &[u8]) -> Option<ParseFailure> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Some(ParseFailure {
            message: "the file is UTF-16 encoded; MCP clients read UTF-8".into(),
            span: Span::new(0, 2),
        });
    }
    // The first bad byte wins: the text shown before it must be valid
    // UTF-8, or its offsets would not be the file's.
    let utf8 = std::str::from_utf8(bytes).err();
    let nul = memchr::memchr(0, bytes);
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
}

/// The rules over decoded text.
///
/// A file that fails its client's flavour of JSON gets a `parse-error`, and
/// is then read leniently (comments, trailing or missing commas, single
/// quotes) and checked all the same: a broken file with a token in it still
/// leaks the token, and its snippet must still be masked. When even that
/// fails, a raw scan masks every credential-looking string.
fn over_text(source: SourceFile, given: &Given) -> Found {
    let bom = source.bom_len();
    let text = &source.text[bom..];
    let credentials = given.team.credentials;
    let (mut findings, masks, unparsable) = match parse(text, bom, given.format.language) {
        Ok(root) => {
            let (findings, masks) = check(&source, &root, given);
            (findings, masks, false)
        }
        Err(failure) => {
            let lenient = match given.format.language {
                Language::Json | Language::Jsonc => json::parse(text, bom, Flavor::Lenient),
                Language::Toml | Language::Yaml => Err(failure.clone()),
            };
            let (mut findings, masks) = match lenient {
                Ok(root) => check(&source, &root, given),
                Err(_) => (
                    rules::secrets_in_unparsed_text(&source.text, credentials),
                    analysis::raw_masks(&source.text, credentials),
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
    Found {
        source,
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
                crate::knowledge::detect::mask::preview(secret, None),
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
fn check(source: &SourceFile, root: &Node, given: &Given) -> (Vec<Finding>, Vec<Span>) {
    let file = McpFile::build(source, given.format, root);
    let analysis = analysis::analyze(&file, given.team.credentials);
    let launches = Launches::new(&file);
    let mut cx = Context::new(&file, &analysis, &launches)
        .with_policies(given.team.policies)
        .with_project(given.project);
    for rule in given.rules {
        rule.check(&mut cx);
    }
    let mut findings = cx.into_findings();
    disabled_servers(&file, &mut findings);
    let secrets = analysis.withheld(&file);
    for f in &mut findings {
        f.withhold(&secrets);
    }
    (findings, analysis.mask_spans())
}

/// A server its client will not start can widen nothing: its breadth,
/// approval and placeholder findings go. What stays (a literal secret is
/// still in the file, a schema error still breaks it) says the server is
/// disabled.
fn disabled_servers(file: &McpFile, findings: &mut Vec<Finding>) {
    let disabled: Vec<(&str, &str)> = file
        .servers
        .iter()
        .filter_map(|s| file.disabled_by(s).map(|key| (s.name, key.means)))
        .collect();
    if disabled.is_empty() {
        return;
    }
    findings.retain_mut(|f| {
        let Some((name, means)) = disabled
            .iter()
            .find(|(name, _)| f.server.as_deref() == Some(*name))
        else {
            return true;
        };
        let widens = matches!(f.rule.category, Category::Scope | Category::Permissions)
            || f.rule.id == rules::PLACEHOLDER_VALUE.id;
        if !widens {
            f.message = format!("{} (`{name}` is disabled: {means})", f.message);
        }
        !widens
    });
}

/// The model and shared secret scan of a config's text, handed to `look`:
/// what `mcplint doctor` reads, through the same decoding, parsing and
/// model as a lint. `Err` says why the text cannot be read.
pub fn inspect<R>(
    bytes: Vec<u8>,
    mut source: SourceFile,
    format: &'static Format,
    look: impl FnOnce(&McpFile, &analysis::Analysis) -> R,
) -> Result<R, String> {
    if let Some(failure) = encoding_failure(&bytes) {
        return Err(failure.message);
    }
    source.text = String::from_utf8(bytes).unwrap_or_default();
    let bom = source.bom_len();
    let root = parse(&source.text[bom..], bom, format.language).map_err(|f| f.message)?;
    let file = McpFile::build(&source, format, &root);
    let analysis = analysis::analyze(&file, None);
    Ok(look(&file, &analysis))
}
