use super::{place, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Category, Finding, Severity};
use crate::formats::Field;
use crate::reference::{Reference, Syntax};

pub static META: RuleMeta = RuleMeta {
    id: "unexpanded-reference",
    summary: "a variable reference the client does not expand is sent literally",
    category: Category::Expansion,
    severity: Severity::Error,
    fix: FixAvailability::None,
    docs: include_str!("unexpanded_reference.md"),
};

pub struct UnexpandedReference;

fn env_like(name: &str) -> bool {
    name.len() >= 2
        && name.starts_with(|c: char| c.is_ascii_uppercase() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

impl Rule for UnexpandedReference {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context) {
        let file = cx.file;
        let dialect = &file.format.client.dialect;
        let client = file.format.client.name;
        for (si, site) in file.sites.iter().enumerate() {
            if !file.expands_in(site.field) {
                continue;
            }
            let in_shell_script = match (file.server_of(site), site.index) {
                (Some(server), Some(i)) => server.is_shell_script_arg(i),
                _ => false,
            };
            for (n, r) in cx.analysis.references[si].iter().enumerate() {
                if dialect.expands.contains(&r.syntax)
                    || !worth_reporting(r, site.field, in_shell_script)
                {
                    continue;
                }
                let written = &site.text()[r.range.clone()];
                let (help, label) = advice(r, |v| dialect.reference_to(v), client);
                let finding = Finding::new(
                    &META,
                    site.span_of(&file.source.text, r.range.clone()),
                    format!(
                        "{client} does not expand `{written}` in {}; the server receives the literal text",
                        place::field(site)
                    ),
                )
                .label(label)
                .help(help)
                .at(&site.pointer, file.server_of(site).map(|s| s.name))
                .discriminator(format!("{:?}:{}#{n}", r.syntax, r.name));
                cx.report(finding);
            }
        }
    }
}

/// Shell syntax inside `sh -c` scripts is the shell's business, `$lower`
/// and `%lower%` are rarely variables, and nested defaults do work in
/// headers (expanded twice).
fn worth_reporting(r: &Reference, field: Field, in_shell_script: bool) -> bool {
    match r.syntax {
        Syntax::Bare | Syntax::CommandSubstitution | Syntax::ShellParameter if in_shell_script => {
            false
        }
        Syntax::Bare | Syntax::Percent => env_like(&r.name),
        Syntax::NestedDefault => field != Field::Headers,
        _ => true,
    }
}

/// The help line and the label for one reference.
fn advice(r: &Reference, reference_to: impl Fn(&str) -> String, client: &str) -> (String, String) {
    let label = format!("{} syntax", r.syntax.origin());
    let help = match r.syntax {
        Syntax::EditorVariable if r.name == "userHome" => {
            format!("write `{}`", reference_to("HOME"))
        }
        Syntax::EditorVariable => format!(
            "{client} has no editor variables; write `{}` for the project folder",
            reference_to("CLAUDE_PROJECT_DIR:-.")
        ),
        Syntax::Input => format!(
            "input prompts exist only in VS Code's mcp.json; write `{}` and set {} in your environment",
            reference_to(&r.name.to_ascii_uppercase().replace(['-', '.'], "_")),
            r.name.to_ascii_uppercase().replace(['-', '.'], "_")
        ),
        Syntax::CommandSubstitution => format!(
            "{client} never runs commands found in values; for a header use `headersHelper`, otherwise start the server from a wrapper script that reads the secret"
        ),
        Syntax::NestedDefault => format!(
            "only one level is supported: write `{}` with a literal default",
            reference_to(&format!("{}:-…", r.name))
        ),
        Syntax::ShellParameter => format!(
            "{client} expands only `{}` and `{}`",
            reference_to("VAR"),
            reference_to("VAR:-default")
        ),
        Syntax::OpenCode if !r.name.contains('/') && !r.name.contains('.') => {
            format!("write `{}`", reference_to(&r.name))
        }
        Syntax::OpenCode => format!("{client} cannot read files from values; read the file in a wrapper script"),
        _ => format!("write `{}`", reference_to(&r.name)),
    };
    (help, label)
}
