//! How a client lets tools run without asking, which tools it hides, and
//! which servers it will not start: data only, one [`Approvals`] value in
//! each client's module, every entry naming where its fact came from.
//!
//! Rules read this to judge an approval by what the approved server can do;
//! nothing here reads a file. A key sits either in a server entry
//! ([`At::Server`], a `/`-separated path below the entry, as
//! [`Layout`](super::Layout) fields are written) or at a fixed place in the
//! file ([`At::File`], a JSON Pointer from the root; a `*` token matches any
//! key; TOML and YAML documents are addressed through their JSON data
//! model). [`In`] says which of the client's files hold it: some clients
//! keep approvals in a file mcplint has no format for (Cursor's
//! `permissions.json`, Amazon Q's agent files), and those are recorded with
//! the path their docs give, so a rule or a new format can pick them up.
//!
//! Sources are written as `clients.md` marks them: `[docs]` the vendor's
//! documentation, `[code]` the client's source, `[sample]` seen in committed
//! files, `[3p]` a third party; `shared/reference/clients.md` sections are
//! cited as `clients.md §N`.

use crate::syntax::parse::{Node, Value as Parsed};

/// How a client lets tools run without asking, which tools it hides, and
/// which servers it will not start.
#[derive(Debug)]
pub struct Approvals {
    /// Keys listing tools that run without a prompt: a server's
    /// `alwaysAllow`/`autoApprove`, Claude Code's `permissions.allow`,
    /// OpenCode's `permission` map.
    pub allow_lists: &'static [Key],
    /// Per-server switches that run every tool of the server unasked
    /// (Gemini CLI `trust: true`, Codex `default_tools_approval_mode =
    /// "approve"`).
    pub trusted_flags: &'static [Key],
    /// Keys that remove tools (`disabledTools`, `excludeTools`) or keep only
    /// the listed ones (`includeTools`).
    pub tool_filters: &'static [Filter],
    /// Keys that stop the client starting a server: a server's `disabled:
    /// true` or `enabled: false`, or a file-level list of excluded servers.
    pub disabled: &'static [Key],
    /// File-level modes under which every tool of every server runs unasked
    /// (Qwen Code `tools.approvalMode: "yolo"`, Codex `approval_policy =
    /// "never"`).
    pub approve_all_modes: &'static [Key],
    /// Keys that let the client start servers without asking first (Claude
    /// Code `enableAllProjectMcpServers`, `enabledMcpjsonServers`).
    pub server_approvals: &'static [Key],
    /// The pages and code read for this client, including those that showed
    /// it has no such setting.
    pub sources: &'static [&'static str],
}

/// No setting of any kind, and nothing read: the unknown client's.
pub const NONE: Approvals = Approvals {
    allow_lists: &[],
    trusted_flags: &[],
    tool_filters: &[],
    disabled: &[],
    approve_all_modes: &[],
    server_approvals: &[],
    sources: &[],
};

impl Approvals {
    /// Every key, whatever it does.
    pub fn keys(&self) -> impl Iterator<Item = &Key> {
        self.allow_lists
            .iter()
            .chain(self.trusted_flags)
            .chain(self.tool_filters.iter().map(|f| &f.key))
            .chain(self.disabled)
            .chain(self.approve_all_modes)
            .chain(self.server_approvals)
    }

    /// Does it hold no setting and name no source (as [`NONE`])?
    pub fn is_none(&self) -> bool {
        self.keys().next().is_none() && self.sources.is_empty()
    }
}

/// One setting: where it sits, what value it takes, what that does, and
/// where the fact came from.
#[derive(Debug)]
pub struct Key {
    pub file: In,
    pub at: At,
    pub value: Value,
    /// What the setting does, for messages.
    pub means: &'static str,
    /// Where this fact came from.
    pub source: &'static str,
}

impl Key {
    /// A key of every server entry.
    pub const fn server(
        file: In,
        key: &'static str,
        value: Value,
        means: &'static str,
        source: &'static str,
    ) -> Key {
        Key {
            file,
            at: At::Server(key),
            value,
            means,
            source,
        }
    }

    /// A key at a fixed place in the file.
    pub const fn file(
        file: In,
        pointer: &'static str,
        value: Value,
        means: &'static str,
        source: &'static str,
    ) -> Key {
        Key {
            file,
            at: At::File(pointer),
            value,
            means,
            source,
        }
    }
}

/// Which of a client's files hold a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum In {
    /// Every format of the client.
    Every,
    /// The format with this id.
    Format(&'static str),
    /// A file mcplint has no format for, as its client's docs name it
    /// (`.cursor/permissions.json`).
    Other(&'static str),
}

impl In {
    /// Does a file of `format` (a format of the key's own client) hold the key?
    pub fn covers(&self, format: &super::Format) -> bool {
        match self {
            In::Every => true,
            In::Format(id) => *id == format.id,
            In::Other(_) => false,
        }
    }
}

/// Where in a file a key sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum At {
    /// A path below each server entry, `/`-separated (`alwaysAllow`).
    Server(&'static str),
    /// A JSON Pointer from the document's root; `*` matches any key
    /// (`/permissions/allow`, `/profiles/*/approval_policy`).
    File(&'static str),
}

/// What a key holds, and when it has the effect its category names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    /// A flag or mode: in effect when the value is one of these.
    Is(&'static [Literal]),
    /// A list of tool names, written as the naming says.
    Tools(Naming),
    /// An object whose keys name tools; a tool is affected when its value
    /// (or, with `field`, that member of its value) is one of `is`.
    /// OpenCode's `"permission": { "github_*": "allow" }`, Codex's
    /// `[mcp_servers.x.tools.y] approval_mode = "approve"`.
    ToolMap {
        naming: Naming,
        field: Option<&'static str>,
        is: &'static [Literal],
    },
    /// A list of rule objects: member `name` names the tool, and the rule
    /// applies when member `field` (a `/`-separated path) is one of `is`.
    /// Augment's `toolPermissions`.
    Rules {
        naming: Naming,
        name: &'static str,
        field: &'static str,
        is: &'static [Literal],
    },
    /// A list of server names, each affected.
    Servers,
    /// A list of server names; every server *not* named is affected.
    OnlyServers,
}

/// A scalar a setting is compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Literal {
    Bool(bool),
    Str(&'static str),
}

impl Literal {
    /// Does `node` hold exactly this value?
    pub fn matches(&self, node: &Node) -> bool {
        match (self, &node.value) {
            (Literal::Bool(want), Parsed::Bool(got)) => want == got,
            (Literal::Str(want), Parsed::Str(got)) => want == got,
            _ => false,
        }
    }
}

/// How the entries of a list name tools.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Naming {
    /// One tool, with `{tool}` (and `{server}` where the list is not a
    /// server's own) standing for the names: `{tool}` in a server's
    /// `alwaysAllow`, `mcp__{server}__{tool}` in Claude Code's
    /// `permissions.allow`. Empty where the docs do not say how an MCP tool
    /// is named there.
    pub tool: &'static str,
    /// Every tool of one server, where the list can say so (`mcp__{server}`,
    /// `@{server}`).
    pub server: Option<&'static str>,
    /// What `*` does in an entry.
    pub star: Star,
}

impl Naming {
    /// Tool names of the server the key sits in.
    pub const fn own(star: Star) -> Naming {
        Naming {
            tool: "{tool}",
            server: None,
            star,
        }
    }
}

/// What a `*` in a list entry does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Star {
    /// An entry that is exactly `"*"` covers every tool of the server.
    EveryTool,
    /// `*` is a wildcard inside an entry (`github_*`), as in a glob.
    Glob,
    /// `*` is an ordinary character: `["*"]` names a tool called `*`, that
    /// is, none.
    Literal,
    /// The docs do not say; users write `["*"]` meaning every tool.
    Unverified,
}

/// A key that narrows which tools of a server the model is offered.
#[derive(Debug)]
pub struct Filter {
    pub keeps: Keeps,
    pub key: Key,
}

/// What a tool filter keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keeps {
    /// Every tool but the listed ones.
    AllBut,
    /// Only the listed tools.
    Only,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse::json::{self, Flavor};

    #[test]
    fn none_is_none_and_a_source_is_not() {
        assert!(NONE.is_none());
        let sourced = Approvals {
            sources: &["checked"],
            ..NONE
        };
        assert!(!sourced.is_none());
    }

    #[test]
    fn literals_match_only_their_own_value() {
        let root = json::parse(
            r#"{"a": true, "b": "yolo", "c": "true"}"#,
            0,
            Flavor::Strict,
        )
        .unwrap();
        let at = |k| root.get(k).unwrap();
        assert!(Literal::Bool(true).matches(at("a")));
        assert!(!Literal::Bool(false).matches(at("a")));
        assert!(Literal::Str("yolo").matches(at("b")));
        assert!(!Literal::Str("yolo").matches(at("a")));
        // A string that spells a boolean is not the boolean.
        assert!(!Literal::Bool(true).matches(at("c")));
    }
}
