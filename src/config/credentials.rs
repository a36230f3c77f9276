//! The team's own credential formats, `[[credential]]` in mcplint.toml:
//! the fields of `rules/credentials/`, detected alongside the built-in
//! formats. Like the built-in ones, each carries examples that must be
//! found and negative examples that must not; they are run when the file
//! is loaded, so a pattern that misses its own token is a config error at
//! its line, not a silent gap. Patterns are compiled with the same size
//! limit as the built-in ones.

use crate::finding::Finding;
use crate::knowledge::detect::{CredentialSpec, Detectors, HitState};
use crate::syntax::parse::{pointer, Node};
use crate::syntax::source::Span;

/// Check every entry; `Some` when there are entries and all hold.
/// `problem` turns a span, pointer and message into a config finding.
pub fn load(
    entries: &[Node],
    problem: &dyn Fn(Span, &str, String) -> Finding,
    problems: &mut Vec<Finding>,
) -> Option<&'static Detectors> {
    if entries.is_empty() {
        return None;
    }
    let builtin = Detectors::builtin();
    let mut specs = Vec::new();
    let before = problems.len();
    for (i, entry) in entries.iter().enumerate() {
        let at = format!("/credential/{i}");
        let mut json = crate::knowledge::schema::to_json(entry);
        if let Some(object) = json.as_object_mut() {
            object
                .entry("provider")
                .or_insert_with(|| "team-defined".into());
        }
        let spec: CredentialSpec = match serde_json::from_value(json) {
            Ok(spec) => spec,
            // The schema has already said what is wrong with the entry.
            Err(_) => continue,
        };
        let span_of = |key: &str| entry.get(key).map_or(entry.span, |n| n.span);
        if builtin.list.iter().any(|d| d.spec.id == spec.id) {
            problems.push(problem(
                span_of("id"),
                &pointer::push(&at, "id"),
                format!(
                    "`{}` is the id of a built-in format; choose another",
                    spec.id
                ),
            ));
            continue;
        }
        if let Err(e) = crate::knowledge::detect::pattern::Pattern::new(&spec.pattern) {
            problems.push(problem(
                span_of("pattern"),
                &pointer::push(&at, "pattern"),
                format!("the pattern does not compile: {e}"),
            ));
            continue;
        }
        specs.push((i, spec));
    }
    if problems.len() > before {
        return None;
    }
    let ids: Vec<usize> = specs.iter().map(|(i, _)| *i).collect();
    let detectors: &'static Detectors =
        match Detectors::new(specs.into_iter().map(|(_, s)| s).collect()) {
            // One set per config file, kept for the whole run.
            Ok(d) => Box::leak(Box::new(d)),
            Err(e) => {
                problems.push(problem(entries[0].span, "/credential", e));
                return None;
            }
        };
    for (d, &i) in detectors.list.iter().zip(&ids) {
        let entry = &entries[i];
        let list = |key: &str| entry.get(key).map(Node::elements).unwrap_or_default();
        for (j, e) in d.spec.examples.iter().enumerate() {
            if detectors.judge_example(d, e) != Some(HitState::Secret) {
                problems.push(problem(
                    list("examples").get(j).map_or(entry.span, |n| n.span),
                    &format!("/credential/{i}/examples/{j}"),
                    format!("`{}` does not detect its own example", d.spec.id),
                ));
            }
        }
        for (j, e) in d.spec.negative_examples.iter().enumerate() {
            if detectors.judge_example(d, e) == Some(HitState::Secret) {
                problems.push(problem(
                    list("negative_examples")
                        .get(j)
                        .map_or(entry.span, |n| n.span),
                    &format!("/credential/{i}/negative_examples/{j}"),
                    format!("`{}` detects its negative example", d.spec.id),
                ));
            }
        }
    }
    (problems.len() == before).then_some(detectors)
}
