//! Every MCP client and its expansion dialect: which reference syntaxes it
//! replaces in which fields, what an unset variable becomes, and how a
//! credential should be written for it instead. The facts come from the
//! clients' code and docs (see the README's client table); where a source
//! is unverified the dialect errs towards not reporting.

use crate::formats::Field;
use crate::syntax::reference::Syntax;

/// How a client expands references.
#[derive(Debug)]
pub struct Dialect {
    /// Syntaxes the client replaces with a value, per field.
    pub expands: &'static [(Field, &'static [Syntax])],
    /// Fields whose references `unexpanded-reference` looks at.
    pub checked: &'static [Field],
    /// How to refer to a variable, per field (`NAME` stands for it); the
    /// entry with `None` applies to every other field.
    pub spelling: &'static [(Option<Field>, &'static str)],
    /// What the client does with a reference to an unset variable.
    pub unset: &'static str,
}

#[derive(Debug)]
pub struct Client {
    /// Stable id used in JSON output and `--client` (kebab-case).
    pub id: &'static str,
    pub name: &'static str,
    pub dialect: Dialect,
}

impl Dialect {
    pub fn expands(&self, field: Field, syntax: Syntax) -> bool {
        self.expands
            .iter()
            .any(|(f, syntaxes)| *f == field && syntaxes.contains(&syntax))
    }

    /// Does the client expand any reference in `field`?
    pub fn expands_in(&self, field: Field) -> bool {
        self.expands
            .iter()
            .any(|(f, s)| *f == field && !s.is_empty())
    }

    /// How this client wants a reference to `var` written in `field`:
    /// a reference (`${NAME}`), or advice when it has none there.
    pub fn spell(&self, field: Field, var: &str) -> Spelling {
        let template = self
            .spelling
            .iter()
            .find(|(f, _)| *f == Some(field))
            .or_else(|| self.spelling.iter().find(|(f, _)| f.is_none()))
            .map_or("", |(_, t)| *t);
        let text = template.replace("NAME", var);
        if self.expands_in(field) {
            Spelling::Reference(text)
        } else {
            Spelling::Advice(text)
        }
    }
}

/// What to write instead of a literal or a wrong reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spelling {
    /// A reference the client expands in that field, e.g. `${env:TOKEN}`.
    Reference(String),
    /// The client expands nothing there; what to do instead.
    Advice(String),
}

const SERVER_FIELDS: &[Field] = &[
    Field::Command,
    Field::Args,
    Field::Env,
    Field::Url,
    Field::Headers,
];
const ALL_FIELDS: &[Field] = &[
    Field::Command,
    Field::Args,
    Field::Env,
    Field::Url,
    Field::Headers,
    Field::Other,
];

/// The same syntaxes in every server field.
macro_rules! in_server_fields {
    ($syntaxes:expr) => {
        &[
            (Field::Command, $syntaxes),
            (Field::Args, $syntaxes),
            (Field::Env, $syntaxes),
            (Field::Url, $syntaxes),
            (Field::Headers, $syntaxes),
        ]
    };
}

/// The same syntaxes in every string of a server entry.
macro_rules! in_every_string {
    ($syntaxes:expr) => {
        &[
            (Field::Command, $syntaxes),
            (Field::Args, $syntaxes),
            (Field::Env, $syntaxes),
            (Field::Url, $syntaxes),
            (Field::Headers, $syntaxes),
            (Field::Other, $syntaxes),
        ]
    };
}

pub static CLAUDE_CODE: Client = Client {
    id: "claude-code",
    name: "Claude Code",
    dialect: Dialect {
        expands: in_server_fields!(&[Syntax::Braced, Syntax::BracedDefault]),
        checked: SERVER_FIELDS,
        spelling: &[(None, "${NAME}")],
        unset: "the literal text is sent, and `claude mcp list` warns",
    },
};

pub static CLAUDE_DESKTOP: Client = Client {
    id: "claude-desktop",
    name: "Claude Desktop",
    dialect: Dialect {
        expands: &[],
        checked: SERVER_FIELDS,
        spelling: &[(
            None,
            "Claude Desktop expands no variables: leave NAME out of this file and give the server its credential through a desktop extension (.mcpb) whose `sensitive` setting keeps it in the OS keychain, or a wrapper script that reads it",
        )],
        unset: "every reference is sent literally",
    },
};

pub static CURSOR: Client = Client {
    id: "cursor",
    name: "Cursor",
    dialect: Dialect {
        expands: in_server_fields!(&[Syntax::EnvColon, Syntax::EditorVariable]),
        checked: SERVER_FIELDS,
        spelling: &[(None, "${env:NAME}")],
        unset: "unverified; assume the literal text is sent",
    },
};

pub static VSCODE: Client = Client {
    id: "vscode",
    name: "VS Code",
    dialect: Dialect {
        expands: in_server_fields!(&[Syntax::EnvColon, Syntax::Input, Syntax::EditorVariable]),
        checked: SERVER_FIELDS,
        spelling: &[(None, "${env:NAME}")],
        unset: "unverified; `${env:NAME}` is reported not to be substituted in headers on some versions, where `${input:id}` is the documented form",
    },
};

pub static COPILOT_CLI: Client = Client {
    id: "copilot-cli",
    name: "GitHub Copilot CLI",
    dialect: Dialect {
        // NOTE: documented for `env`; other fields unverified, so not reported.
        expands: in_server_fields!(&[Syntax::Braced, Syntax::BracedDefault]),
        checked: SERVER_FIELDS,
        spelling: &[(None, "${NAME}")],
        unset: "unverified",
    },
};

pub static WINDSURF: Client = Client {
    id: "windsurf",
    name: "Windsurf",
    dialect: Dialect {
        expands: in_server_fields!(&[Syntax::EnvColon, Syntax::FileColon]),
        checked: SERVER_FIELDS,
        spelling: &[(None, "${env:NAME}")],
        unset: "unverified",
    },
};

/// Gemini CLI's load-time resolver; extension manifests also substitute
/// `${extensionPath}`, `${/}` and the like.
const GEMINI_EVERYWHERE: &[Syntax] = &[
    Syntax::Bare,
    Syntax::Braced,
    Syntax::BracedDefault,
    Syntax::EditorVariable,
];
/// `env` and `headers` get a second pass that also knows `%VAR%` (Windows).
const GEMINI_ENV: &[Syntax] = &[
    Syntax::Bare,
    Syntax::Braced,
    Syntax::BracedDefault,
    Syntax::EditorVariable,
    Syntax::Percent,
];

pub static GEMINI_CLI: Client = Client {
    id: "gemini-cli",
    name: "Gemini CLI",
    dialect: Dialect {
        expands: &[
            (Field::Command, GEMINI_EVERYWHERE),
            (Field::Args, GEMINI_EVERYWHERE),
            (Field::Url, GEMINI_EVERYWHERE),
            (Field::Other, GEMINI_EVERYWHERE),
            (Field::Env, GEMINI_ENV),
            (Field::Headers, GEMINI_ENV),
        ],
        checked: ALL_FIELDS,
        spelling: &[(None, "${NAME}")],
        unset:
            "left as literal text in command, args and url, but an empty string in env and headers",
    },
};

pub static CODEX: Client = Client {
    id: "codex",
    name: "Codex",
    dialect: Dialect {
        expands: &[],
        checked: SERVER_FIELDS,
        spelling: &[
            (
                Some(Field::Env),
                "Codex expands nothing: remove the `env` entry and forward the variable with `env_vars = [\"NAME\"]`",
            ),
            (
                Some(Field::Headers),
                "Codex expands nothing: use `bearer_token_env_var = \"NAME\"` for an Authorization bearer token, or `env_http_headers = { \"Header-Name\" = \"NAME\" }`",
            ),
            (
                None,
                "Codex expands nothing: read NAME from the environment (`env_vars = [\"NAME\"]` forwards it to a stdio server)",
            ),
        ],
        unset: "every reference is sent literally",
    },
};

pub static ZED: Client = Client {
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
    },
};

pub static CLINE: Client = Client {
    id: "cline",
    name: "Cline",
    dialect: Dialect {
        expands: in_every_string!(&[Syntax::EnvColon]),
        checked: SERVER_FIELDS,
        spelling: &[(None, "${env:NAME}")],
        unset: "the literal `${env:NAME}` is sent, with a log warning",
    },
};

pub static ROO_CODE: Client = Client {
    id: "roo-code",
    name: "Roo Code",
    dialect: Dialect {
        expands: in_every_string!(&[Syntax::EnvColon, Syntax::EditorVariable]),
        checked: SERVER_FIELDS,
        spelling: &[(None, "${env:NAME}")],
        unset: "the literal `${env:NAME}` is sent, with a warning",
    },
};

pub static AMAZON_Q: Client = Client {
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
    },
};

pub static OPENCODE: Client = Client {
    id: "opencode",
    name: "OpenCode",
    dialect: Dialect {
        expands: in_every_string!(&[Syntax::OpenCode]),
        checked: SERVER_FIELDS,
        spelling: &[(None, "{env:NAME}")],
        unset: "an empty string",
    },
};

pub static CONTINUE: Client = Client {
    id: "continue",
    name: "Continue",
    dialect: Dialect {
        expands: in_every_string!(&[Syntax::DoubleBrace]),
        checked: SERVER_FIELDS,
        spelling: &[(None, "${{ secrets.NAME }}")],
        unset:
            "the secret is looked up in ~/.continue/.env, .continue/.env, .env and the environment",
    },
};

/// Continue importing a Claude/Cursor-style JSON file: `${VAR}` in `env`
/// only is rewritten to a secret reference.
pub static CONTINUE_JSON: Client = Client {
    id: "continue",
    name: "Continue",
    dialect: Dialect {
        expands: &[(Field::Env, &[Syntax::Braced])],
        checked: SERVER_FIELDS,
        spelling: &[
            (Some(Field::Env), "${NAME}"),
            (
                None,
                "Continue expands references only in `env` when it imports a JSON file: move the value into `env` as \"${NAME}\", or write the server as a YAML block with ${{ secrets.NAME }}",
            ),
        ],
        unset: "the secret is looked up in Continue's .env files and the environment",
    },
};

pub static GOOSE: Client = Client {
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
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_per_field() {
        let d = &CODEX.dialect;
        assert!(
            matches!(d.spell(Field::Env, "T"), Spelling::Advice(t) if t.contains("env_vars = [\"T\"]"))
        );
        assert_eq!(
            CURSOR.dialect.spell(Field::Env, "T"),
            Spelling::Reference("${env:T}".into())
        );
        assert_eq!(
            AMAZON_Q.dialect.spell(Field::Command, "T"),
            Spelling::Reference("${T}".into())
        );
        assert!(matches!(
            AMAZON_Q.dialect.spell(Field::Args, "T"),
            Spelling::Advice(_)
        ));
        assert!(GEMINI_CLI.dialect.expands(Field::Env, Syntax::Percent));
        assert!(!GEMINI_CLI.dialect.expands(Field::Args, Syntax::Percent));
    }
}
