use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::clients::{Field, Language};
use crate::finding::{Applicability, Category, Finding, Fix, Persona, Severity};
use crate::knowledge::launch::Launch;
use crate::knowledge::servers::{self, NarrowFix};
use crate::model::{McpFile, Server};
use crate::syntax::json_edit::{self, string};

pub static META: RuleMeta = RuleMeta {
    id: "unnarrowed-server",
    summary: "a server that offers narrowing runs with everything it can do, or is widened",
    category: Category::Scope,
    severity: Severity::Warning,
    fix: FixAvailability::Sometimes,
    persona: Persona::Regular,
    docs: include_str!("unnarrowed_server.md"),
};

pub struct UnnarrowedServer;

impl Rule for UnnarrowedServer {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context) {
        let file = cx.file;
        let profiles = servers::builtin();
        for (i, server) in file.servers.iter().enumerate() {
            let launch = cx.launches.of(i);
            for profile in servers::profiles_for(profiles, launch) {
                let verdict = profile.judge(launch);
                for (widen, span) in &verdict.widened {
                    cx.report(
                        Finding::new(
                            &META,
                            *span,
                            format!(
                                "`{}` ({}) is widened: {}",
                                server.name, profile.name, widen.message
                            ),
                        )
                        .label("widens the server")
                        .help("remove this setting unless the server really needs it")
                        .related(server.name_span, "server")
                        .at(&server.pointer, Some(server.name))
                        .discriminator(format!("widen:{}:{}", profile.id, widen.message)),
                    );
                }
                // Only a server that offers narrowing can be blamed for
                // running wide, and only if some tool does more than read.
                if verdict.narrowed
                    || !verdict.widened.is_empty()
                    || profile.narrow.is_none()
                    || profile.read_only
                {
                    continue;
                }
                let suggest = profile.narrow.as_ref().map_or("", |n| n.suggest.as_str());
                let fix = profile
                    .narrowing_fix(launch)
                    .and_then(|fix| narrowing_fix(file, server, launch, fix));
                let mut finding = Finding::new(
                    &META,
                    server.name_span,
                    format!(
                        "`{}` ({}) runs with every tool it offers{}",
                        server.name,
                        profile.name,
                        match (&profile.tools_can, profile.destructive_tools.is_empty()) {
                            (Some(can), _) => format!(": its tools {can}"),
                            (None, true) => String::new(),
                            (None, false) => ", write tools included".to_string(),
                        }
                    ),
                )
                .label("not narrowed")
                // A server left at its defaults is hardening advice; one
                // widened on purpose (above) is for every reviewer.
                .persona(Persona::Pedantic)
                .help(if suggest.is_empty() {
                    "narrow it to the tools this project needs".to_string()
                } else {
                    suggest.to_string()
                })
                .at(&server.pointer, Some(server.name))
                .discriminator(format!("wide:{}", profile.id));
                if let Some(fix) = fix {
                    finding = finding.with_fix(fix);
                }
                cx.report(finding);
            }
        }
    }
}

/// The unsafe fix adding a narrowing setting to a server entry, in JSON
/// files (TOML and YAML entries keep the advice).
fn narrowing_fix(file: &McpFile, server: &Server, launch: &Launch, fix: &NarrowFix) -> Option<Fix> {
    if !matches!(file.format.language, Language::Json | Language::Jsonc) || launch.in_shell_string {
        return None;
    }
    let text = file.source.text.as_str();
    let node = server.node;
    let key_of = |field: Field| file.format.layout.key(field);
    let set = |key: &str, name: &str, value: &str| {
        json_edit::insert_into_map(text, node, key, name, &string(value))
    };
    let mut edits = Vec::new();
    let what = if let (Some(name), Some(value)) = (&fix.env, &fix.value) {
        edits.push(set(key_of(Field::Env)?, name, value)?);
        // A container sees only the variables `docker run -e` passes on.
        if let Some((_, image_span)) = launch.image() {
            let args = node.get(key_of(Field::Args)?)?;
            let image = args.elements().iter().find(|e| e.span == image_span)?;
            edits.push(json_edit::insert_before(
                text,
                image,
                &[string("-e"), string(name)],
            ));
        }
        format!("set {name}={value}")
    } else if let Some(flag) = &fix.arg {
        // OpenCode's `command` array holds the program and its arguments.
        let args_key = key_of(Field::Args).or_else(|| {
            node.get("command")
                .filter(|c| matches!(c.value, crate::syntax::parse::Value::Array(_)))
                .map(|_| "command")
        })?;
        edits.push(match node.get(args_key) {
            Some(args) => json_edit::push_element(text, args, &string(flag))?,
            None => json_edit::insert_member(text, node, args_key, &format!("[{}]", string(flag)))?,
        });
        format!("add `{flag}` to its arguments")
    } else if let (Some(name), Some(value)) = (&fix.header, &fix.value) {
        edits.push(set(key_of(Field::Headers)?, name, value)?);
        format!("send the header {name}: {value}")
    } else {
        return None;
    };
    Some(Fix {
        title: format!("{}: {what}", fix.title),
        applicability: Applicability::Unsafe,
        edits,
        extraction: None,
    })
}
