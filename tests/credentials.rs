//! Every credential format in `rules/credentials/` against its own examples,
//! through the same judging path a config value takes (keyword prefilter,
//! pattern, placeholder filter, entropy floor, validator, name gate).

use std::collections::BTreeSet;

use mcplint::knowledge::detect::{data, Detectors, HitState};

#[test]
fn every_positive_example_is_found_and_every_negative_is_not() {
    let detectors = Detectors::builtin_with_examples();
    let mut failures = Vec::new();
    let examples: usize = detectors
        .list
        .iter()
        .map(|d| d.spec.examples.len() + d.spec.negative_examples.len())
        .sum();
    assert!(
        examples >= 4 * detectors.list.len(),
        "only {examples} examples loaded"
    );
    for d in &detectors.list {
        for e in &d.spec.examples {
            let got = detectors.judge_example(d, e);
            if got != Some(HitState::Secret) {
                failures.push(format!(
                    "{}: missed positive {:?} (got {got:?})",
                    d.spec.id,
                    e.value()
                ));
            }
        }
        for e in &d.spec.negative_examples {
            let got = detectors.judge_example(d, e);
            if got == Some(HitState::Secret) {
                failures.push(format!(
                    "{}: false hit on negative {:?}",
                    d.spec.id,
                    e.value()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn data_files_are_well_formed() {
    let specs = data::load(data::FILES).expect("every data file parses");
    assert!(!data::FILES.is_empty());
    let mut ids = BTreeSet::new();
    for s in &specs {
        assert!(ids.insert(s.id.clone()), "duplicate id {}", s.id);
        assert!(
            s.id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "id not kebab-case: {}",
            s.id
        );
        assert!(!s.examples.is_empty(), "{}: needs positive examples", s.id);
        assert!(
            !s.negative_examples.is_empty(),
            "{}: needs negative examples",
            s.id
        );
        if s.broad {
            assert!(
                s.privilege.is_some(),
                "{}: broad formats say why (privilege)",
                s.id
            );
        }
        if s.names.is_some() {
            assert!(
                s.examples.iter().all(|e| e.name().is_some()),
                "{}: name-gated formats need named positive examples",
                s.id
            );
        }
        if let Some(group) = s.group {
            let re = regex::Regex::new(&s.pattern).unwrap();
            assert!(
                group < re.captures_len(),
                "{}: no capture group {group}",
                s.id
            );
        }
    }
}

/// A lint loads the formats without their examples (half the data), and
/// nothing else about them differs.
#[test]
fn a_lint_loads_the_same_formats_without_their_examples() {
    let lean = Detectors::builtin();
    let full = Detectors::builtin_with_examples();
    assert_eq!(lean.list.len(), full.list.len());
    for (l, f) in lean.list.iter().zip(&full.list) {
        assert_eq!(
            (&l.spec.id, &l.spec.pattern, &l.spec.names),
            (&f.spec.id, &f.spec.pattern, &f.spec.names)
        );
        assert!(l.spec.examples.is_empty() && l.spec.negative_examples.is_empty());
    }
}

#[test]
fn every_pattern_compiles_within_the_size_limit() {
    for d in &Detectors::builtin_with_examples().list {
        d.regex().unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn covers_the_providers_mcp_servers_use() {
    let providers: BTreeSet<String> = Detectors::builtin_with_examples()
        .list
        .iter()
        .map(|d| d.spec.provider.to_ascii_lowercase())
        .collect();
    assert!(
        providers.len() >= 40,
        "only {} providers: {providers:?}",
        providers.len()
    );
    for must in [
        "github",
        "gitlab",
        "slack",
        "openai",
        "anthropic",
        "aws",
        "google",
        "stripe",
        "notion",
        "linear",
        "atlassian",
        "sentry",
        "supabase",
        "hugging face",
        "cloudflare",
        "vercel",
        "twilio",
        "sendgrid",
        "datadog",
        "npm",
    ] {
        assert!(
            providers.iter().any(|p| p.contains(must)),
            "no credential format for {must}; have {providers:?}"
        );
    }
}

/// Data files whose formats belong to no single provider (a PEM key, a JWT,
/// a password in a database URL), so there is no one page to rotate them
/// at. Every format in any other file names its provider's page.
const PROVIDERLESS_FILES: &[&str] = &["database.toml", "generic.toml"];

#[test]
fn rotate_links_are_plain_https_pages_and_every_provider_format_has_one() {
    let names: BTreeSet<&str> = data::FILES.iter().map(|(name, _)| *name).collect();
    for file in PROVIDERLESS_FILES {
        assert!(
            names.contains(file),
            "PROVIDERLESS_FILES names {file}, which is not a data file"
        );
    }
    let mut failures = Vec::new();
    let mut linked = 0;
    for file in data::FILES {
        let name = file.0;
        let specs = data::load(std::slice::from_ref(file)).expect("every data file parses");
        for s in &specs {
            match &s.rotate {
                Some(url) => {
                    linked += 1;
                    if let Err(why) = check_rotate_url(url) {
                        failures.push(format!("{name}: {}: rotate {url:?} {why}", s.id));
                    }
                }
                None if !PROVIDERLESS_FILES.contains(&name) => failures.push(format!(
                    "{name}: {}: no rotate page (only {PROVIDERLESS_FILES:?} may omit it)",
                    s.id
                )),
                None => {}
            }
        }
    }
    assert!(linked > 0, "no format names a rotate page");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn rotate_url_check_rejects_what_it_should() {
    for good in [
        "https://github.com/settings/tokens",
        "https://console.aws.amazon.com/iam/home#/security_credentials",
        "https://docs.gitlab.com/user/clusters/agent/work_with_agent/#reset-the-agent-token",
        "https://api-dashboard.search.brave.com/app/keys",
        "https://kagi.com/api",
    ] {
        assert_eq!(check_rotate_url(good), Ok(()), "{good}");
    }
    for bad in [
        "http://github.com/settings/tokens",
        "github.com/settings/tokens",
        "https://github.com/settings/tokens?type=beta",
        "https://github.com/settings/ tokens",
        "https://github.com/settings/tokens\n",
        "https://dev.azure.com/{organization}/_usersSettings/tokens",
        "https://app.example.com/orgs/<org>/keys",
        "https://",
        "https:///settings",
        "https://localhost/keys",
        "https://127.0.0.1/keys",
        "https://user@github.com/settings",
        "https://github.com:443/settings",
        "https://-github.com/settings",
        "https://github-.com/settings",
        "https://github..com/settings",
        "https://GitHub.com/settings",
        "https://github.c/settings",
        "https://github.com./settings",
    ] {
        assert!(check_rotate_url(bad).is_err(), "accepted {bad:?}");
    }
}

/// A rotate link: `https://`, a lower-case DNS name (no port, userinfo or IP
/// address), then an optional path and fragment; no query string, no
/// whitespace and no `{id}` / `<id>` placeholder to fill in.
fn check_rotate_url(url: &str) -> Result<(), String> {
    let rest = url
        .strip_prefix("https://")
        .ok_or("does not start with https://")?;
    if url.chars().any(char::is_whitespace) {
        return Err("contains whitespace".into());
    }
    if url.contains('?') {
        return Err("has a query string".into());
    }
    if url.contains(['{', '}', '<', '>']) {
        return Err("has a placeholder to fill in".into());
    }
    let end = rest.find(['/', '#']).unwrap_or(rest.len());
    let host = &rest[..end];
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 2 || host.len() > 253 {
        return Err(format!("host {host:?} is not a domain name"));
    }
    for label in &labels {
        let ok = (1..=63).contains(&label.len())
            && label
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !label.starts_with('-')
            && !label.ends_with('-');
        if !ok {
            return Err(format!("host {host:?} has a bad label {label:?}"));
        }
    }
    let tld = labels[labels.len() - 1];
    if tld.len() < 2 || !tld.chars().all(|c| c.is_ascii_lowercase()) {
        return Err(format!("host {host:?} has no alphabetic top-level domain"));
    }
    Ok(())
}

/// Issue 17: a format that names its provider by its shape alone (no
/// `names` gate) is reported wherever it sits, under a key that says
/// nothing: an env value, a positional argument, a header, a URL's query,
/// and the default of a `${VAR:-default}` reference.
#[test]
fn every_self_identifying_format_is_found_under_any_name() {
    use std::path::PathBuf;
    let format = mcplint::clients::for_path(std::path::Path::new(".mcp.json")).unwrap();
    let lint = |text: &str| {
        mcplint::lint::file(
            mcplint::lint::Input::new(PathBuf::from(".mcp.json"), format, text.to_string())
                .shown_as(".mcp.json"),
            &mcplint::lint::Settings {
                persona: mcplint::finding::Persona::Auditor,
                ..Default::default()
            },
        )
    };
    let stdio = |env: &str, arg: &str| {
        serde_json::json!({"mcpServers": {"tool": {
            "command": "npx",
            "args": ["-y", "@acme/tool-mcp@1.4.0", arg],
            "env": {"CONFIG_VALUE": env},
        }}})
        .to_string()
    };
    let remote = |header: &str, url: &str| {
        serde_json::json!({"mcpServers": {"tool": {
            "type": "http",
            "url": url,
            "headers": {"X-Config": header},
        }}})
        .to_string()
    };
    let url_safe = |v: &str| {
        v.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.~".contains(c))
    };
    let detectors = Detectors::builtin_with_examples();
    let mut missed = Vec::new();
    let mut checked = 0;
    for d in detectors.list.iter().filter(|d| d.spec.names.is_none()) {
        for e in &d.spec.examples {
            let v = e.value();
            let mut places = vec![
                ("env CONFIG_VALUE", stdio(v, "--stdio")),
                ("a positional argument", stdio("1", v)),
                (
                    "header X-Config",
                    remote(v, "https://mcp.acme-corp.net/mcp"),
                ),
            ];
            if url_safe(v) {
                places.push((
                    "a URL query",
                    remote("1", &format!("https://mcp.acme-corp.net/mcp?config={v}")),
                ));
            }
            if !v.contains('}') && !v.contains('$') {
                places.push((
                    "a reference's default",
                    stdio(&format!("${{CONFIG_VALUE:-{v}}}"), "--stdio"),
                ));
            }
            for (place, text) in places {
                checked += 1;
                let report = lint(&text);
                let found = report.findings.iter().any(|f| {
                    f.rule.id == "literal-secret" && !f.message.starts_with("literal credential ")
                });
                if !found {
                    missed.push(format!("{} in {place}: {v:?}", d.spec.id));
                }
            }
        }
    }
    assert!(checked > 500, "only {checked} placements");
    assert!(
        missed.is_empty(),
        "{} of {checked} placements missed:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

/// Issue 17: placeholders and the providers' documented examples stay quiet
/// as secrets under the names they are meant for and under a neutral one.
#[test]
fn placeholders_and_documented_examples_are_no_secrets() {
    use std::path::PathBuf;
    let format = mcplint::clients::for_path(std::path::Path::new(".mcp.json")).unwrap();
    const QUIET: &[(&str, &str)] = &[
        ("OPENAI_API_KEY", "sk-..."),
        (
            "OPENAI_API_KEY",
            "sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        ),
        ("SLACK_BOT_TOKEN", "xoxb-your-token"),
        (
            "SLACK_BOT_TOKEN",
            "xoxb-0000000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxx",
        ),
        ("GITHUB_TOKEN", "ghp_xxxxxxxx"),
        ("GITHUB_TOKEN", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
        ("GITHUB_TOKEN", "ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
        ("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE"),
        (
            "AWS_SECRET_ACCESS_KEY",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        ),
        ("STRIPE_SECRET_KEY", "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx"),
        (
            "GROQ_API_KEY",
            "gsk_1234567890abcdefghijklmnopqrstuvwxyz1234567890abcdef",
        ),
        ("ANTHROPIC_API_KEY", "sk-ant-api03-..."),
        ("API_KEY", "your-api-key-here"),
        ("NOTION_TOKEN", "ntn_****"),
    ];
    for (name, value) in QUIET {
        for key in [*name, "CONFIG_VALUE"] {
            let text = serde_json::json!({"mcpServers": {"tool": {
                "command": "npx",
                "args": ["-y", "@acme/tool-mcp@1.4.0", value],
                "env": {key: value},
            }}})
            .to_string();
            let report = mcplint::lint::file(
                mcplint::lint::Input::new(PathBuf::from(".mcp.json"), format, text)
                    .shown_as(".mcp.json"),
                &mcplint::lint::Settings {
                    persona: mcplint::finding::Persona::Auditor,
                    ..Default::default()
                },
            );
            let secrets: Vec<&str> = report
                .findings
                .iter()
                .filter(|f| f.rule.id == "literal-secret")
                .map(|f| f.message.as_str())
                .collect();
            assert!(secrets.is_empty(), "{key}={value}: {secrets:?}");
        }
    }
}

/// Issue 17 lists shapes that went unreported under a neutral key. Each is
/// now a format without a name gate, so the test above plants its examples
/// under `CONFIG_VALUE` and in arguments, headers, URLs and defaults.
#[test]
fn the_shapes_once_missed_have_formats_found_under_any_name() {
    const SHAPES: &[&str] = &[
        "sgp_",
        "NRAK-",
        "NRAA-",
        "NRII-",
        "NRIQ-",
        "NRRA-",
        "sq0atp-",
        "sq0csp-",
        "EAA",
        "webhook.office.com",
        "hooks.zapier.com",
        "tines.com",
        "xapp-",
        "dapi",
        "odt_",
        "oy2",
        "dop_v1_",
        "aio_",
        "AGE-SECRET-KEY-1",
        "cio",
        "dt0c01.",
        "hvs.",
        "hvb.",
        "tskey-",
        "bkua_",
        "squ_",
        "api.telegram.org/bot",
        "tfp_",
        "gsk_",
        "xai-",
        "r8_",
        "CFPAT-",
        "ico-",
        "ops_",
        "fo1_",
        "xkeysib-",
        "napi_",
        "ctx7sk-",
        "AccountKey=",
        "sig=",
    ];
    let detectors = Detectors::builtin_with_examples();
    let missing: Vec<&str> = SHAPES
        .iter()
        .copied()
        .filter(|shape| {
            !detectors.list.iter().any(|d| {
                d.spec.names.is_none() && d.spec.examples.iter().any(|e| e.value().contains(shape))
            })
        })
        .collect();
    assert!(
        missing.is_empty(),
        "no format found under any name for {missing:?}"
    );
}
