//! The privilege data in `rules/` against its own examples: every scope of
//! every catalog (`rules/scopes/`) and every server profile
//! (`rules/servers/`), through the same code the rules use.

use std::path::PathBuf;

use mcplint::formats;
use mcplint::model::McpFile;
use mcplint::parse::json::{self, Flavor};
use mcplint::scopes::{self, Rank};
use mcplint::servers::{self, Expect, Launch};
use mcplint::source::SourceFile;

#[test]
fn scope_catalogs_load_and_cover_the_providers() {
    let catalogs = scopes::builtin();
    let ids: Vec<&str> = catalogs.iter().map(|c| c.id.as_str()).collect();
    for must in [
        "github",
        "gitlab",
        "google",
        "microsoft-graph",
        "slack",
        "atlassian",
        "notion",
        "linear",
        "salesforce",
        "stripe",
        "shopify",
        "hubspot",
        "dropbox",
        "box",
        "sentry",
        "cloudflare",
        "aws",
    ] {
        assert!(ids.contains(&must), "no scope catalog {must}: {ids:?}");
    }
    for c in catalogs {
        assert!(!c.scope.is_empty(), "{}: empty", c.id);
        for s in &c.scope {
            assert!(
                !s.examples.is_empty(),
                "{}/{}: needs examples",
                c.id,
                s.value
            );
            if s.rank >= Rank::Write && s.narrower.is_empty() {
                // Allowed only where no narrower scope exists; documented in the data.
                continue;
            }
        }
    }
}

#[test]
fn every_scope_example_is_ranked_by_its_entry() {
    let catalogs = scopes::builtin();
    let mut failures = Vec::new();
    for c in catalogs {
        let context = c.context.join(" ");
        for s in &c.scope {
            for e in &s.examples {
                match scopes::lookup(catalogs, e, &context) {
                    Some((found_c, found)) if found_c.id == c.id && found.value == s.value => {}
                    other => failures.push(format!(
                        "{}: `{e}` should match `{}`, got {:?}",
                        c.id,
                        s.value,
                        other.map(|(c, s)| format!("{}/{}", c.id, s.value))
                    )),
                }
            }
            for e in &s.negative_examples {
                if s.matches(e) && !c.scope.iter().any(|o| o.value != s.value && o.value == *e) {
                    failures.push(format!("{}: `{e}` must not match `{}`", c.id, s.value));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn judge(server_json: &str) -> Vec<(String, Expect)> {
    let text = format!("{{\"mcpServers\": {{\"s\": {server_json}}}}}");
    let format = formats::for_path(std::path::Path::new(".mcp.json")).unwrap();
    let source = SourceFile {
        path: PathBuf::from(".mcp.json"),
        display: ".mcp.json".into(),
        text,
    };
    let root = json::parse(&source.text, 0, Flavor::Strict).expect("example parses");
    let file = McpFile::build(&source, format, &root);
    let launch = Launch::of(&file, 0);
    servers::builtin()
        .iter()
        .map(|p| {
            let expect = if !p.matches(&launch) {
                Expect::Other
            } else {
                let v = p.judge(&launch);
                if !v.widened.is_empty() {
                    Expect::Widened
                } else if v.narrowed {
                    Expect::Narrowed
                } else {
                    Expect::Wide
                }
            };
            (p.id.clone(), expect)
        })
        .collect()
}

#[test]
fn every_server_profile_example_holds() {
    let profiles = servers::builtin();
    assert!(profiles.len() >= 15, "only {} profiles", profiles.len());
    let mut failures = Vec::new();
    for p in profiles {
        assert!(!p.example.is_empty(), "{}: needs examples", p.id);
        for e in &p.example {
            let verdicts = judge(&e.server);
            let got = verdicts.iter().find(|(id, _)| *id == p.id).map(|(_, v)| *v);
            if got != Some(e.expect) {
                failures.push(format!(
                    "{}: expected {:?}, got {got:?} for {}",
                    p.id, e.expect, e.server
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
