//! Every variable-reference syntax that MCP clients use, found in a string.
//! Which ones a client *expands* is its dialect's business (each client's
//! module under `clients/`); this module only says what is written where.

use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Syntax {
    /// `${NAME}`
    Braced,
    /// `${NAME:-default}`
    BracedDefault,
    /// `$NAME`
    Bare,
    /// `${env:NAME}` (VS Code, Cursor, Windsurf, Cline, Roo Code)
    EnvColon,
    /// `${file:path}` (Windsurf)
    FileColon,
    /// `${input:id}` (VS Code prompts)
    Input,
    /// `${workspaceFolder}`, `${userHome}`, … (editor variables)
    EditorVariable,
    /// `%NAME%` (Windows cmd, Gemini CLI on Windows)
    Percent,
    /// `{env:NAME}` / `{file:path}` (OpenCode)
    OpenCode,
    /// `$(command)`: no client runs it
    CommandSubstitution,
    /// `${A:-${B}}`
    NestedDefault,
    /// `{{NAME}}` (templating) and `${{ secrets.NAME }}` (Continue)
    DoubleBrace,
    /// `${process.env.NAME}`: a JavaScript template literal, copied from
    /// code; no client evaluates it
    ProcessEnv,
    /// Other `${…}` shell forms (`${x%/}`, `${x:=y}`): meaningful to a shell only
    ShellParameter,
}

impl Syntax {
    /// How the syntax is written, for messages.
    pub fn example(self) -> &'static str {
        match self {
            Syntax::Braced => "${VAR}",
            Syntax::BracedDefault => "${VAR:-default}",
            Syntax::Bare => "$VAR",
            Syntax::EnvColon => "${env:VAR}",
            Syntax::FileColon => "${file:path}",
            Syntax::Input => "${input:id}",
            Syntax::EditorVariable => "${workspaceFolder}",
            Syntax::Percent => "%VAR%",
            Syntax::OpenCode => "{env:VAR}",
            Syntax::CommandSubstitution => "$(command)",
            Syntax::NestedDefault => "${A:-${B}}",
            Syntax::DoubleBrace => "{{VAR}}",
            Syntax::ShellParameter => "${VAR%suffix}",
            Syntax::ProcessEnv => "${process.env.VAR}",
        }
    }

    /// Where the syntax comes from, for messages.
    pub fn origin(self) -> &'static str {
        match self {
            Syntax::Braced | Syntax::BracedDefault => "POSIX shell",
            Syntax::Bare | Syntax::CommandSubstitution | Syntax::ShellParameter => "shell script",
            Syntax::EnvColon => "VS Code, Cursor, Windsurf, Cline and Roo Code",
            Syntax::FileColon => "Windsurf",
            Syntax::Input | Syntax::EditorVariable => "VS Code and Cursor",
            Syntax::Percent => "Windows cmd",
            Syntax::OpenCode => "OpenCode",
            Syntax::NestedDefault => "POSIX shell",
            Syntax::DoubleBrace => "templating languages and Continue",
            Syntax::ProcessEnv => "JavaScript template literal",
        }
    }
}

const EDITOR_VARIABLES: &[&str] = &[
    "/",
    "extensionPath",
    "workspacePath",
    "workspaceFolder",
    "workspaceFolderBasename",
    "workspaceRoot",
    "userHome",
    "pathSeparator",
    "fileDirname",
    "relativeFile",
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    pub syntax: Syntax,
    /// Byte range of the whole reference in the scanned text.
    pub range: Range<usize>,
    /// The variable (or input id, or command) it names.
    pub name: String,
    /// For `${NAME:-default}`: the default's range, which may hold a literal.
    pub default: Option<Range<usize>>,
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn ident_len(bytes: &[u8]) -> usize {
    match bytes.first() {
        Some(&b) if is_ident_start(b) => bytes.iter().take_while(|&&b| is_ident(b)).count(),
        _ => 0,
    }
}

fn is_identifier(s: &str) -> bool {
    !s.is_empty() && ident_len(s.as_bytes()) == s.len()
}

/// The index of the `close` matching the `open` just before `from`.
/// References are short: looking further would make a value of many
/// unclosed `${` quadratic to scan.
const MAX_REFERENCE: usize = 1024;

fn matching(bytes: &[u8], from: usize, open: u8, close: u8) -> Option<usize> {
    let mut depth = 1usize;
    for (i, &b) in bytes.iter().enumerate().skip(from).take(MAX_REFERENCE) {
        if b == open {
            depth += 1;
        } else if b == close {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

/// Every reference in `text`, left to right, not overlapping.
pub fn scan(text: &str) -> Vec<Reference> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let found = match bytes[i] {
            b'$' => dollar(text, i),
            b'%' => percent(text, i),
            b'{' => brace(text, i),
            _ => None,
        };
        match found {
            Some(r) => {
                i = r.range.end;
                out.push(r);
            }
            None => i += 1,
        }
    }
    out
}

fn reference(syntax: Syntax, range: Range<usize>, name: &str) -> Option<Reference> {
    Some(Reference {
        syntax,
        range,
        name: name.to_string(),
        default: None,
    })
}

fn dollar(text: &str, i: usize) -> Option<Reference> {
    let bytes = text.as_bytes();
    match bytes.get(i + 1)? {
        b'(' => {
            let close = matching(bytes, i + 2, b'(', b')')?;
            reference(
                Syntax::CommandSubstitution,
                i..close + 1,
                text[i + 2..close].trim(),
            )
        }
        b'{' if bytes.get(i + 2) == Some(&b'{') => {
            let window = &text[i + 3..floor(text, i + 3 + MAX_REFERENCE)];
            let end = window.find("}}")? + i + 3;
            let inner = text[i + 3..end].trim();
            let name = inner.strip_prefix("secrets.").unwrap_or(inner);
            reference(Syntax::DoubleBrace, i..end + 2, name)
        }
        b'{' => {
            let close = matching(bytes, i + 2, b'{', b'}')?;
            let inner = &text[i + 2..close];
            let range = i..close + 1;
            if let Some((name, default)) = inner.split_once(":-") {
                if default.contains("${") {
                    return reference(Syntax::NestedDefault, range, name);
                }
                if is_identifier(name) {
                    let start = i + 2 + name.len() + 2;
                    return Some(Reference {
                        syntax: Syntax::BracedDefault,
                        range,
                        name: name.to_string(),
                        default: Some(start..close),
                    });
                }
            }
            if let Some(name) = inner.strip_prefix("env:") {
                return reference(Syntax::EnvColon, range, name.trim());
            }
            if let Some(path) = inner.strip_prefix("file:") {
                return reference(Syntax::FileColon, range, path.trim());
            }
            if let Some(name) = inner.strip_prefix("input:") {
                return reference(Syntax::Input, range, name.trim());
            }
            if let Some(name) = inner.trim().strip_prefix("process.env.") {
                if is_identifier(name) {
                    return reference(Syntax::ProcessEnv, range, name);
                }
            }
            // `${config:section.key}` and `${command:id}`: resolved by the
            // editor like its predefined variables.
            if EDITOR_VARIABLES.contains(&inner)
                || inner.starts_with("config:")
                || inner.starts_with("command:")
            {
                return reference(Syntax::EditorVariable, range, inner);
            }
            if is_identifier(inner) {
                return reference(Syntax::Braced, range, inner);
            }
            let name_len = ident_len(inner.as_bytes());
            reference(Syntax::ShellParameter, range, &inner[..name_len])
        }
        _ => {
            // `pa$sword`, `hT4w$PQ9Z`: a `$` inside a token is part of it.
            if i > 0 && bytes[i - 1].is_ascii_alphanumeric() {
                return None;
            }
            let len = ident_len(&bytes[i + 1..]);
            (len > 0).then(|| Reference {
                syntax: Syntax::Bare,
                range: i..i + 1 + len,
                name: text[i + 1..i + 1 + len].to_string(),
                default: None,
            })
        }
    }
}

/// `at`, moved back to a character boundary and capped at the length.
fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn percent(text: &str, i: usize) -> Option<Reference> {
    let bytes = text.as_bytes();
    let len = ident_len(&bytes[i + 1..]);
    if len == 0 || bytes.get(i + 1 + len) != Some(&b'%') {
        return None;
    }
    reference(Syntax::Percent, i..i + len + 2, &text[i + 1..i + 1 + len])
}

fn brace(text: &str, i: usize) -> Option<Reference> {
    let rest = &text[i..];
    if let Some(inner_start) = rest.strip_prefix("{{") {
        let end = inner_start[..floor(inner_start, MAX_REFERENCE)].find("}}")?;
        let inner = inner_start[..end].trim();
        let name = inner.strip_prefix("secrets.").unwrap_or(inner);
        if !name.is_empty() && name.bytes().all(|b| is_ident(b) || b == b'.') {
            return reference(Syntax::DoubleBrace, i..i + 2 + end + 2, name);
        }
        return None;
    }
    for tag in ["{env:", "{file:"] {
        if let Some(after) = rest.strip_prefix(tag) {
            let close = after[..floor(after, MAX_REFERENCE)].find('}')?;
            let name = &after[..close];
            if !name.is_empty() && !name.contains(char::is_whitespace) {
                return reference(Syntax::OpenCode, i..i + tag.len() + close + 1, name);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Syntax, String)> {
        scan(text).into_iter().map(|r| (r.syntax, r.name)).collect()
    }

    #[test]
    fn every_syntax_is_recognised() {
        use Syntax::*;
        let cases: &[(&str, Syntax, &str)] = &[
            ("${TOKEN}", Braced, "TOKEN"),
            ("${TOKEN:-x}", BracedDefault, "TOKEN"),
            ("Bearer $TOKEN", Bare, "TOKEN"),
            ("${env:TOKEN}", EnvColon, "TOKEN"),
            ("${input:gh}", Input, "gh"),
            ("${workspaceFolder}/x", EditorVariable, "workspaceFolder"),
            ("%TOKEN%", Percent, "TOKEN"),
            ("{env:TOKEN}", OpenCode, "TOKEN"),
            (
                "$(op read op://v/i/f)",
                CommandSubstitution,
                "op read op://v/i/f",
            ),
            ("${A:-${B}/x}", NestedDefault, "A"),
            ("${{ secrets.GH }}", DoubleBrace, "GH"),
            ("{{ TOKEN }}", DoubleBrace, "TOKEN"),
            ("${x%/}", ShellParameter, "x"),
        ];
        for (text, syntax, name) in cases {
            assert_eq!(kinds(text), vec![(*syntax, name.to_string())], "{text}");
        }
    }

    #[test]
    fn default_range_points_at_the_default() {
        let text = "${DB_URL:-postgres://u:p@h/db}";
        let r = &scan(text)[0];
        assert_eq!(&text[r.default.clone().unwrap()], "postgres://u:p@h/db");
    }

    #[test]
    fn plain_text_has_no_references() {
        assert!(scan("100% sure, $5 off, {json}").is_empty());
        assert!(scan("https://example.com/a%20b%2F").is_empty());
    }
}
