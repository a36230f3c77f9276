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

/// Public documentation and emulator constants that look like credentials.
const DOCUMENTED_CONSTANTS: &[&str] = &[
    // Stripe's documentation test key.
    "sk_test_4ec39hqlyjwdarjtt1zdp7dc",
    // The Azurite storage emulator's well-known account key.
    "eby8vdm02xnocqflquwjplmetlcdxj1ouzft50usrz6ifsufq2uvercz4i6tq/k1szfptotr/kbhbeksogmgw==",
];

/// Exact values that are placeholders (compared case-insensitively).
const PLACEHOLDER_VALUES: &[&str] = &[
    "token",
    "secret",
    "password",
    "passwd",
    "pass",
    "pwd",
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

/// Does `marker` occur in `lower`? Short markers must start a word: by
/// chance `…Xxx…` or `…yOur…` turns up inside long random text (a 2 KB
/// private key), while `example` or `changeme` does not.
fn has_marker(lower: &str, marker: &str) -> bool {
    if marker.len() >= 5 {
        return lower.contains(marker);
    }
    lower.match_indices(marker).any(|(i, _)| {
        let before = lower[..i].chars().next_back();
        before.is_none_or(|c| !c.is_ascii_alphanumeric())
            || marker.starts_with(|c: char| !c.is_ascii_alphanumeric())
    })
}

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
    if DOCUMENTED_CONSTANTS.contains(&lower.as_str()) {
        return true;
    }
    let body = prefix
        .and_then(|p| lower.strip_prefix(&p.to_ascii_lowercase()))
        .unwrap_or(&lower);
    if MARKER_WORDS
        .iter()
        .any(|w| has_marker(body, w) || has_marker(&lower, w))
    {
        return true;
    }
    let rest = body.trim_matches(|c: char| c == '_' || c == '-');
    rest.is_empty() || single_repeated(rest) || sequential(rest)
}

/// A placeholder, or a value that reads as the *name* of a value
/// (`YOUR_API_KEY`, `GITHUB_PAT`): for values judged by their name alone.
/// Known formats skip the name test (an `AKIA` key id may be all letters).
pub fn is_placeholder_or_name(value: &str) -> bool {
    is_placeholder(value, None) || shouting_name(value.trim())
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
    use super::{is_placeholder, is_placeholder_or_name};

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
            assert!(
                is_placeholder(v, prefix) || is_placeholder_or_name(v),
                "{v:?} should be a placeholder"
            );
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

    #[test]
    fn markers_inside_random_text_do_not_count() {
        // `xxx`, `your`, `todo` by chance inside a long random body.
        let random = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCxXxq7yourTodo9Zk";
        assert!(!is_placeholder(random, None));
        assert!(is_placeholder("sk-xxxxxxxxxxxxxxxx", Some("sk-")));
        assert!(is_placeholder("your_token", None));
    }

    #[test]
    fn known_format_values_may_be_all_capitals() {
        assert!(!is_placeholder("AKIAMCPLINTQRVBNDWEJ", Some("AKIA")));
        assert!(is_placeholder_or_name("GITHUB_PAT"));
        assert!(is_placeholder(
            "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
            Some("sk_test_")
        ));
    }
}
