use super::permissions::{parse_rule, McpRule};
use super::{permissions, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Category, Finding, Persona, Severity};

pub static META: RuleMeta = RuleMeta {
    id: "unguarded-destructive-tools",
    summary: "a write-capable remote server's destructive tools are neither denied nor asked",
    category: Category::Permissions,
    severity: Severity::Warning,
    fix: FixAvailability::None,
    persona: Persona::Pedantic,
    docs: include_str!("unguarded_destructive_tools.md"),
};

pub struct UnguardedDestructiveTools;

impl Rule for UnguardedDestructiveTools {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context) {
        let file = cx.file;
        // The team's policy lives in the committed file; personal files
        // would repeat the same finding.
        if !permissions::is_shared_settings(file) {
            return;
        }
        let guards: Vec<String> = ["deny", "ask"]
            .iter()
            .flat_map(|l| permissions::rules(file, l))
            .filter_map(|(rule, _, _)| match parse_rule(rule) {
                McpRule::Everything => Some("*".to_string()),
                McpRule::Server(s) | McpRule::Tool(s, _) => Some(s.to_string()),
                _ => None,
            })
            .collect();
        let anchor = file
            .root
            .get("permissions")
            .map_or(file.root.span, |p| p.span);
        for server in cx.project {
            if !server.remote || server.destructive_tools.is_empty() {
                continue;
            }
            if guards.iter().any(|g| g == "*" || *g == server.name) {
                continue;
            }
            let tools = server.destructive_tools.join(", ");
            cx.report(
                Finding::new(
                    &META,
                    anchor,
                    format!(
                        "remote server `{}` ({}) can {tools}, but no `deny` or `ask` rule covers it",
                        server.name, server.location
                    ),
                )
                .label("no guard for its destructive tools")
                .help(ask_for(&server.name, &server.destructive_tools))
                .at("/permissions", Some(&server.name))
                .discriminator(server.name.clone()),
            );
        }
    }
}

/// The `ask` rules to add: the profile's tool names and `prefix_*` globs
/// as Claude Code rules (a `*` elsewhere in a name is no rule it reads).
fn ask_for(server: &str, tools: &[String]) -> String {
    let writable = |t: &&String| {
        let body = t.strip_suffix('*').unwrap_or(t);
        !body.is_empty() && !body.contains('*')
    };
    let rules: Vec<String> = tools
        .iter()
        .filter(writable)
        .map(|t| format!("\"mcp__{server}__{t}\""))
        .collect();
    if rules.is_empty() {
        format!("add an `ask` rule (`mcp__{server}__<tool>`) for each of these tools, so they always ask first")
    } else {
        format!(
            "add \"ask\": [{}] so these tools always ask first",
            rules.join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::ask_for;

    #[test]
    fn ask_rules_only_in_forms_claude_code_reads() {
        let tools = [
            "*_create*".to_string(),
            "delete_*".to_string(),
            "push_files".to_string(),
        ];
        assert_eq!(
            ask_for("gh", &tools),
            r#"add "ask": ["mcp__gh__delete_*", "mcp__gh__push_files"] so these tools always ask first"#
        );
        let help = ask_for("az", &tools[..1]);
        assert!(
            help.contains("`mcp__az__<tool>`") && !help.contains("*_create"),
            "{help}"
        );
    }
}
