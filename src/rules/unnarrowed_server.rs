use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Category, Finding, Severity};
use crate::servers::{self, Launch};

pub static META: RuleMeta = RuleMeta {
    id: "unnarrowed-server",
    summary: "a server that offers narrowing runs with everything it can do, or is widened",
    category: Category::Scope,
    severity: Severity::Warning,
    fix: FixAvailability::None,
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
            let launch = Launch::of(file, i);
            for profile in servers::profiles_for(profiles, &launch) {
                let verdict = profile.judge(&launch);
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
                // Only a server that offers narrowing can be blamed for running wide.
                if verdict.narrowed || !verdict.widened.is_empty() || profile.narrow.is_none() {
                    continue;
                }
                let suggest = profile.narrow.as_ref().map_or("", |n| n.suggest.as_str());
                cx.report(
                    Finding::new(
                        &META,
                        server.name_span,
                        format!(
                            "`{}` ({}) runs with every tool it offers{}",
                            server.name,
                            profile.name,
                            if profile.destructive_tools.is_empty() {
                                ""
                            } else {
                                ", write tools included"
                            }
                        ),
                    )
                    .label("not narrowed")
                    .help(if suggest.is_empty() {
                        "narrow it to the tools this project needs".to_string()
                    } else {
                        suggest.to_string()
                    })
                    .at(&server.pointer, Some(server.name))
                    .discriminator(format!("wide:{}", profile.id)),
                );
            }
        }
    }
}
