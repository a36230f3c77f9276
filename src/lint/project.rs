//! The facts one file of a project holds for another: the servers of a
//! Claude Code project's `.mcp.json`, summarised from that file's own
//! report, for the permission rules of its `.claude/settings*.json`.
//!
//! The run computes them once per project, before it lints the settings
//! files, and puts them in those files' [`Settings`](super::Settings).

use std::path::{Path, PathBuf};

use super::FileReport;
use crate::knowledge::launch::Launch;
use crate::knowledge::servers;
use crate::model::{McpFile, ProjectServer};
use crate::syntax::parse::json::{self, Flavor};
use crate::syntax::source::LineIndex;

/// The rules whose findings make a server powerful.
const POWER: &[&str] = &["broad-credential", "overbroad-scope", "unnarrowed-server"];

/// The project file whose servers a settings file at `path` approves:
/// `<project>/.mcp.json` for `<project>/.claude/settings*.json`.
pub fn servers_file_for(path: &Path, format_id: &str) -> Option<PathBuf> {
    if format_id != crate::clients::claude_code::SETTINGS.id {
        return None;
    }
    let claude = path.parent()?;
    if claude.file_name()? != ".claude" {
        return None;
    }
    Some(claude.parent()?.join(".mcp.json"))
}

/// The servers of a linted `.mcp.json`, each with why it is powerful
/// (the messages of its breadth findings, as reported) and which of its
/// tools are destructive. A file that does not parse has none.
pub fn servers_of(report: &FileReport) -> Vec<ProjectServer> {
    let source = &report.source;
    let Ok(root) = json::parse(&source.text, 0, Flavor::Strict) else {
        return Vec::new();
    };
    let file = McpFile::build(source, report.format, &root);
    let index = LineIndex::new(&source.text);
    let profiles = servers::builtin();
    file.servers
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let launch = Launch::of(&file, i);
            let mut power: Vec<String> = report
                .findings
                .iter()
                .filter(|f| f.server.as_deref() == Some(s.name) && POWER.contains(&f.rule.id))
                .map(|f| f.message.clone())
                .collect();
            power.dedup();
            let matched = servers::profiles_for(profiles, &launch);
            let read_tools = matched
                .iter()
                .flat_map(|p| p.read_tools.iter().cloned())
                .collect();
            let destructive_tools = matched
                .into_iter()
                .filter(|p| !p.judge(&launch).narrowed || !p.judge(&launch).widened.is_empty())
                .flat_map(|p| p.destructive_tools.iter().cloned())
                .collect();
            let line = index
                .line_col(&source.text, s.name_span.start as usize)
                .line;
            ProjectServer {
                name: s.name.to_string(),
                location: format!("{}:{line}", source.display),
                remote: launch.url.is_some(),
                power,
                destructive_tools,
                read_tools,
            }
        })
        .collect()
}
