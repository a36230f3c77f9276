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
