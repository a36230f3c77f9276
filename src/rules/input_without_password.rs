use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Category, Finding, Persona, Severity};
use crate::knowledge::detect::names;

pub static META: RuleMeta = RuleMeta {
    id: "input-without-password",
    summary: "an input that asks for a credential is not marked `password: true`",
    category: Category::Secret,
    severity: Severity::Warning,
    fix: FixAvailability::None,
    persona: Persona::Pedantic,
    docs: include_str!("input_without_password.md"),
};

pub struct InputWithoutPassword;

/// Words in a description that say the prompt is for a credential.
const CREDENTIAL_WORDS: &[&str] = &[
    "token",
    "api key",
    "apikey",
    "secret",
    "password",
    "credential",
    "pat",
];

impl Rule for InputWithoutPassword {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context) {
        let file = cx.file;
        for input in &file.inputs {
            if input.password || input.kind.is_some_and(|k| k != "promptString") {
                continue;
            }
            let described = input.description.is_some_and(|d| {
                names::words(d)
                    .iter()
                    .any(|w| CREDENTIAL_WORDS.contains(&w.as_str()))
                    || d.to_ascii_lowercase().contains("api key")
            });
            if !names::is_secret_name(input.id) && !described {
                continue;
            }
            let span = input.node.get("id").map_or(input.node.span, |n| n.span);
            let finding = Finding::new(
                &META,
                span,
                format!(
                    "input `{}` asks for a credential but is not `password: true`",
                    input.id
                ),
            )
            .label("shown as typed, stored in plain settings")
            .help("add \"password\": true so VS Code hides what is typed and keeps it in its secret storage")
            .at(&input.pointer, None)
            .discriminator(input.id);
            cx.report(finding);
        }
    }
}
