//! Inline suppressions where a format has comments (JSONC, TOML, YAML):
//! `mcplint-ignore[rule-id]: reason` on the finding's line or the line
//! above. The rule id and the reason are mandatory; a marker without a
//! reason, or one that suppresses nothing, is reported (`stale-ignore`).
//! `--no-inline-ignores` refuses them all (for CI).

use std::sync::OnceLock;

use regex::Regex;

use super::FileReport;
use crate::clients::Language;
use crate::finding::Finding;
use crate::rules;
use crate::syntax::source::{LineIndex, Span};

struct Marker {
    line: usize,
    rules: Vec<String>,
    reason: Option<String>,
    span: Span,
    used: bool,
}

fn markers(text: &str) -> Vec<Marker> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?://|#|/\*)[^\n]*?mcplint-ignore\[([a-z0-9, -]*)\](?::[ \t]*([^\n]*?))?[ \t]*(?:\*/)?[ \t]*$")
            .expect("a valid pattern")
    });
    let index = LineIndex::new(text);
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if let Some(caps) = re.captures(content) {
            let whole = caps.get(0).map_or(0..0, |m| m.range());
            out.push(Marker {
                line: index.line_col(text, offset).line,
                rules: caps[1]
                    .split(',')
                    .map(|r| r.trim().to_string())
                    .filter(|r| !r.is_empty())
                    .collect(),
                reason: caps
                    .get(2)
                    .map(|m| m.as_str().trim().to_string())
                    .filter(|r| !r.is_empty()),
                span: Span::new(offset + whole.start, offset + whole.end),
                used: false,
            });
        }
        offset += line.len();
    }
    out
}

/// Drop the findings an inline marker suppresses; report bad or unused markers.
pub fn apply(file: &mut FileReport) {
    if !matches!(
        file.format.language,
        Language::Jsonc | Language::Toml | Language::Yaml
    ) {
        return;
    }
    let mut found = markers(&file.source.text);
    if found.is_empty() {
        return;
    }
    let index = LineIndex::new(&file.source.text);
    let text = &file.source.text;
    file.findings.retain(|f| {
        let line = index.line_col(text, f.primary.span.start as usize).line;
        match found.iter_mut().find(|m| {
            (m.line == line || m.line + 1 == line)
                && m.reason.is_some()
                && m.rules.iter().any(|r| r == f.rule.id)
        }) {
            Some(m) => {
                m.used = true;
                false
            }
            None => true,
        }
    });
    for m in found.iter().filter(|m| !m.used) {
        let message = if m.rules.is_empty() {
            "inline ignore names no rule: write `mcplint-ignore[rule-id]: reason`".to_string()
        } else if m.reason.is_none() {
            format!(
                "inline ignore of `{}` has no reason, so it suppresses nothing",
                m.rules.join(", ")
            )
        } else if let Some(unknown) = m.rules.iter().find(|r| rules::by_id(r).is_none()) {
            format!("inline ignore names unknown rule `{unknown}`")
        } else {
            format!(
                "inline ignore of `{}` matches no finding on this line or the next",
                m.rules.join(", ")
            )
        };
        file.findings.push(
            Finding::new(&rules::STALE_IGNORE, m.span, message)
                .label("inline ignore")
                .help("`mcplint-ignore[rule-id]: reason` on the finding's line or the line above; remove markers that no longer apply")
                .discriminator(format!("inline:{}", m.line)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::markers;

    #[test]
    fn markers_in_every_comment_style() {
        let text = "a // mcplint-ignore[literal-secret]: demo token\n# mcplint-ignore[a, b]: why\n/* mcplint-ignore[x] */\nno marker\n";
        let found = markers(text);
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].rules, ["literal-secret"]);
        assert_eq!(found[0].reason.as_deref(), Some("demo token"));
        assert_eq!(found[1].rules, ["a", "b"]);
        assert_eq!(found[2].reason, None);
        assert_eq!(found[1].line, 2);
    }
}
