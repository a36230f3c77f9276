//! Qwen Code (a Gemini CLI fork): `.qwen/settings.json` in a project,
//! `~/.qwen/settings.json` for the user.
//!
//! Facts (`shared/reference/clients.md` §19; QwenLM/qwen-code docs
//! `docs/users/features/mcp.md` and code `packages/cli/src/utils/envVarResolver.ts`,
//! `packages/cli/src/config/settings.ts`):
//! - `mcpServers` entries as Gemini CLI's: `command`/`args`/`env`/`cwd`,
//!   `url` (SSE), `httpUrl` (streamable HTTP), `tcp`, `headers`, and `trust`,
//!   `includeTools`, `excludeTools` [docs];
//! - settings files are JSONC, and every string expands `$NAME` and
//!   `${NAME}`; `${NAME:-default}` is not supported; an unset variable is
//!   left as the literal text [code].

use super::approval::{Approvals, Filter, In, Keeps, Key, Literal, Naming, Star, Value};
use super::{Base, Client, Dialect, Field, Format, Language, SecretFix, UserFile, ALL_FIELDS};
use crate::syntax::reference::Syntax;

pub static CLIENT: Client = Client {
    id: "qwen-code",
    name: "Qwen Code",
    dialect: Dialect {
        expands: in_every_string!(&[Syntax::Bare, Syntax::Braced]),
        checked: ALL_FIELDS,
        spelling: &[(None, "${NAME}")],
        unset: "the literal text is sent",
        project_dir: None,
    },
    formats: &[&SETTINGS],
    user_files: &[UserFile::file(
        Base::Var("QWEN_HOME", ".qwen"),
        "settings.json",
        SETTINGS.id,
    )],
    env_file: super::START_ENV_FILE,
    secret_fix: SecretFix::Reference,
    approvals: &APPROVALS,
};

pub static SETTINGS: Format = Format {
    id: "qwen-code",
    client: &CLIENT,
    paths: &[".qwen/settings.json", ".qwen/settings.local.json"],
    language: Language::Jsonc,
    // The entries are Gemini CLI's: `url`, `httpUrl`, `tcp`.
    layout: &super::gemini_cli::LAYOUT,
    describes: "Qwen Code settings",
    shared: true,
};

const MCP_DOCS: &str = "QwenLM/qwen-code docs/users/features/mcp.md [docs]";
const APPROVAL_DOCS: &str = "QwenLM/qwen-code docs/users/features/approval-mode.md [docs]";
/// The settings migration maps each flat (v1) key to its nested place.
const MIGRATION: &str = "QwenLM/qwen-code settings migration, V1_TO_V2_MIGRATION_MAP [code]";

/// The server keys are Gemini CLI's; the approval mode is Qwen's own, and
/// the older flat settings keys are still read (and migrated).
pub static APPROVALS: Approvals = Approvals {
    allow_lists: &[
        Key::file(
            In::Every,
            "/tools/allowed",
            Value::Tools(Naming {
                tool: "",
                server: None,
                star: Star::Unverified,
            }),
            "tool names that skip confirmation; how an MCP tool is named here is not documented",
            MIGRATION,
        ),
        Key::file(
            In::Every,
            "/allowedTools",
            Value::Tools(Naming {
                tool: "",
                server: None,
                star: Star::Unverified,
            }),
            "the flat (v1) name of `tools.allowed`",
            MIGRATION,
        ),
    ],
    trusted_flags: &[Key::server(
        In::Every,
        "trust",
        Value::Is(&[Literal::Bool(true)]),
        "every tool call of the server runs without confirmation",
        MCP_DOCS,
    )],
    tool_filters: &[
        Filter {
            keeps: Keeps::Only,
            key: Key::server(
                In::Every,
                "includeTools",
                Value::Tools(Naming::own(Star::Literal)),
                "only the listed tools of the server are offered",
                MCP_DOCS,
            ),
        },
        Filter {
            keeps: Keeps::AllBut,
            key: Key::server(
                In::Every,
                "excludeTools",
                Value::Tools(Naming::own(Star::Literal)),
                "the listed tools are not offered; it wins over `includeTools`",
                MCP_DOCS,
            ),
        },
    ],
    disabled: &[
        Key::file(
            In::Every,
            "/mcp/excluded",
            Value::Servers,
            "the named servers are not used",
            MIGRATION,
        ),
        Key::file(
            In::Every,
            "/mcp/allowed",
            Value::OnlyServers,
            "only the named servers are used",
            MIGRATION,
        ),
        Key::file(
            In::Every,
            "/excludeMCPServers",
            Value::Servers,
            "the flat (v1) name of `mcp.excluded`",
            MIGRATION,
        ),
        Key::file(
            In::Every,
            "/allowMCPServers",
            Value::OnlyServers,
            "the flat (v1) name of `mcp.allowed`",
            MIGRATION,
        ),
    ],
    approve_all_modes: &[
        Key::file(
            In::Every,
            "/tools/approvalMode",
            Value::Is(&[Literal::Str("yolo")]),
            "YOLO: every tool call, file edits and shell commands included, is approved without asking; a project's `.qwen/settings.json` may set it",
            APPROVAL_DOCS,
        ),
        Key::file(
            In::Every,
            "/approvalMode",
            Value::Is(&[Literal::Str("yolo")]),
            "the flat (v1) name of `tools.approvalMode`, migrated to it on load: YOLO approves every tool call",
            "QwenLM/qwen-code V1_TO_V2_MIGRATION_MAP [code]; committed `.qwen/settings.json` files with `approvalMode: \"yolo\"` [sample] (clients.md §19)",
        ),
    ],
    server_approvals: &[],
    sources: &[
        "QwenLM/qwen-code docs/users/features/mcp.md [docs]",
        "QwenLM/qwen-code docs/users/features/approval-mode.md [docs]",
        "QwenLM/qwen-code docs/users/configuration/settings.md [docs]",
        "QwenLM/qwen-code settings migration map [code]",
        "clients.md §19 [sample]",
    ],
};
