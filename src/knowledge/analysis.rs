//! The secret scan of one file, done once and shared by the rules that
//! report on it (literal secrets, placeholders) and by the masking of every
//! snippet shown.

use std::ops::Range;

use crate::clients::Field;
use crate::knowledge::carriers::{self, Carried, How};
use crate::knowledge::detect::{mask, names, placeholder, Detector, Detectors, HitState};
use crate::model::McpFile;
use crate::syntax::reference::{self, Reference, Syntax};
use crate::syntax::source::Span;

/// What recognised the value.
#[derive(Clone, Copy, Debug)]
pub enum Recognised {
    /// A known credential format from `rules/credentials/`.
    Format(&'static Detector),
    /// A literal under a secret-like name (`*_TOKEN`, `Authorization`, …).
    Name,
}

/// A value masked in every output though no finding reports it.
#[derive(Clone, Debug)]
pub struct Masked {
    pub site: usize,
    pub range: Range<usize>,
    pub span: Span,
}

/// A credential-like value in the file.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// Index into `McpFile::sites`.
    pub site: usize,
    /// Byte range in the site's decoded text.
    pub range: Range<usize>,
    pub span: Span,
    /// The name it sits under, when it has one.
    pub name: Option<String>,
    pub how: Option<How>,
    pub recognised: Recognised,
    pub state: HitState,
    /// Masked preview, safe to print.
    pub preview: String,
}

pub struct Analysis {
    pub candidates: Vec<Candidate>,
    /// Literals in a credential position that no rule reports (too short,
    /// public by design, a failed checksum under a neutral name, the key
    /// SID of a Twilio pair): masked all the same, whatever the verdict.
    pub masked_only: Vec<Masked>,
    /// References found in each site, by site index.
    pub references: Vec<Vec<Reference>>,
}

impl Analysis {
    /// Spans to mask in anything shown to a user: every value that is, or
    /// may be, a real credential.
    /// Each credential's decoded text with its masked preview, for
    /// withholding from messages (`Finding::withhold` in the findings).
    pub fn withheld(&self, file: &McpFile) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for c in &self.candidates {
            if c.state == HitState::Placeholder {
                continue;
            }
            let Some(secret) = file
                .sites
                .get(c.site)
                .and_then(|s| s.text().get(c.range.clone()))
            else {
                continue;
            };
            if !out.iter().any(|(s, _)| s == secret) {
                out.push((secret.to_string(), c.preview.clone()));
            }
        }
        for m in &self.masked_only {
            let Some(secret) = file
                .sites
                .get(m.site)
                .and_then(|s| s.text().get(m.range.clone()))
            else {
                continue;
            };
            if !out.iter().any(|(s, _)| s == secret) {
                out.push((secret.to_string(), mask::preview(secret, None)));
            }
        }
        out
    }

    pub fn mask_spans(&self) -> Vec<Span> {
        self.candidates
            .iter()
            .filter(|c| c.state != HitState::Placeholder)
            .map(|c| c.span)
            .chain(self.masked_only.iter().map(|m| m.span))
            .collect()
    }
}

/// Values that point at a secret store rather than holding a secret.
fn is_store_reference(value: &str) -> bool {
    const STORES: &[&str] = &[
        "op://",
        "vault:",
        "secret://",
        "sm://",
        "keychain:",
        "arn:aws:secretsmanager:",
        "projects/",
    ];
    STORES.iter().any(|s| value.starts_with(s))
}

/// Could `value`, under a secret-like `name`, be a real credential?
fn plausible_secret(name: &str, value: &str) -> bool {
    let value = value.trim();
    if names::is_password_name(name) {
        return value.chars().count() >= 4 && !value.contains(char::is_whitespace);
    }
    let long_enough = value.chars().count() >= 8;
    let no_spaces = !value.contains(char::is_whitespace);
    let has_letter = value.chars().any(|c| c.is_ascii_alphabetic());
    let has_digit_or_mark = value
        .chars()
        .any(|c| c.is_ascii_digit() || matches!(c, '-' | '_' | '+' | '/' | '=' | '.'));
    let not_path = !(value.starts_with('/')
        || value.starts_with("~/")
        || value.starts_with("./")
        || value.contains(":\\"));
    let not_url = !value.contains("://");
    let not_number = value.parse::<f64>().is_err();
    long_enough
        && no_spaces
        && has_letter
        && has_digit_or_mark
        && not_path
        && not_url
        && not_number
        && crate::knowledge::detect::entropy::shannon(value) >= 2.5
}

/// In a value that holds references, a word outside them that is long and
/// random enough to be a credential under a secret `name` (the references
/// show the rest was meant to be templated, so the bar is higher than for a
/// plain value: 16 characters and more entropy).
fn literal_beside_references(name: &str, value: &str, refs: &[Reference]) -> Option<Range<usize>> {
    if !names::is_secret_name(name) {
        return None;
    }
    let mut start = 0;
    let mut gaps = Vec::with_capacity(refs.len() + 1);
    for r in refs {
        gaps.push(start..r.range.start.max(start));
        start = start.max(r.range.end);
    }
    gaps.push(start..value.len());
    gaps.into_iter().find_map(|gap| {
        let piece = &value[gap.clone()];
        piece.split_whitespace().find_map(|word| {
            // `${USER}:password@host:port`: neither the separators nor the
            // host are the secret.
            let word = word.split('@').next().unwrap_or(word);
            let word = word.trim_start_matches([':', '=']);
            // The word's offset in `piece` (a subslice of it).
            let from = gap.start + (word.as_ptr() as usize - piece.as_ptr() as usize);
            (word.chars().count() >= 16
                && crate::knowledge::detect::entropy::shannon(word) >= 3.0
                && plausible_secret(name, word)
                && !placeholder::is_placeholder_or_name(word))
            .then(|| from..from + word.len())
        })
    })
}

/// Fields whose values a client sends to (or starts) the server.
pub fn sent_to_server(field: Field) -> bool {
    matches!(
        field,
        Field::Command | Field::Args | Field::Env | Field::Url | Field::Headers
    )
}

/// The shared secret scan of one file; `extra` holds the team's own
/// credential formats from the config file.
pub fn analyze(file: &McpFile, extra: Option<&'static Detectors>) -> Analysis {
    let detectors = Detectors::builtin();
    let source = file.source.text.as_str();
    let mut candidates = Vec::new();
    let mut masked_only = Vec::new();
    let mut references = Vec::with_capacity(file.sites.len());
    for (si, site) in file.sites.iter().enumerate() {
        let text = site.text();
        let refs = reference::scan(text);
        // Text inside a reference is not literal; a `${VAR:-default}` default is.
        let hidden: Vec<Range<usize>> = refs
            .iter()
            .filter(|r| r.syntax != Syntax::BracedDefault)
            .map(|r| r.range.clone())
            .collect();
        let hidden_by_ref =
            |r: &Range<usize>| hidden.iter().any(|h| h.start < r.end && r.start < h.end);
        let mut carried = carriers::carried(site, file.server_of(site));
        for r in refs.iter().filter(|r| r.syntax == Syntax::BracedDefault) {
            if let Some(default) = &r.default {
                carried.push(Carried {
                    name: Some(r.name.clone()),
                    range: default.clone(),
                    decoded: None,
                    how: site_how(site.field),
                });
            }
        }
        let mut found: Vec<Candidate> = Vec::new();
        let push = |found: &mut Vec<Candidate>, c: Candidate| {
            if !found
                .iter()
                .any(|f| f.range.start < c.range.end && c.range.start < f.range.end)
            {
                found.push(c);
            }
        };
        let enclosing = |range: &Range<usize>| {
            carried
                .iter()
                .filter(|c| {
                    c.decoded.is_none() && c.range.start <= range.start && range.end <= c.range.end
                })
                .min_by_key(|c| c.range.len())
        };
        // Known formats, anywhere in the string; and in each default of a
        // reference on its own, so that the `:-` and `}` around it do not
        // stand where a pattern wants a boundary.
        let mut hits = detectors.scan_with(extra, text, None);
        for default in refs.iter().filter_map(|r| r.default.clone()) {
            for mut hit in detectors.scan_with(extra, &text[default.clone()], None) {
                hit.range = hit.range.start + default.start..hit.range.end + default.start;
                if !hits
                    .iter()
                    .any(|h| h.range.start < hit.range.end && hit.range.start < h.range.end)
                {
                    hits.push(hit);
                }
            }
        }
        for hit in hits {
            if hidden_by_ref(&hit.range) {
                continue;
            }
            let carrier = enclosing(&hit.range);
            let name = carrier
                .and_then(|c| c.name.clone())
                .or(site.name.map(str::to_string));
            if hit.state == HitState::BadChecksum
                && !name.as_deref().is_some_and(names::is_secret_name)
            {
                // Not reported (a typo or a made-up example), but shaped
                // like a credential: masked all the same.
                masked_only.push(Masked {
                    site: si,
                    span: site.span_of(source, hit.range.clone()),
                    range: hit.range,
                });
                continue;
            }
            let secret = &text[hit.range.clone()];
            push(
                &mut found,
                Candidate {
                    site: si,
                    span: site.span_of(source, hit.range.clone()),
                    preview: mask::preview(secret, hit.detector.spec.prefix.as_deref()),
                    range: hit.range,
                    name,
                    how: carrier.map(|c| c.how),
                    recognised: Recognised::Format(hit.detector),
                    state: hit.state,
                },
            );
        }
        // Named places: formats that need a name, then the name alone.
        for c in &carried {
            if found
                .iter()
                .any(|f| f.range.start < c.range.end && c.range.start < f.range.end)
            {
                continue;
            }
            let value = c.value(text);
            let Some(name) = c.name.as_deref() else {
                continue;
            };
            if value.trim().is_empty()
                || is_store_reference(value.trim())
                || detectors.is_public(value)
            {
                continue;
            }
            let value_refs = match c.decoded {
                None => reference::scan(value),
                Some(_) => Vec::new(),
            };
            if !value_refs.is_empty() {
                // A template: only a long random word beside its references
                // (`${SCHEME:-Bearer} 9fKq…`) is a literal secret.
                let word = literal_beside_references(name, value, &value_refs)
                    .map(|w| c.range.start + w.start..c.range.start + w.end)
                    .filter(|range| !hidden_by_ref(range));
                if let Some(range) = word {
                    push(
                        &mut found,
                        Candidate {
                            site: si,
                            span: site.span_of(source, range.clone()),
                            preview: mask::preview(&text[range.clone()], None),
                            range,
                            name: Some(name.to_string()),
                            how: Some(c.how),
                            recognised: Recognised::Name,
                            state: HitState::Secret,
                        },
                    );
                }
                continue;
            }
            if hidden_by_ref(&c.range) {
                continue;
            }
            let named_hit = detectors
                .scan_with(extra, value, Some(name))
                .into_iter()
                .find(|h| h.detector.spec.names.is_some());
            let (recognised, state, prefix) = match &named_hit {
                Some(h) => (
                    Recognised::Format(h.detector),
                    h.state,
                    h.detector.spec.prefix.as_deref(),
                ),
                None if !names::is_secret_name(name) => continue,
                None if placeholder::is_placeholder_or_name(value) => {
                    (Recognised::Name, HitState::Placeholder, None)
                }
                None if plausible_secret(name, value) => (Recognised::Name, HitState::Secret, None),
                None => continue,
            };
            if state == HitState::BadChecksum && !names::is_secret_name(name) {
                continue;
            }
            push(
                &mut found,
                Candidate {
                    site: si,
                    range: c.range.clone(),
                    span: site.span_of(source, c.range.clone()),
                    name: Some(name.to_string()),
                    how: Some(c.how),
                    recognised,
                    state,
                    preview: mask::preview(value, prefix),
                },
            );
        }
        found.sort_by_key(|c| c.range.start);
        // Whatever the verdict, a literal in a credential position is
        // masked, and so is a Twilio key SID (the public half of its pair).
        let overlaps_found = |r: &Range<usize>| {
            found
                .iter()
                .any(|f| f.range.start < r.end && r.start < f.range.end)
        };
        for c in &carried {
            let value = &text[c.range.clone()];
            if overlaps_found(&c.range)
                || hidden_by_ref(&c.range)
                || !credential_position(c)
                || !maskable(value)
            {
                continue;
            }
            masked_only.push(Masked {
                site: si,
                span: site.span_of(source, c.range.clone()),
                range: c.range.clone(),
            });
        }
        for m in twilio_key_sids(text) {
            if !overlaps_found(&m) && !masked_only.iter().any(|x| x.site == si && x.range == m) {
                masked_only.push(Masked {
                    site: si,
                    span: site.span_of(source, m.clone()),
                    range: m,
                });
            }
        }
        candidates.extend(found);
        references.push(refs);
    }
    Analysis {
        candidates,
        masked_only,
        references,
    }
}

/// A place whose literal is a credential whatever it looks like: a
/// secret-like name, an `Authorization` value, Basic auth, a URL password.
fn credential_position(c: &Carried) -> bool {
    matches!(c.how, How::BasicAuth | How::UrlPassword)
        || c.name.as_deref().is_some_and(|n| {
            names::is_secret_name(n)
                || n.eq_ignore_ascii_case("authorization")
                || n.eq_ignore_ascii_case("proxy-authorization")
        })
}

/// Worth masking: not empty, not a reference, a store pointer, a path, a
/// URL or an obvious placeholder.
fn maskable(value: &str) -> bool {
    let v = value.trim();
    !v.is_empty()
        && reference::scan(v).is_empty()
        && !is_store_reference(v)
        && !v.starts_with('/')
        && !v.starts_with("~/")
        && !v.starts_with("./")
        && !v.contains("://")
        && !placeholder::is_placeholder_or_name(v)
}

/// Twilio API key SIDs (`SK` and 32 hex digits): the identifier half of a
/// key pair, which scanners treat as part of the credential.
fn twilio_key_sids(text: &str) -> Vec<Range<usize>> {
    static SID: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let sid =
        SID.get_or_init(|| regex::Regex::new(r"\bSK[0-9a-f]{32}\b").expect("a valid pattern"));
    if !text.contains("SK") {
        return Vec::new();
    }
    sid.find_iter(text).map(|m| m.range()).collect()
}

fn site_how(field: Field) -> How {
    match field {
        Field::Headers => How::Header,
        Field::Args => How::Flag,
        Field::Url => How::UrlQuery,
        _ => How::Value,
    }
}

/// Spans to mask in text that could not be parsed at all: every known
/// credential format, and every string value under a secret-like key.
pub fn raw_masks(text: &str, extra: Option<&'static Detectors>) -> Vec<Span> {
    static PAIR: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let pair = PAIR.get_or_init(|| {
        regex::Regex::new(r#""((?:[^"\\\n]|\\.){1,200})"\s*:\s*"((?:[^"\\\n]|\\.)*)""#)
            .expect("a valid pattern")
    });
    let mut spans: Vec<Span> = Detectors::builtin()
        .scan_with(extra, text, None)
        .into_iter()
        .filter(|h| h.state != HitState::Placeholder)
        .map(|h| Span::new(h.range.start, h.range.end))
        .collect();
    for caps in pair.captures_iter(text) {
        let (Some(name), Some(value)) = (caps.get(1), caps.get(2)) else {
            continue;
        };
        if names::is_secret_name(name.as_str()) || is_auth_value(value.as_str()) {
            spans.push(Span::new(value.start(), value.end()));
        }
    }
    // NOTE: a broken file may cut a string anywhere, so also mask every
    // token-like run; over-masking a file that cannot be parsed is cheap.
    static RUN: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let run =
        RUN.get_or_init(|| regex::Regex::new(r"[A-Za-z0-9_\-+/=.]{16,}").expect("a valid pattern"));
    for m in run.find_iter(text) {
        let token = m.as_str();
        let mixed = token.contains(|c: char| c.is_ascii_digit())
            && token.contains(|c: char| c.is_ascii_alphabetic());
        if mixed && crate::knowledge::detect::entropy::shannon(token) >= 3.0 {
            spans.push(Span::new(m.start(), m.end()));
        }
    }
    spans
}

fn is_auth_value(value: &str) -> bool {
    ["Bearer ", "Basic ", "Token "]
        .iter()
        .any(|s| value.starts_with(s))
}
