mod fix;
mod flag_to_env;
mod forward_by_name;
pub mod unparsed;

use super::{place, Context, FixAvailability, Rule, RuleMeta};
use crate::clients::Field;
use crate::clients::{SecretFix, Spelling};
use crate::finding::{Category, Confidence, Finding, Persona, Severity};
use crate::knowledge::analysis::{Candidate, Recognised};
use crate::knowledge::carriers::How;
use crate::knowledge::detect::CredentialSpec;
use crate::knowledge::detect::HitState;
use crate::knowledge::expiry;
use crate::knowledge::varname;
use crate::model::Site;

pub static META: RuleMeta = RuleMeta {
    id: "literal-secret",
    summary: "a credential is written literally in an MCP config",
    category: Category::Secret,
    severity: Severity::Error,
    fix: FixAvailability::Sometimes,
    persona: Persona::Regular,
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
                Recognised::Format(d) => format_words(&d.spec),
                Recognised::Name => "credential".to_string(),
            };
            let n = ordinal.entry(c.site).or_insert(0usize);
            *n += 1;
            let var = varname::for_credential(server, c.name.as_deref(), c.how);
            // The analysis keeps a token whose checksum fails only under a
            // name that says it is a credential: mistyped or not, it is
            // meant to be secret.
            let mut finding = if c.state == HitState::BadChecksum {
                Finding::new(
                    &META,
                    c.span,
                    format!("literal {what} in {place} (its checksum does not verify)"),
                )
                .confidence(Confidence::Medium)
                .label(format!(
                    "{what} written literally ({}), checksum fails",
                    c.preview
                ))
            } else {
                let confidence = match c.recognised {
                    Recognised::Format(_) => Confidence::High,
                    Recognised::Name => Confidence::Medium,
                };
                let value = site.text().get(c.range.clone()).unwrap_or_default();
                // A SAS signature's expiry sits beside it in the same URL.
                match expiry::expired(value).or_else(|| expiry::expired(site.text())) {
                    // Reported with the secret, not as a second finding on
                    // its span: expired or not, it was committed.
                    Some(date) => Finding::new(
                        &META,
                        c.span,
                        format!("literal {what} in {place}, expired on {date}; revoke it anyway"),
                    )
                    .confidence(confidence)
                    .label(format!(
                        "{what} written literally ({}), expired {date}",
                        c.preview
                    )),
                    None => Finding::new(&META, c.span, format!("literal {what} in {place}"))
                        .confidence(confidence)
                        .label(format!("{what} written literally ({})", c.preview)),
                }
            };
            let mut help = instead(cx, site, c, &var);
            if let Recognised::Format(d) = c.recognised {
                if let (true, Some(note)) = (d.spec.broad, &d.spec.privilege) {
                    help.push_str(&format!(
                        "\nthis kind of credential is broad: {note}; replace it with the narrowest one the server needs"
                    ));
                }
            }
            if let Some(link) = rotate_link(c) {
                help.push_str(&rotate_help(link));
            }
            finding = finding
                .help(help)
                .at(&site.pointer, server)
                .secret(c.preview.clone())
                .credential(match c.recognised {
                    Recognised::Format(d) => Some(&d.spec),
                    Recognised::Name => None,
                })
                .discriminator(format!("{}#{n}", recognised_id(c)));
            if let Some(fix) = fix::extraction_fix(cx, site, c, &var) {
                finding = finding.with_fix(fix);
            }
            cx.report(finding);
        }
    }
}

/// What a format's credential is called in messages: "GitHub personal
/// access token (classic)"; "Generic" and "Database" formats by their kind
/// alone.
fn format_words(spec: &CredentialSpec) -> String {
    if matches!(spec.provider.as_str(), "Generic" | "Database") {
        spec.kind.clone()
    } else {
        format!("{} {}", spec.provider, spec.kind)
    }
}

/// The help line pointing at the page where such credentials are revoked.
fn rotate_help(link: &str) -> String {
    format!("\nonce committed or shared, revoke and rotate it: {link}")
}

/// The page where the matched format's credentials are revoked.
fn rotate_link(c: &Candidate) -> Option<&'static str> {
    match c.recognised {
        Recognised::Format(d) => d.spec.rotate.as_deref(),
        Recognised::Name => None,
    }
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
        Field::Other if !dialect.expands_in(Field::Other) => {
            return format!(
                "{client} reads this field as written and expands no reference in it: keep the value out of committed files (move this server to a git-ignored or per-user config, or let the client prompt for it)"
            );
        }
        _ => {}
    }
    let reference = match dialect.spell(site.field, var) {
        Spelling::Advice(advice) => return advice,
        Spelling::Reference(reference) => reference,
    };
    // What the fix writes there: a prompted password input (VS Code).
    let prompted = cx.file.format.client.secret_fix == SecretFix::PasswordInputInHeaders
        && site.field == Field::Headers;
    let (reference, set) = if prompted {
        let id = fix::input_id(var);
        (
            format!("${{input:{id}}}"),
            format!("declare `{id}` as a `promptString` input with \"password\": true ({client} asks for the value on first start and keeps it in its secret storage)"),
        )
    } else {
        (
            reference,
            format!("set {var} in the environment that starts {client}"),
        )
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
            format!("write \"{scheme}{reference}\" and {set}")
        }
        Some(How::BasicAuth) => format!(
            "write the header as \"Basic {reference}\" (its value the base64 of `user:password`) and {set}"
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
        _ => format!("write \"{reference}\" and {set}"),
    }
}
