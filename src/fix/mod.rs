//! `--fix` and `--diff`: apply the findings' edits to the bytes of the
//! original text (never re-serialising), re-parse and re-lint until stable,
//! move extracted secrets to the env file first so nothing is lost, then
//! write each changed config atomically.

pub mod envfile;
mod summary;

pub use summary::summary;

use std::path::{Path, PathBuf};

use crate::clients::Client;
use crate::finding::{Applicability, Edit, Extraction};
use crate::lint::{self, FileReport, Input, Report};
use crate::report;
use crate::syntax::source::Span;
use crate::syntax::write;

/// Rounds of fix → re-lint before giving up on convergence.
const MAX_ROUNDS: usize = 4;

pub struct Options {
    pub unsafe_fixes: bool,
    /// Write files; `false` for `--diff`.
    pub write: bool,
    pub env_file: Option<PathBuf>,
    pub cwd: PathBuf,
}

#[derive(Default)]
pub struct Outcome {
    pub files_changed: Vec<String>,
    pub fixes_applied: usize,
    /// Variables the env file now holds for the configs, with the client.
    pub moved: Vec<(String, &'static Client)>,
    /// `(wanted, used)` when a name was taken by another value.
    pub renamed: Vec<(String, String)>,
    pub env_file: Option<PathBuf>,
    /// Where the env file stands with git, once secrets went there.
    pub env_ignored: Option<envfile::Ignored>,
    /// The env file's mode before it was made private, when it was looser.
    pub env_tightened: Option<u32>,
    /// Files git tracks whose secrets were committed, with the commit.
    pub committed: Vec<(String, Option<String>)>,
    /// The variables of committed secrets, with where to revoke each.
    pub to_revoke: Vec<(String, Option<&'static str>)>,
    pub diff: String,
    pub problems: Vec<String>,
}

/// One file's fixed text and the secrets it gave up.
struct Fixed {
    text: String,
    applied: usize,
    extractions: Vec<Extraction>,
}

fn selected(report: &FileReport, unsafe_fixes: bool) -> Vec<(Vec<Edit>, Option<Extraction>)> {
    let wanted = if unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    report
        .findings
        .iter()
        .filter_map(|f| f.fix.as_ref())
        .filter(|fix| fix.applicability >= wanted && !fix.edits.is_empty())
        .map(|fix| (fix.edits.clone(), fix.extraction.clone()))
        .collect()
}

/// Apply non-overlapping edits; overlapping ones wait for the next round.
fn apply_edits(
    text: &str,
    mut fixes: Vec<(Vec<Edit>, Option<Extraction>)>,
) -> (String, usize, Vec<Extraction>) {
    fixes.sort_by_key(|(edits, _)| edits.iter().map(|e| e.span.start).min().unwrap_or(0));
    let mut taken: Vec<Span> = Vec::new();
    let mut edits: Vec<Edit> = Vec::new();
    let mut extractions = Vec::new();
    let mut applied = 0;
    for (fix_edits, extraction) in fixes {
        if fix_edits.iter().any(|e| {
            taken.iter().any(|t| {
                t.overlaps(e.span) || (t.is_empty() && e.span.is_empty() && t.start == e.span.start)
            })
        }) {
            continue;
        }
        taken.extend(fix_edits.iter().map(|e| e.span));
        edits.extend(fix_edits);
        extractions.extend(extraction);
        applied += 1;
    }
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    let mut out = text.to_string();
    for e in edits {
        out.replace_range(e.span.range(), &e.replacement);
    }
    (out, applied, extractions)
}

/// Give each extracted secret a variable name that holds no other value,
/// and rewrite the edits that name it.
fn name_variables(
    fixes: &mut [(Vec<Edit>, Option<Extraction>)],
    taken: &mut Vec<(String, String)>,
    renamed: &mut Vec<(String, String)>,
) {
    for (edits, extraction) in fixes.iter_mut() {
        let Some(x) = extraction else { continue };
        let name = envfile::free_name(&x.var, &x.value, taken);
        if name != x.var {
            for e in edits.iter_mut() {
                e.replacement = e.replacement.replace(&x.var, &name);
            }
            if !renamed.iter().any(|(_, to)| *to == name) {
                renamed.push((x.var.clone(), name.clone()));
            }
            x.var = name.clone();
        }
        if !taken.iter().any(|(k, _)| *k == name) {
            taken.push((name, x.value.clone()));
        }
    }
}

fn fix_file(
    report: &FileReport,
    options: &Options,
    taken: &mut Vec<(String, String)>,
    outcome: &mut Outcome,
) -> Option<Fixed> {
    let mut text = report.source.text.clone();
    let mut applied = 0;
    let mut extractions = Vec::new();
    let mut current: Option<FileReport> = None;
    for _ in 0..MAX_ROUNDS {
        let this = current.as_ref().unwrap_or(report);
        let mut fixes = selected(this, options.unsafe_fixes);
        if fixes.is_empty() {
            break;
        }
        name_variables(&mut fixes, taken, &mut outcome.renamed);
        let (next, n, x) = apply_edits(&text, fixes);
        // Nothing applied leaves the text as it was, too.
        if next == text {
            break;
        }
        let relinted = relint(report, &next);
        if relinted.unparsable {
            // A fix must never break the file: keep what parsed.
            outcome.problems.push(format!(
                "{}: a fix would make the file unparsable; left as it was (please report this)",
                report.source.display
            ));
            break;
        }
        text = next;
        applied += n;
        extractions.extend(x);
        current = Some(relinted);
    }
    (applied > 0).then_some(Fixed {
        text,
        applied,
        extractions,
    })
}

/// One file's text after every fix `report` selects has been applied,
/// without touching the disk, and the problems met (a fix that would have
/// made the file unparsable is one). The fuzz target of the fixer and the
/// tests call this; `--fix` and `--diff` go through [`apply`].
pub fn fixed_text(report: &FileReport, unsafe_fixes: bool) -> (Option<String>, Vec<String>) {
    let options = Options {
        unsafe_fixes,
        write: false,
        env_file: None,
        cwd: PathBuf::new(),
    };
    let mut outcome = Outcome::default();
    let fixed = fix_file(report, &options, &mut Vec::new(), &mut outcome);
    (fixed.map(|f| f.text), outcome.problems)
}

/// The commit since which git history holds a secret of `path`, if git
/// tracks the file (bounded walk of the history).
fn committed_since(path: &Path, secrets: &[&str]) -> Option<Option<String>> {
    // Canonical first: a path named on the command line (`.mcp.json`) has
    // an empty parent, from which no repository is found.
    let path = path.canonicalize().ok()?;
    let repo = git2::Repository::discover(path.parent()?).ok()?;
    let root = repo.workdir()?.canonicalize().ok()?;
    let relative = path.strip_prefix(&root).ok()?.to_path_buf();
    let status = repo.status_file(&relative).ok()?;
    if status.contains(git2::Status::WT_NEW) || status.contains(git2::Status::IGNORED) {
        return None;
    }
    let mut walk = repo.revwalk().ok()?;
    if walk.push_head().is_err() {
        return Some(None);
    }
    let mut oldest = None;
    for oid in walk.take(500).flatten() {
        let Some(blob) = repo
            .find_commit(oid)
            .ok()
            .and_then(|c| c.tree().ok())
            .and_then(|t| t.get_path(&relative).ok())
            .and_then(|e| repo.find_blob(e.id()).ok())
        else {
            continue;
        };
        let content = String::from_utf8_lossy(blob.content());
        if secrets.iter().any(|s| content.contains(s)) {
            oldest = Some(oid.to_string()[..10].to_string());
        }
    }
    Some(oldest)
}

pub fn apply(report: &Report, options: &Options) -> Outcome {
    let mut outcome = Outcome::default();
    let env_path = options.env_file.clone().unwrap_or_else(|| {
        let first = report
            .files
            .first()
            .map_or(options.cwd.clone(), |f| f.source.path.clone());
        envfile::default_path(&first, &options.cwd)
    });
    let _lock = options
        .write
        .then(|| write::Lock::acquire(&env_path))
        .flatten();
    let existing = envfile::read(&env_path);
    let mut taken = existing.clone();
    let mut to_write: Vec<(&FileReport, Fixed)> = Vec::new();
    let env_root = env_path.parent().and_then(|p| p.canonicalize().ok());
    // A file that does not parse (and a broken mcplint.toml) offers no fix.
    for file in &report.files {
        // A per-user config (`--user`) keeps its secrets out of a project's env file.
        let outside = env_root.as_ref().is_some_and(|root| {
            file.source
                .path
                .canonicalize()
                .is_ok_and(|p| !p.starts_with(root))
        });
        if outside && options.env_file.is_none() && !selected(file, options.unsafe_fixes).is_empty()
        {
            outcome.problems.push(format!(
                "{} is outside this project: fix it with --env-file pointing at a per-user file (e.g. ~/.config/mcp/secrets.env)",
                file.source.display
            ));
            continue;
        }
        if let Some(fixed) = fix_file(file, options, &mut taken, &mut outcome) {
            to_write.push((file, fixed));
        }
    }
    if to_write.is_empty() {
        return outcome;
    }
    if !options.write {
        for (file, fixed) in &to_write {
            outcome.diff.push_str(&diff(file, &fixed.text));
        }
        return outcome;
    }
    if envfile::tracked(&env_path) {
        outcome.problems.push(format!(
            "{} is tracked by git: secrets written there would be committed; choose another file with --env-file",
            env_path.display()
        ));
        return outcome;
    }
    // Secrets first: nothing is lost even if writing a config fails.
    let mut new_vars: Vec<(String, String)> = Vec::new();
    for (_, fixed) in &to_write {
        for x in &fixed.extractions {
            if !existing.iter().any(|(k, v)| *k == x.var && *v == x.value)
                && !new_vars.iter().any(|(k, _)| *k == x.var)
            {
                new_vars.push((x.var.clone(), x.value.clone()));
            }
        }
    }
    let extracts = to_write.iter().any(|(_, f)| !f.extractions.is_empty());
    if extracts {
        // A file of secrets ends up private (0600) whether it is written
        // now or already held every value; if it cannot be made so, no
        // config is changed to point at it.
        let private = if new_vars.is_empty() {
            write::make_private(&env_path)
        } else {
            let old = std::fs::read(&env_path).ok();
            let mut text = String::from_utf8_lossy(old.as_deref().unwrap_or_default()).into_owned();
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            for (k, v) in &new_vars {
                text.push_str(&format!("{k}={}\n", envfile::quote(v)));
            }
            write::secret_file(&env_path, text.as_bytes(), old.as_deref())
        };
        match private {
            Ok(loose) => outcome.env_tightened = loose,
            Err(e) => {
                outcome.problems.push(format!(
                    "the env file could not be written and made private to you ({e}); no config was changed"
                ));
                return outcome;
            }
        }
        match envfile::ensure_ignored(&env_path) {
            Ok(state) => outcome.env_ignored = Some(state),
            Err(e) => outcome
                .problems
                .push(format!("could not make git ignore the env file: {e}")),
        }
    }
    outcome.env_file = Some(env_path);
    for (file, fixed) in to_write {
        let secrets: Vec<&str> = fixed.extractions.iter().map(|x| x.value.as_str()).collect();
        match write::atomically(
            &file.source.path,
            fixed.text.as_bytes(),
            Some(file.source.text.as_bytes()),
            0o644,
        ) {
            Ok(()) => {
                outcome.files_changed.push(file.source.display.clone());
                outcome.fixes_applied += fixed.applied;
                for x in &fixed.extractions {
                    if !outcome.moved.iter().any(|(k, _)| *k == x.var) {
                        outcome.moved.push((x.var.clone(), x.client));
                    }
                }
                if !secrets.is_empty() {
                    if let Some(since) = committed_since(&file.source.path, &secrets) {
                        outcome.committed.push((file.source.display.clone(), since));
                        for x in &fixed.extractions {
                            outcome.to_revoke.push((x.var.clone(), x.rotate));
                        }
                    }
                }
            }
            Err(e) => outcome.problems.push(e.to_string()),
        }
    }
    outcome
}

/// `report`'s file with `text` in it, linted with the same settings: what
/// the user suppressed or disabled stays so in every round.
fn relint(report: &FileReport, text: &str) -> FileReport {
    let input = Input::new(&report.source.path, report.format, text.as_bytes())
        .shown_as(&report.source.display)
        .assumed(report.assumed.clone());
    lint::file(input, &report.settings)
}

/// A unified diff with every secret masked on both sides.
fn diff(file: &FileReport, fixed: &str) -> String {
    let before = report::masked_text(file);
    let relinted = relint(file, fixed);
    let after = report::masked_text(&relinted);
    similar::TextDiff::from_lines(&before, &after)
        .unified_diff()
        .context_radius(2)
        .header(
            &format!("a/{}", file.source.display),
            &format!("b/{}", file.source.display),
        )
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clients;

    fn edit(start: usize, end: usize, replacement: &str) -> Edit {
        Edit {
            span: Span::new(start, end),
            replacement: replacement.into(),
        }
    }

    fn extraction(var: &str, value: &str) -> Option<Extraction> {
        Some(Extraction {
            var: var.into(),
            value: value.into(),
            client: &crate::clients::claude_code::CLIENT,
            rotate: None,
        })
    }

    #[test]
    fn apply_edits_takes_an_insertion_and_a_replacement_in_one_round() {
        let text = "0123456789abcdef";
        let fixes = vec![
            (vec![edit(4, 4, "<in>")], None),
            (vec![edit(10, 12, "AB")], None),
            (vec![edit(6, 6, "<too>")], None),
        ];
        let (out, applied, _) = apply_edits(text, fixes);
        assert_eq!(out, "0123<in>45<too>6789ABcdef");
        assert_eq!(applied, 3);
    }

    #[test]
    fn apply_edits_defers_overlaps_and_equal_insertion_points() {
        let text = "0123456789";
        let fixes = vec![
            (vec![edit(2, 5, "x")], extraction("A", "a")),
            (vec![edit(4, 6, "y")], extraction("B", "b")),
            (vec![edit(8, 8, "<1>")], None),
            (vec![edit(8, 8, "<2>")], None),
        ];
        let (out, applied, extractions) = apply_edits(text, fixes);
        assert_eq!(out, "01x567<1>89");
        assert_eq!(applied, 2);
        assert_eq!(extractions, vec![extraction("A", "a").unwrap()]);
    }

    #[test]
    fn name_variables_gives_each_value_its_own_name_and_records_renames_once() {
        let mut fixes = vec![
            (vec![edit(0, 1, "${TOKEN}")], extraction("TOKEN", "one")),
            (vec![edit(2, 3, "${TOKEN}")], extraction("TOKEN", "two")),
            (vec![edit(4, 5, "${TOKEN}")], extraction("TOKEN", "two")),
            (vec![edit(6, 7, "${TOKEN}")], extraction("TOKEN", "three")),
        ];
        let mut taken = Vec::new();
        let mut renamed = Vec::new();
        name_variables(&mut fixes, &mut taken, &mut renamed);
        let names: Vec<_> = fixes
            .iter()
            .map(|(e, x)| (e[0].replacement.as_str(), x.as_ref().unwrap().var.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("${TOKEN}", "TOKEN"),
                ("${TOKEN_2}", "TOKEN_2"),
                ("${TOKEN_2}", "TOKEN_2"),
                ("${TOKEN_3}", "TOKEN_3")
            ]
        );
        assert_eq!(
            taken,
            [
                ("TOKEN".into(), "one".into()),
                ("TOKEN_2".into(), "two".into()),
                ("TOKEN_3".into(), "three".into())
            ]
        );
        assert_eq!(
            renamed,
            [
                ("TOKEN".into(), "TOKEN_2".into()),
                ("TOKEN".into(), "TOKEN_3".into())
            ]
        );
    }

    #[test]
    fn fixed_text_moves_the_secret_out_without_writing() {
        let format = clients::by_name("claude-code").unwrap();
        let source = "{\"mcpServers\": {\"gh\": {\"command\": \"npx\", \"args\": [\"-y\", \"@modelcontextprotocol/server-github\"], \"env\": {\"GITHUB_PERSONAL_ACCESS_TOKEN\": \"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\"}}}}";
        let settings = lint::Settings::default();
        let report = lint::file(Input::new(".mcp.json", format, source), &settings);
        let (fixed, problems) = fixed_text(&report, false);
        assert!(problems.is_empty(), "{problems:?}");
        let fixed = fixed.expect("a fix applies");
        assert!(
            fixed.contains("\"GITHUB_PERSONAL_ACCESS_TOKEN\": \"${GITHUB_PERSONAL_ACCESS_TOKEN}\""),
            "{fixed}"
        );
        assert!(!fixed.contains("ghp_"));
        let clean = lint::file(Input::new(".mcp.json", format, fixed), &settings);
        assert_eq!(fixed_text(&clean, false), (None, Vec::new()));
    }
}
