//! `literal-secret` in a file that does not parse even leniently (cut
//! short, or broken TOML or YAML): no tree, so no names or places, but a
//! credential of a known format is still about to be committed.

use super::META;
use crate::finding::{Confidence, Finding};
use crate::knowledge::detect::{mask, Detectors, HitState};
use crate::syntax::source::Span;

/// A finding for every known-format credential in `text` (offsets in the
/// file). Without a tree nothing can be fixed.
pub fn findings(text: &str, extra: Option<&'static Detectors>) -> Vec<Finding> {
    let mut ordinal = 0usize;
    Detectors::builtin()
        .scan_with(extra, text, None)
        .into_iter()
        .filter(|hit| hit.state == HitState::Secret)
        .map(|hit| {
            let spec = &hit.detector.spec;
            let what = super::format_words(spec);
            let preview = mask::preview(&text[hit.range.clone()], spec.prefix.as_deref());
            ordinal += 1;
            let mut help = "remove it from the file and keep it in the environment the client starts with (once the file parses, `mcplint --fix` can move it)".to_string();
            if let Some(link) = spec.rotate.as_deref() {
                help.push_str(&super::rotate_help(link));
            }
            Finding::new(
                &META,
                Span::new(hit.range.start, hit.range.end),
                format!("literal {what} in a file that does not parse"),
            )
            .confidence(Confidence::High)
            .label(format!("{what} written literally ({preview})"))
            .help(help)
            .secret(preview)
            .credential(Some(spec))
            .discriminator(format!("{}#{ordinal}", spec.id))
        })
        .collect()
}
