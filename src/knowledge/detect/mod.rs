//! Credential detection: the data-driven formats of `rules/credentials/`
//! plus the keyword context of names. Regexes compile lazily, only when a
//! format's keyword occurs, so a pre-commit run on three small files does
//! not pay for a hundred patterns.

pub mod data;
pub mod entropy;
pub mod mask;
pub mod names;
pub mod pattern;
pub mod placeholder;
pub mod validators;

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

pub use data::{CredentialSpec, Example, Validator};
use pattern::Pattern;
use validators::Verdict;

/// One credential format, ready to match.
#[derive(Debug)]
pub struct Detector {
    pub spec: CredentialSpec,
    regex: OnceLock<Result<Pattern, String>>,
    names: OnceLock<Option<Pattern>>,
}

/// What a match turned out to be after every check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HitState {
    Secret,
    /// Shape right, checksum wrong: a placeholder or a mistyped token.
    BadChecksum,
    Placeholder,
}

#[derive(Clone, Debug)]
pub struct Hit {
    pub detector: &'static Detector,
    /// The secret's byte range in the scanned text.
    pub range: Range<usize>,
    pub state: HitState,
}

impl Detector {
    fn new(spec: CredentialSpec) -> Self {
        Detector {
            spec,
            regex: OnceLock::new(),
            names: OnceLock::new(),
        }
    }

    pub fn regex(&self) -> Result<&Pattern, String> {
        self.regex
            .get_or_init(|| Pattern::new(&self.spec.pattern))
            .as_ref()
            .map_err(|e| format!("{}: pattern: {e}", self.spec.id))
    }

    /// Does the format need a name to apply, and does `name` fit it? A
    /// name-gated format only applies under a secret-like name (its pattern
    /// narrows that down to a provider), so most names compile nothing.
    fn name_allows(&self, name: Option<&Name>) -> bool {
        match (&self.spec.names, name) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(_), Some(name)) if !name.is_secret() => false,
            (Some(names), Some(name)) => self
                .names
                .get_or_init(|| Pattern::new(names).ok())
                .as_ref()
                .is_some_and(|p| p.is_match(name.text)),
        }
    }

    /// All matches of this format in `text` under `name`, each judged.
    fn matches(&'static self, text: &str, name: Option<&Name>, out: &mut Vec<Hit>) {
        if !self.name_allows(name) {
            return;
        }
        let Ok(re) = self.regex() else { return };
        for range in re.group_ranges(text, self.spec.group.unwrap_or(0)) {
            // Byte patterns may stop inside a multi-byte character; such a
            // match is not a token.
            let Some(secret) = text.get(range.clone()) else {
                continue;
            };
            if let Some(state) = self.judge(secret) {
                out.push(Hit {
                    detector: self,
                    range,
                    state,
                });
            }
        }
    }

    /// Placeholder, entropy floor and validator, in that order.
    fn judge(&self, secret: &str) -> Option<HitState> {
        if placeholder::is_placeholder(secret, self.spec.prefix.as_deref()) {
            return Some(HitState::Placeholder);
        }
        if let Some(floor) = self.spec.entropy {
            let body = self
                .spec
                .prefix
                .as_deref()
                .and_then(|p| secret.strip_prefix(p))
                .unwrap_or(secret);
            if entropy::shannon(body) < floor {
                return None;
            }
        }
        match self.spec.validator {
            None => Some(HitState::Secret),
            Some(v) => match validators::check(v, secret, self.spec.prefix.as_deref()) {
                Verdict::Valid => Some(HitState::Secret),
                Verdict::BadChecksum => Some(HitState::BadChecksum),
                Verdict::NotThisKind | Verdict::Public => None,
            },
        }
    }
}

/// Scans already made on this thread, by detector set, name and text: the
/// same value under the same name always scans the same way, and
/// `mcplint history` meets most values in hundreds of versions of a file.
/// Off (`None`) unless the thread asked for it: a lint of the working
/// tree sees each value about once, and would only pay for the copies.
type Memo = std::collections::HashMap<(usize, Option<String>, String), Vec<Hit>>;

thread_local! {
    static MEMO: std::cell::RefCell<Option<Memo>> = const { std::cell::RefCell::new(None) };
}

/// Remember this thread's scans from now on (for threads that lint many
/// versions of the same files).
pub fn remember_scans() {
    MEMO.with(|memo| {
        memo.borrow_mut().get_or_insert_with(Memo::new);
    });
}

/// Entries kept before the memo starts over, so a long run stays bounded.
const MEMO_LIMIT: usize = 1 << 15;

/// The longest value the memo keeps: with `MEMO_LIMIT` entries, its text
/// stays under 32 MiB per thread in the worst case, a few MiB in practice
/// (values are names, URLs and tokens).
const MEMO_VALUE_LIMIT: usize = 1024;

/// Every credential format, with the keyword prefilter over all of them.
impl std::fmt::Debug for Detectors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Detectors({} formats)", self.list.len())
    }
}

pub struct Detectors {
    pub list: Vec<Detector>,
    keywords: AhoCorasick,
    /// For each keyword pattern, the detector it belongs to.
    keyword_owner: Vec<usize>,
    /// Detectors with neither a keyword nor a name gate: they run on every value.
    unkeyed: Vec<usize>,
    /// Detectors with no keyword but a name gate: they run only on values
    /// under a secret-like name (most values have none, or a plain one).
    unkeyed_named: Vec<usize>,
}

impl Detectors {
    pub fn new(specs: Vec<CredentialSpec>) -> Result<Self, String> {
        let mut seen = std::collections::HashSet::new();
        for spec in &specs {
            if !seen.insert(spec.id.clone()) {
                return Err(format!("duplicate credential id {}", spec.id));
            }
        }
        let list: Vec<Detector> = specs.into_iter().map(Detector::new).collect();
        let mut patterns = Vec::new();
        let mut keyword_owner = Vec::new();
        let mut unkeyed = Vec::new();
        let mut unkeyed_named = Vec::new();
        for (i, d) in list.iter().enumerate() {
            if d.spec.keywords.is_empty() && d.spec.names.is_some() {
                unkeyed_named.push(i);
            } else if d.spec.keywords.is_empty() {
                unkeyed.push(i);
            }
            for k in &d.spec.keywords {
                patterns.push(k.clone());
                keyword_owner.push(i);
            }
        }
        let keywords = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .map_err(|e| e.to_string())?;
        Ok(Detectors {
            list,
            keywords,
            keyword_owner,
            unkeyed,
            unkeyed_named,
        })
    }

    /// The built-in formats, loaded once, without their examples.
    pub fn builtin() -> &'static Detectors {
        static BUILTIN: OnceLock<Detectors> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            let specs =
                data::load(data::LEAN_FILES).expect("embedded credential data is checked by tests");
            Detectors::new(specs).expect("embedded credential data is checked by tests")
        })
    }

    /// The built-in formats with their positive and negative examples
    /// (`rules check`, tests).
    pub fn builtin_with_examples() -> &'static Detectors {
        static WITH_EXAMPLES: OnceLock<Detectors> = OnceLock::new();
        WITH_EXAMPLES.get_or_init(|| {
            let specs =
                data::load(data::FILES).expect("embedded credential data is checked by tests");
            Detectors::new(specs).expect("embedded credential data is checked by tests")
        })
    }

    /// Every credential in `text` (sitting under `name`, when it has one),
    /// overlapping matches resolved in favour of the strongest.
    pub fn scan(&'static self, text: &str, name: Option<&str>) -> Vec<Hit> {
        // Long values are rarely repeated and would make the memo hold a
        // copy of a big file: scan them directly.
        if text.len() > MEMO_VALUE_LIMIT || MEMO.with(|memo| memo.borrow().is_none()) {
            return self.scan_afresh(text, name);
        }
        let key = (
            self as *const Detectors as usize,
            name.map(str::to_string),
            text.to_string(),
        );
        let known = MEMO.with(|memo| memo.borrow().as_ref().and_then(|m| m.get(&key).cloned()));
        if let Some(hits) = known {
            return hits;
        }
        let hits = self.scan_afresh(text, name);
        MEMO.with(|memo| {
            if let Some(memo) = memo.borrow_mut().as_mut() {
                if memo.len() >= MEMO_LIMIT {
                    memo.clear();
                }
                memo.insert(key, hits.clone());
            }
        });
        hits
    }

    fn scan_afresh(&'static self, text: &str, name: Option<&str>) -> Vec<Hit> {
        let mut candidates: Vec<usize> = self
            .keywords
            .find_overlapping_iter(text)
            .map(|m| self.keyword_owner[m.pattern().as_usize()])
            .collect();
        candidates.extend(&self.unkeyed);
        let name = name.map(Name::new);
        if name.as_ref().is_some_and(Name::is_secret) {
            candidates.extend(&self.unkeyed_named);
        }
        candidates.sort_unstable();
        candidates.dedup();
        let mut hits = Vec::new();
        for i in candidates {
            self.list[i].matches(text, name.as_ref(), &mut hits);
        }
        resolve_overlaps(hits)
    }

    /// [`Detectors::scan`] with the team's own formats too, when there are any.
    pub fn scan_with(
        &'static self,
        extra: Option<&'static Detectors>,
        text: &str,
        name: Option<&str>,
    ) -> Vec<Hit> {
        let mut hits = self.scan(text, name);
        if let Some(extra) = extra {
            hits.extend(extra.scan(text, name));
            hits = resolve_overlaps(hits);
        }
        hits
    }

    /// Is `text` a credential that is public by design (a Supabase `anon`
    /// JWT)? Such a value is not secret under any name.
    pub fn is_public(&'static self, text: &str) -> bool {
        let text = text.trim();
        let mut owners: Vec<usize> = self
            .keywords
            .find_overlapping_iter(text)
            .map(|m| self.keyword_owner[m.pattern().as_usize()])
            .collect();
        owners.sort_unstable();
        owners.dedup();
        owners.into_iter().any(|i| {
            let d = &self.list[i];
            let (Some(validator), Ok(re)) = (d.spec.validator, d.regex()) else {
                return false;
            };
            re.group_ranges(text, d.spec.group.unwrap_or(0)).any(|r| {
                text.get(r).is_some_and(|secret| {
                    validators::check(validator, secret, d.spec.prefix.as_deref())
                        == Verdict::Public
                })
            })
        })
    }

    /// Judge one example value exactly as a config value would be judged.
    pub fn judge_example(
        &'static self,
        detector: &'static Detector,
        example: &Example,
    ) -> Option<HitState> {
        let mut hits = Vec::new();
        let name = example.name().map(Name::new);
        detector.matches(example.value(), name.as_ref(), &mut hits);
        hits.into_iter().map(|h| h.state).min_by_key(|s| match s {
            HitState::Secret => 0,
            HitState::BadChecksum => 1,
            HitState::Placeholder => 2,
        })
    }
}

/// The name a value sits under. Whether it is secret-like is worked out
/// once per value, not once for each name-gated format that asks.
struct Name<'a> {
    text: &'a str,
    secret: std::cell::OnceCell<bool>,
}

impl<'a> Name<'a> {
    fn new(text: &'a str) -> Self {
        Name {
            text,
            secret: std::cell::OnceCell::new(),
        }
    }

    fn is_secret(&self) -> bool {
        *self.secret.get_or_init(|| names::is_secret_name(self.text))
    }
}

/// Keep the best of overlapping hits: real secrets over bad checksums over
/// placeholders, then the longer match, then a provider's own format over a
/// generic one (a Supabase service_role JWT over a JWT), then the earlier one.
fn resolve_overlaps(mut hits: Vec<Hit>) -> Vec<Hit> {
    let rank = |h: &Hit| match h.state {
        HitState::Secret => 0,
        HitState::BadChecksum => 1,
        HitState::Placeholder => 2,
    };
    let generic = |h: &Hit| h.detector.spec.provider == "Generic";
    hits.sort_by(|a, b| {
        rank(a)
            .cmp(&rank(b))
            .then(b.range.len().cmp(&a.range.len()))
            .then(generic(a).cmp(&generic(b)))
            .then(a.range.start.cmp(&b.range.start))
    });
    let mut kept: Vec<Hit> = Vec::new();
    for h in hits {
        if kept
            .iter()
            .all(|k| h.range.end <= k.range.start || k.range.end <= h.range.start)
        {
            kept.push(h);
        }
    }
    kept.sort_by_key(|h| h.range.start);
    kept
}
