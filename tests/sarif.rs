//! `--format sarif` (validated by Microsoft's SARIF validator when CI
//! provides it through `SARIF_MULTITOOL`), `--format github` and
//! `--format gitlab`, all over the same findings.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn run(format: &str) -> String {
    let out = Command::cargo_bin("mcplint")
        .unwrap()
        .current_dir(fixtures())
        .args(["--format", format, "--no-config", "."])
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(1 | 2)));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn sarif_has_what_code_scanning_needs() {
    let doc: Value = serde_json::from_str(&run("sarif")).unwrap();
    assert_eq!(doc["version"], "2.1.0");
    let driver = &doc["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "mcplint");
    // The project's home is not settled: no URL of a repository that is
    // not this project's (Cargo.toml's `repository` is the one place).
    let home = env!("CARGO_PKG_REPOSITORY");
    assert_eq!(home, "", "a home is set: check the URLs below point at it");
    assert!(driver.get("informationUri").is_none(), "{driver}");
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), mcplint::rules::all().len());
    for (r, meta) in rules.iter().zip(mcplint::rules::all()) {
        assert!(r.get("helpUri").is_none(), "{r}");
        // The rule's documentation travels in the report.
        assert_eq!(r["id"], meta.id);
        assert_eq!(r["help"]["markdown"], meta.docs, "{}", meta.id);
        assert_eq!(r["help"]["text"], meta.docs, "{}", meta.id);
        assert!(meta.docs.len() > 200, "{} has too short a doc", meta.id);
        let sev: f64 = r["properties"]["security-severity"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((0.0..=10.0).contains(&sev));
    }
    let results = doc["runs"][0]["results"].as_array().unwrap();
    assert!(results.len() > 50);
    for r in results {
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
        assert!(
            r["partialFingerprints"]["mcplint/v1"]
                .as_str()
                .unwrap()
                .len()
                == 16
        );
        let rule = &rules[r["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(rule["id"], r["ruleId"]);
    }
    // Unparsable fixtures become tool notifications.
    let notes = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert!(notes.iter().any(|n| n["message"]["text"]
        .as_str()
        .unwrap()
        .contains("parse-error/.mcp.json")));
}

fn validate(multitool: &Path, sarif: &Path) -> Vec<Value> {
    let report = sarif.with_extension("validation.sarif");
    let status = std::process::Command::new(multitool)
        .args(["validate"])
        .arg(sarif)
        .arg("-o")
        .arg(&report)
        .args(["--log", "ForceOverwrite"])
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    doc["runs"][0]["results"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn sarif_passes_microsofts_validator() {
    let Some(multitool) = std::env::var_os("SARIF_MULTITOOL").map(PathBuf::from) else {
        eprintln!("SARIF_MULTITOOL not set: .ci/run installs the validator; skipping here");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // The validator must catch a broken file, or its silence proves nothing.
    let broken = dir.path().join("broken.sarif");
    std::fs::write(
        &broken,
        r#"{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a b"},"region":{"startLine":0}}}]}]}]}"#,
    )
    .unwrap();
    assert!(
        !validate(&multitool, &broken).is_empty(),
        "the validator reports a broken file"
    );
    // Until the project has a home (Cargo.toml's `repository`), the tool
    // names no URL, and the validator's advice to give one (SARIF2005) is
    // the one thing it may say.
    let homeless = env!("CARGO_PKG_REPOSITORY").is_empty();
    let real = |problems: Vec<Value>| -> Vec<Value> {
        problems
            .into_iter()
            .filter(|p| !(homeless && p["ruleId"] == "SARIF2005"))
            .collect()
    };
    let ours = dir.path().join("mcplint.sarif");
    std::fs::write(&ours, run("sarif")).unwrap();
    let problems = real(validate(&multitool, &ours));
    assert!(problems.is_empty(), "{problems:#?}");

    // `history`'s SARIF too: placed at paths, the commit in properties.
    let repo = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        let ok = std::process::Command::new("git")
            .args(["-c", "user.name=dev", "-c", "user.email=dev@acme-corp.net"])
            .args(args)
            .current_dir(repo.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", repo.path().join(".no-home"))
            .status()
            .unwrap()
            .success();
        assert!(ok, "git {args:?}");
    };
    git(&["init", "-q"]);
    std::fs::create_dir_all(repo.path().join("gone")).unwrap();
    let config = r#"{"mcpServers":{"gh":{"command":"github-mcp-server","env":{"GITHUB_PERSONAL_ACCESS_TOKEN":"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"}}}}"#;
    std::fs::write(repo.path().join(".mcp.json"), config).unwrap();
    std::fs::write(repo.path().join("gone/.mcp.json"), config).unwrap();
    git(&["add", "."]);
    git(&["commit", "-qm", "tokens"]);
    git(&["rm", "-rq", "gone"]);
    git(&["commit", "-qm", "one gone"]);
    let out = Command::cargo_bin("mcplint")
        .unwrap()
        .current_dir(repo.path())
        .args(["history", "--format", "sarif"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let history = dir.path().join("history.sarif");
    std::fs::write(&history, &out.stdout).unwrap();
    let problems = real(validate(&multitool, &history));
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn github_annotations_point_at_line_and_column() {
    let text = run("github");
    let line = text
        .lines()
        .find(|l| l.starts_with("::error file=literal-secret/.mcp.json,line=7,col=42,"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("title=mcplint literal-secret::"), "{line}");
    assert!(text.lines().all(|l| l.starts_with("::error ")
        || l.starts_with("::warning ")
        || l.starts_with("::notice ")));
}

#[test]
fn gitlab_code_quality_report() {
    let doc: Value = serde_json::from_str(&run("gitlab")).unwrap();
    let issues = doc.as_array().unwrap();
    assert!(issues.len() > 50);
    for i in issues {
        assert!(["info", "minor", "major", "critical", "blocker"]
            .contains(&i["severity"].as_str().unwrap()));
        assert!(
            i["location"]["path"].as_str().is_some()
                && i["location"]["positions"]["begin"]["line"]
                    .as_u64()
                    .unwrap()
                    >= 1
        );
        assert_eq!(i["fingerprint"].as_str().unwrap().len(), 16);
    }
}
