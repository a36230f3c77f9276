//! Crush: `.crush.json` or `crush.json` in a project,
//! `~/.config/crush/crush.json` for the user.
//!
//! Facts (`shared/reference/clients.md` §19; charmbracelet/crush README and
//! config code): servers under `mcp`, each with `type` (`stdio`, `sse`,
//! `http`), `command`, `args`, `env`, `url`, `headers`, `disabled`,
//! `disabled_tools` [docs, code]; values are expanded shell-style: `$NAME`,
//! `${NAME}` and `$(command)` [docs, code], an unset variable becoming an
//! empty string [code].

use super::approval::{Approvals, Filter, In, Keeps, Key, Literal, Naming, Star, Value, NONE};
use super::{
    servers_at, Base, Client, Dialect, Field, Format, Language, Layout, SecretFix, UserFile,
    SERVER_FIELDS,
};
use crate::syntax::reference::Syntax;

pub static CLIENT: Client = Client {
    id: "crush",
    name: "Crush",
    dialect: Dialect {
        expands: in_server_fields!(&[Syntax::Bare, Syntax::Braced, Syntax::CommandSubstitution]),
        checked: SERVER_FIELDS,
        spelling: &[(None, "${NAME}")],
        unset: "an empty string, with an error logged",
        project_dir: None,
    },
    formats: &[&CONFIG],
    user_files: &[UserFile::file(Base::Config, "crush/crush.json", CONFIG.id)],
    env_file: super::START_ENV_FILE,
    secret_fix: SecretFix::Reference,
    approvals: &APPROVALS,
};

pub static CONFIG: Format = Format {
    id: "crush",
    client: &CLIENT,
    paths: &[".crush.json", "crush.json"],
    language: Language::Json,
    layout: &LAYOUT,
    describes: "Crush config",
    shared: true,
};

static LAYOUT: Layout = servers_at(&["/mcp"]);

const MCP: &str = "charmbracelet/crush README, MCP [docs]; clients.md §19";

/// Approving everything is the `--yolo` flag, not a file key.
pub static APPROVALS: Approvals = Approvals {
    allow_lists: &[Key::file(
        In::Every,
        "/permissions/allowed_tools",
        Value::Tools(Naming {
            tool: "mcp_{server}_{tool}",
            server: None,
            star: Star::Unverified,
        }),
        "the listed tools run without a permission prompt; an MCP tool is named `mcp_` + server + `_` + tool",
        "charmbracelet/crush README, \"Allowing Tools\" [docs]",
    )],
    tool_filters: &[Filter {
        keeps: Keeps::AllBut,
        key: Key::server(
            In::Every,
            "disabled_tools",
            Value::Tools(Naming::own(Star::Literal)),
            "the listed tools of the server are not offered",
            MCP,
        ),
    }],
    disabled: &[Key::server(
        In::Every,
        "disabled",
        Value::Is(&[Literal::Bool(true)]),
        "the server is not started",
        MCP,
    )],
    sources: &[
        "charmbracelet/crush README [docs]",
        "charmbracelet/crush docs, configuration/permissions and configuration/mcp [docs, a generated mirror]",
        "clients.md §19",
    ],
    ..NONE
};
