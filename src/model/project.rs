//! What a file's project says about its servers, as seen from another file
//! of it: a Claude Code settings file approves tools of the servers of the
//! `.mcp.json` beside its `.claude/` directory, and the permission rules
//! judge each approval by what that server can do. The run computes these
//! facts once, from the `.mcp.json`'s own report, and hands them to the
//! rules; no rule reads another file.

/// One server of the project's `.mcp.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectServer {
    pub name: String,
    /// `path:line` of its entry, for messages.
    pub location: String,
    pub remote: bool,
    /// Why it is powerful, if it is: broad token, write scopes, unnarrowed.
    pub power: Vec<String>,
    /// Tool globs the profiles call destructive (when the server is not
    /// narrowed to read-only).
    pub destructive_tools: Vec<String>,
    /// Tools (or `prefix_*` globs) its profiles know only read.
    pub read_tools: Vec<String>,
}
