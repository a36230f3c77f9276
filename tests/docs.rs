//! Rule documentation stays complete and the README lists every rule.

use mcplint::rules;

#[test]
fn every_rule_has_full_documentation() {
    for m in rules::all() {
        for section in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "## Use instead",
            "## Fix safety",
            "## Persona",
        ] {
            assert!(m.docs.contains(section), "{}: docs lack `{section}`", m.id);
        }
        // The doc states the persona the rule declares, and why.
        let persona = m.docs.split("## Persona\n").nth(1).unwrap_or_default();
        assert!(
            persona.starts_with(&format!("`{}`. ", m.persona.as_str())),
            "{}: its doc's Persona section does not start with `{}`",
            m.id,
            m.persona.as_str()
        );
        assert!(
            m.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{}: ids are kebab-case",
            m.id
        );
        assert!(
            !m.summary.ends_with('.'),
            "{}: summaries have no final period",
            m.id
        );
    }
}

#[test]
fn readme_lists_every_rule() {
    let readme = include_str!("../README.md");
    for m in rules::all() {
        let row = format!(
            "| `{}` | {} | {} | {}",
            m.id,
            m.category.as_str(),
            m.severity.as_str(),
            m.persona.as_str()
        );
        assert!(
            readme.contains(&row),
            "README rules table lacks or misstates {}: expected `{row}`",
            m.id
        );
    }
}

#[test]
fn rule_ids_are_stable() {
    let ids: Vec<&str> = rules::all().iter().map(|m| m.id).collect();
    // Ids are public API (JSON, ignores, baselines): removing or renaming one
    // is a breaking change and must show up here.
    assert_eq!(
        ids,
        [
            "archived-server",
            "auto-approved-servers",
            "auto-approved-tools",
            "broad-allow-rule",
            "broad-credential",
            "credentials-in-url",
            "deprecated-sse",
            "duplicate-key",
            "ineffective-allow-rule",
            "input-without-password",
            "insecure-transport",
            "invalid-config",
            "literal-secret",
            "overbroad-scope",
            "parse-error",
            "placeholder-value",
            "policy-violation",
            "stale-ignore",
            "unexpanded-reference",
            "unguarded-destructive-tools",
            "unknown-input",
            "unnarrowed-server",
            "unpinned-package",
            "unread-config",
            "vulnerable-server",
        ]
    );
}

#[test]
fn pre_commit_hooks_cover_every_committable_config_name() {
    let hooks = include_str!("../.pre-commit-hooks.yaml");
    let patterns: Vec<&str> = hooks
        .lines()
        .filter_map(|l| l.trim().strip_prefix("files: '"))
        .map(|l| l.trim_end_matches('\''))
        .collect();
    assert_eq!(
        patterns.len(),
        4,
        "mcplint, mcplint-fix and their -system variants"
    );
    let expected = hook_pattern();
    for pattern in &patterns {
        assert_eq!(
            *pattern, expected,
            "`files` must be the pattern built from the format table and the name heuristics"
        );
    }
    let re = regex::Regex::new(&expected).unwrap();
    // Every path of every format (per-user ones too: dotfiles repositories
    // commit them), every name recognition would read, and nothing else.
    let mut examples: Vec<String> = mcplint::clients::formats()
        .iter()
        .flat_map(|f| f.paths.iter())
        .map(|p| format!("repo/{}", p.replace('*', "servers")))
        .collect();
    for (ext, _) in mcplint::clients::recognise::EXTENSIONS {
        examples.push(format!("repo/team-MCP-servers{ext}"));
        for (folder, _) in mcplint::clients::recognise::AGENT_FOLDERS {
            examples.push(format!("repo/{folder}/settings{ext}"));
            examples.push(format!("{folder}/config{ext}"));
        }
    }
    for example in &examples {
        assert!(re.is_match(example), "{example} not covered by {expected}");
        let path = std::path::Path::new(example);
        let accepted = mcplint::clients::for_path(path).is_some()
            || mcplint::clients::recognise::name_suggests_mcp(path);
        assert!(
            accepted,
            "{example} is covered but recognition never reads it"
        );
    }
    for other in [
        "repo/package.json",
        "repo/.vscode/launch.json",
        "README.md",
        "repo/settings.json",
    ] {
        assert!(!re.is_match(other), "{other}");
    }
}

/// The `files` pattern of the hooks: every format path (a `*` matching
/// within one component), any `*mcp*` name with a config extension, and
/// settings or config files in an agent's folder; case aside.
fn hook_pattern() -> String {
    let escape = |p: &str| regex::escape(p).replace("\\*", "[^/]+");
    let mut paths: Vec<String> = mcplint::clients::formats()
        .iter()
        .flat_map(|f| f.paths.iter())
        .map(|p| escape(p))
        .collect();
    paths.sort();
    paths.dedup();
    let exts: Vec<String> = mcplint::clients::recognise::EXTENSIONS
        .iter()
        .map(|(e, _)| regex::escape(&e[1..]))
        .collect();
    let folders: Vec<String> = mcplint::clients::recognise::AGENT_FOLDERS
        .iter()
        .map(|(f, _)| regex::escape(f))
        .collect();
    format!(
        "(?i)(^|/)({}|[^/]*mcp[^/]*\\.({exts})|({folders})/(settings|config)\\.({exts}))$",
        paths.join("|"),
        exts = exts.join("|"),
        folders = folders.join("|"),
    )
}
