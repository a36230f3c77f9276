use super::{permissions, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Category, Finding, Persona, Severity};
use crate::syntax::parse::{Node, Value};

pub static META: RuleMeta = RuleMeta {
    id: "auto-approved-servers",
    summary:
        "a committed settings file approves the project's MCP servers for everyone who clones it",
    category: Category::Permissions,
    severity: Severity::Warning,
    fix: FixAvailability::None,
    persona: Persona::Regular,
    docs: include_str!("auto_approved_servers.md"),
};

pub struct AutoApprovedServers;

impl Rule for AutoApprovedServers {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context) {
        let file = cx.file;
        if !permissions::is_shared_settings(file) {
            return;
        }
        if let Some(node) = file.root.get("enableAllProjectMcpServers") {
            if matches!(node.value, Value::Bool(true)) {
                cx.report(
                    Finding::new(&META, node.span, "`enableAllProjectMcpServers: true` in a committed settings file approves every server of `.mcp.json`, including ones added later")
                        .label("approves every project server")
                        .help("remove it: each developer approves servers once, and `claude -p`/CI runs should list them with `enabledMcpjsonServers` in a personal or managed file")
                        .at("/enableAllProjectMcpServers", None)
                        .discriminator("enable-all"),
                );
                // Every server is approved already: a list adds nothing, so
                // the file gets one finding.
                return;
            }
        }
        let Some(list) = file.root.get("enabledMcpjsonServers") else {
            return;
        };
        let enabled: Vec<&str> = list.elements().iter().filter_map(Node::as_str).collect();
        let servers = cx.project;
        let all = servers.len() >= 2 && servers.iter().all(|s| enabled.contains(&s.name.as_str()));
        let powerful: Vec<&crate::model::ProjectServer> = servers
            .iter()
            .filter(|s| enabled.contains(&s.name.as_str()) && !s.power.is_empty())
            .collect();
        if !all && powerful.is_empty() {
            return;
        }
        let why = if all {
            "lists every server of `.mcp.json`".to_string()
        } else {
            let names: Vec<String> = powerful
                .iter()
                .map(|s| format!("`{}` ({})", s.name, s.location))
                .collect();
            format!("approves {} that hold broad privilege", names.join(", "))
        };
        cx.report(
            Finding::new(&META, list.span, format!("`enabledMcpjsonServers` in a committed settings file {why}"))
                .label("approved for everyone who clones")
                .help("approve servers per developer (the prompt writes `.claude/settings.local.json`), or narrow the servers first")
                .at("/enabledMcpjsonServers", None)
                .discriminator("enabled-list"),
        );
    }
}
