//! Amazon Q Developer CLI: `.amazonq/mcp.json` and `~/.aws/amazonq/mcp.json`.

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
