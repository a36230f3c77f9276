//! The privilege data in `rules/` against its own examples: every scope of
//! every catalog (`rules/scopes/`) and every server profile
//! (`rules/servers/`), through the same code the rules use.

use std::path::PathBuf;

use mcplint::clients;
use mcplint::knowledge::launch::Launch;
use mcplint::knowledge::scopes::{self, Rank};
use mcplint::knowledge::servers::{self, Expect};
use mcplint::model::McpFile;
use mcplint::syntax::parse::json::{self, Flavor};
use mcplint::syntax::source::SourceFile;

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
    judge_config(format!("{{\"mcpServers\": {{\"s\": {server_json}}}}}"))
}

/// Every profile's verdict on the first server of a `.mcp.json` text.
fn judge_config(text: String) -> Vec<(String, Expect)> {
    let format = clients::for_path(std::path::Path::new(".mcp.json")).unwrap();
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

/// A server example as a pretty-printed `.mcp.json`, the way people write it.
fn pretty_config(server_json: &str) -> String {
    let server: serde_json::Value = serde_json::from_str(server_json).expect("example is JSON");
    let config = serde_json::json!({ "mcpServers": { "s": server } });
    serde_json::to_string_pretty(&config).unwrap() + "\n"
}

/// Apply the `unnarrowed-server` fix that `profile` offers for a linted
/// config, if it offers one.
fn narrowed_by_fix(text: &str, profile: &servers::Profile) -> Option<String> {
    let format = clients::for_path(std::path::Path::new(".mcp.json")).unwrap();
    let report = mcplint::lint::file(
        mcplint::lint::Input::new(PathBuf::from(".mcp.json"), format, text),
        // Rule tests see the findings of every persona.
        &mcplint::lint::Settings {
            persona: mcplint::finding::Persona::Auditor,
            ..Default::default()
        },
    );
    let fix = report
        .findings
        .iter()
        .filter(|f| f.rule.id == "unnarrowed-server")
        .filter(|f| f.message.contains(&format!("({})", profile.name)))
        .find_map(|f| f.fix.clone())?;
    assert_eq!(fix.applicability, mcplint::finding::Applicability::Unsafe);
    let mut edits = fix.edits.clone();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    let mut out = text.to_string();
    for e in edits {
        out.replace_range(e.span.range(), &e.replacement);
    }
    Some(out)
}

/// Every narrowing fix of every profile is exercised by a `wide` example
/// of that profile, and applying it leaves a server the profile judges
/// narrowed, in a file that still parses.
#[test]
fn every_narrowing_fix_narrows_its_examples() {
    let mut failures = Vec::new();
    for p in servers::builtin() {
        let fixes = p.narrow.as_ref().map_or(&[][..], |n| &n.fix[..]);
        let mut used = vec![false; fixes.len()];
        for e in p.example.iter().filter(|e| e.expect == Expect::Wide) {
            let text = pretty_config(&e.server);
            let Some(fixed) = narrowed_by_fix(&text, p) else {
                continue;
            };
            if serde_json::from_str::<serde_json::Value>(&fixed).is_err() {
                failures.push(format!("{}: fix breaks the JSON:\n{fixed}", p.id));
                continue;
            }
            let verdict = judge_config(fixed.clone());
            if verdict.iter().find(|(id, _)| *id == p.id).map(|(_, v)| *v) != Some(Expect::Narrowed)
            {
                failures.push(format!(
                    "{}: still not narrowed after the fix:\n{fixed}",
                    p.id
                ));
            }
            let source = SourceFile {
                path: PathBuf::from(".mcp.json"),
                display: ".mcp.json".into(),
                text: text.clone(),
            };
            let format = clients::for_path(std::path::Path::new(".mcp.json")).unwrap();
            let root = json::parse(&source.text, 0, Flavor::Strict).unwrap();
            let file = McpFile::build(&source, format, &root);
            if let Some(chosen) = p.narrowing_fix(&Launch::of(&file, 0)) {
                let i = fixes.iter().position(|f| std::ptr::eq(f, chosen)).unwrap();
                used[i] = true;
            }
        }
        for (fix, used) in fixes.iter().zip(used) {
            if !used {
                failures.push(format!(
                    "{}: no wide example exercises the fix {:?}",
                    p.id, fix.title
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Servers without a read-only mode are never "fixed" with a setting
/// they ignore, which would only hide the finding.
#[test]
fn no_narrowing_fix_for_servers_that_ignore_it() {
    for server in [
        r#"{"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"]}"#,
        r#"{"command": "docker", "args": ["run", "-i", "--rm", "mcp/github"]}"#,
        r#"{"command": "npx", "args": ["-y", "@modelcontextprotocol/server-gitlab"]}"#,
        r#"{"command": "docker", "args": ["run", "-i", "--rm", "crystaldba/postgres-mcp"]}"#,
    ] {
        for p in servers::builtin() {
            assert_eq!(narrowed_by_fix(&pretty_config(server), p), None, "{server}");
        }
    }
}
