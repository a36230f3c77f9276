//! OpenCode: the `mcp` block of `opencode.json(c)`.

use super::{
    servers_at, Base, Client, Dialect, Field, Format, Language, Layout, SecretFix, UserFile,
    SERVER_FIELDS,
};
use crate::syntax::reference::Syntax;

pub static CLIENT: Client = Client {
    id: "opencode",
    name: "OpenCode",
    dialect: Dialect {
        expands: in_every_string!(&[Syntax::OpenCode]),
        checked: SERVER_FIELDS,
        spelling: &[(None, "{env:NAME}")],
        unset: "an empty string",
        project_dir: None,
    },
    formats: &[&CONFIG],
    user_files: &[
        UserFile::file(Base::Config, "opencode/opencode.json", CONFIG.id),
        UserFile::file(Base::Config, "opencode/opencode.jsonc", CONFIG.id),
    ],
    env_file: "export them before starting opencode: `set -a; . {env}; set +a`",
    secret_fix: SecretFix::Reference,
};

pub static CONFIG: Format = Format {
    id: "opencode",
    client: &CLIENT,
    paths: &["opencode.json", "opencode.jsonc"],
    language: Language::Jsonc,
    layout: &LAYOUT,
    describes: "OpenCode config",
    shared: true,
};

/// Also Kilo's `kilo.json`, an OpenCode fork's file.
pub(super) static LAYOUT: Layout = Layout {
    fields: &[
        // `command` is an array: program, then arguments.
        ("command", Field::Command),
        ("environment", Field::Env),
        ("env", Field::Env),
        ("url", Field::Url),
        ("headers", Field::Headers),
    ],
    ..servers_at(&["/mcp"])
};
