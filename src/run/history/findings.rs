//! A committed credential as a finding: located in the version of the
//! config that introduced it (so every output format shows the masked
//! snippet), saying when it was committed, whether `HEAD` still holds it,
//! and where the provider revokes it.

use crate::finding::Finding;
use crate::lint::{FileReport, Version};

/// Where `HEAD` still holds a credential.
pub enum AtHead<'a> {
    /// In the same file.
    Here,
    /// Gone from this file, but in other configs (their paths).
    Elsewhere(&'a [String]),
    Gone,
}

/// The commit that introduced a credential, for the message.
pub struct Introduction<'a> {
    pub short_id: &'a str,
    /// `YYYY-MM-DD`, committer date (UTC).
    pub date: &'a str,
    /// `HEAD` still has a config at the version's path.
    pub path_at_head: bool,
}

/// Name `report` after the commit (`path@abc1234`) and keep only the
/// findings `chosen` (by index), told as history.
pub fn told_as_history(
    mut report: FileReport,
    chosen: &[(usize, AtHead)],
    introduction: &Introduction,
) -> FileReport {
    report.version = Some(Version {
        path: report.source.display.clone(),
        commit: introduction.short_id.to_string(),
        at_head: introduction.path_at_head,
    });
    report.source.display = format!("{}@{}", report.source.display, introduction.short_id);
    let mut findings: Vec<Option<Finding>> = std::mem::take(&mut report.findings)
        .into_iter()
        .map(Some)
        .collect();
    report.findings = chosen
        .iter()
        .filter_map(|(i, at_head)| {
            let f = findings.get_mut(*i)?.take()?;
            Some(history_finding(f, at_head, introduction))
        })
        .collect();
    // The version's parse problems are history too: not this run's errors.
    report.unparsable = false;
    report
}

fn history_finding(mut f: Finding, at_head: &AtHead, introduction: &Introduction) -> Finding {
    let state = match at_head {
        AtHead::Here => "still present at HEAD".to_string(),
        AtHead::Elsewhere(paths) => format!(
            "gone from this file at HEAD but still present in {}",
            paths
                .iter()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        AtHead::Gone => "removed at HEAD — still valid until revoked".to_string(),
    };
    f.message = format!(
        "{}: committed in {} ({}), {state}",
        f.message, introduction.short_id, introduction.date
    );
    let undo = "deleting it from the file or rewriting history does not undo the leak";
    f.help = Some(match f.credential {
        Some(spec) => match (&spec.rotate, spec.provider.as_str()) {
            (Some(url), _) => format!("revoke it and issue a new one: {url} ({undo})"),
            // Connection strings and keys of no one provider.
            (None, "Database") => {
                format!(
                    "change that database user's password, then every place that uses it ({undo})"
                )
            }
            (None, "Generic") => {
                format!("replace it where it was issued (a new key pair, a new password) ({undo})")
            }
            (None, provider) => {
                format!("revoke it in your {provider} account and issue a new one ({undo})")
            }
        },
        None => format!("revoke it where it was issued and issue a new one ({undo})"),
    });
    // Fixes edit the working tree; a past version has nothing to edit.
    f.fix = None;
    f
}
