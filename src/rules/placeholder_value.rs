use super::{place, Context, FixAvailability, Rule, RuleMeta};
use crate::clients::Spelling;
use crate::finding::{Category, Finding, Persona, Severity};
use crate::knowledge::analysis::sent_to_server;
use crate::knowledge::detect::HitState;
use crate::knowledge::varname;

pub static META: RuleMeta = RuleMeta {
    id: "placeholder-value",
    summary: "a placeholder is left where the server expects a credential",
    category: Category::Hygiene,
    severity: Severity::Note,
    fix: FixAvailability::None,
    persona: Persona::Pedantic,
    docs: include_str!("placeholder_value.md"),
};

pub struct PlaceholderValue;

impl Rule for PlaceholderValue {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context) {
        let file = cx.file;
        for (n, c) in cx.analysis.candidates.iter().enumerate() {
            let site = &file.sites[c.site];
            if c.state != HitState::Placeholder || !sent_to_server(site.field) {
                continue;
            }
            let server = file.server_of(site).map(|s| s.name);
            let var = varname::for_credential(server, c.name.as_deref(), c.how);
            let finding = Finding::new(
                &META,
                c.span,
                format!(
                    "placeholder in {}: the server receives it as the credential",
                    place::describe(site, c.name.as_deref(), c.how)
                ),
            )
            .label("placeholder, not a credential")
            .help(match file.format.client.dialect.spell(site.field, &var) {
                Spelling::Reference(r) => format!(
                    "write \"{r}\" and set {var} in the environment that starts {}",
                    file.format.client.name
                ),
                Spelling::Advice(advice) => advice,
            })
            .at(&site.pointer, server)
            .discriminator(format!("placeholder#{n}"));
            cx.report(finding);
        }
    }
}
