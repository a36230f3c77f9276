//! Crush: `.crush.json` or `crush.json` in a project,
//! `~/.config/crush/crush.json` for the user.
//!
//! Facts (`shared/reference/clients.md` §19; charmbracelet/crush README and
//! config code): servers under `mcp`, each with `type` (`stdio`, `sse`,
//! `http`), `command`, `args`, `env`, `url`, `headers`, `disabled`,
//! `disabled_tools` [docs, code]; values are expanded shell-style: `$NAME`,
//! `${NAME}` and `$(command)` [docs, code], an unset variable becoming an
//! empty string [code].

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
