//! Masked previews and masked copies of source text: no output format ever
//! shows a whole secret.

use crate::syntax::source::Span;

/// A short, non-revealing preview: the vendor prefix, an ellipsis and at
/// most the last two characters (none for short secrets).
pub fn preview(secret: &str, prefix: Option<&str>) -> String {
    let prefix = prefix.filter(|p| secret.starts_with(p)).unwrap_or("");
    let rest = &secret[prefix.len()..];
    let count = rest.chars().count();
    if count >= 16 {
        let tail: String = rest.chars().skip(count - 2).collect();
        format!("{prefix}…{tail}")
    } else {
        format!("{prefix}…")
    }
}

/// `text` with every secret of `secrets` (text, preview) replaced by its
/// preview: a message that quotes a config value (a package name, a URL,
/// a parse error's token) must not quote a credential that sits there.
pub fn withhold(text: &str, secrets: &[(String, String)]) -> Option<String> {
    let mut out: Option<String> = None;
    for (secret, preview) in secrets {
        if secret.len() < REPEAT_MIN {
            continue;
        }
        let current = out.as_deref().unwrap_or(text);
        if current.contains(secret.as_str()) {
            out = Some(current.replace(secret.as_str(), preview));
        }
    }
    out
}

/// Masked text this long or longer is also masked wherever else it occurs
/// (a token pasted again as a key or in a comment); shorter text would mask
/// ordinary words.
const REPEAT_MIN: usize = 8;

/// A copy of `text` with every byte of every span replaced by `*`, so byte
/// offsets (and thus every label) stay aligned, and every other occurrence
/// of a span's text too. Spans must lie on character boundaries, as parser
/// spans do; multi-byte characters become several `*`.
pub fn mask(text: &str, spans: &[Span]) -> String {
    let source = text.as_bytes();
    let mut bytes = source.to_vec();
    let mut hide = |range: std::ops::Range<usize>| {
        for b in &mut bytes[range] {
            if !matches!(b, b'\n' | b'\r') {
                *b = b'*';
            }
        }
    };
    let mut repeated: Vec<&[u8]> = Vec::new();
    for span in spans {
        let range = span.start as usize..(span.end as usize).min(source.len());
        let secret = &source[range.clone()];
        if secret.len() >= REPEAT_MIN && !repeated.contains(&secret) {
            repeated.push(secret);
        }
        hide(range);
    }
    for secret in repeated {
        for at in memchr::memmem::find_iter(source, secret) {
            hide(at..at + secret.len());
        }
    }
    // Replacing whole characters by ASCII keeps UTF-8 valid; a span that cut a
    // character in half is repaired lossily rather than trusted.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preview_keeps_prefix_and_two_chars() {
        assert_eq!(
            preview("ghp_R8fJ2kLmQ9vX3tB7nC1dE5gH0aS4wY6zU29Q", Some("ghp_")),
            "ghp_…9Q"
        );
        assert_eq!(preview("hunter2", None), "…");
        assert_eq!(preview("abc", Some("ghp_")), "…");
    }

    #[test]
    fn mask_keeps_offsets() {
        let text = "{\"k\": \"é-secret\"}";
        let start = text.find('é').unwrap();
        let masked = mask(text, &[Span::new(start, start + "é-secret".len())]);
        assert_eq!(masked.len(), text.len());
        assert_eq!(masked, "{\"k\": \"*********\"}");
    }

    #[test]
    fn withhold_replaces_every_secret_by_its_preview() {
        let secrets = vec![
            (
                "lin_api_0123456789abcdef".to_string(),
                "lin_api_…ef".to_string(),
            ),
            ("short".to_string(), "…".to_string()),
        ];
        assert_eq!(
            withhold("runs `lin_api_0123456789abcdef` (short)", &secrets).as_deref(),
            Some("runs `lin_api_…ef` (short)")
        );
        assert_eq!(withhold("nothing here", &secrets), None);
    }

    #[test]
    fn mask_hides_every_copy_of_a_masked_value() {
        let text =
            "{\"k\": \"sk_live_0123456789\" /* was sk_live_0123456789 */, \"short\": \"abc\"}";
        let start = text.find("sk_").unwrap();
        let abc = text.find("abc").unwrap();
        let masked = mask(
            text,
            &[Span::new(start, start + 18), Span::new(abc, abc + 3)],
        );
        assert!(!masked.contains("sk_live"), "{masked}");
        assert!(masked.contains("\"short\""), "{masked}");
        assert_eq!(masked.len(), text.len());
    }
}
