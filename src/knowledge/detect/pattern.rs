//! Credential patterns, built for a linter's start-up: a pre-commit run on
//! three small files compiles a few patterns and matches short strings, so
//! building must be cheap. No Unicode classes (tokens and names are ASCII),
//! no eagerly built prefilters or one-pass DFAs; the lazy DFA and the
//! bounded backtracker do the matching. Sizes are capped so a pathological
//! pattern fails to load instead of eating memory.

use std::ops::Range;

use regex_automata::meta::{Config, Regex};
use regex_automata::util::syntax;

/// Compiled-size limit for every pattern.
const SIZE_LIMIT: usize = 1 << 20;

#[derive(Debug)]
pub struct Pattern(Regex);

impl Pattern {
    pub fn new(pattern: &str) -> Result<Self, String> {
        Regex::builder()
            .syntax(syntax::Config::new().unicode(false).utf8(false))
            .configure(
                Config::new()
                    .auto_prefilter(false)
                    .onepass(false)
                    .hybrid(false)
                    .nfa_size_limit(Some(SIZE_LIMIT))
                    .hybrid_cache_capacity(SIZE_LIMIT),
            )
            .build(pattern)
            .map(Pattern)
            .map_err(|e| e.to_string())
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        self.0.is_match(haystack.as_bytes())
    }

    /// The range of capture `group` (0: the whole match) of every match.
    pub fn group_ranges<'a>(
        &'a self,
        haystack: &'a str,
        group: usize,
    ) -> impl Iterator<Item = Range<usize>> + 'a {
        self.0
            .captures_iter(haystack.as_bytes())
            .filter_map(move |caps| caps.get_group(group).map(|s| s.range()))
    }

    /// Number of capture groups, the implicit whole-match group included.
    pub fn groups(&self) -> usize {
        self.0.captures_len()
    }
}

#[cfg(test)]
mod tests {
    use super::Pattern;

    #[test]
    fn groups_and_case_insensitivity() {
        let p = Pattern::new(r"(?i)\btoken=([a-z0-9]+)").unwrap();
        let text = "x TOKEN=Abc123 token=zz";
        let found: Vec<&str> = p.group_ranges(text, 1).map(|r| &text[r]).collect();
        assert_eq!(found, ["Abc123", "zz"]);
        assert_eq!(p.groups(), 2);
    }

    #[test]
    fn oversized_patterns_are_refused() {
        assert!(Pattern::new(r"(?:[a-z]{1000}){1000}").is_err());
    }
}
