//! The env file `--fix` writes secrets to: private to its owner whatever
//! its mode was, and a summary that says only what is true of it.

mod common;

use common::{github_mcp, mcplint_in, run, Tree};

const PAT: &str = "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";

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[cfg(unix)]
fn set_mode(path: &std::path::Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A repository whose git-ignored `.env` holds `env` with `mode`, beside a
/// `.mcp.json` with a literal token; and what `--fix` printed there.
#[cfg(unix)]
fn fixed_with_env(env: &str, mode: u32) -> (Tree, std::path::PathBuf, common::Run) {
    let t = Tree::new();
    t.git_init("");
    t.write(".gitignore", ".env\n");
    let path = t.write(".env", env);
    set_mode(&path, mode);
    t.write(".mcp.json", github_mcp(PAT));
    let r = run(mcplint_in(&t.root).args(["--fix", "--color", "never", "."]));
    (t, path, r)
}

#[cfg(unix)]
#[test]
fn an_existing_world_readable_env_file_is_made_private_and_the_summary_says_so() {
    let (t, env, r) = fixed_with_env("EDITOR=vim\n", 0o644);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert_eq!(mode(&env), 0o600);
    let text = String::from_utf8(t.read(".env")).unwrap();
    assert!(
        text.starts_with("EDITOR=vim\n") && text.contains(PAT),
        "{text}"
    );
    assert!(
        r.stderr.contains("(mode 0600, git-ignored)"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(
            ".env was mode 0644, readable by others; it holds secrets, so it is now 0600"
        ),
        "{}",
        r.stderr
    );
}

#[cfg(unix)]
#[test]
fn an_env_file_that_already_holds_the_value_is_made_private_too() {
    let (_t, env, r) = fixed_with_env(&format!("GITHUB_PERSONAL_ACCESS_TOKEN={PAT}\n"), 0o640);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert_eq!(mode(&env), 0o600, "{}", r.stderr);
    assert!(r.stderr.contains("was mode 0640"), "{}", r.stderr);
}

#[cfg(unix)]
#[test]
fn a_private_env_file_is_not_said_to_be_tightened() {
    let (_t, env, r) = fixed_with_env("EDITOR=vim\n", 0o600);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(mode(&env), 0o600);
    assert!(!r.stderr.contains("readable by others"), "{}", r.stderr);
}

#[test]
fn an_env_file_outside_any_repository_is_not_called_git_ignored() {
    let t = Tree::new();
    t.write(".mcp.json", github_mcp(PAT));
    let r = run(mcplint_in(&t.root).args(["--fix", "--color", "never", "."]));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(String::from_utf8(t.read(".env")).unwrap().contains(PAT));
    assert!(!r.stderr.contains("git-ignored"), "{}", r.stderr);
    assert!(r.stderr.contains("in no git repository"), "{}", r.stderr);
}
