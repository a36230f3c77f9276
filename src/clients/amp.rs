//! Amp: the `amp.mcpServers` key of `.amp/settings.json` in a workspace and
//! of `~/.config/amp/settings.json` for the user.
//!
//! Facts (Amp's manual and news posts, read 2026-12):
//! - settings are flat keys with an `amp.` prefix; `"amp.mcpServers"` maps a
//!   name to `command`/`args`/`env` or `url`/`headers`, with optional
//!   `includeTools` and no `type` (ampcode.com/manual) [docs];
//! - the workspace file `.amp/settings.json` is merged over the user file,
//!   and its servers start only once approved with `amp mcp approve`
//!   (ampcode.com/news, "workspace settings") [docs];
//! - `amp.permissions` and `amp.mcpPermissions` are ordered rule lists
//!   (ampcode.com/news/tool-level-permissions, /news/mcp-permissions)
//!   [docs]; `amp.dangerouslyAllowAll` turns every prompt off [seen];
//! - the manual's examples use `${NAME}` in `url` and `headers`; which other
//!   fields expand is not said [docs, quoted].
//!
//! So references are reported only where no client would expand them.

use super::{servers_at, Base, Client, Format, Language, Layout, SecretFix, UserFile};

pub static CLIENT: Client = Client {
    id: "amp",
    name: "Amp",
    dialect: super::generic::UNDOCUMENTED,
    formats: &[&SETTINGS],
    user_files: &[
        // `~/.config` on every system, `XDG_CONFIG_HOME` aside [seen].
        UserFile::file(Base::Home, ".config/amp/settings.json", SETTINGS.id),
        UserFile::file(Base::Home, ".config/amp/settings.jsonc", SETTINGS.id),
    ],
    env_file: super::EXPORT_ENV_FILE,
    secret_fix: SecretFix::Reference,
};

pub static SETTINGS: Format = Format {
    id: "amp",
    client: &CLIENT,
    paths: &[
        ".amp/settings.json",
        ".amp/settings.jsonc",
        // The user file, as a dotfiles repository commits it.
        ".config/amp/settings.json",
        ".config/amp/settings.jsonc",
    ],
    language: Language::Jsonc,
    layout: &LAYOUT,
    describes: "Amp settings",
    shared: true,
};

/// One flat key, dot included: `{"amp.mcpServers": {…}}`.
static LAYOUT: Layout = servers_at(&["/amp.mcpServers"]);
