//! The lines `--fix` prints when it is done: what changed, where the
//! secrets went, and what the user must do next.

use super::envfile;
use super::Outcome;
use crate::clients::Client;

/// The summary printed after `--fix`: what changed and what to do next.
pub fn summary(outcome: &Outcome) -> String {
    let mut out = String::new();
    if outcome.files_changed.is_empty() && outcome.problems.is_empty() {
        return "mcplint: nothing to fix\n".into();
    }
    if !outcome.files_changed.is_empty() {
        out.push_str(&format!(
            "mcplint: fixed {} finding{} in {}\n",
            outcome.fixes_applied,
            if outcome.fixes_applied == 1 { "" } else { "s" },
            outcome.files_changed.join(", ")
        ));
    }
    if let (Some(env), false) = (&outcome.env_file, outcome.moved.is_empty()) {
        let cwd = std::env::current_dir().unwrap_or_default();
        let env = crate::syntax::source::display_path(env, &cwd);
        let vars: Vec<&str> = outcome.moved.iter().map(|(k, _)| k.as_str()).collect();
        // Say only what is true of the file now.
        let mut facts = vec![if cfg!(unix) { "mode 0600" } else { "private" }];
        match &outcome.env_ignored {
            Some(envfile::Ignored::Already | envfile::Ignored::Added(_)) => {
                facts.push("git-ignored")
            }
            Some(envfile::Ignored::NoRepository) => facts.push("in no git repository"),
            None => facts.push("NOT git-ignored"),
        }
        out.push_str(&format!(
            "  secrets moved to {env} ({}): {}\n",
            facts.join(", "),
            vars.join(", ")
        ));
        if let Some(mode) = outcome.env_tightened {
            out.push_str(&format!(
                "  {env} was mode {mode:04o}, readable by others; it holds secrets, so it is now 0600\n"
            ));
        }
        let mut clients: Vec<&Client> = outcome.moved.iter().map(|(_, c)| *c).collect();
        clients.dedup_by_key(|c| c.id);
        for c in clients {
            out.push_str(&format!("  {}: {}\n", c.id, envfile::how_to_load(c, &env)));
        }
    }
    if let Some(envfile::Ignored::Added(g)) = &outcome.env_ignored {
        out.push_str(&format!("  added the env file to {}\n", g.display()));
    }
    for (from, to) in &outcome.renamed {
        out.push_str(&format!(
            "  {to}: the env file already holds another value as {from}\n"
        ));
    }
    for (file, since) in &outcome.committed {
        let when = since.as_ref().map_or("git tracks it".to_string(), |c| {
            format!("it is in git history since commit {c}")
        });
        out.push_str(&format!(
            "  {file}: {when} — revoke and rotate these credentials at their provider; editing the file does not clean history\n"
        ));
    }
    for (var, link) in &outcome.to_revoke {
        let at = link.map_or("at its provider".to_string(), |l| format!("at {l}"));
        out.push_str(&format!("    revoke {var} {at}\n"));
    }
    for p in &outcome.problems {
        out.push_str(&format!("  problem: {p}\n"));
    }
    out
}
