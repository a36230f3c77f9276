//! The checks of one server: each reference it holds, as its client will
//! treat it in this environment.

use std::path::PathBuf;

use super::env_files::Loader;
use super::{Environment, ServerReport};
use crate::clients::{kiro, Client, Field};
use crate::knowledge::analysis::Analysis;
use crate::knowledge::detect::HitState;
use crate::knowledge::expiry;
use crate::model::{McpFile, Site};
use crate::syntax::reference::{Reference, Syntax};
use crate::syntax::source::LineIndex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Set, prompted for, or otherwise fine.
    Ok,
    /// Unset, but the reference's default is used.
    Default,
    /// What the server gets is not what the config means.
    Fails,
}

/// One line of the doctor's report. Never holds a value.
#[derive(Debug, Clone)]
pub struct Check {
    pub verdict: Verdict,
    /// The variable or input it is about.
    pub name: String,
    /// Where it is used: `env GITHUB_TOKEN`, `header Authorization`.
    pub place: String,
    pub line: usize,
    pub reason: String,
}

/// Syntaxes that name a variable of the environment.
fn names_a_variable(syntax: Syntax) -> bool {
    matches!(
        syntax,
        Syntax::Braced
            | Syntax::BracedDefault
            | Syntax::Bare
            | Syntax::EnvColon
            | Syntax::Percent
            | Syntax::OpenCode
            | Syntax::ProcessEnv
            | Syntax::NestedDefault
            | Syntax::DoubleBrace
            | Syntax::ShellParameter
    )
}

pub fn servers(
    file: &McpFile,
    analysis: &Analysis,
    env: &dyn Environment,
    files: &Loader,
) -> Vec<ServerReport> {
    let lines = LineIndex::new(&file.source.text);
    let line_of = |offset: u32| lines.line_col(&file.source.text, offset as usize).line;
    let client = file.format.client;
    let dialect = &client.dialect;
    let mut out = Vec::new();
    for (i, server) in file.servers.iter().enumerate() {
        if file.disabled_by(server).is_some() {
            out.push(ServerReport {
                name: server.name.to_string(),
                line: line_of(server.name_span.start),
                disabled: true,
                checks: Vec::new(),
            });
            continue;
        }
        let env_file = server.node.get("envFile").and_then(|n| n.as_str());
        let loaded = files.files_for(client, env_file);
        let mut checks = Vec::new();
        if let (Some(path), Some(own)) = (env_file, files.own_file(client, env_file)) {
            let problem = if !own.exists() {
                Some("does not exist, so none of its variables is set")
            } else if !files.readable(&own) {
                Some("is not read by mcplint doctor: it is outside the workspace and the home folder, larger than 1 MiB, or not a regular file")
            } else {
                None
            };
            if let Some(problem) = problem {
                checks.push(Check {
                    verdict: Verdict::Fails,
                    name: path.to_string(),
                    place: "envFile".into(),
                    line: line_of(server.node.span.start),
                    reason: format!("the env file {} {problem}", shown(&own, files)),
                });
            }
        }
        for (index, site) in file.sites.iter().enumerate() {
            if site.server != Some(i) {
                continue;
            }
            let Some(refs) = analysis.references.get(index) else {
                continue;
            };
            for r in refs {
                let place = place_of(site);
                let line = line_of(site.span_of(&file.source.text, r.range.clone()).start);
                let check = |verdict, reason: String| Check {
                    verdict,
                    name: r.name.clone(),
                    place: place.clone(),
                    line,
                    reason,
                };
                let expands = dialect.expands(site.field, r.syntax);
                if !expands {
                    if dialect.checked.contains(&site.field) && r.syntax != Syntax::EditorVariable {
                        let what = if site.field == Field::Headers {
                            "the header is sent with this text in it"
                        } else {
                            "the server gets this text, not a value"
                        };
                        checks.push(check(
                            Verdict::Fails,
                            format!(
                                "{} does not expand `{}` in {}: {what}",
                                client.name,
                                r.syntax.example(),
                                place
                            ),
                        ));
                    }
                    continue;
                }
                if r.syntax == Syntax::Input {
                    checks.push(if file.inputs.iter().any(|input| input.id == r.name) {
                        check(Verdict::Ok, format!("input `{}` is asked for at start", r.name))
                    } else {
                        check(
                            Verdict::Fails,
                            format!("no input has the id `{}`: nothing is asked for, and the reference is not replaced", r.name),
                        )
                    });
                    continue;
                }
                if !names_a_variable(r.syntax) {
                    continue;
                }
                checks.push(variable(
                    r,
                    &loaded,
                    env,
                    files,
                    client,
                    dialect.unset,
                    check,
                ));
            }
        }
        // A placeholder left where the credential goes is sent as one.
        for c in &analysis.candidates {
            let site = &file.sites[c.site];
            if c.state == HitState::Placeholder && site.server == Some(i) {
                let place = place_of(site);
                checks.push(Check {
                    verdict: Verdict::Fails,
                    name: c.name.clone().unwrap_or_else(|| place.clone()),
                    place: place.clone(),
                    line: line_of(c.span.start),
                    reason: format!("{place} holds a placeholder, not a credential: the server sends it as one, and every call is refused"),
                });
            }
        }
        if client.id == "codex" {
            for (name, key, node) in crate::clients::codex::forwarded_names(server.node) {
                let r = Reference {
                    syntax: Syntax::Braced,
                    range: 0..0,
                    name,
                    default: None,
                };
                let place = key.to_string();
                let line = line_of(node.span.start);
                let check = |verdict, reason: String| Check {
                    verdict,
                    name: r.name.clone(),
                    place: place.clone(),
                    line,
                    reason,
                };
                checks.push(variable(
                    &r,
                    &loaded,
                    env,
                    files,
                    client,
                    "the server starts without it",
                    check,
                ));
            }
        }
        dedupe(&mut checks);
        out.push(ServerReport {
            name: server.name.to_string(),
            line: line_of(server.name_span.start),
            disabled: false,
            checks,
        });
    }
    out
}

/// The verdict on one variable reference.
fn variable(
    r: &Reference,
    loaded: &[PathBuf],
    env: &dyn Environment,
    files: &Loader,
    client: &Client,
    unset: &str,
    check: impl Fn(Verdict, String) -> Check,
) -> Check {
    let approval = if client.id == kiro::CLIENT.id {
        format!("; {}", kiro::APPROVAL)
    } else {
        String::new()
    };
    let from_file = files.lookup(loaded, &r.name);
    let value = from_file
        .as_ref()
        .map(|(v, _)| v.clone())
        .or_else(|| env.var(&r.name));
    let source = match &from_file {
        Some((_, path)) => format!("set in {}", shown(path, files)),
        None => "set".to_string(),
    };
    match value {
        Some(v) if !v.is_empty() => match expiry::expired(&v) {
            Some(date) => check(
                Verdict::Fails,
                format!("{} is {source}, but holds a token that expired on {date}: every call fails; renew it", r.name),
            ),
            None => check(Verdict::Ok, format!("{} is {source}{approval}", r.name)),
        },
        found => {
            let state = if found.is_some() { "empty" } else { "not set" };
            if r.default.is_some() {
                check(Verdict::Default, format!("{} is {state}: its default is used", r.name))
            } else if found.is_some() {
                check(Verdict::Fails, format!("{} is empty: the server gets an empty value", r.name))
            } else if unset.starts_with("undocumented") || unset.starts_with("unverified") {
                check(Verdict::Fails, format!("{} is {state}; what {} sends then is {unset}", r.name, client.name))
            } else {
                check(Verdict::Fails, format!("{} is {state}: {unset}", r.name))
            }
        }
    }
}

/// One line per name and place: `${TOKEN}` twice in a header is one fact.
fn dedupe(checks: &mut Vec<Check>) {
    let mut seen = std::collections::HashSet::new();
    checks.retain(|c| seen.insert((c.name.clone(), c.place.clone(), c.reason.clone())));
}

/// `env GITHUB_TOKEN`, `header Authorization`, `argument 3`, `url`.
fn place_of(site: &Site) -> String {
    match (site.field, site.name, site.index) {
        (Field::Env, Some(name), _) => format!("env {name}"),
        (Field::Headers, Some(name), _) => format!("header {name}"),
        (Field::Args, _, Some(i)) => format!("argument {}", i + 1),
        (Field::Url, _, _) => "url".to_string(),
        (Field::Command, _, _) => "command".to_string(),
        (_, Some(name), _) => format!("`{name}`"),
        _ => site.pointer.clone(),
    }
}

/// A path as the user sees it: relative to the workspace when inside it.
fn shown(path: &std::path::Path, files: &Loader) -> String {
    path.strip_prefix(files.workspace())
        .unwrap_or(path)
        .display()
        .to_string()
}
