use super::{place, Context, FixAvailability, Rule, RuleMeta};
use crate::analysis::{Candidate, Recognised};
use crate::carriers::How;
use crate::clients::Spelling;
use crate::detect::HitState;
use crate::finding::{
    Applicability, Category, Confidence, Edit, Extraction, Finding, Fix, Severity,
};
use crate::formats::Field;
use crate::model::Site;
use crate::parse::Value;
use crate::source::Span;
use crate::varname;

pub static META: RuleMeta = RuleMeta {
    id: "literal-secret",
    summary: "a credential is written literally in an MCP config",
    category: Category::Secret,
    severity: Severity::Error,
    fix: FixAvailability::None,
    docs: include_str!("literal_secret.md"),
};

pub struct LiteralSecret;

impl Rule for LiteralSecret {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context) {
        let file = cx.file;
        let mut ordinal = std::collections::HashMap::new();
        for c in &cx.analysis.candidates {
            if c.state == HitState::Placeholder {
                continue;
            }
            let site = &file.sites[c.site];
            let server = file.server_of(site).map(|s| s.name);
            let place = place::describe(site, c.name.as_deref(), c.how);
            let what = match c.recognised {
                // "Generic" and "Database" formats are named by their kind alone.
                Recognised::Format(d)
                    if matches!(d.spec.provider.as_str(), "Generic" | "Database") =>
                {
                    d.spec.kind.clone()
                }
                Recognised::Format(d) => format!("{} {}", d.spec.provider, d.spec.kind),
                Recognised::Name => "credential".to_string(),
            };
            let n = ordinal.entry(c.site).or_insert(0usize);
            *n += 1;
            let var = varname::for_credential(server, c.name.as_deref(), c.how);
            let mut finding = if c.state == HitState::BadChecksum {
                Finding::new(
                    &META,
                    c.span,
                    format!(
                        "value in {place} is shaped like a {what} but its checksum does not verify"
                    ),
                )
                .severity(Severity::Warning)
                .confidence(Confidence::Low)
                .label("checksum fails: a mistyped token or a hand-made example")
            } else {
                let confidence = match c.recognised {
                    Recognised::Format(_) => Confidence::High,
                    Recognised::Name => Confidence::Medium,
                };
                Finding::new(&META, c.span, format!("literal {what} in {place}"))
                    .confidence(confidence)
                    .label(format!("{what} written literally ({})", c.preview))
            };
            let mut help = instead(cx, site, c, &var);
            if let Recognised::Format(d) = c.recognised {
                if let (true, Some(note)) = (d.spec.broad, &d.spec.privilege) {
                    help.push_str(&format!("\nthis kind of credential is broad: {note}"));
                }
            }
            finding = finding
                .help(help)
                .at(&site.pointer, server)
                .secret(c.preview.clone())
                .discriminator(format!("{}#{n}", recognised_id(c)));
            if let Some(fix) = extraction_fix(cx, site, c, &var) {
                finding = finding.with_fix(fix);
            }
            cx.report(finding);
        }
    }
}

/// Move the secret to the env file and leave the client's own reference
/// in its place; where the client cannot read a reference there, advice.
fn extraction_fix(cx: &Context, site: &Site, c: &Candidate, var: &str) -> Option<Fix> {
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
    if matches!(site.field, Field::SettingsEnv | Field::Other) {
        return Some(advice(instead(cx, site, c, var)));
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
            }),
        });
    }
    if client.id == "codex" {
        if let Some(fix) = codex_fix(cx.file, site, c, var) {
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
                }),
            })
        }
    }
}

/// Codex expands nothing, but forwards variables it is told about: an
/// `env` entry becomes `env_vars = ["NAME"]`, an inline `bearer_token` (or
/// an `Authorization: Bearer` http header) becomes `bearer_token_env_var`.
fn codex_fix(file: &crate::model::McpFile, site: &Site, c: &Candidate, var: &str) -> Option<Fix> {
    let text = file.source.text.as_str();
    let server = file.server_of(site)?;
    let tokens = crate::parse::pointer::tokens(&site.pointer)?;
    let server_depth = crate::parse::pointer::tokens(&server.pointer)?.len();
    let rest: Vec<&str> = tokens[server_depth..].iter().map(String::as_str).collect();
    // The `key = value` entry holding the secret, and its container.
    let (container, key) = match rest.as_slice() {
        [table, key] => (server.node.get(table)?, *key),
        [key] => (server.node, *key),
        _ => return None,
    };
    let member = container.members().iter().rev().find(|m| m.key == key)?;
    let whole_value = site.text().len() == c.range.len();
    let (name, addition) = match (rest.as_slice(), site.field) {
        (["env", _], _) if whole_value => (key.to_string(), ("env_vars", format!("\"{key}\""))),
        (["bearer_token"], _) if whole_value => (
            var.to_string(),
            ("bearer_token_env_var", format!("\"{var}\"")),
        ),
        (["http_headers", h], _)
            if h.eq_ignore_ascii_case("authorization") && site.text().starts_with("Bearer ") =>
        {
            (
                var.to_string(),
                ("bearer_token_env_var", format!("\"{var}\"")),
            )
        }
        _ => return None,
    };
    let mut edits = vec![remove_entry(text, container, member)?];
    edits.push(add_entry(text, server.node, addition.0, &addition.1)?);
    Some(Fix {
        title: format!(
            "forward {name} with `{} = …` instead of writing it in the file",
            addition.0
        ),
        applicability: Applicability::Safe,
        edits,
        extraction: Some(Extraction {
            var: name,
            value: site.text()[c.range.clone()].to_string(),
            client: "codex",
        }),
    })
}

/// Remove `key = value` (with its comma in an inline table, or its whole
/// line in a `[table]`).
fn remove_entry(
    text: &str,
    container: &crate::parse::Node,
    member: &crate::parse::Member,
) -> Option<Edit> {
    let start = member.key_span.start as usize;
    let end = member.value.span.end as usize;
    let inline = text.get(container.span.range())?.starts_with('{');
    if inline {
        // `{ A = "x", KEY = "v" }`: take the comma after, else the one before.
        let after = &text[end..];
        if let Some(i) = after
            .find(|ch: char| !ch.is_whitespace())
            .filter(|&i| after[i..].starts_with(','))
        {
            let next = after[i + 1..]
                .find(|ch: char| !ch.is_whitespace())
                .map_or(i + 1, |j| i + 1 + j);
            return Some(Edit {
                span: Span::new(start, end + next),
                replacement: String::new(),
            });
        }
        let before = &text[..start];
        // The only entry: `{ KEY = "v" }` becomes `{  }`.
        let from = before.trim_end().strip_suffix(',').map_or(start, str::len);
        return Some(Edit {
            span: Span::new(from, end),
            replacement: String::new(),
        });
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
    text[line_start..start].trim().is_empty().then(|| Edit {
        span: Span::new(line_start, line_end),
        replacement: String::new(),
    })
}

/// Add `key = [value]` (or `key = value` for a string) to a server table,
/// or the value to an existing array.
fn add_entry(text: &str, server: &crate::parse::Node, key: &str, value: &str) -> Option<Edit> {
    if let Some(existing) = server.get(key) {
        return match &existing.value {
            Value::Array(items) => Some(match items.last() {
                Some(last) => Edit {
                    span: Span::new(last.span.end as usize, last.span.end as usize),
                    replacement: format!(", {value}"),
                },
                None => Edit {
                    span: Span::new(
                        existing.span.start as usize + 1,
                        existing.span.start as usize + 1,
                    ),
                    replacement: value.to_string(),
                },
            }),
            _ => None,
        };
    }
    let line = if key == "env_vars" {
        format!("{key} = [{value}]")
    } else {
        format!("{key} = {value}")
    };
    let header = text.get(server.span.range())?;
    if !header.starts_with('[') {
        return None; // an inline or dotted server: leave the layout to the user
    }
    let end = server.span.end as usize;
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
    let newline = if line_end == text.len() && !text.ends_with('\n') {
        "\n"
    } else {
        ""
    };
    Some(Edit {
        span: Span::new(line_end, line_end),
        replacement: format!("{newline}{line}\n"),
    })
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

fn recognised_id(c: &Candidate) -> &'static str {
    match c.recognised {
        Recognised::Format(d) => d.spec.id.as_str(),
        Recognised::Name => "named",
    }
}

/// What to write instead, in the owning client's own idiom.
fn instead(cx: &Context, site: &Site, c: &Candidate, var: &str) -> String {
    let dialect = &cx.file.format.client.dialect;
    let client = cx.file.format.client.name;
    match site.field {
        Field::SettingsEnv => {
            return format!(
                "settings files are read as written: remove the value and export {var} in the shell that starts {client} (or keep it only in a git-ignored file)"
            );
        }
        Field::Other => {
            return format!(
                "{client} does not read credentials from this field; remove the value and supply it where the server or client expects a secret"
            );
        }
        _ => {}
    }
    let reference = match dialect.spell(site.field, var) {
        Spelling::Advice(advice) => return advice,
        Spelling::Reference(reference) => reference,
    };
    match c.how {
        Some(How::Header) => {
            // Keep the scheme (`Bearer `) outside the reference.
            let scheme = site.text()[..c.range.start]
                .trim_end()
                .rsplit([' ', ':', '"'])
                .next()
                .filter(|w| !w.is_empty())
                .map(|w| format!("{w} "))
                .unwrap_or_default();
            format!("write \"{scheme}{reference}\" and set {var} in the environment that starts {client}")
        }
        Some(How::BasicAuth) => format!(
            "write the header as \"Basic {reference}\" with {var} holding the base64 `user:password`, set in the environment that starts {client}"
        ),
        Some(How::UrlQuery | How::UrlPassword) => format!(
            "write {reference} in its place ({client} expands references in URLs), or better send it in a header; set {var} in your environment"
        ),
        Some(How::Flag | How::EnvArg) | Some(How::JsonMember) if site.field == Field::Args => format!(
            "write {reference} in its place ({client} expands references in arguments), or pass it through the server's environment if it reads it there; set {var} in your environment"
        ),
        Some(How::JsonMember) => format!(
            "write {reference} in its place and set {var} in the environment that starts {client}"
        ),
        _ => format!("write \"{reference}\" and set {var} in the environment that starts {client}"),
    }
}
