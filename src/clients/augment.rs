//! Augment: the Auggie CLI's `settings.json`, in a workspace's `.augment/`
//! and in `~/.augment/` for the user.
//!
//! Facts (Augment's CLI docs, read 2026-12):
//! - `~/.augment/settings.json` holds `mcpServers`, a map from name to entry:
//!   `command`/`args`/`env`, or `type: "http" | "sse"` with `url` and
//!   `headers`; `--mcp-config` takes a file of the same shape
//!   (docs.augmentcode.com/cli/integrations) [docs];
//! - settings are read from `/etc/augment/settings.json` (managed),
//!   `.augment/settings.local.json` (personal), `.augment/settings.json`
//!   (shared, committed) and the user file (docs.augmentcode.com/cli/settings)
//!   [docs]; that the workspace files hold servers too is not said outright;
//! - `toolPermissions`, an ordered rule list (`toolName`, `permission.type`
//!   `allow | deny | ask-user | webhook-policy | script-policy`), approves
//!   tools (docs.augmentcode.com/cli/permissions) [docs];
//! - no expansion is documented; augmentcode/auggie#35 reports `${NAME}` in
//!   `env` sent literally, with expansion queued as a feature [issue].
//!
//! Since expansion may arrive, references are reported only where no client
//! would expand them. The IDE extensions keep servers in their own settings
//! panel; the `augment.advanced` block of VS Code settings is seen only in
//! third-party READMEs, so it is not read.

use super::approval::{Approvals, In, Key, Literal, Naming, Star, Value, NONE};
use super::{Base, Client, Format, Language, SecretFix, UserFile, MCP_SERVERS};

pub static CLIENT: Client = Client {
    id: "augment",
    name: "Augment",
    dialect: super::generic::UNDOCUMENTED,
    formats: &[&SETTINGS],
    user_files: &[UserFile::file(
        Base::Home,
        ".augment/settings.json",
        SETTINGS.id,
    )],
    // No `envFile` key is documented for its entries.
    env_file: super::EXPORT_ENV_FILE,
    secret_fix: SecretFix::Reference,
    approvals: &APPROVALS,
};

pub static SETTINGS: Format = Format {
    id: "augment",
    client: &CLIENT,
    paths: &[".augment/settings.json", ".augment/settings.local.json"],
    language: Language::Json,
    layout: &MCP_SERVERS,
    describes: "Augment settings",
    shared: true,
};

/// `toolPermissions` is honoured by the Auggie CLI, not by the IDE
/// extensions (docs.augmentcode.com/cli/permissions [docs]).
pub static APPROVALS: Approvals = Approvals {
    allow_lists: &[Key::file(
        In::Every,
        "/toolPermissions",
        Value::Rules {
            naming: Naming {
                tool: "{tool}_{server}",
                server: None,
                star: Star::Unverified,
            },
            name: "toolName",
            field: "permission/type",
            is: &[Literal::Str("allow")],
        },
        "rules checked in order, the first match deciding; an `allow` rule runs its tool without asking",
        "docs.augmentcode.com/cli/permissions [docs]; the `{tool}_{server}` naming as rules/schemas/augment.json records it",
    )],
    sources: &[
        "docs.augmentcode.com/cli/permissions [docs]",
        "docs.augmentcode.com/cli/settings [docs]",
    ],
    ..NONE
};
