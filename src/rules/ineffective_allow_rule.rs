use super::permissions::{parse_rule, McpRule};
use super::{permissions, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Category, Finding, Persona, Severity};

pub static META: RuleMeta = RuleMeta {
    id: "ineffective-allow-rule",
    summary: "an allow rule that Claude Code skips: it approves nothing",
    category: Category::Permissions,
    severity: Severity::Warning,
    fix: FixAvailability::None,
    persona: Persona::Regular,
    docs: include_str!("ineffective_allow_rule.md"),
};

pub struct IneffectiveAllowRule;

impl Rule for IneffectiveAllowRule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context) {
        let file = cx.file;
        if !permissions::is_settings(file) {
            return;
        }
        for (rule, node, at) in permissions::rules(file, "allow") {
            let why = match parse_rule(rule) {
                McpRule::Everything => {
                    "wildcards over every MCP tool are valid only in `deny` and `ask`"
                }
                McpRule::GlobbedServer => {
                    "the server segment of an allow rule must be a literal server name"
                }
                _ => continue,
            };
            cx.report(
                Finding::new(&META, node.span, format!("allow rule `{rule}` approves nothing: {why}"))
                    .label("skipped with a warning")
                    .help("name the server: `mcp__<server>__<tool>` (or `mcp__<server>__get_*` for a prefix)")
                    .at(&at, None)
                    .discriminator(rule.to_string()),
            );
        }
    }
}
