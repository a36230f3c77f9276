//! Every MCP client and its expansion dialect: which reference syntaxes it
//! replaces in which fields, what an unset variable becomes, and how a
//! credential should be written for it instead. The facts come from the
//! clients' code and docs (see the README's client table); where a source
//! is unverified the dialect errs towards not reporting.

use super::Field;
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
    /// Its reference to the project folder, for configs that use an
    /// editor's `${workspaceFolder}`; `None` where it has none.
    pub project_dir: Option<&'static str>,
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
        if self.spelling.is_empty() {
            return Spelling::Advice(format!(
                "keep the value out of the file: write a reference to {var} in the syntax of the client that reads it (`${{{var}}}` for Claude Code, `${{env:{var}}}` for Cursor and VS Code) and set {var} in its environment"
            ));
        }
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

/// The fields of a server entry that carry its launch and connection.
pub const SERVER_FIELDS: &[Field] = &[
    Field::Command,
    Field::Args,
    Field::Env,
    Field::Url,
    Field::Headers,
];
/// Every string of a server entry.
pub const ALL_FIELDS: &[Field] = &[
    Field::Command,
    Field::Args,
    Field::Env,
    Field::Url,
    Field::Headers,
    Field::Other,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clients::{amazon_q, codex, cursor, gemini_cli};

    #[test]
    fn spelling_per_field() {
        let d = &codex::CLIENT.dialect;
        assert!(
            matches!(d.spell(Field::Env, "T"), Spelling::Advice(t) if t.contains("env_vars = [\"T\"]"))
        );
        assert_eq!(
            cursor::CLIENT.dialect.spell(Field::Env, "T"),
            Spelling::Reference("${env:T}".into())
        );
        assert_eq!(
            amazon_q::CLIENT.dialect.spell(Field::Command, "T"),
            Spelling::Reference("${T}".into())
        );
        assert!(matches!(
            amazon_q::CLIENT.dialect.spell(Field::Args, "T"),
            Spelling::Advice(_)
        ));
        assert!(gemini_cli::CLIENT
            .dialect
            .expands(Field::Env, Syntax::Percent));
        assert!(!gemini_cli::CLIENT
            .dialect
            .expands(Field::Args, Syntax::Percent));
    }
}
