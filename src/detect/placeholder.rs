//! Values that stand in for a credential without being one: `<YOUR_TOKEN>`,
//! `your-api-key-here`, `ghp_xxxx…`, `REPLACE_ME`. They are never secrets;
//! in a field sent to a server they are worth a note.

/// Words that mark a value as written for a human to replace.
const MARKER_WORDS: &[&str] = &[
    "your",
    "example",
    "sample",
    "dummy",
    "placeholder",
    "replace",
    "insert",
    "changeme",
    "change_me",
    "change-me",
    "redacted",
    "todo",
    "_here",
    "-here",
    "xxx",
    "yyy",
    "zzz",
    "abc123",
    "12345",
    "secret_value",
    "not-a-real",
    "not_a_real",
    "notreal",
    "test-key",
    "test_key",
    "fill_in",
    "fill-in",
    "fillme",
    "votre",
    "ihr_",
    "seu_",
    "tu_",
];

/// Exact values that are placeholders (compared case-insensitively).
const PLACEHOLDER_VALUES: &[&str] = &[
    "token",
    "secret",
    "password",
    "passwd",
    "apikey",
    "api_key",
    "api-key",
    "key",
    "none",
    "null",
    "undefined",
    "nil",
    "true",
    "false",
    "disabled",
    "tbd",
    "n/a",
    "na",
    "xxx",
    "changeit",
    "foo",
    "bar",
    "foobar",
    "test",
    "demo",
    "string",
];

/// Is `value` a placeholder? `prefix` is a known vendor prefix to look past
/// (`ghp_xxxx` is a placeholder with a real-looking prefix).
pub fn is_placeholder(value: &str, prefix: Option<&str>) -> bool {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return true;
    }
    let lower = trimmed.to_ascii_lowercase();
    if PLACEHOLDER_VALUES.contains(&lower.as_str()) {
        return true;
    }
    if lower.contains("...") || lower.contains('…') || lower.contains("***") {
        return true;
    }
    if wrapped(trimmed) {
        return true;
    }
    if MARKER_WORDS.iter().any(|w| lower.contains(w)) {
        return true;
    }
    let rest = prefix
        .and_then(|p| lower.strip_prefix(&p.to_ascii_lowercase()))
        .unwrap_or(&lower);
    let rest = rest.trim_matches(|c: char| c == '_' || c == '-');
    if rest.is_empty() || single_repeated(rest) || sequential(rest) {
        return true;
    }
    shouting_name(trimmed)
}

/// `<TOKEN>`, `[api key]`, `{{token}}`, `{token}`.
fn wrapped(value: &str) -> bool {
    let pairs = [('<', '>'), ('[', ']'), ('{', '}')];
    pairs
        .iter()
        .any(|&(open, close)| value.starts_with(open) && value.ends_with(close) && value.len() >= 3)
        || (value.contains('<') && value.contains('>'))
}

fn single_repeated(text: &str) -> bool {
    let mut chars = text
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '*');
    match chars.next() {
        Some(first) => text.len() >= 3 && chars.all(|c| c.eq_ignore_ascii_case(&first)),
        None => true,
    }
}

/// Keyboard runs such as `abcdef…`, `0123456789`, `qwerty`: high Shannon
/// entropy, no secrecy.
fn sequential(text: &str) -> bool {
    const RUNS: &[&str] = &[
        "abcdefghijklmnopqrstuvwxyz",
        "0123456789",
        "qwertyuiop",
        "asdfghjkl",
        "zyxwvutsrqponmlkjihgfedcba",
        "9876543210",
    ];
    let alnum: String = text
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if alnum.len() < 6 {
        return false;
    }
    // Sequential when the whole value is covered by windows of the runs.
    let covered = alnum
        .as_bytes()
        .windows(2)
        .filter(|w| {
            RUNS.iter()
                .any(|run| run.as_bytes().windows(2).any(|r| r == *w))
        })
        .count();
    covered * 10 >= (alnum.len() - 1) * 9
}

/// `YOUR_API_KEY`, `GITHUB_PAT`, `SECRET_VALUE`: an upper-case snake name
/// without digits reads as the name of a value, not a value.
fn shouting_name(value: &str) -> bool {
    value.len() >= 3
        && value.contains(|c: char| c.is_ascii_uppercase())
        && value
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '_' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::is_placeholder;

    #[test]
    fn placeholders_from_the_reference() {
        for v in [
            "<YOUR_TOKEN>",
            "your-api-key-here",
            "REPLACE_ME",
            "YOUR_GITHUB_PAT",
            "xxxxxxxxxxxxxxxx",
            "sk-...",
            "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "abcdefghijklmnopqrstuvwxyz0123456789",
            "{{token}}",
            "",
            "changeme",
            "token_here",
        ] {
            let prefix = v.starts_with("ghp_").then_some("ghp_");
            assert!(is_placeholder(v, prefix), "{v:?} should be a placeholder");
        }
    }

    #[test]
    fn real_shaped_values_are_not_placeholders() {
        for v in [
            "ghp_R8fJ2kLmQ9vX3tB7nC1dE5gH0aS4wY6zU2iO",
            "s3cr3t-Pa55w0rd!",
            "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",
            "MCPLINT0TEST9Kq2",
        ] {
            assert!(!is_placeholder(v, None), "{v:?} is not a placeholder");
        }
    }
}
