//! `mcplint --fix` and `--diff` end to end: secrets move to a git-ignored
//! 0600 env file, the config keeps its bytes except the secret's, a second
//! run changes nothing, nothing is printed, concurrent runs agree.

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;

const PAT: &str = "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";
const BEARER: &str = "9fKq2LmZ8vRt4XwN7bPc3HdS6jYe0AuG";
const STRIPE_KEY: &str = "sk_live_51MCPLINTq8Xb2kR7hJ3nV5cW9pL4tY6uZ0aS1dF2gH3jK4lM5nB6vC7xQ8wE9rT0yU1iO2pA3sD4fG5hJ6kL7";
const SUPABASE_TOKEN: &str = "sbp_0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3";

fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let ok = std::process::Command::new("git")
        .args(["init", "-q"])
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(ok.success());
    dir
}

/// Run git in `dir` as a fixed author; its trimmed output.
fn git(dir: &Path, args: &[&str]) -> String {
    let ok = std::process::Command::new("git")
        .args(["-c", "user.email=dev@acme-corp.net", "-c", "user.name=dev"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(ok.status.success(), "{ok:?}");
    String::from_utf8_lossy(&ok.stdout).trim().to_string()
}

/// A repository holding `.mcp.json` with the two secrets of [`config`]
/// (without its comment: strict JSON).
fn repo_with_config() -> tempfile::TempDir {
    let d = repo();
    std::fs::write(
        d.path().join(".mcp.json"),
        config().replace("  // team servers\r\n", ""),
    )
    .unwrap();
    d
}

fn mcplint(dir: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("mcplint")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .args(["--color", "never"])
        .env("HOME", dir.join("no-home"))
        .output()
        .unwrap()
}

fn printed(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

const CONFIG: &str = "{\r\n  // team servers\r\n  \"mcpServers\": {\r\n    \"github\": {\r\n      \"command\": \"npx\",\r\n      \"args\": [\"-y\", \"@modelcontextprotocol/server-github@2025.4.8\"],\r\n      \"env\": { \"GITHUB_PERSONAL_ACCESS_TOKEN\": \"PAT\" }\r\n    },\r\n    \"docs\": {\r\n      \"type\": \"http\",\r\n      \"url\": \"https://docs-mcp.acme-corp.net/mcp\",\r\n      \"headers\": { \"Authorization\": \"Bearer BEARER\" }\r\n    }\r\n  }\r\n}\r\n";

fn config() -> String {
    CONFIG.replace("PAT", PAT).replace("BEARER", BEARER)
}

#[test]
fn fix_moves_secrets_and_keeps_every_other_byte() {
    let d = repo();
    // Gemini CLI reads JSONC: comments, CRLF and a BOM must survive.
    let path = d.path().join(".gemini/settings.json");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let original = format!("\u{feff}{}", config());
    std::fs::write(&path, &original).unwrap();
    let out = mcplint(d.path(), &["--fix"]);
    assert!(
        !printed(&out).contains(PAT) && !printed(&out).contains(BEARER),
        "{}",
        printed(&out)
    );
    let fixed = std::fs::read_to_string(&path).unwrap();
    let expected = original
        .replace(PAT, "${GITHUB_PERSONAL_ACCESS_TOKEN}")
        .replace(BEARER, "${DOCS_TOKEN}");
    assert_eq!(fixed, expected, "only the secrets' bytes change");
    let env = std::fs::read_to_string(d.path().join(".env")).unwrap();
    assert_eq!(
        env,
        format!("GITHUB_PERSONAL_ACCESS_TOKEN={PAT}\nDOCS_TOKEN={BEARER}\n")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(d.path().join(".env"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600);
    }
    let ignored = std::process::Command::new("git")
        .args(["check-ignore", "-q", ".env"])
        .current_dir(d.path())
        .status()
        .unwrap();
    assert!(ignored.success(), "the env file is git-ignored");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("mcplint: fixed 2 findings in .gemini/settings.json\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("GITHUB_PERSONAL_ACCESS_TOKEN") && stderr.contains("set -a"),
        "{stderr}"
    );
    // A second run changes nothing.
    let again = mcplint(d.path(), &["--fix"]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed);
    assert_eq!(std::fs::read_to_string(d.path().join(".env")).unwrap(), env);
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("nothing to fix"),
        "{}",
        printed(&again)
    );
}

#[test]
fn diff_writes_nothing_and_masks_secrets() {
    let d = repo_with_config();
    let before = std::fs::read(d.path().join(".mcp.json")).unwrap();
    let out = mcplint(d.path(), &["--diff"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("+      \"env\": { \"GITHUB_PERSONAL_ACCESS_TOKEN\": \"${GITHUB_PERSONAL_ACCESS_TOKEN}\" }"), "{text}");
    assert!(!printed(&out).contains(PAT) && !printed(&out).contains(BEARER));
    assert_eq!(std::fs::read(d.path().join(".mcp.json")).unwrap(), before);
    assert!(!d.path().join(".env").exists());
}

#[test]
fn an_existing_variable_with_another_value_is_never_overwritten() {
    let d = repo_with_config();
    std::fs::write(
        d.path().join(".env"),
        "GITHUB_PERSONAL_ACCESS_TOKEN=someone-elses-value\n",
    )
    .unwrap();
    let out = mcplint(d.path(), &["--fix"]);
    let env = std::fs::read_to_string(d.path().join(".env")).unwrap();
    assert!(
        env.starts_with("GITHUB_PERSONAL_ACCESS_TOKEN=someone-elses-value\n"),
        "{env}"
    );
    assert!(
        env.contains(&format!("GITHUB_PERSONAL_ACCESS_TOKEN_2={PAT}")),
        "{env}"
    );
    let fixed = std::fs::read_to_string(d.path().join(".mcp.json")).unwrap();
    assert!(
        fixed.contains("${GITHUB_PERSONAL_ACCESS_TOKEN_2}"),
        "{fixed}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("GITHUB_PERSONAL_ACCESS_TOKEN_2"));
}

#[test]
fn exit_non_zero_on_fix_for_pre_commit() {
    let d = repo();
    std::fs::write(d.path().join(".mcp.json"), r#"{"mcpServers": {"a": {"type": "http", "url": "https://x.acme-corp.net/mcp", "headers": {"X-API-Key": "$ACME_KEY"}}}}"#).unwrap();
    let out = mcplint(d.path(), &["--fix", "--exit-non-zero-on-fix"]);
    assert_eq!(out.status.code(), Some(1), "{}", printed(&out));
    let fixed = std::fs::read_to_string(d.path().join(".mcp.json")).unwrap();
    assert!(
        fixed.contains("\"${ACME_KEY}\""),
        "the reference is respelled: {fixed}"
    );
    let again = mcplint(d.path(), &["--fix", "--exit-non-zero-on-fix"]);
    assert_eq!(again.status.code(), Some(0), "{}", printed(&again));
}

#[test]
fn clients_that_expand_nothing_get_advice_not_edits() {
    let d = repo();
    let path = d.path().join("docs/claude_desktop_config.json");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let text = format!(
        r#"{{"mcpServers": {{"github": {{"command": "npx", "env": {{"GITHUB_TOKEN": "{PAT}"}}}}}}}}"#
    );
    std::fs::write(&path, &text).unwrap();
    let out = mcplint(d.path(), &["--fix", "--format", "json"]);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "nothing Claude Desktop could read instead"
    );
    assert!(!d.path().join(".env").exists());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let fix = &doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "literal-secret")
        .unwrap()["fix"];
    assert_eq!(fix["applicability"], "display-only");
    assert!(
        fix["title"]
            .as_str()
            .unwrap()
            .contains("expands no variables"),
        "{fix}"
    );
}

#[test]
fn concurrent_fixes_never_corrupt() {
    let d = repo();
    for i in 0..4 {
        let sub = d.path().join(format!("svc{i}"));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(
            sub.join(".mcp.json"),
            config().replace("  // team servers\r\n", ""),
        )
        .unwrap();
    }
    let runs: Vec<std::process::Child> = (0..3)
        .map(|_| {
            std::process::Command::new(assert_cmd::cargo::cargo_bin("mcplint"))
                .current_dir(d.path())
                .args(["--fix", "--format", "json"])
                .env("HOME", d.path().join("no-home"))
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut r in runs {
        r.wait().unwrap();
    }
    for i in 0..4 {
        let text = std::fs::read_to_string(d.path().join(format!("svc{i}/.mcp.json"))).unwrap();
        let parsed: Result<serde_json::Value, _> = serde_json::from_str(&text);
        assert!(parsed.is_ok(), "svc{i}: {text}");
        assert!(!text.contains(PAT), "svc{i} fixed by one of the runs");
    }
    let env = std::fs::read_to_string(d.path().join(".env")).unwrap();
    assert_eq!(env.matches(PAT).count(), 1, "{env}");
    let leftovers: Vec<String> = std::fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("mcplint"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn snapshot_files(dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        if entry.file_name() == ".git" {
            continue;
        }
        if entry.file_type().unwrap().is_dir() {
            snapshot_files(&entry.path(), out);
        } else {
            out.push((
                entry.path().display().to_string(),
                std::fs::read(entry.path()).unwrap(),
            ));
        }
    }
}

/// Every fixture tree: `--fix` leaves configs that parse, with no safe fix
/// left to apply, and a second run changes nothing.
#[test]
fn every_fixture_converges() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut trees: Vec<std::path::PathBuf> = Vec::new();
    for e in std::fs::read_dir(&root).unwrap() {
        let p = e.unwrap().path();
        if p.ends_with("clients") {
            trees.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
        } else if p.is_dir() {
            trees.push(p);
        }
    }
    let mut fixed_any = 0;
    for tree in trees {
        let d = repo();
        copy_tree(&tree, d.path());
        let before = {
            let mut v = Vec::new();
            snapshot_files(d.path(), &mut v);
            v
        };
        let first = mcplint(d.path(), &["--fix", "--format", "json"]);
        let report: serde_json::Value = serde_json::from_slice(&first.stdout).unwrap();
        for f in report["findings"].as_array().unwrap() {
            assert_ne!(
                f["fix"]["applicability"],
                "safe",
                "{}: a safe fix is left: {f:#}",
                tree.display()
            );
        }
        let after_first = {
            let mut v = Vec::new();
            snapshot_files(d.path(), &mut v);
            v
        };
        if after_first != before {
            fixed_any += 1;
        }
        // Written: only the configs being fixed, the env file and the
        // .gitignore entry for it; nothing is removed.
        let old: std::collections::HashMap<&String, &Vec<u8>> =
            before.iter().map(|(p, b)| (p, b)).collect();
        assert!(
            before
                .iter()
                .all(|(p, _)| after_first.iter().any(|(q, _)| p == q)),
            "{}: a file disappeared",
            tree.display()
        );
        for (path, bytes) in &after_first {
            if old.get(path) == Some(&bytes) {
                continue;
            }
            let relative = Path::new(path).strip_prefix(d.path()).unwrap();
            let allowed = relative == Path::new(".env")
                || relative == Path::new(".gitignore")
                || mcplint::clients::for_path(relative).is_some();
            assert!(
                allowed,
                "{}: --fix wrote {}",
                tree.display(),
                relative.display()
            );
        }
        // Nothing new became unparsable.
        let errors_before = mcplint_errors(&tree);
        assert!(
            report["errors"].as_array().unwrap().len() <= errors_before,
            "{}: {report:#}",
            tree.display()
        );
        mcplint(d.path(), &["--fix"]);
        let after_second = {
            let mut v = Vec::new();
            snapshot_files(d.path(), &mut v);
            v
        };
        assert_eq!(
            after_first,
            after_second,
            "{}: a second --fix changed files",
            tree.display()
        );
    }
    assert!(fixed_any >= 8, "only {fixed_any} fixture trees had fixes");
}

fn mcplint_errors(tree: &Path) -> usize {
    let out = mcplint(tree, &["--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    report["errors"].as_array().unwrap().len()
}

/// The same secret already in the env file under another name: the name
/// the config will reference is written too, or the reference would dangle.
#[test]
fn a_value_the_env_file_holds_under_another_name_is_still_written_under_the_new_one() {
    let d = repo_with_config();
    std::fs::write(d.path().join(".env"), format!("OLD_TOKEN={PAT}\n")).unwrap();
    mcplint(d.path(), &["--fix"]);
    let env = std::fs::read_to_string(d.path().join(".env")).unwrap();
    assert!(env.starts_with(&format!("OLD_TOKEN={PAT}\n")), "{env}");
    assert!(
        env.contains(&format!("GITHUB_PERSONAL_ACCESS_TOKEN={PAT}")),
        "{env}"
    );
    let fixed = std::fs::read_to_string(d.path().join(".mcp.json")).unwrap();
    assert!(fixed.contains("${GITHUB_PERSONAL_ACCESS_TOKEN}"), "{fixed}");
}

/// An env file without a final newline gets one before the new variables,
/// and the summary names every variable moved.
#[test]
fn variables_are_appended_on_their_own_lines_and_all_named() {
    let d = repo_with_config();
    std::fs::write(d.path().join(".env"), "EXISTING=1").unwrap();
    let out = mcplint(d.path(), &["--fix"]);
    let env = std::fs::read_to_string(d.path().join(".env")).unwrap();
    assert_eq!(
        env,
        format!("EXISTING=1\nGITHUB_PERSONAL_ACCESS_TOKEN={PAT}\nDOCS_TOKEN={BEARER}\n")
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("secrets moved to .env (mode 0600, git-ignored): GITHUB_PERSONAL_ACCESS_TOKEN, DOCS_TOKEN\n"),
        "{stderr}"
    );
}

/// A config git does not track (new or ignored) has no history to warn of.
#[test]
fn an_untracked_or_ignored_config_is_not_reported_as_in_history() {
    for ignored in [false, true] {
        let d = repo();
        // A repository with history, so that the walk has commits to read.
        std::fs::write(d.path().join("README.md"), "acme\n").unwrap();
        git(d.path(), &["add", "README.md"]);
        git(d.path(), &["commit", "-qm", "readme"]);
        std::fs::write(
            d.path().join(".mcp.json"),
            config().replace("  // team servers\r\n", ""),
        )
        .unwrap();
        if ignored {
            std::fs::write(d.path().join(".gitignore"), ".mcp.json\n").unwrap();
        }
        // Named: an ignored file is not found by the walk.
        let out = mcplint(d.path(), &["--fix", ".mcp.json"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("GITHUB_PERSONAL_ACCESS_TOKEN"), "{stderr}");
        assert!(
            !stderr.contains("history") && !stderr.contains("revoke and rotate"),
            "ignored={ignored}: {stderr}"
        );
    }
}

#[test]
fn a_committed_secret_is_reported_as_exposed_in_history() {
    let d = repo_with_config();
    let git = |args: &[&str]| git(d.path(), args);
    git(&["add", ".mcp.json"]);
    git(&["commit", "-qm", "add servers"]);
    let head = git(&["rev-parse", "HEAD"]);
    // Named on the command line as well as found by the walk.
    let diff = mcplint(d.path(), &["--diff", ".mcp.json"]);
    assert_eq!(diff.status.code(), Some(1), "{}", printed(&diff));
    let out = mcplint(d.path(), &["--fix", ".mcp.json"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("since commit {}", &head[..10])),
        "{stderr}"
    );
    assert!(stderr.contains("revoke and rotate"), "{stderr}");
    // The classic PAT's own revocation page, from the credential data.
    assert!(
        stderr
            .contains("revoke GITHUB_PERSONAL_ACCESS_TOKEN at https://github.com/settings/tokens"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_config_behind_a_symlink_is_never_written() {
    let d = repo();
    let real = d.path().join("real.json");
    std::fs::write(&real, config().replace("  // team servers\r\n", "")).unwrap();
    std::os::unix::fs::symlink(&real, d.path().join(".mcp.json")).unwrap();
    let before = std::fs::read(&real).unwrap();
    let out = mcplint(d.path(), &[".mcp.json", "--fix"]);
    assert_eq!(
        std::fs::read(&real).unwrap(),
        before,
        "the link's target is untouched"
    );
    assert_eq!(out.status.code(), Some(2), "a refused fix is not a pass");
    assert!(std::fs::symlink_metadata(d.path().join(".mcp.json"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("symlink"),
        "{}",
        printed(&out)
    );
}

#[test]
fn vscode_headers_get_password_inputs() {
    let d = repo();
    let path = d.path().join(".vscode/mcp.json");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let text = format!(
        "{{\n  // team\n  \"inputs\": [\n    {{ \"type\": \"promptString\", \"id\": \"other\", \"password\": true }}\n  ],\n  \"servers\": {{\n    \"docs\": {{\n      \"type\": \"http\",\n      \"url\": \"https://docs-mcp.acme-corp.net/mcp\",\n      \"headers\": {{ \"Authorization\": \"Bearer {BEARER}\" }},\n    }},\n  }},\n}}\n"
    );
    std::fs::write(&path, &text).unwrap();
    mcplint(d.path(), &["--fix"]);
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert!(
        fixed.contains("\"Authorization\": \"Bearer ${input:docs_token}\""),
        "{fixed}"
    );
    assert!(
        fixed.contains("\"id\": \"other\", \"password\": true },\n    { \"type\": \"promptString\", \"id\": \"docs_token\", \"description\": \"DOCS_TOKEN\", \"password\": true }"),
        "{fixed}"
    );
    assert!(fixed.contains("// team"));
    let relint = mcplint(d.path(), &["--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&relint.stdout).unwrap();
    assert!(
        doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["rule"] != "literal-secret" && f["rule"] != "unknown-input"),
        "{doc:#}"
    );
    assert!(std::fs::read_to_string(d.path().join(".env"))
        .unwrap()
        .contains(BEARER));
}

/// A VS Code config without `inputs` gets the array, inside the root
/// object, before its first member.
#[test]
fn vscode_inputs_array_is_created_when_missing() {
    let d = repo();
    let path = d.path().join(".vscode/mcp.json");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let text = format!(
        "// team servers\n{{\n  \"servers\": {{\n    \"docs\": {{\n      \"type\": \"http\",\n      \"url\": \"https://docs-mcp.acme-corp.net/mcp\",\n      \"headers\": {{ \"Authorization\": \"Bearer {BEARER}\" }}\n    }}\n  }}\n}}\n"
    );
    std::fs::write(&path, &text).unwrap();
    let out = mcplint(d.path(), &["--fix"]);
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert!(
        fixed.starts_with("// team servers\n{\n  \"inputs\": [\n    { \"type\": \"promptString\", \"id\": \"docs_token\", \"description\": \"DOCS_TOKEN\", \"password\": true }\n  ],\n  \"servers\": {"),
        "{}\n{fixed}",
        printed(&out)
    );
    assert!(fixed.contains("\"Bearer ${input:docs_token}\""), "{fixed}");
}

/// A secret next to a `${VAR:-default}` reference in the same value: only
/// the secret is replaced; the other reference keeps its default.
#[test]
fn a_secret_beside_a_defaulted_reference_leaves_that_reference_alone() {
    let d = repo();
    std::fs::write(
        d.path().join(".mcp.json"),
        format!("{{\"mcpServers\": {{\"docs\": {{\"type\": \"http\", \"url\": \"https://docs-mcp.acme-corp.net/mcp\", \"headers\": {{\"Authorization\": \"${{AUTH_SCHEME:-Bearer}} {PAT}\"}}}}}}}}\n"),
    )
    .unwrap();
    let out = mcplint(d.path(), &["--fix"]);
    let fixed = std::fs::read_to_string(d.path().join(".mcp.json")).unwrap();
    assert!(
        fixed.contains("\"Authorization\": \"${AUTH_SCHEME:-Bearer} ${DOCS_TOKEN}\"")
            && !fixed.contains(PAT),
        "{}\n{fixed}",
        printed(&out)
    );
}

#[test]
fn https_only_under_unsafe_fixes() {
    let d = repo();
    let text = r#"{"mcpServers": {"docs": {"type": "http", "url": "http://docs-mcp.acme-corp.net/mcp", "headers": {"Authorization": "Bearer ${DOCS_TOKEN}"}}}}"#;
    std::fs::write(d.path().join(".mcp.json"), text).unwrap();
    mcplint(d.path(), &["--fix"]);
    assert_eq!(
        std::fs::read_to_string(d.path().join(".mcp.json")).unwrap(),
        text,
        "safe fixes leave the scheme"
    );
    mcplint(d.path(), &["--fix", "--unsafe-fixes"]);
    assert_eq!(
        std::fs::read_to_string(d.path().join(".mcp.json")).unwrap(),
        text.replace("http://docs", "https://docs")
    );
}

#[test]
fn codex_secrets_become_forwarded_variables() {
    let d = repo();
    let path = d.path().join(".codex/config.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let text = format!(
        "# team servers\n[mcp_servers.github]\ncommand = \"npx\"\nenv = {{ GITHUB_TOKEN = \"{PAT}\" }}\n\n[mcp_servers.docs]\nurl = \"https://docs-mcp.acme-corp.net/mcp\"\nbearer_token = \"{BEARER}\"\n"
    );
    std::fs::write(&path, &text).unwrap();
    let out = mcplint(d.path(), &["--fix", "--format", "json"]);
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        fixed,
        "# team servers\n[mcp_servers.github]\nenv_vars = [\"GITHUB_TOKEN\"]\ncommand = \"npx\"\n\n[mcp_servers.docs]\nbearer_token_env_var = \"DOCS_BEARER_TOKEN\"\nurl = \"https://docs-mcp.acme-corp.net/mcp\"\n"
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(doc["findings"].as_array().unwrap().is_empty(), "{doc:#}");
    let env = std::fs::read_to_string(d.path().join(".env")).unwrap();
    assert!(
        env.contains(&format!("GITHUB_TOKEN={PAT}"))
            && env.contains(&format!("DOCS_BEARER_TOKEN={BEARER}")),
        "{env}"
    );
}

#[test]
fn codex_entries_leave_inline_tables_cleanly_and_partial_values_stay() {
    let d = repo();
    let path = d.path().join(".codex/config.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let text = format!(
        "[mcp_servers.github]\ncommand = \"npx\"\nenv = {{ GITHUB_TOKEN = \"{PAT}\",  LOG_LEVEL = \"debug\" }}\n\n\
         [mcp_servers.linear]\ncommand = \"npx\"\nenv = {{ LOG_LEVEL = \"debug\", LINEAR_API_KEY = \"Zk29vLq8mR4tXw7NqP3s\" }}\n\n\
         [mcp_servers.notion]\ncommand = \"npx\"\nenv_vars = []\nenv = {{ NOTION_API_KEY = \"Vb9sRt4Kx8WdQp73xLm2\" }}\n\n\
         [mcp_servers.proxy]\ncommand = \"acme-proxy\"\nenv = {{ UPSTREAM_AUTH = \"Bearer 9fKq2LmZ8vRt4XwN7bPc3HdS6jYe0AuG\" }}\n\n\
         [mcp_servers.git]\ncommand = \"acme-git-mcp\"\nenv = {{ GIT_AUTH = \"x-access-token:{PAT}\" }}\n\n\
         [mcp_servers.docs]\nurl = \"https://docs-mcp.acme-corp.net/mcp\"\nhttp_headers = {{ \"X-API-Key\" = \"Qp73xLm2Vb9sRt4Kx8Wd\" }}\n\n\
         [mcp_servers.wiki]\nurl = \"https://wiki-mcp.acme-corp.net/mcp\"\nhttp_headers = {{ Authorization = \"Token Hq8vRt4XwN7bPc3Zk29L\" }}\n"
    );
    std::fs::write(&path, &text).unwrap();
    mcplint(d.path(), &["--fix"]);
    let fixed = std::fs::read_to_string(&path).unwrap();
    // Whole env values are forwarded; the comma and the spaces after it go
    // with the entry. A secret that is part of a value, or a header Codex
    // cannot forward by name (only `Bearer` tokens), is left for the user
    // (still reported).
    let git = format!(
        "[mcp_servers.git]\ncommand = \"acme-git-mcp\"\nenv = {{ GIT_AUTH = \"x-access-token:{PAT}\" }}\n\n"
    );
    assert_eq!(
        fixed,
        "[mcp_servers.github]\nenv_vars = [\"GITHUB_TOKEN\"]\ncommand = \"npx\"\nenv = { LOG_LEVEL = \"debug\" }\n\n\
         [mcp_servers.linear]\nenv_vars = [\"LINEAR_API_KEY\"]\ncommand = \"npx\"\nenv = { LOG_LEVEL = \"debug\" }\n\n\
         [mcp_servers.notion]\ncommand = \"npx\"\nenv_vars = [\"NOTION_API_KEY\"]\n\n\
         [mcp_servers.proxy]\ncommand = \"acme-proxy\"\nenv = { UPSTREAM_AUTH = \"Bearer 9fKq2LmZ8vRt4XwN7bPc3HdS6jYe0AuG\" }\n\n"
            .to_string()
            + &git
            + "[mcp_servers.docs]\nurl = \"https://docs-mcp.acme-corp.net/mcp\"\nhttp_headers = { \"X-API-Key\" = \"Qp73xLm2Vb9sRt4Kx8Wd\" }\n\n\
         [mcp_servers.wiki]\nurl = \"https://wiki-mcp.acme-corp.net/mcp\"\nhttp_headers = { Authorization = \"Token Hq8vRt4XwN7bPc3Zk29L\" }\n"
    );
    let out = mcplint(d.path(), &["--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let left: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "literal-secret")
        .map(|f| f["server"].as_str().unwrap())
        .collect();
    assert_eq!(left, ["proxy", "git", "docs", "wiki"], "{doc:#}");
}

#[test]
fn per_user_files_need_an_env_file_of_their_own() {
    // `--user --fix` inside a project: the project's env file is no place
    // for the secrets of files outside it.
    let project = repo();
    let home = tempfile::tempdir().unwrap();
    let user_file = home.path().join(".claude.json");
    let text = format!(
        r#"{{"mcpServers": {{"gh": {{"command": "npx", "env": {{"GITHUB_TOKEN": "{PAT}"}}}}}}}}"#
    );
    std::fs::write(&user_file, &text).unwrap();
    let run = |extra: &[&str]| {
        Command::cargo_bin("mcplint")
            .unwrap()
            .current_dir(project.path())
            .args(["--user", "--fix", "--color", "never"])
            .args(extra)
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join("xdg"))
            .env("APPDATA", home.path().join("roaming"))
            .env_remove("CLAUDE_CONFIG_DIR")
            .env_remove("CODEX_HOME")
            .env_remove("CLINE_DIR")
            .output()
            .unwrap()
    };
    let out = run(&[]);
    assert!(
        printed(&out).contains(".claude.json is outside this project: fix it with --env-file"),
        "{}",
        printed(&out)
    );
    assert_eq!(std::fs::read_to_string(&user_file).unwrap(), text);
    assert!(!project.path().join(".env").exists());
    // With a per-user env file named, it is fixed.
    let env = home.path().join("secrets.env");
    let out = run(&["--env-file", env.to_str().unwrap()]);
    let fixed = std::fs::read_to_string(&user_file).unwrap();
    assert!(!fixed.contains(PAT), "{}\n{fixed}", printed(&out));
    assert!(std::fs::read_to_string(&env)
        .unwrap()
        .contains(&format!("GITHUB_TOKEN={PAT}")));
    assert!(!project.path().join(".env").exists());
}

#[test]
fn continue_yaml_references_are_quoted_only_where_yaml_needs_it() {
    // `${{ … }}` cannot stand as a plain scalar; inside quotes it can, and
    // inside a longer plain value it is only part of the text.
    let text = format!(
        "name: Acme\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: acme\n    command: acme-mcp\n    env:\n      ACME_API_KEY: Zk29vLq8mR4tXw7NqP3s\n      GITHUB_TOKEN: \"{PAT}\"\n      DOCS_AUTH: Bearer {BEARER}\n"
    );
    let (fixed, said) = fixed_alone(".continue/mcpServers/acme.yaml", &text);
    assert_eq!(
        fixed,
        "name: Acme\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: acme\n    command: acme-mcp\n    env:\n      ACME_API_KEY: \"${{ secrets.ACME_API_KEY }}\"\n      GITHUB_TOKEN: \"${{ secrets.GITHUB_TOKEN }}\"\n      DOCS_AUTH: Bearer ${{ secrets.ACME_DOCS_AUTH }}\n",
        "{said}"
    );
}

#[test]
fn codex_bearer_token_that_is_not_only_the_token_is_left_for_the_user() {
    // Codex adds `Bearer ` itself; what else the value holds is the
    // user's to sort out, so it is reported but not moved.
    let d = repo();
    let path = d.path().join(".codex/config.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let text = format!(
        "[mcp_servers.docs]\nurl = \"https://docs-mcp.acme-corp.net/mcp\"\nbearer_token = \"Bearer {BEARER}\"\n"
    );
    std::fs::write(&path, &text).unwrap();
    let out = mcplint(d.path(), &["--fix", "--format", "json"]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "literal-secret"),
        "{doc:#}"
    );
}

/// `rel` after `--fix` in a repository holding only it, and what was printed.
fn fixed_alone(rel: &str, text: &str) -> (String, String) {
    let d = repo();
    let path = d.path().join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    let out = mcplint(d.path(), &["--fix"]);
    (std::fs::read_to_string(&path).unwrap(), printed(&out))
}

fn codex_fixed(text: &str) -> String {
    fixed_alone(".codex/config.toml", text).0
}

#[test]
fn codex_server_table_last_in_a_file_without_a_final_newline() {
    // TOML lets the server's own table follow its `env` sub-table.
    assert_eq!(
        codex_fixed(
            "[mcp_servers.docs.env]\nDOCS_API_KEY = \"Vb9sRt4Kx8WdQp73xLm2\"\n\n[mcp_servers.docs]"
        ),
        "[mcp_servers.docs]\nenv_vars = [\"DOCS_API_KEY\"]\n"
    );
}

#[test]
fn codex_entries_and_headers_with_trailing_comments() {
    assert_eq!(
        codex_fixed("[mcp_servers.docs.env]\nDOCS_API_KEY = \"Vb9sRt4Kx8WdQp73xLm2\"  # staging key\nLOG_LEVEL = \"debug\"\n\n[mcp_servers.docs]  # team docs\n"),
        "[mcp_servers.docs.env]\nLOG_LEVEL = \"debug\"\n\n[mcp_servers.docs]  # team docs\nenv_vars = [\"DOCS_API_KEY\"]\n"
    );
}

/// What `--fix` would do to every fixture tree, as a masked diff: a
/// change in any fix shows up as a snapshot diff.
#[test]
fn fixture_fix_diffs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut trees: Vec<(String, std::path::PathBuf)> = Vec::new();
    for e in std::fs::read_dir(&root).unwrap() {
        let p = e.unwrap().path();
        if p.ends_with("clients") {
            for c in std::fs::read_dir(&p).unwrap() {
                let c = c.unwrap().path();
                trees.push((
                    format!("client-{}", c.file_name().unwrap().to_string_lossy()),
                    c,
                ));
            }
        } else if p.is_dir() {
            trees.push((p.file_name().unwrap().to_string_lossy().into_owned(), p));
        }
    }
    trees.sort();
    for (name, tree) in trees {
        let out = mcplint(&tree, &["--diff", "--no-config"]);
        let diff = String::from_utf8_lossy(&out.stdout).into_owned();
        if diff.is_empty() {
            continue;
        }
        insta::assert_snapshot!(format!("fix_diff_{name}"), diff);
    }
}

#[test]
fn hostile_values_cannot_run_when_the_env_file_is_sourced() {
    let d = repo();
    let value = "Xq9'`id>PWNED`Zz8\"w$Qv7";
    let text = format!(
        r#"{{"mcpServers": {{"db": {{"command": "node", "args": ["s.js"], "env": {{"DB_PASSWORD": "{}"}}}}}}}}"#,
        value.replace('\\', "\\\\").replace('"', "\\\"")
    );
    std::fs::write(d.path().join(".mcp.json"), text).unwrap();
    mcplint(d.path(), &["--fix"]);
    let out = std::process::Command::new("sh")
        .args(["-c", "set -a; . ./.env; set +a; printf %s \"$DB_PASSWORD\""])
        .current_dir(d.path())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), value);
    assert!(!d.path().join("PWNED").exists() && !d.path().join("PWNED2").exists());
}

#[test]
fn a_tracked_env_file_is_refused() {
    let d = repo();
    std::fs::write(d.path().join(".env"), "PUBLIC_URL=https://acme-corp.net\n").unwrap();
    let ok = std::process::Command::new("git")
        .args(["add", ".env"])
        .current_dir(d.path())
        .status()
        .unwrap();
    assert!(ok.success());
    std::fs::write(
        d.path().join(".mcp.json"),
        config().replace("  // team servers\r\n", ""),
    )
    .unwrap();
    let before = std::fs::read(d.path().join(".mcp.json")).unwrap();
    let out = mcplint(d.path(), &["--fix"]);
    assert_eq!(out.status.code(), Some(2), "{}", printed(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("tracked by git"),
        "{}",
        printed(&out)
    );
    assert!(!std::fs::read_to_string(d.path().join(".env"))
        .unwrap()
        .contains(PAT));
    assert_eq!(std::fs::read(d.path().join(".mcp.json")).unwrap(), before);
}

#[test]
fn a_secret_default_becomes_a_plain_reference() {
    let d = repo();
    std::fs::write(d.path().join(".mcp.json"), format!(r#"{{"mcpServers": {{"gh": {{"command": "x", "env": {{"GITHUB_TOKEN": "${{GITHUB_TOKEN:-{PAT}}}"}}}}}}}}"#)).unwrap();
    mcplint(d.path(), &["--fix"]);
    let fixed = std::fs::read_to_string(d.path().join(".mcp.json")).unwrap();
    assert!(
        fixed.contains(r#""GITHUB_TOKEN": "${GITHUB_TOKEN}""#),
        "{fixed}"
    );
    assert!(std::fs::read_to_string(d.path().join(".env"))
        .unwrap()
        .contains(PAT));
}

#[test]
fn read_only_modes_only_under_unsafe_fixes() {
    let d = repo();
    let text = "{\n  \"mcpServers\": {\n    \"github\": {\n      \"command\": \"docker\",\n      \"args\": [\"run\", \"-i\", \"--rm\", \"-e\", \"GITHUB_PERSONAL_ACCESS_TOKEN\", \"ghcr.io/github/github-mcp-server:v0.9.0\"],\n      \"env\": { \"GITHUB_PERSONAL_ACCESS_TOKEN\": \"${GITHUB_PAT}\" }\n    },\n    \"db\": {\n      \"command\": \"uvx\",\n      \"args\": [\n        \"postgres-mcp==0.3.0\"\n      ]\n    }\n  }\n}\n";
    std::fs::write(d.path().join(".mcp.json"), text).unwrap();
    mcplint(d.path(), &["--fix", "--persona", "pedantic"]);
    assert_eq!(
        std::fs::read_to_string(d.path().join(".mcp.json")).unwrap(),
        text,
        "safe fixes never narrow a server"
    );
    // Narrowing a server left at its defaults is pedantic advice: the
    // default persona neither reports nor applies it.
    mcplint(d.path(), &["--fix", "--unsafe-fixes"]);
    assert_eq!(
        std::fs::read_to_string(d.path().join(".mcp.json")).unwrap(),
        text,
        "the regular persona does not narrow a default server"
    );
    let out = mcplint(
        d.path(),
        &["--fix", "--unsafe-fixes", "--persona", "pedantic"],
    );
    let fixed = std::fs::read_to_string(d.path().join(".mcp.json")).unwrap();
    let expected = text
        .replace(
            "\"GITHUB_PERSONAL_ACCESS_TOKEN\", \"ghcr.io",
            "\"GITHUB_PERSONAL_ACCESS_TOKEN\", \"-e\", \"GITHUB_READ_ONLY\", \"ghcr.io",
        )
        .replace(
            "\"${GITHUB_PAT}\" }",
            "\"${GITHUB_PAT}\", \"GITHUB_READ_ONLY\": \"1\" }",
        )
        .replace(
            "\"postgres-mcp==0.3.0\"\n",
            "\"postgres-mcp==0.3.0\",\n        \"--access-mode=restricted\"\n",
        );
    assert_eq!(fixed, expected, "{}", printed(&out));
    assert!(
        !printed(&out).contains("unnarrowed-server"),
        "{}",
        printed(&out)
    );
    let again = mcplint(d.path(), &["--fix", "--unsafe-fixes"]);
    assert_eq!(
        std::fs::read_to_string(d.path().join(".mcp.json")).unwrap(),
        expected
    );
    assert!(
        printed(&again).contains("nothing to fix"),
        "{}",
        printed(&again)
    );
}

#[test]
fn diff_of_an_unparsable_file_is_an_error_not_a_pass() {
    let d = repo();
    std::fs::write(
        d.path().join(".mcp.json"),
        "{\n  // a comment Claude Code rejects\n  \"mcpServers\": {}\n}\n",
    )
    .unwrap();
    let out = mcplint(d.path(), &["--diff"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        printed(&out).contains(".mcp.json could not be parsed"),
        "{}",
        printed(&out)
    );
}

#[test]
fn an_unparsable_file_offers_no_fix_and_fix_says_why() {
    // Claude Code rejects the trailing commas; the token is reported all the
    // same, but nothing can be rewritten safely until the file parses.
    let d = repo();
    let text = format!(
        "{{\"mcpServers\": {{\"gh\": {{\"command\": \"npx\", \"env\": {{\"GITHUB_TOKEN\": \"{PAT}\"}},}},}}}}\n"
    );
    std::fs::write(d.path().join(".mcp.json"), &text).unwrap();
    let out = mcplint(d.path(), &["--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let secret = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "literal-secret")
        .unwrap_or_else(|| panic!("{doc:#}"));
    assert!(secret.get("fix").is_none_or(|f| f.is_null()), "{secret:#}");
    let out = mcplint(d.path(), &["--fix"]);
    assert_eq!(out.status.code(), Some(2));
    let said = printed(&out);
    assert!(
        said.contains(".mcp.json could not be parsed; nothing in it can be fixed"),
        "{said}"
    );
    assert!(
        !said.contains("fixable with --fix") && !said.contains("please report"),
        "{said}"
    );
    assert_eq!(
        std::fs::read_to_string(d.path().join(".mcp.json")).unwrap(),
        text
    );
    assert!(!d.path().join(".env").exists());
}

#[test]
fn a_secret_flag_holding_more_than_the_secret_stays_where_it_is() {
    // A trailing space pasted with the key: moving the flag to the server's
    // variable would drop it, so only the secret is replaced in place.
    let text = format!(
        "{{\"mcpServers\": {{\"stripe\": {{\"command\": \"npx\", \"args\": [\"-y\", \"@stripe/mcp@0.2.4\", \"--api-key={STRIPE_KEY} \"]}}, \"supabase\": {{\"command\": \"npx\", \"args\": [\"-y\", \"@supabase/mcp-server-supabase@0.4.5\", \"--access-token\", \"{SUPABASE_TOKEN} \"]}}}}}}\n"
    );
    let (fixed, said) = fixed_alone(".mcp.json", &text);
    assert_eq!(
        fixed,
        text.replace(STRIPE_KEY, "${STRIPE_API_KEY}")
            .replace(SUPABASE_TOKEN, "${SUPABASE_ACCESS_TOKEN}"),
        "{said}"
    );
}

#[test]
fn a_secret_flag_in_a_yaml_config_is_replaced_in_place() {
    // Moving a flag to the environment edits JSON; elsewhere the secret is
    // replaced where it is.
    let text = format!(
        "name: Stripe\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: stripe\n    command: npx\n    args:\n      - \"-y\"\n      - \"@stripe/mcp@0.2.4\"\n      - \"--api-key={STRIPE_KEY}\"\n"
    );
    let (fixed, said) = fixed_alone(".continue/mcpServers/stripe.yaml", &text);
    assert_eq!(
        fixed,
        text.replace(STRIPE_KEY, "${{ secrets.STRIPE_API_KEY }}"),
        "{said}"
    );
}

#[test]
fn a_secret_flag_moves_to_the_variable_the_server_reads() {
    let d = repo();
    let key = STRIPE_KEY;
    let token = SUPABASE_TOKEN;
    let text = format!(
        "{{\n  \"mcpServers\": {{\n    \"stripe\": {{\n      \"command\": \"npx\",\n      \"args\": [\"-y\", \"@stripe/mcp@0.2.4\", \"--tools=customers.read\", \"--api-key={key}\"]\n    }},\n    \"supabase\": {{\n      \"command\": \"npx\",\n      \"args\": [\n        \"-y\",\n        \"@supabase/mcp-server-supabase@0.4.5\",\n        \"--access-token\",\n        \"{token}\",\n        \"--read-only\"\n      ],\n      \"env\": {{\n        \"NODE_ENV\": \"production\"\n      }}\n    }}\n  }}\n}}\n"
    );
    std::fs::write(d.path().join(".mcp.json"), &text).unwrap();
    let out = mcplint(d.path(), &["--fix"]);
    assert!(!printed(&out).contains(key) && !printed(&out).contains(token));
    let fixed = std::fs::read_to_string(d.path().join(".mcp.json")).unwrap();
    let expected = text
        .replace(
            &format!(", \"--api-key={key}\"]\n"),
            "],\n      \"env\": { \"STRIPE_SECRET_KEY\": \"${STRIPE_SECRET_KEY}\" }\n",
        )
        .replace(&format!("\"--access-token\",\n        \"{token}\",\n        "), "")
        .replace(
            "\"NODE_ENV\": \"production\"\n",
            "\"NODE_ENV\": \"production\",\n        \"SUPABASE_ACCESS_TOKEN\": \"${SUPABASE_ACCESS_TOKEN}\"\n",
        );
    assert_eq!(fixed, expected, "{}", printed(&out));
    let env = std::fs::read_to_string(d.path().join(".env")).unwrap();
    assert!(env.contains(&format!("STRIPE_SECRET_KEY={key}\n")), "{env}");
    assert!(
        env.contains(&format!("SUPABASE_ACCESS_TOKEN={token}\n")),
        "{env}"
    );
    // Claude Desktop expands nothing: an env value would be as literal as the flag.
    let desktop = d.path().join("claude_desktop_config.json");
    let desktop_text = format!(
        "{{\"mcpServers\": {{\"stripe\": {{\"command\": \"npx\", \"args\": [\"-y\", \"@stripe/mcp@0.2.4\", \"--api-key={key}\"]}}}}}}"
    );
    std::fs::write(&desktop, &desktop_text).unwrap();
    mcplint(d.path(), &["--fix", "claude_desktop_config.json"]);
    assert_eq!(std::fs::read_to_string(&desktop).unwrap(), desktop_text);
}
