//! When a credential stops working, for the formats that say so: a JWT's
//! `exp` claim, an Azure SAS token's `se=` (signed expiry). A committed
//! token past its expiry fails on every call, which users take for "the
//! server is down"; it is still a leak (a refresh token or a sibling may
//! outlive it), so it is reported with the secret, never instead of it.

use base64::Engine as _;

/// The expiry of `value` as `YYYY-MM-DD` and Unix seconds, when its format
/// carries one.
pub fn expiry(value: &str) -> Option<(String, i64)> {
    jwt_expiry(value).or_else(|| sas_expiry(value))
}

/// The expiry of `value` when it has passed at `now` (Unix seconds).
pub fn expired_at(value: &str, now: i64) -> Option<String> {
    expiry(value).and_then(|(date, at)| (at <= now).then_some(date))
}

/// The expiry of `value` when it has passed now.
pub fn expired(value: &str) -> Option<String> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    expired_at(value, i64::try_from(now).ok()?)
}

/// `exp` of a JWT (`header.payload.signature`, base64url JSON objects).
fn jwt_expiry(value: &str) -> Option<(String, i64)> {
    let token = value.trim().strip_prefix("Bearer ").unwrap_or(value.trim());
    let mut parts = token.split('.');
    let (header, payload, _signature) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || !header.starts_with("eyJ") || payload.len() > 16 * 1024 {
        return None;
    }
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    let claims: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    let exp = claims.get("exp")?;
    // Seconds since the epoch; a float is allowed by RFC 7519 (NumericDate).
    let at = exp.as_i64().or_else(|| exp.as_f64().map(|f| f as i64))?;
    Some((date_of(at)?, at))
}

/// `se=2025-03-01T00:00:00Z` (or `se=2025-03-01`) in a SAS token, URL or
/// connection string.
fn sas_expiry(value: &str) -> Option<(String, i64)> {
    if !value.contains("sig=") {
        return None;
    }
    let se = value
        .split(['?', '&', ';'])
        .find_map(|p| p.strip_prefix("se="))?;
    let se = se.replace("%3A", ":").replace("%3a", ":");
    let date = se.get(..10)?;
    let (y, m, d) = (date.get(..4)?, date.get(5..7)?, date.get(8..10)?);
    if date.as_bytes()[4] != b'-' || date.as_bytes()[7] != b'-' {
        return None;
    }
    let (y, m, d): (i64, i64, i64) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let mut at = days_from_civil(y, m, d) * 86_400;
    // A time of day, when given: the token works until then.
    if let Some(time) = se.get(11..19) {
        let hms: Vec<i64> = time.split(':').filter_map(|t| t.parse().ok()).collect();
        if let [h, mi, s] = hms[..] {
            at += h * 3600 + mi * 60 + s;
        }
    }
    Some((date.to_string(), at))
}

/// `YYYY-MM-DD` of a Unix time, for years 1970 to 9999.
fn date_of(secs: i64) -> Option<String> {
    if !(0..253_402_300_800).contains(&secs) {
        return None;
    }
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// The proleptic Gregorian date of a day count from 1970-01-01, by eras
/// of 400 years (146,097 days each).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let d = day_of_year - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = year_of_era + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// The inverse of [`civil_from_days`].
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let day_of_year = (153 * mp + 2) / 5 + d - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jwt(claims: &str) -> String {
        let enc = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
        format!(
            "{}.{}.c2lnbmF0dXJl",
            enc(r#"{"alg":"HS256","typ":"JWT"}"#),
            enc(claims)
        )
    }

    #[test]
    fn dates_round_trip_through_day_counts() {
        assert_eq!(date_of(0).as_deref(), Some("1970-01-01"));
        assert_eq!(date_of(1_740_787_200).as_deref(), Some("2025-03-01"));
        assert_eq!(
            date_of(951_782_400).as_deref(),
            Some("2000-02-29"),
            "a leap day of a 400-year"
        );
        assert_eq!(
            date_of(4_107_542_399).as_deref(),
            Some("2100-02-28"),
            "2100 is no leap year"
        );
        for days in [-1, 0, 59, 365, 10_957, 20_000, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(date_of(-5), None);
        assert_eq!(date_of(i64::MAX), None);
    }

    #[test]
    fn a_jwt_past_its_exp_is_expired_and_one_before_is_not() {
        let now = 1_765_000_000; // 2025-12-06
        let old = jwt(r#"{"sub":"svc-mcp","exp":1740787200}"#);
        assert_eq!(expired_at(&old, now).as_deref(), Some("2025-03-01"));
        assert_eq!(
            expired_at(&format!("Bearer {old}"), now).as_deref(),
            Some("2025-03-01")
        );
        let fresh = jwt(r#"{"sub":"svc-mcp","exp":4102444800}"#);
        assert_eq!(expired_at(&fresh, now), None);
        assert_eq!(expiry(&fresh).map(|e| e.0).as_deref(), Some("2100-01-01"));
        // No exp: a token that never expires says nothing.
        assert_eq!(expiry(&jwt(r#"{"sub":"svc-mcp"}"#)), None);
        assert_eq!(
            expired_at(&jwt(r#"{"exp":1740787200.5}"#), now).as_deref(),
            Some("2025-03-01")
        );
        // Hostile claims: a string, a huge number, not JSON.
        assert_eq!(expiry(&jwt(r#"{"exp":"soon"}"#)), None);
        assert_eq!(expiry(&jwt(r#"{"exp":1e300}"#)), None);
        assert_eq!(expiry("eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln"), None);
        assert_eq!(expiry("eyJ.x"), None);
    }

    #[test]
    fn a_sas_token_past_its_signed_expiry_is_expired() {
        let now = 1_765_000_000;
        let url = "https://acme.blob.core.windows.net/c?sv=2022-11-02&sr=c&sp=rl&se=2025-03-01T12:00:00Z&sig=abc%3D";
        assert_eq!(expired_at(url, now).as_deref(), Some("2025-03-01"));
        let encoded = "?sv=2022-11-02&se=2025-03-01T12%3A00%3A00Z&sig=abc";
        assert_eq!(
            expiry(encoded).map(|e| e.1),
            Some(1_740_787_200 + 12 * 3600)
        );
        let future = "?sv=2024-11-04&se=2099-12-31T00:00:00Z&sig=abc";
        assert_eq!(expired_at(future, now), None);
        assert_eq!(expiry("?se=2025-13-01&sig=x"), None);
        assert_eq!(
            expiry("?se=2025-03-01"),
            None,
            "no signature: not a SAS token"
        );
        assert_eq!(expiry("?se=٢٠٢٥-03-01&sig=x"), None);
    }
}
