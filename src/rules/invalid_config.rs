use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Category, Finding, Persona, Severity};
use crate::knowledge::schema;

pub static META: RuleMeta = RuleMeta {
    id: "invalid-config",
    summary: "the file does not match its client's config schema",
    category: Category::Schema,
    severity: Severity::Error,
    fix: FixAvailability::None,
    persona: Persona::Regular,
    docs: include_str!("invalid_config.md"),
};

pub struct InvalidConfig;

impl Rule for InvalidConfig {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context) {
        let file = cx.file;
        for (n, v) in schema::validate(file.format, file.root)
            .into_iter()
            .enumerate()
        {
            let server = file
                .servers
                .iter()
                .find(|s| {
                    v.pointer.starts_with(&format!("{}/", s.pointer)) || v.pointer == s.pointer
                })
                .map(|s| s.name);
            let mut help = format!(
                "{} expects this per its schema (`mcplint explain invalid-config`)",
                file.format.describes
            );
            if let Some(description) = &v.help {
                help = description.clone();
            }
            let finding = Finding::new(
                &META,
                v.span,
                format!("{} ({})", v.message, file.format.client.name),
            )
            .label("here")
            .help(help)
            .at(&v.pointer, server)
            .discriminator(format!("schema#{n}"));
            cx.report(finding);
        }
    }
}
