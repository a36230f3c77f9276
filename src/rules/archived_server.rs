use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Category, Finding, Persona, Severity};
use crate::knowledge::archived::{self, Archived};
use crate::knowledge::package;

pub static META: RuleMeta = RuleMeta {
    id: "archived-server",
    summary: "a server is archived by its owners and gets no security fixes",
    category: Category::SupplyChain,
    severity: Severity::Warning,
    fix: FixAvailability::None,
    persona: Persona::Regular,
    docs: include_str!("archived_server.md"),
};

pub struct ArchivedServer;

impl Rule for ArchivedServer {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context) {
        let file = cx.file;
        for (i, server) in file.servers.iter().enumerate() {
            let launch = cx.launches.of(i);
            let Some(launched) = package::launched(launch) else {
                continue;
            };
            let Some(entry) = archived::of(&launched) else {
                continue;
            };
            cx.report(
                Finding::new(&META, launched.span, message(server.name, entry))
                    .label("archived")
                    .help(help(entry))
                    .at(&server.pointer, Some(server.name))
                    .discriminator(launched.name.to_string()),
            );
        }
    }
}

fn message(server: &str, entry: &Archived) -> String {
    let when = if entry.archived.is_empty() {
        String::new()
    } else {
        format!(" since {}", entry.archived)
    };
    let mut message = format!(
        "`{server}` runs the {}, archived{when}: it gets no security fixes",
        entry.name
    );
    if !entry.problem.is_empty() {
        message.push_str(" and has a known flaw");
    }
    message
}

fn help(entry: &Archived) -> String {
    let flaw = if entry.problem.is_empty() {
        String::new()
    } else {
        format!(
            "never fixed: {} ({}); ",
            entry.problem, entry.problem_source
        )
    };
    flaw + &match (entry.replacement.as_str(), entry.launch.as_str()) {
        ("", _) => format!(
            "no maintained successor is known: remove the server, or review and vendor its code ({})",
            entry.source
        ),
        (replacement, "") => format!(
            "move to {replacement} ({})",
            entry.replacement_source
        ),
        (replacement, launch) => format!(
            "move to {replacement}, narrowed: `{launch}`; {} ({})",
            entry.narrowing, entry.replacement_source
        ),
    }
}
