//! Zed: `context_servers` in its `settings.json`.

use super::{
    servers_at, Base, Client, Dialect, Field, Format, Language, Layout, SecretFix, UserFile,
    SERVER_FIELDS,
};

pub static CLIENT: Client = Client {
    id: "zed",
    name: "Zed",
    dialect: Dialect {
        expands: &[],
        checked: SERVER_FIELDS,
        spelling: &[(
            None,
            "Zed expands no variables (unverified): leave NAME out of the file; start the server from a wrapper that reads it, or let Zed prompt for OAuth client secrets and keep them in the keychain",
        )],
        unset: "every reference is sent literally (unverified)",
        project_dir: None,
    },
    formats: &[&SETTINGS],
    user_files: &[
        UserFile::file(Base::Config, "zed/settings.json", SETTINGS.id),
        UserFile::file(Base::AppData, "Zed/settings.json", SETTINGS.id),
    ],
    env_file: super::EXPORT_ENV_FILE,
    secret_fix: SecretFix::Reference,
};

pub static SETTINGS: Format = Format {
    id: "zed",
    client: &CLIENT,
    paths: &[".zed/settings.json", "zed/settings.json"],
    language: Language::Jsonc,
    layout: &LAYOUT,
    describes: "Zed settings",
    shared: true,
};

static LAYOUT: Layout = Layout {
    fields: &[
        ("command", Field::Command),
        ("command/path", Field::Command),
        ("command/args", Field::Args),
        ("command/env", Field::Env),
        ("args", Field::Args),
        ("env", Field::Env),
        ("url", Field::Url),
        ("headers", Field::Headers),
    ],
    ..servers_at(&["/context_servers"])
};
