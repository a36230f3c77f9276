//! Recognition by content: a file whose path is no client's, but whose
//! name suggests MCP (`mcp.json`, `mcp_config.yaml`, `.claude/mcp.json`,
//! a settings file in an agent's folder) and whose content holds an MCP
//! server map, is linted as the client its folder points to, or as a
//! generic MCP config. Only files whose names pass [`name_suggests_mcp`]
//! are ever read for this.

use std::path::Path;

use super::{formats, generic, Format, Language};
use crate::syntax::parse::json::{self, Flavor};
use crate::syntax::parse::{toml, yaml, Node};

/// A file recognised by its content, and why it was read as it is.
#[derive(Debug, Clone)]
pub struct ByContent {
    pub format: &'static Format,
    /// For messages: "its name mentions MCP and it holds `mcpServers`; …".
    pub why: String,
}

/// Folders of agent tools whose settings files may hold MCP servers, and
/// the format each points to (`None`: the folder is an agent's, but its
/// client reads no such file that mcplint knows).
pub const AGENT_FOLDERS: &[(&str, Option<&str>)] = &[
    (".claude", Some("claude-code")),
    (".cursor", Some("cursor")),
    (".vscode", Some("vscode")),
    (".gemini", Some("gemini-cli")),
    (".codex", Some("codex")),
    (".zed", Some("zed")),
    (".roo", Some("roo-code")),
    (".amazonq", Some("amazon-q")),
    (".copilot", Some("copilot-cli")),
    (".windsurf", Some("windsurf")),
    (".codeium", Some("windsurf")),
    (".continue", None),
    (".kiro", Some("kiro")),
    (".qwen", Some("qwen-code")),
    (".junie", Some("junie")),
    (".kilocode", Some("kilo-code")),
    (".trae", Some("trae")),
    (".crush", Some("crush")),
    (".lmstudio", Some("lm-studio")),
    (".augment", Some("augment")),
    (".amp", Some("amp")),
    (".opencode", Some("opencode")),
    (".kilo", Some("kilo-code-config")),
];

/// The client that `format` belongs to does not read `path`, though the
/// file sits in that client's folder (`.claude/mcp.json`: Claude Code reads
/// `.mcp.json`). `Some` names the paths it reads instead.
pub fn unread_location(path: &Path, format: &Format) -> Option<String> {
    let (_, id) = agent_folder(path)?;
    if *id != Some(format.id) || super::for_path(path).is_some() {
        return None;
    }
    Some(own_path(format))
}

/// Files larger than this are not read to find out whether they are
/// configs: a config is small, and the walk must stay cheap.
pub const MAX_PROBE: u64 = 1 << 20;

pub const EXTENSIONS: &[(&str, Language)] = &[
    (".json", Language::Jsonc),
    (".jsonc", Language::Jsonc),
    (".json5", Language::Jsonc),
    (".toml", Language::Toml),
    (".yaml", Language::Yaml),
    (".yml", Language::Yaml),
];

/// The language a name's extension says, case aside.
fn language_of(name: &str) -> Option<Language> {
    // Asked of every file of a walk: no allocation.
    let ends_with = |ext: &str| {
        name.len() >= ext.len()
            && name.as_bytes()[name.len() - ext.len()..].eq_ignore_ascii_case(ext.as_bytes())
    };
    EXTENSIONS
        .iter()
        .find(|(ext, _)| ends_with(ext))
        .map(|(_, l)| *l)
}

/// The agent folder `path` sits in directly, if any.
fn agent_folder(path: &Path) -> Option<&'static (&'static str, Option<&'static str>)> {
    let parent = path.parent()?.file_name()?.to_str()?;
    AGENT_FOLDERS.iter().find(|(f, _)| *f == parent)
}

/// Could this file be an MCP config by its name? `*mcp*.json` (and
/// `.jsonc`, `.toml`, `.yaml`, `.yml`), case aside, or a `settings.json` /
/// `config.*` in an agent's folder.
pub fn name_suggests_mcp(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    if language_of(name).is_none() {
        return false;
    }
    let lower = name.to_ascii_lowercase();
    if lower.contains("mcp") {
        return true;
    }
    let stem = lower.split('.').next().unwrap_or("");
    matches!(stem, "settings" | "config") && agent_folder(path).is_some()
}

/// Does `node` look like a map of MCP server entries: an object whose
/// entries are objects, at least one with a launch or connection key?
fn server_map(node: &Node) -> bool {
    const LAUNCH: &[&str] = &[
        "command",
        "url",
        "httpUrl",
        "serverUrl",
        "type",
        "transport",
    ];
    node.is_object()
        && !node.members().is_empty()
        && node.members().iter().all(|m| m.value.is_object())
        && node
            .members()
            .iter()
            .any(|m| LAUNCH.iter().any(|k| m.value.get(k).is_some()))
}

/// The server map key of a parsed document, if it has one. `mcpServers`
/// counts whatever it holds (an empty map is still a config); the other,
/// more common words only with server entries in them.
fn server_key(root: &Node) -> Option<&'static str> {
    generic::SERVER_KEYS.iter().copied().find(|key| {
        root.get(key).is_some_and(|n| {
            if *key == "mcpServers" {
                n.is_object()
            } else {
                server_map(n)
            }
        })
    })
}

/// Recognise `text`, the content of the file at `path` (whose name passed
/// [`name_suggests_mcp`]), as an MCP config.
pub fn by_content(path: &Path, text: &str) -> Option<ByContent> {
    let name = path.file_name()?.to_str()?;
    let language = language_of(name)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root = match language {
        Language::Json | Language::Jsonc => json::parse(text, 0, Flavor::Jsonc).ok()?,
        Language::Toml => toml::parse(text, 0).ok()?,
        Language::Yaml => yaml::parse(text, 0).ok()?,
    };
    let key = server_key(&root)?;
    let generic = generic::format_for(language);
    // The agent folder it sits in chooses the client, when that client's
    // format has the same language and keeps its servers under that key.
    let folder = agent_folder(path);
    let client_format = folder.and_then(|(_, id)| {
        let id = (*id)?;
        formats().iter().copied().find(|f| {
            f.id == id
                && same_family(f.language, language)
                && f.layout.servers.contains(&format!("/{key}").as_str())
        })
    });
    Some(match (client_format, folder) {
        (Some(format), Some((dir, _))) => ByContent {
            format,
            why: format!(
                "its name suggests MCP, it holds `{key}` and it sits in `{dir}/`: read as {client}; \
                 {client} does not read this path by itself (it reads {})",
                own_path(format),
                client = format.client.name,
            ),
        },
        _ => ByContent {
            format: generic,
            why: format!(
                "its name suggests MCP and it holds `{key}`; the client that reads it is not known, so only references no client expands are reported"
            ),
        },
    })
}

/// The file `format`'s client reads for it, for "it reads `.mcp.json`":
/// its first path, the one a project commits.
fn own_path(format: &Format) -> String {
    match format.paths.first() {
        Some(path) => format!("`{path}`"),
        None => "no file of this shape".to_string(),
    }
}

fn same_family(a: Language, b: Language) -> bool {
    let family = |l: Language| match l {
        Language::Json | Language::Jsonc => 0,
        Language::Toml => 1,
        Language::Yaml => 2,
    };
    family(a) == family(b)
}
