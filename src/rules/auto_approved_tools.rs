use super::{Context, FixAvailability, Rule, RuleMeta};
use crate::clients::approval::{At, Key, Star, Value};
use crate::finding::{Category, Finding, Persona, Severity};
use crate::knowledge::servers::{self, Profile};
use crate::model::Server;
use crate::syntax::parse::{pointer, Node};
use crate::syntax::source::Span;

pub static META: RuleMeta = RuleMeta {
    id: "auto-approved-tools",
    summary: "a server's write or destructive tools are approved to run without asking",
    category: Category::Permissions,
    severity: Severity::Warning,
    fix: FixAvailability::None,
    persona: Persona::Regular,
    docs: include_str!("auto_approved_tools.md"),
};

pub struct AutoApprovedTools;

impl Rule for AutoApprovedTools {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &mut Context) {
        let file = cx.file;
        let approvals = file.format.client.approvals;
        let keys: Vec<&Key> = approvals
            .allow_lists
            .iter()
            .chain(approvals.trusted_flags)
            .filter(|k| k.file.covers(file.format))
            .collect();
        if keys.is_empty() {
            return;
        }
        for (i, server) in file.servers.iter().enumerate() {
            let Some(profile) = writer(servers::builtin(), cx.launches.of(i)) else {
                continue;
            };
            for key in &keys {
                let At::Server(path) = key.at else { continue };
                let Some(node) = server.node.at_pointer(&format!("/{path}")) else {
                    continue;
                };
                let at = format!("{}/{}", server.pointer, path);
                for (span, approved) in approved(key, node) {
                    if let Some(f) = finding(server, profile, path, &at, span, approved) {
                        cx.report(f);
                    }
                }
            }
        }
    }
}

/// The first profile of a server that can do more than read, as it runs.
/// A switch (read-only mode, chosen toolsets, writes off by default) that
/// is on counts as narrowing, unless a widening setting undoes it; what
/// the server is given to work on (a directory) does not remove a tool.
fn writer<'p>(
    profiles: &'p [Profile],
    launch: &crate::knowledge::launch::Launch,
) -> Option<&'p Profile> {
    servers::profiles_for(profiles, launch)
        .into_iter()
        .find(|p| {
            if p.read_only || p.destructive_tools.is_empty() {
                return false;
            }
            let verdict = p.judge(launch);
            let by_switch = p.narrow.as_ref().is_some_and(|n| {
                n.by_default
                    || !(n.args.is_empty()
                        && n.env.is_empty()
                        && n.url.is_empty()
                        && n.headers.is_empty())
            });
            !(verdict.narrowed && by_switch && verdict.widened.is_empty())
        })
}

/// What one setting approves.
enum Approved<'t> {
    /// Every tool (`["*"]`, `trust: true`).
    Everything,
    /// The tools an entry names (a name, or a glob).
    Tool(&'t str),
}

/// Each approval in `node` with its span.
fn approved<'t>(key: &Key, node: &'t Node<'t>) -> Vec<(Span, Approved<'t>)> {
    match key.value {
        Value::Is(values) if values.iter().any(|v| v.matches(node)) => {
            vec![(node.span, Approved::Everything)]
        }
        Value::Tools(naming) if naming.tool == "{tool}" => node
            .elements()
            .iter()
            .filter_map(|e| Some((e.span, e.as_str()?)))
            .filter_map(|(span, name)| match (name, naming.star) {
                // A tool called `*`: none.
                ("*", Star::Literal) => None,
                ("*", _) => Some((span, Approved::Everything)),
                _ => Some((span, Approved::Tool(name))),
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// `glob` (an entry, `*` matching any run of characters) names `tool`.
fn covers(glob: &str, tool: &str) -> bool {
    match glob.split_once('*') {
        None => glob == tool,
        Some((head, rest)) => {
            tool.starts_with(head)
                && (0..=tool.len() - head.len()).any(|i| {
                    tool.get(head.len() + i..)
                        .is_some_and(|tail| covers(rest, tail))
                })
        }
    }
}

fn finding(
    server: &Server,
    profile: &Profile,
    path: &str,
    at: &str,
    span: Span,
    approved: Approved,
) -> Option<Finding> {
    let list = |tools: &[&str]| {
        let shown: Vec<String> = tools.iter().take(6).map(|t| format!("`{t}`")).collect();
        let more = tools.len().saturating_sub(6);
        if more > 0 {
            format!("{} and {more} more", shown.join(", "))
        } else {
            shown.join(", ")
        }
    };
    let destructive: Vec<&str> = profile
        .destructive_tools
        .iter()
        .map(String::as_str)
        .collect();
    let (message, label) = match approved {
        Approved::Everything => (
            format!(
                "`{path}` lets every tool of `{}` ({}) run without asking, its destructive ones included: {}",
                server.name,
                profile.name,
                list(&destructive)
            ),
            "approves every tool",
        ),
        Approved::Tool(entry) => {
            let named: Vec<&str> = destructive
                .iter()
                .copied()
                .filter(|t| covers(entry, t))
                .collect();
            if named.is_empty() {
                return None;
            }
            (
                format!(
                    "`{path}` lets {} of `{}` ({}) run without asking: {} change or delete data",
                    list(&named),
                    server.name,
                    profile.name,
                    if named.len() == 1 { "it can" } else { "they can" }
                ),
                "approves a destructive tool",
            )
        }
    };
    let read = if profile.read_tools.is_empty() {
        String::new()
    } else {
        format!(
            " (its reading tools: {})",
            list(
                &profile
                    .read_tools
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
            )
        )
    };
    Some(
        Finding::new(&META, span, message)
            .label(label)
            .related(server.name_span, "this server can write and delete")
            .help(format!(
                "approve only tools that read{read}, and let the client ask before the rest"
            ))
            .at(at, Some(server.name))
            .discriminator(pointer::push(at, &span.start.to_string())),
    )
}

#[cfg(test)]
mod tests {
    use super::covers;

    #[test]
    fn globs_cover_what_they_name() {
        assert!(covers("delete_*", "delete_file"));
        assert!(covers("*", "anything"));
        assert!(covers("create_or_update_file", "create_or_update_file"));
        assert!(covers("*_file", "write_file"));
        assert!(!covers("read_*", "write_file"));
        assert!(!covers("write_file", "write_files"));
    }
}
