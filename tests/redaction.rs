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

/// Literals in a credential position that no rule reports, one per
/// reason: a value under a secret name too plain to be judged a secret, a
/// Supabase anon JWT (public by design), a `ghp_` token whose checksum
/// fails under a neutral name, and a Twilio key SID (the identifier half
/// of its pair).
const MASKED_UNREPORTED: &[(&str, &str)] = &[
    ("API_TOKEN", "mellowgiraffe"),
    ("SUPABASE_ANON_KEY", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InFobXppY29weHVldXV5Ymhud3d1Iiwicm9sZSI6ImFub24ifQ.Rb6Yc3Nd5Hg0JsK7wQ2mZx9Lp4Vt8Fa1Ce3Gu5Ik0Oq"),
    ("CONFIG_VALUE", "ghp_MCPLINTfixture0Token1Abc2Def3G44Q7x2"),
    ("TWILIO_API_KEY_SID", "SK3f9c2a7b1e8d4056a9c7e2b4d1f08a6c"),
];

/// Masking does not depend on the verdict, in every format mcplint reads
/// and every output it writes.
#[test]
fn credential_positions_are_masked_whatever_the_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // Reported tokens around them, so that every value sits on a line next
    // to a finding, which its snippet shows.
    let token = "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";
    let [a, b, c, d] = MASKED_UNREPORTED else {
        unreachable!()
    };
    let lines = [
        ("GITHUB_TOKEN", token),
        *a,
        *b,
        ("GH_TOKEN", token),
        *c,
        *d,
        ("GITHUB_PAT", token),
    ];
    let pairs = |f: &dyn Fn(&str, &str) -> String, sep: &str| {
        lines
            .iter()
            .map(|(k, v)| f(k, v))
            .collect::<Vec<_>>()
            .join(sep)
    };
    let json_env = pairs(&|k, v| format!("        \"{k}\": \"{v}\""), ",\n");
    let files = [
        (
            ".mcp.json",
            format!("{{\"mcpServers\": {{\"acme\": {{\"command\": \"acme-mcp\", \"env\": {{\n{json_env}\n}}}}}}}}\n"),
        ),
        (
            ".vscode/mcp.json",
            format!("// team servers\n{{\"servers\": {{\"acme\": {{\"command\": \"acme-mcp\", \"env\": {{\n{json_env}\n}}}}}}}}\n"),
        ),
        (
            ".codex/config.toml",
            format!(
                "[mcp_servers.acme]\ncommand = \"acme-mcp\"\n\n[mcp_servers.acme.env]\n{}\n",
                pairs(&|k, v| format!("{k} = \"{v}\""), "\n")
            ),
        ),
        (
            ".continue/mcpServers/acme.yaml",
            format!(
                "name: acme\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: acme\n    command: acme-mcp\n    env:\n{}\n",
                pairs(&|k, v| format!("      {k}: {v}"), "\n")
            ),
        ),
    ];
    for (path, text) in &files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let outputs = [
        vec![
            "--color",
            "never",
            "--persona",
            "auditor",
            "--no-group",
            ".",
        ],
        vec!["--format", "json", "--persona", "auditor", "."],
        vec!["--format", "sarif", "--persona", "auditor", "."],
        vec!["--format", "github", "--persona", "auditor", "."],
        vec!["--format", "gitlab", "--persona", "auditor", "."],
        vec!["--diff", "."],
    ];
    for args in outputs {
        let out = Command::cargo_bin("mcplint")
            .unwrap()
            .current_dir(root)
            .args(&args)
            .env("HOME", root)
            .output()
            .unwrap();
        let printed = format!(
            "{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        if args[0] == "--color" {
            // Every value's line is shown in every file, masked.
            for (name, _) in MASKED_UNREPORTED {
                assert!(printed.matches(name).count() >= 4, "{name}: {printed}");
            }
        }
        for (_, secret) in MASKED_UNREPORTED {
            let chars: Vec<char> = secret.chars().collect();
            for start in 0..=chars.len() - 10 {
                let piece: String = chars[start..start + 10].iter().collect();
                assert!(
                    !printed.contains(&piece),
                    "`mcplint {}` printed part of a masked value: {piece}",
                    args.join(" ")
                );
            }
        }
    }
}
