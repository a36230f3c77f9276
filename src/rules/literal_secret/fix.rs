//! The fixes of `literal-secret`: the secret moves to the env file and the
//! owning client's own reference takes its place; where the client reads
//! no reference there, advice only.

use super::super::Context;
use crate::analysis::Candidate;
use crate::clients::Spelling;
use crate::detect::HitState;
use crate::finding::{Applicability, Edit, Extraction, Fix};
use crate::formats::Field;
use crate::model::Site;
use crate::parse::Value;
use crate::source::Span;

/// Move the secret to the env file and leave the client's own reference
/// in its place; where the client cannot read a reference there, advice.
pub(super) fn extraction_fix(cx: &Context, site: &Site, c: &Candidate, var: &str) -> Option<Fix> {
    let client = cx.file.format.client;
    if c.state != HitState::Secret {
        return None;
    }
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
    // VS Code is reported not to substitute `${env:…}` in headers: prompt
    // for the value with a password input instead.
    if client.id == "vscode" && site.field == Field::Headers {
        let id = var.to_ascii_lowercase();
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
                client: client.id,
                rotate: super::rotate_link(c),
            }),
        });
    }
    if client.id == "codex" {
        if let Some(fix) = super::codex::codex_fix(cx.file, site, c, var) {
            return Some(fix);
        }
    }
    // Goose fills `$VAR` from the extension's own `envs`/`env_keys`, not
    // from the environment: a reference alone would send another value.
    if client.id == "goose" {
        return Some(advice(if site.field == Field::Env {
            format!("remove it from `envs`, list {var} in `env_keys`, and put the value in Goose's secret store (`goose configure`)")
        } else {
            format!("list {var} in `env_keys`, put the value in Goose's secret store (`goose configure`), and write ${var} here")
        }));
    }
    // `${VAR:-secret}`: the whole reference becomes `${VAR}`.
    let (span, var) = match cx.analysis.references[c.site].iter().find(|r| {
        r.syntax == crate::reference::Syntax::BracedDefault
            && r.default
                .as_ref()
                .is_some_and(|d| d.start <= c.range.start && c.range.end <= d.end)
    }) {
        Some(r) => (
            site.span_of(&cx.file.source.text, r.range.clone()),
            r.name.as_str(),
        ),
        None => (c.span, var),
    };
    match client.dialect.spell(site.field, var) {
        Spelling::Advice(text) => Some(advice(text)),
        Spelling::Reference(mut reference) => {
            // A YAML plain scalar cannot hold `{…}` in flow context: quote it.
            let whole = c.range.len() == site.text().len();
            if cx.file.format.language == crate::formats::Language::Yaml
                && whole
                && matches!(
                    site.node.style,
                    crate::parse::StrStyle::Verbatim { lead: 0 }
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
                    value: site.text()[c.range.clone()].to_string(),
                    client: client.id,
                    rotate: super::rotate_link(c),
                }),
            })
        }
    }
}

/// An edit adding `{"type": "promptString", "id": …, "password": true}` to
/// VS Code's `inputs`, creating the array when there is none, in the
/// file's own indentation.
fn insert_input(file: &crate::model::McpFile, id: &str, var: &str) -> Option<Edit> {
    let text = file.source.text.as_str();
    let entry = format!(
        "{{ \"type\": \"promptString\", \"id\": \"{id}\", \"description\": \"{var}\", \"password\": true }}"
    );
    let indent_of = |offset: usize| crate::json_edit::indent_of(text, offset);
    let at = file.format.layout.inputs?;
    if let Some(inputs) = file.root.at_pointer(at) {
        return crate::json_edit::push_element(text, inputs, &entry);
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
