//! RFC 6901 JSON pointers: how every finding names the value it is about,
//! whatever the file format.

/// Append one reference token to `base`, escaping `~` and `/`.
pub fn push(base: &str, token: &str) -> String {
    let mut out = String::with_capacity(base.len() + token.len() + 1);
    out.push_str(base);
    out.push('/');
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
    out
}

/// Split a pointer into unescaped tokens; `None` if it is malformed.
pub fn tokens(ptr: &str) -> Option<Vec<String>> {
    if ptr.is_empty() {
        return Some(Vec::new());
    }
    let rest = ptr.strip_prefix('/')?;
    rest.split('/').map(unescape).collect()
}

fn unescape(token: &str) -> Option<String> {
    let mut out = String::with_capacity(token.len());
    let mut chars = token.chars();
    while let Some(c) = chars.next() {
        if c == '~' {
            match chars.next()? {
                '0' => out.push('~'),
                '1' => out.push('/'),
                _ => return None,
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// An array index token: digits without a leading zero (RFC 6901 §4).
pub fn index(token: &str) -> Option<usize> {
    if token.is_empty() || (token.len() > 1 && token.starts_with('0')) {
        return None;
    }
    if !token.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    token.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_round_trip() {
        let p = push(&push("", "a/b"), "m~n");
        assert_eq!(p, "/a~1b/m~0n");
        assert_eq!(tokens(&p).unwrap(), vec!["a/b", "m~n"]);
    }

    #[test]
    fn rejects_malformed() {
        assert!(tokens("no-slash").is_none());
        assert!(tokens("/bad~2").is_none());
        assert_eq!(index("01"), None);
        assert_eq!(index("10"), Some(10));
    }
}
