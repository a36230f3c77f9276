//! A literal secret in a file git tracks (or would commit) is an error; in
//! a git-ignored personal file it is a warning. The message says which.

use super::{FileReport, GitState};

pub fn apply(file: &mut FileReport) {
    let is_secret = |rule: &str| rule == "literal-secret";
    if !file.findings.iter().any(|f| is_secret(f.rule.id)) {
        return;
    }
    let state = file.settings.git.state(&file.source.path);
    for f in file.findings.iter_mut().filter(|f| is_secret(f.rule.id)) {
        match state {
            GitState::Ignored => {
                f.severity = f.severity.min(crate::finding::Severity::Warning);
                f.message.push_str(" (in a git-ignored file: not committed, but readable by every tool on this machine)");
            }
            GitState::Tracked => f
                .message
                .push_str(" (git tracks this file: the secret is published with it)"),
            GitState::Untracked => f
                .message
                .push_str(" (not git-ignored: the next `git add` publishes it)"),
            GitState::Unknown => {}
        }
    }
}
