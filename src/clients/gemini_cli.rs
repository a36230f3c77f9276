//! Gemini CLI: `.gemini/settings.json`, extension manifests, and the
//! system-wide settings.

use super::{
    servers_at, Base, Client, Dialect, Field, Format, Language, Layout, SecretFix, UserFile,
    ALL_FIELDS,
};
use crate::syntax::reference::Syntax;

/// Gemini CLI's load-time resolver; extension manifests also substitute
/// `${extensionPath}`, `${/}` and the like.
const EVERYWHERE: &[Syntax] = &[
    Syntax::Bare,
    Syntax::Braced,
    Syntax::BracedDefault,
    Syntax::EditorVariable,
];
/// `env` and `headers` get a second pass that also knows `%VAR%` (Windows).
const ENV: &[Syntax] = &[
    Syntax::Bare,
    Syntax::Braced,
    Syntax::BracedDefault,
    Syntax::EditorVariable,
    Syntax::Percent,
];

pub static CLIENT: Client = Client {
    id: "gemini-cli",
    name: "Gemini CLI",
    dialect: Dialect {
        expands: &[
            (Field::Command, EVERYWHERE),
            (Field::Args, EVERYWHERE),
            (Field::Url, EVERYWHERE),
            (Field::Other, EVERYWHERE),
            (Field::Env, ENV),
            (Field::Headers, ENV),
        ],
        checked: ALL_FIELDS,
        spelling: &[(None, "${NAME}")],
        unset:
            "left as literal text in command, args and url, but an empty string in env and headers",
        project_dir: None,
    },
    formats: &[&SETTINGS],
    user_files: &[UserFile::file(
        Base::Home,
        ".gemini/settings.json",
        SETTINGS.id,
    )],
    env_file: super::START_ENV_FILE,
    secret_fix: SecretFix::Reference,
};

pub static SETTINGS: Format = Format {
    id: "gemini-cli",
    client: &CLIENT,
    paths: &[
        ".gemini/settings.json",
        "gemini-extension.json",
        "gemini-cli/settings.json",
        "gemini-cli/system-defaults.json",
    ],
    language: Language::Jsonc,
    layout: &LAYOUT,
    describes: "Gemini CLI settings",
    shared: true,
};

/// Also Qwen Code's (a fork of Gemini CLI).
pub(super) static LAYOUT: Layout = Layout {
    fields: &[
        ("command", Field::Command),
        ("args", Field::Args),
        ("env", Field::Env),
        ("url", Field::Url),
        ("httpUrl", Field::Url),
        ("tcp", Field::Url),
        ("headers", Field::Headers),
    ],
    ..servers_at(&["/mcpServers"])
};
