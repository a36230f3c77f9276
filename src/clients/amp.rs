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

use super::approval::{Approvals, Filter, In, Keeps, Key, Literal, Naming, Star, Value, NONE};
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
    approvals: &APPROVALS,
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

/// A workspace file's servers start only once approved with `amp mcp
/// approve` (kept outside the file); `amp.mcpPermissions` allows or rejects
/// whole servers by what they run, which no key here models.
pub static APPROVALS: Approvals = Approvals {
    allow_lists: &[Key::file(
        In::Every,
        "/amp.permissions",
        Value::Rules {
            naming: Naming {
                tool: "",
                server: None,
                star: Star::Glob,
            },
            name: "tool",
            field: "action",
            is: &[Literal::Str("allow")],
        },
        "ordered rules; an `allow` rule runs matching tools without asking; how MCP tools are named here is not documented",
        "ampcode.com/news/tool-level-permissions [docs]; the `{tool, action}` rule shape as the Amp SDK writes it [3p]",
    )],
    tool_filters: &[
        Filter {
            keeps: Keeps::Only,
            key: Key::server(
                In::Every,
                "includeTools",
                Value::Tools(Naming::own(Star::Glob)),
                "only the listed tools (names or globs) of the server are loaded",
                "ampcode.com/manual [docs]",
            ),
        },
        Filter {
            keeps: Keeps::AllBut,
            key: Key::file(
                In::Every,
                "/amp.tools.disable",
                Value::Tools(Naming {
                    tool: "",
                    server: None,
                    star: Star::Glob,
                }),
                "the listed tools (names or globs) are disabled",
                "ampcode.com/manual [docs]",
            ),
        },
    ],
    approve_all_modes: &[Key::file(
        In::Every,
        "/amp.dangerouslyAllowAll",
        Value::Is(&[Literal::Bool(true)]),
        "every tool runs without asking",
        "seen in Amp settings files [sample]; the Amp SDK's `dangerously_allow_all` option [3p]",
    )],
    sources: &[
        "ampcode.com/manual [docs]",
        "ampcode.com/news/tool-level-permissions [docs]",
        "ampcode.com/news/mcp-permissions [docs]",
    ],
    ..NONE
};
