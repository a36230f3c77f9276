use super::permissions::{parse_rule, McpRule};
use super::{permissions, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Category, Finding, Persona, Severity};

pub static META: RuleMeta = RuleMeta {
    id: "broad-allow-rule",
    summary: "an allow rule approves every tool of a server that holds broad privilege",
    category: Category::Permissions,
    severity: Severity::Warning,
    fix: FixAvailability::None,
    persona: Persona::Regular,
    docs: include_str!("broad_allow_rule.md"),
};

pub struct BroadAllowRule;

impl Rule for BroadAllowRule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context) {
        let file = cx.file;
        if !permissions::is_settings(file) {
            return;
        }
        let servers = cx.project;
        for (rule, node, at) in permissions::rules(file, "allow") {
            let McpRule::Server(name) = parse_rule(rule) else {
                continue;
            };
            let Some(server) = servers.iter().find(|s| s.name == name) else {
                continue;
            };
            if server.power.is_empty() && server.destructive_tools.is_empty() {
                continue;
            }
            let why = server.power.first().cloned().unwrap_or_else(|| {
                format!("its tools include {}", server.destructive_tools.join(", "))
            });
            cx.report(
                Finding::new(
                    &META,
                    node.span,
                    format!("`{rule}` approves every tool of `{name}` ({}), which holds broad privilege: {why}", server.location),
                )
                .label("approves the whole server")
                .help(approve_instead(name, &server.read_tools))
                .at(&at, Some(name))
                .discriminator(rule.to_string()),
            );
        }
    }
}

/// Approvals to write instead, naming tools the server has when its
/// profile knows them.
fn approve_instead(server: &str, read_tools: &[String]) -> String {
    if read_tools.is_empty() {
        return format!(
            "approve the tools it needs one by one (`mcp__{server}__<tool>`), and deny or ask for the rest"
        );
    }
    let rules: Vec<String> = read_tools
        .iter()
        .map(|t| format!("\"mcp__{server}__{t}\""))
        .collect();
    format!(
        "approve only its read tools ({}), and deny or ask for the rest",
        rules.join(", ")
    )
}
