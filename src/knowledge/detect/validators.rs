//! Checksums embedded in token formats, and JWT payload checks: the cheap
//! proofs that a match is a real-shaped credential and not a look-alike.

use base64::Engine as _;

use super::data::Validator;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The checksum verifies, or the token decodes as its kind must.
    Valid,
    /// Right shape, wrong checksum: a hand-made example or a mistyped token.
    BadChecksum,
    /// Not this kind of credential at all (undecodable JWT).
    NotThisKind,
    /// A credential that is public by design (Supabase `anon` JWT).
    Public,
}

pub fn check(validator: Validator, token: &str, prefix: Option<&str>) -> Verdict {
    match validator {
        Validator::GithubCrc32 => github(token, prefix),
        Validator::CloudflareCrc32 => crc_hex_suffix(token, prefix, false),
        Validator::AtlassianCrc32 => atlassian(token),
        Validator::GitlabRoutableCrc32 => gitlab_routable(token),
        Validator::Jwt => jwt(token),
    }
}

fn verdict(ok: bool) -> Verdict {
    if ok {
        Verdict::Valid
    } else {
        Verdict::BadChecksum
    }
}

/// Strip the prefix: the declared one, else everything up to the last `_`.
fn body<'t>(token: &'t str, prefix: Option<&str>) -> &'t str {
    match prefix.and_then(|p| token.strip_prefix(p)) {
        Some(rest) => rest,
        None => token.rsplit_once('_').map_or(token, |(_, rest)| rest),
    }
}

/// `<prefix><random><6 base62 chars of CRC-32(random)>` (GitHub, npm, Vercel).
fn github(token: &str, prefix: Option<&str>) -> Verdict {
    let body = body(token, prefix);
    if body.len() < 7 || !body.is_ascii() {
        return Verdict::BadChecksum;
    }
    let (random, check) = body.split_at(body.len() - 6);
    verdict(base62_decode(check) == Some(u64::from(crc32fast::hash(random.as_bytes()))))
}

fn base62_decode(digits: &str) -> Option<u64> {
    digits.bytes().try_fold(0u64, |acc, b| {
        let d = match b {
            b'0'..=b'9' => b - b'0',
            b'A'..=b'Z' => b - b'A' + 10,
            b'a'..=b'z' => b - b'a' + 36,
            _ => return None,
        };
        Some(acc * 62 + u64::from(d))
    })
}

/// `<prefix><random><8 hex chars of CRC-32(random)>` (Cloudflare 2026 tokens).
fn crc_hex_suffix(token: &str, prefix: Option<&str>, upper: bool) -> Verdict {
    let body = body(token, prefix);
    if body.len() < 9 || !body.is_ascii() {
        return Verdict::BadChecksum;
    }
    let (random, check) = body.split_at(body.len() - 8);
    let crc = crc32fast::hash(random.as_bytes());
    let expected = if upper {
        format!("{crc:08X}")
    } else {
        format!("{crc:08x}")
    };
    verdict(check == expected)
}

/// Atlassian API tokens end with 8 upper-case hex digits of the CRC-32 of
/// everything before them.
fn atlassian(token: &str) -> Verdict {
    if token.len() < 9 || !token.is_ascii() {
        return Verdict::BadChecksum;
    }
    let (head, check) = token.split_at(token.len() - 8);
    verdict(check == format!("{:08X}", crc32fast::hash(head.as_bytes())))
}

/// GitLab routable tokens: `glpat-<payload>.<2 base36 len><7 base36 CRC>`,
/// the CRC taken over everything before its 7 digits.
fn gitlab_routable(token: &str) -> Verdict {
    if token.len() < 8 || !token.is_ascii() {
        return Verdict::BadChecksum;
    }
    let (head, check) = token.split_at(token.len() - 7);
    let crc = crc32fast::hash(head.as_bytes());
    verdict(check.eq_ignore_ascii_case(&base36(crc, 7)))
}

fn base36(mut n: u32, width: usize) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    while n > 0 {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
    }
    while out.len() < width {
        out.push(b'0');
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A JWT's header and payload must decode to JSON objects; a Supabase key
/// whose role is `anon` is meant to be public.
fn jwt(token: &str) -> Verdict {
    let mut parts = token.split('.');
    let (Some(header), Some(payload)) = (parts.next(), parts.next()) else {
        return Verdict::NotThisKind;
    };
    let decode = |part: &str| -> Option<serde_json::Value> {
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(part.trim_end_matches('='))
            .ok()?;
        let value: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
        value.is_object().then_some(value)
    };
    let (Some(_), Some(claims)) = (decode(header), decode(payload)) else {
        return Verdict::NotThisKind;
    };
    if claims.get("role").and_then(|r| r.as_str()) == Some("anon") {
        return Verdict::Public;
    }
    Verdict::Valid
}

#[cfg(test)]
mod tests {
    use super::*;

    fn github_token(prefix: &str, random: &str) -> String {
        let mut n = crc32fast::hash(random.as_bytes());
        let alphabet = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        let mut digits = vec![b'0'; 6];
        for d in digits.iter_mut().rev() {
            *d = alphabet[(n % 62) as usize];
            n /= 62;
        }
        format!("{prefix}{random}{}", String::from_utf8(digits).unwrap())
    }

    #[test]
    fn reference_vectors_from_the_credentials_reference() {
        // Test vectors of shared/reference/credentials.md §1.
        assert_eq!(
            github_token("ghp_", "AbCdEfGhIjKlMnOpQrStUvWxYz0123"),
            "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"
        );
        assert!(github_token("", "ZeroPadDemoPayload000000000002").ends_with("0cQJaz"));
        assert_eq!(
            format!(
                "{:08x}",
                crc32fast::hash(b"TestOnlyNotARealCloudflareToken000000000")
            ),
            "07fd7047"
        );
        assert_eq!(
            base36(crc32fast::hash(b"glpat-TESTONLY-not-a-real-token-0.0r"), 7),
            "0sywb6b"
        );
    }

    #[test]
    fn github_checksum_accepts_and_rejects() {
        let ok = github_token("ghp_", "AbCdEfGhIjKlMnOpQrStUvWxYz0123");
        assert_eq!(
            check(Validator::GithubCrc32, &ok, Some("ghp_")),
            Verdict::Valid
        );
        let bad = ok.replace("Ab", "Ac");
        assert_eq!(
            check(Validator::GithubCrc32, &bad, Some("ghp_")),
            Verdict::BadChecksum
        );
    }

    #[test]
    fn cloudflare_and_gitlab_checksums() {
        let cf = "cfut_TestOnlyNotARealCloudflareToken00000000007fd7047";
        assert_eq!(
            check(Validator::CloudflareCrc32, cf, Some("cfut_")),
            Verdict::Valid
        );
        let gl = "glpat-TESTONLY-not-a-real-token-0.0r0sywb6b";
        assert_eq!(
            check(Validator::GitlabRoutableCrc32, gl, None),
            Verdict::Valid
        );
        let gl_bad = "glpat-TESTONLY-not-a-real-token-0.0r0sywb6c";
        assert_eq!(
            check(Validator::GitlabRoutableCrc32, gl_bad, None),
            Verdict::BadChecksum
        );
    }

    #[test]
    fn jwt_roles() {
        let enc = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
        let header = enc(r#"{"alg":"HS256","typ":"JWT"}"#);
        let anon = format!("{header}.{}.sig", enc(r#"{"role":"anon"}"#));
        let service = format!("{header}.{}.sig", enc(r#"{"role":"service_role"}"#));
        assert_eq!(check(Validator::Jwt, &anon, None), Verdict::Public);
        assert_eq!(check(Validator::Jwt, &service, None), Verdict::Valid);
        assert_eq!(
            check(Validator::Jwt, "eyJnot.json.x", None),
            Verdict::NotThisKind
        );
    }
}
