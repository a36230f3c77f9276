//! A config in a client's folder, under a name that client does not read:
//! its servers are never started unless the file is named to the client by
//! hand (`claude --mcp-config .claude/mcp.json`).

use std::path::Path;

use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::clients::recognise;
use crate::finding::{Category, Finding, Persona, Severity};
use crate::syntax::parse::pointer;

pub static META: RuleMeta = RuleMeta {
    id: "unread-config",
    summary: "a config sits in a client's folder under a name that client does not read",
    category: Category::Schema,
    severity: Severity::Note,
    fix: FixAvailability::None,
    persona: Persona::Regular,
    docs: include_str!("unread_config.md"),
};

pub struct UnreadConfig;

impl Rule for UnreadConfig {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context) {
        let file = cx.file;
        let Some(reads) = recognise::unread_location(Path::new(&file.source.display), file.format)
            .or_else(|| recognise::unread_location(&file.source.path, file.format))
        else {
            return;
        };
        // Point at the key that holds the servers.
        let Some(member) = file.root.members().iter().find(|m| {
            file.format
                .layout
                .servers
                .iter()
                .any(|p| p.trim_start_matches('/') == m.key)
        }) else {
            return;
        };
        let client = file.format.client.name;
        cx.report(
            Finding::new(
                &META,
                member.key_span,
                format!("{client} does not read this file by itself: its servers are not started"),
            )
            .label(format!("{client} reads {reads}"))
            .help(if file.format.client.id == "claude-code" {
                format!("move the servers to {reads} at the project root, or pass this file when starting Claude Code (`claude --mcp-config <file>`)")
            } else {
                format!("move the servers to {reads}")
            })
            .at(&pointer::push("", &member.key), None)
            .discriminator("unread"),
        );
    }
}
