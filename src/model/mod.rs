//! One typed model of an MCP config, whatever client wrote it: the servers
//! and every string a rule may look at ("sites"), each with its field, the
//! name it sits under, its JSON pointer and its span.

mod build;
mod project;

pub use project::ProjectServer;

use std::ops::Range;

use crate::clients::approval::{At, Key, Value};
use crate::clients::{Field, Format};
use crate::syntax::parse::{strings, Node};
use crate::syntax::source::{SourceFile, Span};

pub struct McpFile<'t> {
    pub source: &'t SourceFile,
    pub format: &'static Format,
    pub root: &'t Node<'t>,
    pub servers: Vec<Server<'t>>,
    pub sites: Vec<Site<'t>>,
    /// For each server, the indices of its sites (rules ask per server; a
    /// scan of every site per server would be quadratic).
    server_sites: Vec<Vec<usize>>,
    /// VS Code's `inputs`: values the editor prompts for.
    pub inputs: Vec<Input<'t>>,
}

/// An entry of VS Code's `inputs` array.
pub struct Input<'t> {
    pub id: &'t str,
    pub node: &'t Node<'t>,
    pub pointer: String,
    /// `type`, e.g. `promptString`.
    pub kind: Option<&'t str>,
    pub description: Option<&'t str>,
    /// `password: true`: typed input is hidden and kept in secret storage.
    pub password: bool,
}

/// A server entry.
pub struct Server<'t> {
    pub name: &'t str,
    pub name_span: Span,
    pub pointer: String,
    pub node: &'t Node<'t>,
    pub command: Option<&'t str>,
    /// The string elements of `args`, in order (`None` for non-strings).
    pub args: Vec<Option<&'t str>>,
    /// The command line runs the `mcp-remote` bridge.
    mcp_remote: bool,
}

impl<'t> Server<'t> {
    pub fn new(
        name: &'t str,
        name_span: Span,
        pointer: String,
        node: &'t Node<'t>,
        command: Option<&'t str>,
        args: Vec<Option<&'t str>>,
    ) -> Self {
        let mcp_remote = Server::finds_mcp_remote(command, &args);
        Server {
            name,
            name_span,
            pointer,
            node,
            command,
            args,
            mcp_remote,
        }
    }
}

impl Server<'_> {
    /// Is argument `index` the script of a shell's `-c` (`sh -c "…"`)? The
    /// shell expands `$VAR` and `$(…)` there itself.
    pub fn is_shell_script_arg(&self, index: usize) -> bool {
        let shell = |s: &str| {
            let base = s.rsplit(['/', '\\']).next().unwrap_or(s);
            let base = base.strip_suffix(".exe").unwrap_or(base);
            matches!(
                base,
                "sh" | "bash" | "zsh" | "dash" | "ksh" | "fish" | "ash"
            )
        };
        let Some(command) = self.command else {
            return false;
        };
        shell(command)
            && index > 0
            && self.args[..index].iter().any(|a| {
                a.is_some_and(|a| a.starts_with('-') && a.contains('c') && !a.starts_with("--"))
            })
    }
}

impl Server<'_> {
    /// Does this server run the `mcp-remote` bridge? It expands `${NAME}`
    /// in its `--header` values itself, whatever the client does.
    pub fn runs_mcp_remote(&self) -> bool {
        self.mcp_remote
    }

    /// Does this command line start `mcp-remote`? (Asked once, at build.)
    fn finds_mcp_remote(command: Option<&str>, args: &[Option<&str>]) -> bool {
        let names_it = |s: &str| {
            s == "mcp-remote" || s.starts_with("mcp-remote@") || s.ends_with("/mcp-remote")
        };
        command.is_some_and(names_it) || args.iter().flatten().any(|a| names_it(a))
    }

    /// Is argument `index` the value of a `--header` flag?
    pub fn is_header_arg(&self, index: usize) -> bool {
        index > 0
            && matches!(
                self.args.get(index - 1).copied().flatten(),
                Some("--header" | "-H")
            )
    }
}

/// A string value that rules inspect.
pub struct Site<'t> {
    /// Index into `McpFile::servers`, when the string belongs to a server.
    pub server: Option<usize>,
    pub field: Field,
    /// The key it sits under: env var, header name, or the last object key.
    pub name: Option<&'t str>,
    /// Position in `args`.
    pub index: Option<usize>,
    pub pointer: String,
    pub node: &'t Node<'t>,
}

impl<'t> Site<'t> {
    pub fn text(&self) -> &'t str {
        self.node.as_str().unwrap_or_default()
    }

    /// Source span of a byte range of the decoded text.
    pub fn span_of(&self, source: &str, decoded: Range<usize>) -> Span {
        strings::span_in(self.node, source, decoded)
    }
}

impl<'t> McpFile<'t> {
    /// The setting, in the client's approval data, by which its client will
    /// not start `server` (`disabled: true`, Codex `enabled = false`).
    pub fn disabled_by(&self, server: &Server) -> Option<&'static Key> {
        self.format.client.approvals.disabled.iter().find(|key| {
            let (At::Server(path), Value::Is(values)) = (&key.at, &key.value) else {
                return false;
            };
            key.file.covers(self.format)
                && server
                    .node
                    .at_pointer(&format!("/{path}"))
                    .is_some_and(|n| values.iter().any(|v| v.matches(n)))
        })
    }

    pub fn build(source: &'t SourceFile, format: &'static Format, root: &'t Node<'t>) -> Self {
        let mut file = McpFile {
            source,
            format,
            root,
            servers: Vec::new(),
            sites: Vec::new(),
            server_sites: Vec::new(),
            inputs: Vec::new(),
        };
        build::build(&mut file);
        let mut server_sites = vec![Vec::new(); file.servers.len()];
        for (i, site) in file.sites.iter().enumerate() {
            if let Some(server) = site.server {
                server_sites[server].push(i);
            }
        }
        file.server_sites = server_sites;
        file
    }

    /// The sites of server `server`, in file order.
    pub fn sites_of(&self, server: usize) -> impl Iterator<Item = &Site<'t>> + '_ {
        self.server_sites
            .get(server)
            .into_iter()
            .flatten()
            .map(|&i| &self.sites[i])
    }

    pub fn server_of(&self, site: &Site) -> Option<&Server<'t>> {
        site.server.map(|i| &self.servers[i])
    }

    /// Does this file's client expand references in `field`?
    pub fn expands_in(&self, field: Field) -> bool {
        self.format.client.dialect.expands_in(field)
    }
}
