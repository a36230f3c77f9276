use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Category, Finding, Persona, Severity};
use crate::syntax::reference::Syntax;

pub static META: RuleMeta = RuleMeta {
    id: "unknown-input",
    summary: "a `${input:id}` reference names no entry of `inputs`",
    category: Category::Expansion,
    severity: Severity::Error,
    fix: FixAvailability::None,
    persona: Persona::Regular,
    docs: include_str!("unknown_input.md"),
};

pub struct UnknownInput;

impl Rule for UnknownInput {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context) {
        let file = cx.file;
        if file.format.layout.inputs.is_none() {
            return; // other clients have no inputs: unexpanded-reference speaks
        }
        for (si, site) in file.sites.iter().enumerate() {
            for r in &cx.analysis.references[si] {
                if r.syntax != Syntax::Input || file.inputs.iter().any(|i| i.id == r.name) {
                    continue;
                }
                let known: Vec<&str> = file.inputs.iter().map(|i| i.id).collect();
                let finding = Finding::new(
                    &META,
                    site.span_of(&file.source.text, r.range.clone()),
                    format!("`${{input:{}}}` names no entry of `inputs`", r.name),
                )
                .label("no such input")
                .help(format!(
                    "add {{\"type\": \"promptString\", \"id\": \"{}\", \"description\": \"…\", \"password\": true}} to `inputs`{}",
                    r.name,
                    if known.is_empty() {
                        String::new()
                    } else {
                        format!(" (defined: {})", known.join(", "))
                    }
                ))
                .at(&site.pointer, file.server_of(site).map(|s| s.name))
                .discriminator(format!("input:{}", r.name));
                cx.report(finding);
            }
        }
    }
}
