//! Continue: YAML blocks under `.continue/`, with `${{ secrets.NAME }}`;
//! and Claude/Cursor-style JSON files it imports, where only `env` is
//! expanded (a second dialect, so a second client value).

use super::approval::{Approvals, In, Key, Naming, Star, Value, NONE};
use super::{
    Base, Client, Dialect, Field, Format, Language, Layout, SecretFix, UserFile, MCP_SERVERS,
    SERVER_FIELDS,
};
use crate::syntax::reference::Syntax;

const ENV_FILE: &str =
    "Continue reads `.env` files itself (workspace `.env`, `.continue/.env`); keep them in {env}";

pub static CLIENT: Client = Client {
    id: "continue",
    name: "Continue",
    dialect: Dialect {
        expands: in_every_string!(&[Syntax::DoubleBrace]),
        checked: SERVER_FIELDS,
        spelling: &[(None, "${{ secrets.NAME }}")],
        unset:
            "the secret is looked up in ~/.continue/.env, .continue/.env, .env and the environment",
        project_dir: None,
    },
    formats: &[&YAML],
    user_files: &[
        UserFile::file(Base::Home, ".continue/config.yaml", YAML.id),
        UserFile::folder(Base::Home, ".continue/mcpServers"),
    ],
    env_file: ENV_FILE,
    secret_fix: SecretFix::Reference,
    approvals: &APPROVALS,
};

/// Continue importing a Claude/Cursor-style JSON file: `${VAR}` in `env`
/// only is rewritten to a secret reference.
pub static IMPORTED_JSON: Client = Client {
    id: "continue",
    name: "Continue",
    dialect: Dialect {
        expands: &[(Field::Env, &[Syntax::Braced])],
        checked: SERVER_FIELDS,
        spelling: &[
            (Some(Field::Env), "${NAME}"),
            (
                None,
                "Continue expands references only in `env` when it imports a JSON file: move the value into `env` as \"${NAME}\", or write the server as a YAML block with ${{ secrets.NAME }}",
            ),
        ],
        unset: "the secret is looked up in Continue's .env files and the environment",
        project_dir: None,
    },
    formats: &[&JSON],
    user_files: &[],
    env_file: ENV_FILE,
    secret_fix: SecretFix::Reference,
    approvals: &APPROVALS,
};

pub static YAML: Format = Format {
    id: "continue",
    client: &CLIENT,
    paths: &[
        ".continue/mcpServers/*.yaml",
        ".continue/mcpServers/*.yml",
        ".continue/config.yaml",
    ],
    language: Language::Yaml,
    layout: &YAML_LAYOUT,
    describes: "Continue MCP block",
    shared: true,
};

pub static JSON: Format = Format {
    id: "continue-json",
    client: &IMPORTED_JSON,
    paths: &[".continue/mcpServers/*.json"],
    language: Language::Json,
    layout: &MCP_SERVERS,
    describes: "Continue imported JSON MCP servers",
    shared: true,
};

static YAML_LAYOUT: Layout = Layout {
    servers: &["/mcpServers"],
    listed: true,
    fields: &[
        ("command", Field::Command),
        ("args", Field::Args),
        ("env", Field::Env),
        ("url", Field::Url),
        ("requestOptions/headers", Field::Headers),
    ],
    settings_env: None,
    inputs: None,
};

/// The YAML blocks and imported JSON files hold no approval key; tool
/// policies are chosen in the editor. The `cn` command line keeps its own
/// list in `~/.continue/permissions.yaml`.
pub static APPROVALS: Approvals = Approvals {
    allow_lists: &[Key::file(
        In::Other(".continue/permissions.yaml"),
        "/allow",
        Value::Tools(Naming {
            tool: "",
            server: None,
            star: Star::Glob,
        }),
        "tools the `cn` command line runs without asking (`Write(**/*.ts)`-style patterns); how an MCP tool is named there is not documented",
        "docs.continue.dev/cli/tool-permissions [docs]",
    )],
    sources: &[
        "continuedev/continue docs/customize/deep-dives/mcp.mdx [docs]: no approval key in a block",
        "docs.continue.dev/cli/tool-permissions [docs]",
        "clients.md §11",
    ],
    ..NONE
};
