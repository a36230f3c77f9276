use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::clients::Field;
use crate::finding::{Category, Finding, Persona, Severity};
use crate::knowledge::carriers::{self, How};
use crate::knowledge::detect::names;

pub static META: RuleMeta = RuleMeta {
    id: "credentials-in-url",
    summary: "a server URL carries credentials (userinfo or a key in the query string)",
    category: Category::Transport,
    severity: Severity::Warning,
    fix: FixAvailability::None,
    persona: Persona::Regular,
    docs: include_str!("credentials_in_url.md"),
};

pub struct CredentialsInUrl;

impl Rule for CredentialsInUrl {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context) {
        let file = cx.file;
        for site in file.sites.iter().filter(|s| s.field == Field::Url) {
            for c in carriers::carried(site, file.server_of(site)) {
                let what = match (c.how, c.name.as_deref()) {
                    (How::UrlPassword, _) => "a password in its userinfo".to_string(),
                    (How::UrlQuery, Some(n)) if names::is_secret_name(n) => {
                        format!("the credential parameter `{n}`")
                    }
                    _ => continue,
                };
                cx.report(
                    Finding::new(
                        &META,
                        site.span_of(&file.source.text, c.range.clone()),
                        format!("the server URL carries {what}"),
                    )
                    .label("credential in the URL")
                    .help("send it in a header instead: URLs are written to server, proxy and client logs, even when the value is a reference")
                    .at(&site.pointer, file.server_of(site).map(|s| s.name))
                    .discriminator(format!("{:?}:{}", c.how, c.name.as_deref().unwrap_or_default())),
                );
            }
        }
    }
}
