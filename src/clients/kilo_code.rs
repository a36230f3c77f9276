//! Kilo Code (a Roo Code and Cline fork): `.kilocode/mcp.json` in a project,
//! and the newer `kilo.json[c]`.
//!
//! Facts (`shared/reference/clients.md` §19; Kilo-Org/kilocode):
//! - the legacy extension reads Roo-style `mcpServers` entries with
//!   `alwaysAllow` and `disabled` from `.kilocode/mcp.json` [docs: the
//!   "VSCode (Legacy)" tab of kilo.ai/docs/automate/mcp/using-in-kilo-code];
//!   whether `${env:NAME}` is expanded there is not documented;
//! - current Kilo (CLI and extension, an OpenCode fork) keeps its servers
//!   under `mcp` in `kilo.json[c]` at the project root or in `.kilo/`, and in
//!   `~/.config/kilo/kilo.json[c]` for the user: `type: "local"` with a
//!   `command` array and `environment`, or `type: "remote"` with `url` and
//!   `headers`; `{env:NAME}` is substituted [docs, same page];
//! - its source substitutes `{env:NAME}` in the raw text, leaves `${env:…}`
//!   literal, and refuses `{env:…}` in a project file the user has not
//!   trusted [code: `packages/opencode/src/config/variable.ts`].
//!
//! Because a project's `{env:NAME}` may be refused, `--fix` gives advice here
//! rather than an edit, and references are reported only where no client
//! would expand them.

use super::{Base, Client, Format, Language, SecretFix, UserFile, MCP_SERVERS};

pub static CLIENT: Client = Client {
    id: "kilo-code",
    name: "Kilo Code",
    dialect: super::generic::UNDOCUMENTED,
    formats: &[&CONFIG, &KILO_JSON],
    user_files: &[
        UserFile::file(Base::Home, ".config/kilo/kilo.json", KILO_JSON.id),
        UserFile::file(Base::Home, ".config/kilo/kilo.jsonc", KILO_JSON.id),
    ],
    // No `envFile` key is documented for its entries.
    env_file: super::EXPORT_ENV_FILE,
    secret_fix: SecretFix::Reference,
};

pub static CONFIG: Format = Format {
    id: "kilo-code",
    client: &CLIENT,
    paths: &[".kilocode/mcp.json"],
    language: Language::Json,
    layout: &MCP_SERVERS,
    describes: "Kilo Code MCP servers",
    shared: true,
};

/// The current file, shaped as OpenCode's.
pub static KILO_JSON: Format = Format {
    id: "kilo-code-config",
    client: &CLIENT,
    paths: &["kilo.json", "kilo.jsonc"],
    language: Language::Jsonc,
    layout: &super::opencode::LAYOUT,
    describes: "Kilo config",
    shared: true,
};
