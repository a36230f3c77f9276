//! Goose: the `extensions` of its `config.yaml`. Values of references come
//! from its secret store (`env_keys`), not from the environment.

use super::approval::{Approvals, Filter, In, Keeps, Key, Literal, Naming, Star, Value, NONE};
use super::{
    servers_at, Base, Client, Dialect, Field, Format, Language, Layout, SecretFix, UserFile,
    SERVER_FIELDS,
};
use crate::syntax::reference::Syntax;

pub static CLIENT: Client = Client {
    id: "goose",
    name: "Goose",
    dialect: Dialect {
        expands: &[
            (Field::Url, &[Syntax::Bare, Syntax::Braced]),
            (Field::Headers, &[Syntax::Bare, Syntax::Braced]),
        ],
        checked: SERVER_FIELDS,
        spelling: &[
            (Some(Field::Url), "$NAME"),
            (Some(Field::Headers), "$NAME"),
            (
                None,
                "Goose expands nothing here: list NAME in `env_keys` so Goose takes the value from its secret store",
            ),
        ],
        unset: "unverified",
        project_dir: None,
    },
    formats: &[&CONFIG],
    user_files: &[
        UserFile::file(Base::Config, "goose/config.yaml", CONFIG.id),
        UserFile::file(Base::AppData, "Block/goose/config/config.yaml", CONFIG.id),
    ],
    env_file: super::EXPORT_ENV_FILE,
    // Goose fills `$VAR` from the extension's own `envs`/`env_keys`, not
    // from the environment: a reference alone would send another value.
    secret_fix: SecretFix::SecretStore {
        in_env: "remove it from `envs`, list NAME in `env_keys`, and put the value in Goose's secret store (`goose configure`)",
        elsewhere: "list NAME in `env_keys`, put the value in Goose's secret store (`goose configure`), and write $NAME here",
    },
    approvals: &APPROVALS,
};

pub static CONFIG: Format = Format {
    id: "goose",
    client: &CLIENT,
    paths: &["goose/config.yaml", "goose/config/config.yaml"],
    language: Language::Yaml,
    layout: &LAYOUT,
    describes: "Goose config",
    shared: false,
};

static LAYOUT: Layout = Layout {
    fields: &[
        ("cmd", Field::Command),
        ("args", Field::Args),
        ("envs", Field::Env),
        ("uri", Field::Url),
        ("headers", Field::Headers),
    ],
    ..servers_at(&["/extensions"])
};

/// Per-tool choices live in `permission.yaml` beside the config (written by
/// `goose configure`), which mcplint does not read.
pub static APPROVALS: Approvals = Approvals {
    tool_filters: &[Filter {
        keeps: Keeps::Only,
        key: Key::server(
            In::Every,
            "available_tools",
            Value::Tools(Naming::own(Star::Unverified)),
            "the extension's tools offered to the model (an empty list is taken to mean all; unverified)",
            "aaif-goose/goose crates/goose/src/agents/extension.rs [code]; clients.md §13",
        ),
    }],
    disabled: &[Key::server(
        In::Every,
        "enabled",
        Value::Is(&[Literal::Bool(false)]),
        "the extension is not started",
        "aaif-goose/goose crates/goose/src/agents/extension.rs [code]; block.github.io/goose/docs/guides/config-files [docs]",
    )],
    approve_all_modes: &[Key::file(
        In::Every,
        "/GOOSE_MODE",
        Value::Is(&[Literal::Str("auto")]),
        "completely autonomous: every tool of every extension runs without approval (the default in current docs)",
        "block.github.io/goose/docs/guides/config-files and .../goose-permissions [docs]",
    )],
    sources: &[
        "block.github.io/goose/docs/guides/config-files [docs]",
        "block.github.io/goose/docs/guides/goose-permissions [docs]",
        "aaif-goose/goose crates/goose/src/agents/extension.rs [code]",
        "clients.md §13",
    ],
    ..NONE
};
