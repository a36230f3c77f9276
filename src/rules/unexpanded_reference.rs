use super::{place, Context, FixAvailability, Rule, RuleMeta};
use crate::clients::Field;
use crate::clients::{Client, Spelling};
use crate::finding::{Applicability, Category, Edit, Finding, Fix, Persona, Severity};
use crate::syntax::reference::{Reference, Syntax};

pub static META: RuleMeta = RuleMeta {
    id: "unexpanded-reference",
    summary: "a variable reference the client does not expand is sent literally",
    category: Category::Expansion,
    severity: Severity::Error,
    fix: FixAvailability::Sometimes,
    persona: Persona::Regular,
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
            if !dialect.checked.contains(&site.field) {
                continue;
            }
            let (in_shell_script, mcp_remote_header) = match (file.server_of(site), site.index) {
                (Some(server), Some(i)) => (
                    server.is_shell_script_arg(i),
                    server.runs_mcp_remote() && server.is_header_arg(i),
                ),
                _ => (false, false),
            };
            for (n, r) in cx.analysis.references[si].iter().enumerate() {
                // mcp-remote expands `${NAME}` in `--header` values itself.
                let bridged = mcp_remote_header && r.syntax == Syntax::Braced;
                if bridged
                    || dialect.expands(site.field, r.syntax)
                    || !worth_reporting(r, site.field, in_shell_script)
                {
                    continue;
                }
                let written = &site.text()[r.range.clone()];
                let (help, label) = advice(r, |v| dialect.spell(site.field, v), file.format.client);
                let fix = rewrite(
                    r,
                    dialect.spell(site.field, &r.name),
                    site.span_of(&file.source.text, r.range.clone()),
                );
                let finding = Finding::new(
                    &META,
                    site.span_of(&file.source.text, r.range.clone()),
                    if crate::clients::generic::is(file.format.client) {
                        format!(
                            "no MCP client expands `{written}` in {}; the server receives the literal text",
                            place::field(site)
                        )
                    } else {
                        format!(
                            "{client} does not expand `{written}` in {}; the server receives the literal text",
                            place::field(site)
                        )
                    },
                )
                .label(label)
                .help(help)
                .at(&site.pointer, file.server_of(site).map(|s| s.name))
                .discriminator(format!("{:?}:{}#{n}", r.syntax, r.name));
                let finding = match fix {
                    Some(fix) => finding.with_fix(fix),
                    None => finding,
                };
                cx.report(finding);
            }
        }
    }
}

/// The client's own spelling of a plain variable reference, as an edit.
fn rewrite(r: &Reference, spelling: Spelling, span: crate::syntax::source::Span) -> Option<Fix> {
    let plain = matches!(
        r.syntax,
        Syntax::Bare
            | Syntax::Braced
            | Syntax::EnvColon
            | Syntax::Percent
            | Syntax::OpenCode
            | Syntax::DoubleBrace
            | Syntax::ProcessEnv
    ) && r
        .name
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && !r.name.is_empty();
    match spelling {
        Spelling::Reference(text) if plain => Some(Fix {
            title: format!("write {text}"),
            applicability: Applicability::Safe,
            edits: vec![Edit {
                span,
                replacement: text,
            }],
            extraction: None,
        }),
        _ => None,
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
fn advice(r: &Reference, spell: impl Fn(&str) -> Spelling, client: &Client) -> (String, String) {
    let label = format!("{} syntax", r.syntax.origin());
    let write = |var: &str| match spell(var) {
        Spelling::Reference(text) => format!("write `{text}`"),
        Spelling::Advice(text) => text,
    };
    let name = client.name;
    let env_name = r.name.to_ascii_uppercase().replace(['-', '.'], "_");
    let help = match r.syntax {
        Syntax::EditorVariable if r.name == "userHome" => write("HOME"),
        Syntax::EditorVariable => match client.dialect.project_dir {
            Some(dir) => {
                format!("{name} has no editor variables; write `{dir}` for the project folder")
            }
            None => format!("{name} has no editor variables; write the path itself"),
        },
        Syntax::Input => format!("input prompts exist only in VS Code's mcp.json; {}", write(&env_name)),
        Syntax::CommandSubstitution if crate::clients::generic::is(client) => "no MCP client runs commands found in values; start the server from a wrapper script that reads the secret".to_string(),
        Syntax::CommandSubstitution => format!(
            "{name} never runs commands found in values; start the server from a wrapper script that reads the secret (Claude Code: `headersHelper` for headers)"
        ),
        Syntax::NestedDefault => format!(
            "only one level is supported: write `${{{}:-…}}` with a literal default",
            r.name
        ),
        Syntax::ShellParameter => format!("{name} does not run a shell over this value; {}", write(&r.name)),
        Syntax::ProcessEnv => format!(
            "`${{process.env.{0}}}` is JavaScript, which {name} does not evaluate in its config; {1}",
            r.name,
            write(&r.name)
        ),
        Syntax::OpenCode | Syntax::FileColon if r.name.contains('/') || r.name.contains('.') => {
            format!("{name} cannot read files from values; read the file in a wrapper script")
        }
        _ => write(&r.name),
    };
    (help, label)
}
