//! Amazon Q Developer CLI: `.amazonq/mcp.json` and `~/.aws/amazonq/mcp.json`.

use super::approval::{Approvals, Filter, In, Keeps, Key, Literal, Naming, Star, Value, NONE};
use super::{
    Base, Client, Dialect, Field, Format, Language, SecretFix, UserFile, MCP_SERVERS, SERVER_FIELDS,
};
use crate::syntax::reference::Syntax;

pub static CLIENT: Client = Client {
    id: "amazon-q",
    name: "Amazon Q Developer CLI",
    dialect: Dialect {
        expands: &[
            (Field::Env, &[Syntax::EnvColon]),
            (Field::Headers, &[Syntax::EnvColon]),
            (Field::Command, &[Syntax::Bare, Syntax::Braced]),
        ],
        checked: SERVER_FIELDS,
        spelling: &[
            (Some(Field::Command), "${NAME}"),
            (
                Some(Field::Args),
                "Amazon Q expands nothing in args: pass the value through `env` as \"${env:NAME}\"",
            ),
            (
                Some(Field::Url),
                "Amazon Q expands nothing in url: send the credential in a header as \"${env:NAME}\"",
            ),
            (None, "${env:NAME}"),
        ],
        unset: "`${env:NAME}` becomes the literal `${NAME}`",
        project_dir: None,
    },
    formats: &[&CONFIG],
    user_files: &[UserFile::file(Base::Home, ".aws/amazonq/mcp.json", CONFIG.id)],
    env_file: super::EXPORT_ENV_FILE,
    secret_fix: SecretFix::Reference,
    approvals: &APPROVALS,
};

pub static CONFIG: Format = Format {
    id: "amazon-q",
    client: &CLIENT,
    paths: &[".amazonq/mcp.json", "amazonq/mcp.json"],
    language: Language::Json,
    layout: &MCP_SERVERS,
    describes: "Amazon Q Developer MCP servers",
    shared: true,
};

/// An agent's tool lists, in the agent files mcplint does not read
/// (`.amazonq/cli-agents/*.json`, `~/.aws/amazonq/cli-agents/*.json`; the IDE
/// uses `~/.aws/amazonq/agents/default.json`).
const AGENT_FILE: In = In::Other(".amazonq/cli-agents/*.json");
const AGENT_FORMAT: &str = "aws/amazon-q-developer-cli docs/agent-format.md [docs]";
/// How an agent file names MCP tools.
const AT_SERVER: Naming = Naming {
    tool: "@{server}/{tool}",
    server: Some("@{server}"),
    star: Star::Glob,
};

/// `mcp.json` entries have no `autoApprove`: unknown keys there are
/// ignored, and approval lives in the agent files. An agent's
/// `toolsSettings` configures tools (paths, services), it does not approve
/// them, so it is not listed.
pub static APPROVALS: Approvals = Approvals {
    allow_lists: &[Key::file(
        AGENT_FILE,
        "/allowedTools",
        Value::Tools(AT_SERVER),
        "tools that run without prompting: `@{server}` covers every tool of the server, `*`/`?` are globs, and a lone `\"*\"` is not accepted",
        AGENT_FORMAT,
    )],
    tool_filters: &[Filter {
        keeps: Keeps::Only,
        key: Key::file(
            AGENT_FILE,
            "/tools",
            Value::Tools(Naming {
                star: Star::EveryTool,
                ..AT_SERVER
            }),
            "the tools the agent may use at all; `[\"*\"]` is every tool",
            AGENT_FORMAT,
        ),
    }],
    disabled: &[Key::server(
        In::Format(CONFIG.id),
        "disabled",
        Value::Is(&[Literal::Bool(true)]),
        "the server is not started",
        "aws/amazon-q-developer-cli crates/chat-cli/src/cli/chat/tools/custom_tool.rs [code]; clients.md §14",
    )],
    sources: &[
        "aws/amazon-q-developer-cli crates/chat-cli/src/cli/chat/tools/custom_tool.rs [code]",
        "aws/amazon-q-developer-cli docs/agent-format.md [docs]",
        "docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/qdev-mcp.html [docs]",
        "clients.md §14",
    ],
    ..NONE
};
