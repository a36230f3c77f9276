//! The env file secrets move to: dotenv syntax (`NAME=value`), mode 0600,
//! git-ignored (checked with git2, the entry added when missing). An
//! existing variable is never overwritten with another value.

use std::path::{Path, PathBuf};

use crate::clients::Client;

/// Default file name, in the repository's top directory (or the working
/// directory outside a repository).
pub const DEFAULT_NAME: &str = ".env";

/// Variables already in an env file.
pub fn read(path: &Path) -> Vec<(String, String)> {
    parse(&std::fs::read_to_string(path).unwrap_or_default())
}

/// Dotenv entries: `NAME=value`, `export NAME=value`, `#` comments, and
/// quoted values that may span lines (a PEM key in single quotes).
fn parse(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
        let line = rest[..line_end].trim();
        let line = line.strip_prefix("export ").unwrap_or(line);
        let Some((name, _)) = line.split_once('=').filter(|_| !line.starts_with('#')) else {
            rest = &rest[line_end..];
            continue;
        };
        let name = name.trim().to_string();
        let after_eq = &rest[rest.find('=').map_or(line_end, |i| i + 1)..];
        let value_text = after_eq.trim_start_matches([' ', '\t']);
        let (value, consumed) = match value_text.chars().next() {
            Some(quote @ ('\'' | '"')) => match closing(&value_text[1..], quote) {
                Some(close) => {
                    let inner = &value_text[1..1 + close];
                    let value = if quote == '"' {
                        unescape(inner)
                    } else {
                        inner.to_string()
                    };
                    (value, 1 + close + 1)
                }
                None => {
                    // Unterminated: the rest of the line, as written.
                    let end = value_text.find('\n').unwrap_or(value_text.len());
                    (value_text[..end].trim_end().to_string(), end)
                }
            },
            _ => {
                let end = value_text.find('\n').unwrap_or(value_text.len());
                (value_text[..end].trim_end().to_string(), end)
            }
        };
        out.push((name, value));
        let used = after_eq.len() - value_text.len() + consumed;
        let remaining = &after_eq[used..];
        rest = &remaining[remaining.find('\n').map_or(remaining.len(), |i| i + 1)..];
    }
    out
}

/// Where `quote` closes `text` (a `"` not escaped by a backslash).
fn closing(text: &str, quote: char) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quote == '"' => escaped = true,
            c if c == quote => return Some(i),
            _ => {}
        }
    }
    None
}

/// Undo `quote`'s escapes inside double quotes; other backslashes stay.
fn unescape(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(next @ ('"' | '$' | '`' | '\\')) => out.push(next),
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A value written so dotenv readers and `set -a; . ./.env` agree on it.
pub fn quote(value: &str) -> String {
    if value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"_./:@+=-,".contains(&b))
    {
        value.to_string()
    } else if !value.contains('\'') {
        format!("'{value}'")
    } else {
        format!(
            "\"{}\"",
            value
                .replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace('$', "\\$")
                // A shell runs `…` inside double quotes: never let a value do that.
                .replace('`', "\\`")
        )
    }
}

/// A name not yet used for another value: `NAME`, else `NAME_2`, `NAME_3`…
pub fn free_name(name: &str, value: &str, taken: &[(String, String)]) -> String {
    for n in 1.. {
        let candidate = if n == 1 {
            name.to_string()
        } else {
            format!("{name}_{n}")
        };
        match taken.iter().find(|(k, _)| *k == candidate) {
            None => return candidate,
            Some((_, v)) if v == value => return candidate,
            Some(_) => continue,
        }
    }
    unreachable!("the loop returns")
}

/// The default env file for a config file: in its repository's work tree
/// root, else in `cwd`.
pub fn default_path(config: &Path, cwd: &Path) -> PathBuf {
    let dir = config.parent().unwrap_or(cwd);
    match git2::Repository::discover(dir)
        .ok()
        .and_then(|r| r.workdir().map(Path::to_path_buf))
    {
        Some(root) => root.join(DEFAULT_NAME),
        None => cwd.join(DEFAULT_NAME),
    }
}

/// Where the env file stands with git after [`ensure_ignored`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ignored {
    /// Git ignored it already.
    Already,
    /// Git ignores it now: this `.gitignore` was given a line for it.
    Added(PathBuf),
    /// It is in no repository's work tree: no commit can take it.
    NoRepository,
}

/// Make sure git ignores `path`.
pub fn ensure_ignored(path: &Path) -> Result<Ignored, String> {
    let dir = path.parent().ok_or("the env file has no directory")?;
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(repo) = git2::Repository::discover(dir) else {
        return Ok(Ignored::NoRepository);
    };
    let Some(root) = repo.workdir() else {
        return Ok(Ignored::NoRepository);
    };
    let absolute = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let Ok(relative) = absolute.strip_prefix(&root) else {
        return Ok(Ignored::NoRepository);
    };
    if repo.is_path_ignored(relative).unwrap_or(false) {
        return Ok(Ignored::Already);
    }
    if is_tracked(&repo, relative) {
        return Err(format!(
            "{} is tracked by git, so .gitignore cannot keep it out of commits; choose another file with --env-file",
            relative.display()
        ));
    }
    let gitignore = root.join(".gitignore");
    let old = std::fs::read(&gitignore).ok();
    let mut text = String::from_utf8_lossy(old.as_deref().unwrap_or_default()).into_owned();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&format!(
        "# secrets moved out of MCP configs by mcplint --fix\n/{}\n",
        relative.to_string_lossy().replace('\\', "/")
    ));
    crate::syntax::write::atomically(&gitignore, text.as_bytes(), old.as_deref(), 0o644)
        .map_err(|e| e.to_string())?;
    Ok(Ignored::Added(gitignore))
}

fn is_tracked(repo: &git2::Repository, relative: &Path) -> bool {
    repo.index()
        .is_ok_and(|index| index.get_path(relative, 0).is_some())
}

/// Would a secret written to `path` be committed with the next commit of
/// tracked files? (The file is in git's index.)
pub fn tracked(path: &Path) -> bool {
    let Some(dir) = path.parent() else {
        return false;
    };
    let Ok(repo) = git2::Repository::discover(dir) else {
        return false;
    };
    let Some(root) = repo.workdir().and_then(|r| r.canonicalize().ok()) else {
        return false;
    };
    let absolute = dir
        .canonicalize()
        .map(|d| d.join(path.file_name().unwrap_or_default()));
    absolute
        .ok()
        .and_then(|a| a.strip_prefix(&root).ok().map(Path::to_path_buf))
        .is_some_and(|rel| is_tracked(&repo, &rel))
}

/// How to load the env file for a client, one line.
pub fn how_to_load(client: &Client, env: &str) -> String {
    client.env_file.replace("{env}", env)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_round_trips() {
        let pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
        for v in [
            "ghp_abc",
            "p@ss word",
            "it's",
            "a\"b$c",
            "Xq9'`id>/tmp/x`",
            "back\\slash\\",
            pem,
            "it's\nmulti-line",
        ] {
            let line = format!("X={}", quote(v));
            let dir = tempfile::tempdir().unwrap();
            let p = dir.path().join(".env");
            std::fs::write(&p, &line).unwrap();
            assert_eq!(read(&p), vec![("X".to_string(), v.to_string())], "{line}");
        }
    }

    #[test]
    fn multi_line_values_do_not_hide_the_entries_after_them() {
        let pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQ=\n-----END PRIVATE KEY-----";
        let text = format!(
            "# secrets\nexport A=1\nKEY={}\nB = \"two words\" # note\n\nC=x=y\nD='open\n",
            quote(pem)
        );
        let got = parse(&text);
        let want: Vec<(String, String)> = [
            ("A", "1"),
            ("KEY", pem),
            ("B", "two words"),
            ("C", "x=y"),
            ("D", "'open"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn names_never_clash_with_other_values() {
        let taken = vec![
            ("TOKEN".to_string(), "a".to_string()),
            ("TOKEN_2".to_string(), "b".to_string()),
        ];
        assert_eq!(free_name("TOKEN", "a", &taken), "TOKEN");
        assert_eq!(free_name("TOKEN", "c", &taken), "TOKEN_3");
        assert_eq!(free_name("NEW", "c", &taken), "NEW");
    }
}
