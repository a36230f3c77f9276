//! Every MCP client mcplint knows, one module each. A client's module holds
//! all that is particular to it: the files it reads and where their servers
//! sit, how it expands variable references, where it keeps per-user files,
//! how a user loads an env file for it, how `--fix` should write a
//! credential for it, and which of its settings approve tools or skip
//! servers. Every stage reads this data; it imports only `syntax`.
//!
//! Adding a client is one module here and one line in [`CLIENTS`] (and a
//! schema under `rules/schemas/` for each of its formats; the tests say
//! what else is missing).

/// The same syntaxes in every server field.
macro_rules! in_server_fields {
    ($syntaxes:expr) => {
        &[
            (Field::Command, $syntaxes),
            (Field::Args, $syntaxes),
            (Field::Env, $syntaxes),
            (Field::Url, $syntaxes),
            (Field::Headers, $syntaxes),
        ]
    };
}

/// The same syntaxes in every string of a server entry.
macro_rules! in_every_string {
    ($syntaxes:expr) => {
        &[
            (Field::Command, $syntaxes),
            (Field::Args, $syntaxes),
            (Field::Env, $syntaxes),
            (Field::Url, $syntaxes),
            (Field::Headers, $syntaxes),
            (Field::Other, $syntaxes),
        ]
    };
}

pub mod approval;
mod dialect;
mod format;
mod paths;
pub mod recognise;

pub mod amazon_q;
pub mod amp;
pub mod augment;
pub mod claude_code;
pub mod claude_desktop;
pub mod cline;
pub mod codex;
pub mod continue_dev;
pub mod copilot_cli;
pub mod crush;
pub mod cursor;
pub mod gemini_cli;
pub mod generic;
pub mod goose;
pub mod junie;
pub mod kilo_code;
pub mod kiro;
pub mod lm_studio;
pub mod opencode;
pub mod qwen_code;
pub mod roo_code;
pub mod trae;
pub mod vscode;
pub mod windsurf;
pub mod zed;

pub use approval::Approvals;
pub use dialect::{Dialect, Spelling, ALL_FIELDS, SERVER_FIELDS};
pub use format::{servers_at, Field, Format, Language, Layout, MCP_FIELDS, MCP_SERVERS};
pub use paths::{by_name, for_path};

/// Every client, in the order their formats are tried against a path (the
/// first format whose path matches wins, so a specific path must come
/// before a generic one).
pub static CLIENTS: &[&Client] = &[
    &claude_code::CLIENT,
    &claude_desktop::CLIENT,
    &cursor::CLIENT,
    &vscode::CLIENT,
    &copilot_cli::CLIENT,
    &windsurf::CLIENT,
    &gemini_cli::CLIENT,
    &codex::CLIENT,
    &zed::CLIENT,
    &cline::CLIENT,
    &roo_code::CLIENT,
    &amazon_q::CLIENT,
    &opencode::CLIENT,
    &continue_dev::CLIENT,
    &continue_dev::IMPORTED_JSON,
    &goose::CLIENT,
    &kiro::CLIENT,
    &qwen_code::CLIENT,
    &junie::CLIENT,
    &kilo_code::CLIENT,
    &trae::CLIENT,
    &crush::CLIENT,
    &lm_studio::CLIENT,
    &augment::CLIENT,
    &amp::CLIENT,
    // Recognised by content only: its formats name no path.
    &generic::CLIENT,
];

#[derive(Debug)]
pub struct Client {
    /// Stable id used in JSON output and `--client` (kebab-case).
    pub id: &'static str,
    pub name: &'static str,
    pub dialect: Dialect,
    /// The files it reads.
    pub formats: &'static [&'static Format],
    /// Where it keeps per-user files (`--user`).
    pub user_files: &'static [UserFile],
    /// How to give it the variables `--fix` wrote to the env file; `{env}`
    /// stands for the env file's path.
    pub env_file: &'static str,
    /// How `--fix` takes a literal secret out of its config.
    pub secret_fix: SecretFix,
    /// How it lets tools run without asking, hides tools, and skips
    /// servers (see [`approval`]).
    pub approvals: &'static Approvals,
}

/// Where a client keeps one per-user file, or a folder of them.
#[derive(Debug)]
pub struct UserFile {
    pub base: Base,
    /// Below `base`, `/`-separated.
    pub path: &'static str,
    /// The id of the format it is written in; `None` for a folder whose
    /// files are recognised by their paths.
    pub format: Option<&'static str>,
}

impl UserFile {
    pub const fn file(base: Base, path: &'static str, format: &'static str) -> Self {
        UserFile {
            base,
            path,
            format: Some(format),
        }
    }

    pub const fn folder(base: Base, path: &'static str) -> Self {
        UserFile {
            base,
            path,
            format: None,
        }
    }
}

/// The directory a per-user path starts from.
#[derive(Clone, Copy, Debug)]
pub enum Base {
    Home,
    /// `$XDG_CONFIG_HOME`, else `~/.config`.
    Config,
    /// `%APPDATA%` (Windows roaming profile).
    AppData,
    /// `~/Library/Application Support` (macOS).
    AppSupport,
    /// A client's own directory variable, else a default under the home.
    Var(&'static str, &'static str),
}

/// How `--fix` writes a credential that leaves a client's config, where
/// that is more than "the dialect's reference in its place".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretFix {
    /// The dialect's reference takes the secret's place.
    Reference,
    /// A header gets a password prompt (`${input:id}` and a `promptString`
    /// input); other fields a reference.
    PasswordInputInHeaders,
    /// The client expands nothing but forwards variables by name (TOML
    /// `env_vars`, `bearer_token_env_var`, `env_http_headers`).
    ForwardByName,
    /// References are filled from the client's own secret store, not the
    /// environment: advice only. `NAME` stands for the variable.
    SecretStore {
        in_env: &'static str,
        elsewhere: &'static str,
    },
}

/// Every format of every client, in matching order.
pub fn formats() -> &'static [&'static Format] {
    static ALL: std::sync::OnceLock<Vec<&'static Format>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        CLIENTS
            .iter()
            .flat_map(|c| c.formats.iter().copied())
            .collect()
    })
}

/// The shell line that loads an env file before a command-line client
/// starts.
pub const START_ENV_FILE: &str =
    "export them before starting the client: `set -a; . {env}; set +a`";

/// The shell line that loads an env file, for clients that read their
/// variables from the environment they start in.
pub const EXPORT_ENV_FILE: &str =
    "export them in the environment that starts the client: `set -a; . {env}; set +a`";

/// The same, for editors whose servers can also name an `envFile`.
pub const EDITOR_ENV_FILE: &str = "export them in the environment the editor starts from (`set -a; . {env}; set +a`), or point the server's `envFile` at {env}";
