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
//!
//! Approvals differ by file as well; see [`APPROVALS`].

use super::approval::{Approvals, Filter, In, Keeps, Key, Literal, Naming, Star, Value};
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
    approvals: &APPROVALS,
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

const USING_MCP: &str = "kilo.ai/docs/automate/mcp/using-in-kilo-code [docs]";
const AUTO_APPROVE: &str = "kilo.ai/docs/getting-started/settings/auto-approving-actions [docs]";
/// How `kilo.json` names an MCP tool in `permission`.
const NAMESPACED: Naming = Naming {
    tool: "{server}_{tool}",
    server: Some("{server}_*"),
    star: Star::Glob,
};

/// The two files differ: `.kilocode/mcp.json` is Roo Code's shape with
/// per-server `alwaysAllow`; `kilo.json[c]` is OpenCode's, with a
/// file-level `permission` map whose MCP keys are `{server}_{tool}`.
pub static APPROVALS: Approvals = Approvals {
    allow_lists: &[
        Key::server(
            In::Format(CONFIG.id),
            "alwaysAllow",
            Value::Tools(Naming::own(Star::Unverified)),
            "the listed tools run without asking, once the global \"use MCP servers\" auto-approval is on; what `\"*\"` does is not documented",
            USING_MCP,
        ),
        Key::file(
            In::Format(KILO_JSON.id),
            "/permission",
            Value::ToolMap {
                naming: NAMESPACED,
                field: None,
                is: &[Literal::Str("allow")],
            },
            "a tool whose key (or a glob over it, `github_*`, `*`) is `\"allow\"` runs without asking; the last matching rule wins",
            AUTO_APPROVE,
        ),
    ],
    trusted_flags: &[],
    tool_filters: &[Filter {
        keeps: Keeps::AllBut,
        key: Key::server(
            In::Format(CONFIG.id),
            "disabledTools",
            Value::Tools(Naming::own(Star::Literal)),
            "the listed tools are not offered (inherited from Roo Code; not in Kilo's docs)",
            "RooCodeInc/Roo-Code McpHub.ts, which the legacy extension forks [code]; accepted by rules/schemas/kilo-code.json",
        ),
    }],
    disabled: &[
        Key::server(
            In::Format(CONFIG.id),
            "disabled",
            Value::Is(&[Literal::Bool(true)]),
            "the server is not started",
            USING_MCP,
        ),
        Key::server(
            In::Format(KILO_JSON.id),
            "enabled",
            Value::Is(&[Literal::Bool(false)]),
            "the server is not started",
            USING_MCP,
        ),
    ],
    approve_all_modes: &[Key::file(
        In::Format(KILO_JSON.id),
        "/permission",
        Value::Is(&[Literal::Str("allow")]),
        "every permission set to allow at once (OpenCode's form; Kilo's docs show only the per-tool map)",
        "opencode.ai/docs/permissions [docs], for the OpenCode config Kilo forks",
    )],
    server_approvals: &[],
    sources: &[
        "kilo.ai/docs/automate/mcp/using-in-kilo-code [docs]",
        "kilo.ai/docs/getting-started/settings/auto-approving-actions [docs]",
        "opencode.ai/docs/permissions [docs]",
        "clients.md §19 [sample]",
    ],
};
