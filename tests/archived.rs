//! The archived-server data under `rules/archived/` against its own
//! examples: each launch line resolves to its entry, each negative one to
//! no entry at all.

use mcplint::knowledge::archived;
use mcplint::knowledge::launch::Launch;
use mcplint::knowledge::package;

fn entry_of(line: &str) -> Option<&'static str> {
    let launch = Launch::of_line(line);
    let launched = package::launched(&launch)?;
    archived::of(&launched).map(|a| a.name.as_str())
}

#[test]
fn every_archived_server_example_holds() {
    let all = archived::builtin();
    assert!(all.len() >= 13, "only {} archived servers", all.len());
    let mut failures = Vec::new();
    for a in all {
        if a.examples.len() < 2 || a.negative_examples.len() < 2 {
            failures.push(format!("{}: needs two examples of each kind", a.name));
        }
        for line in &a.examples {
            if entry_of(line) != Some(a.name.as_str()) {
                failures.push(format!(
                    "{}: {line:?} resolves to {:?}",
                    a.name,
                    entry_of(line)
                ));
            }
        }
        for line in &a.negative_examples {
            if let Some(other) = entry_of(line) {
                failures.push(format!("{}: negative {line:?} matches {other}", a.name));
            }
        }
        // The replacement's launch line, after any `NAME=value` prefixes,
        // must not run an archived server itself.
        let replacement: Vec<&str> = a
            .launch
            .split_whitespace()
            .skip_while(|w| w.contains('=') && !w.starts_with('-'))
            .collect();
        if let Some(other) = entry_of(&replacement.join(" ")) {
            failures.push(format!("{}: its replacement runs {other}", a.name));
        }
        for url in [&a.source, &a.problem_source, &a.replacement_source] {
            if !url.is_empty() && !url.starts_with("https://") {
                failures.push(format!("{}: {url:?} is not an https URL", a.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
