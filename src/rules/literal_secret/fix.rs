//! The fixes of `literal-secret`: the secret moves to the env file and the
//! owning client's own reference takes its place; where the client reads
//! no reference there, advice only.

use std::ops::Range;

use super::super::Context;
use crate::clients::Field;
use crate::clients::{SecretFix, Spelling};
use crate::finding::{Applicability, Edit, Extraction, Fix};
use crate::knowledge::analysis::{Candidate, Recognised};
use crate::knowledge::detect::HitState;
use crate::model::Site;
use crate::syntax::parse::Value;
use crate::syntax::source::Span;

/// Move the secret to the env file and leave the client's own reference
/// in its place; where the client cannot read a reference there, advice.
pub(super) fn extraction_fix(cx: &Context, site: &Site, c: &Candidate, var: &str) -> Option<Fix> {
    let client = cx.file.format.client;
    if c.state == HitState::Placeholder {
        return None;
    }
    let widened;
    let c = match whole_url_credential(site.text(), c) {
        Some(range) => {
            widened = Candidate {
                span: site.span_of(&cx.file.source.text, range.clone()),
                range,
                ..c.clone()
            };
            &widened
        }
        None => c,
    };
    let advice = |title: String| Fix {
        title,
        applicability: Applicability::DisplayOnly,
        edits: Vec::new(),
        extraction: None,
    };
    // Outside the server fields only clients that expand every string
    // (Gemini CLI, OpenCode) can take a reference.
    let no_reference_here = site.field == Field::SettingsEnv
        || (site.field == Field::Other && !client.dialect.expands_in(Field::Other));
    if no_reference_here {
        return Some(advice(super::instead(cx, site, c, var)));
    }
    if let Some(fix) = super::flag_to_env::flag_to_env(cx, site, c) {
        return Some(fix);
    }
    // A client that may not substitute `${env:…}` in headers (VS Code):
    // prompt for the value with a password input instead.
    if client.secret_fix == SecretFix::PasswordInputInHeaders && site.field == Field::Headers {
        let id = input_id(var);
        let reference = format!("${{input:{id}}}");
        let mut edits = vec![Edit {
            span: c.span,
            replacement: reference.clone(),
        }];
        if !cx.file.inputs.iter().any(|i| i.id == id) {
            match insert_input(cx.file, &id, var) {
                Some(edit) => edits.push(edit),
                None => return Some(advice(format!("add a `promptString` input `{id}` with \"password\": true and write {reference} here"))),
            }
        }
        return Some(Fix {
            title: format!("prompt for it with a password input and write {reference}"),
            applicability: Applicability::Safe,
            edits,
            extraction: Some(Extraction {
                var: var.to_string(),
                value: site.text()[c.range.clone()].to_string(),
                client,
                rotate: super::rotate_link(c),
            }),
        });
    }
    match client.secret_fix {
        SecretFix::ForwardByName => {
            if let Some(fix) = super::forward_by_name::fix(cx.file, site, c, var) {
                return Some(fix);
            }
        }
        SecretFix::SecretStore { in_env, elsewhere } => {
            let text = if site.field == Field::Env {
                in_env
            } else {
                elsewhere
            };
            return Some(advice(text.replace("NAME", var)));
        }
        SecretFix::Reference | SecretFix::PasswordInputInHeaders => {}
    }
    // `${VAR:-secret}`: the whole reference becomes `${VAR}`, so VAR must
    // hold the whole default (`${DB_URL:-postgres://u:secret@db/x}` gives
    // up the URL, not only the password inside it).
    let (span, var, moved) = match enclosing_default(cx, c) {
        Some((r, default)) => (
            site.span_of(&cx.file.source.text, r.range.clone()),
            r.name.as_str(),
            default,
        ),
        None => (c.span, var, c.range.clone()),
    };
    match client.dialect.spell(site.field, var) {
        Spelling::Advice(text) => Some(advice(text)),
        Spelling::Reference(mut reference) => {
            // A YAML plain scalar cannot hold `{…}` in flow context: quote it.
            let whole = c.range.len() == site.text().len();
            if cx.file.format.language == crate::clients::Language::Yaml
                && whole
                && matches!(
                    site.node.style,
                    crate::syntax::parse::StrStyle::Verbatim { lead: 0 }
                )
                && reference.contains(['{', '}'])
            {
                reference = format!("\"{reference}\"");
            }
            Some(Fix {
                title: format!(
                    "replace it with {reference} and keep the value in the env file as {var}"
                ),
                applicability: Applicability::Safe,
                edits: vec![Edit {
                    span,
                    replacement: reference,
                }],
                extraction: Some(Extraction {
                    var: var.to_string(),
                    value: site.text()[moved].to_string(),
                    client,
                    rotate: super::rotate_link(c),
                }),
            })
        }
    }
}

/// The `${VAR:-default}` whose default holds the candidate, with that
/// default's range.
fn enclosing_default<'a>(
    cx: &'a Context,
    c: &Candidate,
) -> Option<(&'a crate::syntax::reference::Reference, Range<usize>)> {
    cx.analysis.references[c.site].iter().find_map(|r| {
        let default = r.default.clone()?;
        (r.syntax == crate::syntax::reference::Syntax::BracedDefault
            && default.start <= c.range.start
            && c.range.end <= default.end)
            .then_some((r, default))
    })
}

/// The whole value, when that value is one `https://` URL that a known
/// format matches from its host on, with the secret in the URL's path: a
/// webhook (Slack, Discord) is such a URL, and whoever holds the URL can
/// post, so the URL is the credential and moves whole. A connection
/// string or a `user:password@` URL keeps its host and user in place: its
/// secret sits before the path (and a `postgres://` URL is no `https://`
/// one). A token that merely appears in some URL's path is matched from
/// the token on, not from the host, and moves alone.
// NOTE: the credential data does not say which formats are whole-URL
// credentials; a field of `CredentialSpec` would say it outright.
fn whole_url_credential(text: &str, c: &Candidate) -> Option<Range<usize>> {
    const SCHEME: &str = "https://";
    let Recognised::Format(detector) = c.recognised else {
        return None;
    };
    if !text.starts_with(SCHEME) || text.contains(char::is_whitespace) {
        return None;
    }
    let host = SCHEME.len();
    let describes_the_url = detector
        .regex()
        .ok()?
        .group_ranges(text, 0)
        .any(|m| m.start <= host && m.start <= c.range.start && c.range.end <= m.end);
    let path = host + text[host..].find('/')?;
    let in_path = path < c.range.start && !text[path..c.range.start].contains(['?', '#']);
    (describes_the_url && in_path).then_some(0..text.len())
}

/// An edit adding `{"type": "promptString", "id": …, "password": true}` to
/// VS Code's `inputs`, creating the array when there is none, in the
/// file's own indentation.
fn insert_input(file: &crate::model::McpFile, id: &str, var: &str) -> Option<Edit> {
    let text = file.source.text.as_str();
    let entry = format!(
        "{{ \"type\": \"promptString\", \"id\": \"{id}\", \"description\": \"{var}\", \"password\": true }}"
    );
    let indent_of = |offset: usize| crate::syntax::json_edit::indent_of(text, offset);
    let at = file.format.layout.inputs?;
    if let Some(inputs) = file.root.at_pointer(at) {
        return crate::syntax::json_edit::push_element(text, inputs, &entry);
    }
    let (parent_at, key) = at.rsplit_once('/')?;
    let parent = file.root.at_pointer(parent_at)?;
    let Value::Object(members) = &parent.value else {
        return None;
    };
    let open = parent.span.start as usize + 1;
    let (indent, comma) = match members.first() {
        Some(first) => (indent_of(first.key_span.start as usize), ","),
        None => (String::new(), ""),
    };
    Some(Edit {
        span: Span::new(open, open),
        replacement: format!("\n{indent}\"{key}\": [\n{indent}{indent}{entry}\n{indent}]{comma}"),
    })
}

/// The id of the password input the VS Code fix declares for `var`.
pub(super) fn input_id(var: &str) -> String {
    var.to_ascii_lowercase()
}
