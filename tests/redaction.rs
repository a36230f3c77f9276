//! No output format ever prints a secret. Every fixture is linted in every
//! format; the secrets are read back from the fixture files at the offsets
//! the JSON report gives, and no run may print any 10-character piece of
//! one (beyond the vendor prefix a preview shows).

use std::collections::BTreeSet;
use std::path::Path;

use assert_cmd::Command;

/// Secrets planted in the fixtures: detection must find each of them, or
/// the redaction check below would prove nothing.
const PLANTED: &[&str] = &[
    "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",
    "xoxb-7730918264-8129475036-Zq4Lm8Rt2Vx6Nb1Kc9Hd3Wf0",
    "Vq8mZ2pL9wRt4",
    "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",
    "9fKq2LmZ8vRt4XwN7bPc3HdS6jYe0AuG",
    "BSAq8Zr4Lm2Vx7Nb1Kc9Hd3Wf0Tj5Y",
    "ZGV2b3BzQGFjbWUtY29ycC5uZXQ6UjR0OXBMbTJ2UXhaOGtXMw==",
    "sk_live_51MCPLINTq8vZ2xL4rT9nB6cW1pK7dH3sF0jY5gA8eR2tU6iO4lP9mN3bV7cX1zQ5wE8rT2",
    "hf_MqZvXwLrTnBcKpHdSfJyGaEu0R8tU6iO4l",
    "lin_api_Mq8vZ2xL4rT9nB6cW1pK7dH3sF0jY5gA8eR2tU6i",
    "sk-proj-MCPLINTU8JZpDE0iGXlD6gNCFbaEPFjbD0kH8Oool8DklZDOCj2ISaJiHkTj0rLGT3BlbkFJlkoMXGjtEkDnNfribxUdl7dXTPyLsxPFkThf4VucSmEHgaKwVJ7faC9qEMCPLINT",
];

/// Secrets that are never reported as findings but must still not be
/// printed: the Basic credentials' password (it appears in no file as
/// such), and a token in a file too broken to parse even leniently.
const UNREPORTED: &[&str] = &[
    "R4t9pLm2vQxZ8kW3",
    "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",
];

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn run(args: &[&str]) -> (String, String) {
    let out = Command::cargo_bin("mcplint")
        .unwrap()
        .current_dir(fixtures())
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0..=2)), "{:?}", out.status);
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// (secret, preview prefix) of every secret finding, read from the files.
fn reported_secrets() -> Vec<(String, String)> {
    let (stdout, _) = run(&["--format", "json", "."]);
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let mut out = Vec::new();
    for f in doc["findings"].as_array().unwrap() {
        let Some(preview) = f["secret_preview"].as_str() else {
            continue;
        };
        let text = std::fs::read(fixtures().join(f["file"].as_str().unwrap())).unwrap();
        let offset = f["offset"].as_u64().unwrap() as usize;
        let length = f["length"].as_u64().unwrap() as usize;
        let secret = String::from_utf8(text[offset..offset + length].to_vec()).unwrap();
        let prefix = preview.split('…').next().unwrap().to_string();
        out.push((secret, prefix));
    }
    out
}

#[test]
fn every_planted_secret_is_detected() {
    let found: BTreeSet<String> = reported_secrets().into_iter().map(|(s, _)| s).collect();
    for planted in PLANTED {
        assert!(
            found.contains(*planted),
            "not detected: a planted secret of length {}",
            planted.len()
        );
    }
}

#[test]
fn no_format_prints_a_secret() {
    let mut secrets = reported_secrets();
    secrets.extend(UNREPORTED.iter().map(|s| (s.to_string(), String::new())));
    assert!(secrets.len() >= PLANTED.len());
    let runs = [
        vec!["--color", "never", "."],
        vec!["--color", "always", "."],
        vec!["--format", "json", "."],
        vec!["--format", "json", "literal-secret/.mcp.json", "monorepo"],
        vec!["--format", "sarif", "."],
        vec!["--format", "github", "."],
        vec!["--format", "gitlab", "."],
        vec!["--diff", "."],
    ];
    for args in runs {
        let (stdout, stderr) = run(&args);
        let printed = format!("{stdout}\n{stderr}");
        for (secret, prefix) in &secrets {
            let chars: Vec<char> = secret.chars().collect();
            let window = 10.min(chars.len());
            for start in 0..=chars.len() - window {
                let piece: String = chars[start..start + window].iter().collect();
                if prefix.starts_with(&piece) || prefix.contains(&piece) {
                    continue;
                }
                assert!(
                    !printed.contains(&piece),
                    "`mcplint {}` printed part of a secret (piece at {start} of a {}-char secret)",
                    args.join(" "),
                    chars.len()
                );
            }
        }
    }
}
