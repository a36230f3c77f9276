use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Category, Finding, Persona, Severity};
use crate::syntax::parse::pointer;

pub static META: RuleMeta = RuleMeta {
    id: "deprecated-sse",
    summary: "a server uses the deprecated SSE transport",
    category: Category::Transport,
    severity: Severity::Note,
    fix: FixAvailability::None,
    persona: Persona::Pedantic,
    docs: include_str!("deprecated_sse.md"),
};

pub struct DeprecatedSse;

impl Rule for DeprecatedSse {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context) {
        let file = cx.file;
        for server in &file.servers {
            let Some(kind) = server
                .node
                .get("type")
                .or_else(|| server.node.get("transport"))
            else {
                continue;
            };
            if kind.as_str().is_none_or(|t| !t.eq_ignore_ascii_case("sse")) {
                continue;
            }
            let key = if server.node.get("type").is_some() {
                "type"
            } else {
                "transport"
            };
            cx.report(
                Finding::new(&META, kind.span, format!("`{}` uses the SSE transport, deprecated since MCP 2025-03-26", server.name))
                    .label("deprecated transport")
                    .help("use Streamable HTTP (`\"type\": \"http\"` in Claude Code and VS Code) if the server offers it")
                    .at(&pointer::push(&server.pointer, key), Some(server.name))
                    .discriminator("sse"),
            );
        }
    }
}
