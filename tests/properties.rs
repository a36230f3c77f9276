//! Properties over generated configs: generated servers of several
//! clients, with real-shaped secrets (the positive examples of the
//! built-in credential formats) in every position a secret goes.
//!
//! (a) no output format ever contains a secret;
//! (b) `--fix` output re-parses with the same servers, every extracted
//!     value is in the env file exactly once, and a second run is a no-op;
//! (c) findings do not depend on key order or whitespace.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use mcplint::knowledge::detect::{Detectors, Example};
use mcplint::lint::FileReport;
use mcplint::lint::Report;
use mcplint::report::{github, gitlab, human, json, sarif, statistics};
use mcplint::run;
use proptest::prelude::*;

/// A JSON value that keeps its key order, written compact or pretty.
#[derive(Clone, Debug)]
enum Json {
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    fn text(&self, pretty: bool, reversed: bool) -> String {
        let mut out = String::new();
        self.write(&mut out, pretty, reversed, 0);
        out.push('\n');
        out
    }

    fn write(&self, out: &mut String, pretty: bool, reversed: bool, depth: usize) {
        let indent = |out: &mut String, d: usize| {
            if pretty {
                out.push('\n');
                out.push_str(&"  ".repeat(d));
            }
        };
        match self {
            Json::Str(s) => out.push_str(&serde_json::to_string(s).unwrap()),
            Json::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    indent(out, depth + 1);
                    item.write(out, pretty, reversed, depth + 1);
                }
                if !items.is_empty() {
                    indent(out, depth);
                }
                out.push(']');
            }
            Json::Obj(members) => {
                out.push('{');
                let order: Vec<&(String, Json)> = if reversed {
                    members.iter().rev().collect()
                } else {
                    members.iter().collect()
                };
                for (i, (k, v)) in order.into_iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    indent(out, depth + 1);
                    out.push_str(&serde_json::to_string(k).unwrap());
                    out.push_str(if pretty { ": " } else { ":" });
                    v.write(out, pretty, reversed, depth + 1);
                }
                if !members.is_empty() {
                    indent(out, depth);
                }
                out.push('}');
            }
        }
    }
}

fn s(text: &str) -> Json {
    Json::Str(text.to_string())
}

/// Secrets every client's file can hold: positive examples of formats that
/// need no name, written as a whole token, with the format's public prefix
/// (which previews show).
fn secrets() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Detectors::builtin_with_examples()
        .list
        .iter()
        .filter(|d| d.spec.names.is_none())
        .flat_map(|d| d.spec.examples.iter().map(move |e| (d, e)))
        .filter_map(|(d, e)| match e {
            Example::Value(v) => Some((d, v.clone())),
            Example::Named { .. } => None,
        })
        .filter(|(d, v)| {
            let whole = d.regex().is_ok_and(|re| {
                re.group_ranges(v, d.spec.group.unwrap_or(0))
                    .any(|r| r == (0..v.len()))
            });
            whole
                && v.len() >= 16
                && v.chars().all(|c| c.is_ascii_graphic())
                && !v.contains(['"', '\\', '$', '{', '}', '@', ':', '/', '?', '&', '#', '='])
        })
        .map(|(d, v)| (v, d.spec.prefix.clone().unwrap_or_default()))
        .collect();
    out.sort();
    out.dedup();
    out
}

#[derive(Clone, Copy, Debug)]
enum Place {
    Env,
    BearerHeader,
    FlagArg,
}

#[derive(Clone, Debug)]
struct Server {
    name: String,
    place: Place,
    secret: String,
    /// The public prefix of its format, shown in previews.
    prefix: String,
}

impl Server {
    fn json(&self) -> Json {
        match self.place {
            Place::Env => Json::Obj(vec![
                ("command".into(), s("npx")),
                (
                    "args".into(),
                    Json::Arr(vec![s("-y"), s("@acme/tools-mcp@1.2.0")]),
                ),
                (
                    "env".into(),
                    Json::Obj(vec![("ACME_API_TOKEN".into(), s(&self.secret))]),
                ),
            ]),
            Place::BearerHeader => Json::Obj(vec![
                ("type".into(), s("http")),
                (
                    "url".into(),
                    s(&format!("https://{}.acme-corp.net/mcp", self.name)),
                ),
                (
                    "headers".into(),
                    Json::Obj(vec![(
                        "Authorization".into(),
                        s(&format!("Bearer {}", self.secret)),
                    )]),
                ),
            ]),
            Place::FlagArg => Json::Obj(vec![
                ("command".into(), s("npx")),
                (
                    "args".into(),
                    Json::Arr(vec![
                        s("-y"),
                        s("@acme/tools-mcp@1.2.0"),
                        s(&format!("--api-token={}", self.secret)),
                    ]),
                ),
            ]),
        }
    }
}

/// Client files whose servers are a `name → server` map at `key`.
const CLIENTS: &[(&str, &str)] = &[
    (".mcp.json", "mcpServers"),
    (".cursor/mcp.json", "mcpServers"),
    (".vscode/mcp.json", "servers"),
    (".gemini/settings.json", "mcpServers"),
];

#[derive(Clone, Debug)]
struct Config {
    client: usize,
    servers: Vec<Server>,
}

impl Config {
    fn path(&self) -> &'static str {
        CLIENTS[self.client].0
    }

    fn json(&self) -> Json {
        let servers = self
            .servers
            .iter()
            .map(|srv| (srv.name.clone(), srv.json()))
            .collect();
        Json::Obj(vec![(CLIENTS[self.client].1.into(), Json::Obj(servers))])
    }
}

fn config() -> impl Strategy<Value = Config> {
    let secrets = secrets();
    let server = (
        "[a-z]{3,8}",
        prop_oneof![
            Just(Place::Env),
            Just(Place::BearerHeader),
            Just(Place::FlagArg)
        ],
        proptest::sample::select(secrets),
    )
        .prop_map(|(name, place, (secret, prefix))| Server {
            name,
            place,
            secret,
            prefix,
        });
    (
        0..CLIENTS.len(),
        proptest::collection::vec(server, 1..4).prop_map(|mut v| {
            // Server names are map keys: keep them distinct.
            let mut seen = BTreeSet::new();
            v.retain(|srv| seen.insert(srv.name.clone()));
            v
        }),
    )
        .prop_map(|(client, servers)| Config { client, servers })
}

fn lint(name: &str, text: &str) -> FileReport {
    let format = mcplint::clients::for_path(Path::new(name)).expect("a client file");
    mcplint::lint::file(
        mcplint::lint::Input::new(PathBuf::from(name), format, text).shown_as(name),
        &mcplint::lint::Settings::default(),
    )
}

/// Every report format mcplint writes.
fn every_output(report: &Report) -> Vec<String> {
    vec![
        human::render(
            report,
            &human::Style {
                color: false,
                width: 100,
                quiet: false,
                group: false,
            },
        ),
        json::render(report),
        sarif::render(report),
        github::render(report),
        gitlab::render(report),
        statistics::render_text(report),
    ]
}

/// Does `out` hold any 10-character piece of `secret` after its public prefix?
fn leaks(out: &str, secret: &str, prefix: &str) -> Option<String> {
    let body = secret.strip_prefix(prefix).unwrap_or(secret);
    let chars: Vec<char> = body.chars().collect();
    chars
        .windows(10)
        .map(|w| w.iter().collect::<String>())
        .find(|piece| out.contains(piece.as_str()))
}

/// (rule, pointer, message) of every finding: what must not depend on layout.
fn judged(report: &FileReport) -> BTreeSet<(String, String, String)> {
    report
        .findings
        .iter()
        .map(|f| (f.rule.id.to_string(), f.pointer.clone(), f.message.clone()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn no_output_format_contains_a_secret(cfg in config(), pretty in any::<bool>()) {
        let text = cfg.json().text(pretty, false);
        let file = lint(cfg.path(), &text);
        let found = file.findings.iter().filter(|f| f.rule.id == "literal-secret").count();
        prop_assert!(found >= cfg.servers.len(), "{found} secrets found in\n{text}");
        let report = Report { files: vec![file], ..Report::default() };
        for out in every_output(&report) {
            for srv in &cfg.servers {
                let leaked = leaks(&out, &srv.secret, &srv.prefix);
                prop_assert!(leaked.is_none(), "leaked {leaked:?}");
            }
        }
    }

    #[test]
    fn findings_do_not_depend_on_key_order_or_whitespace(cfg in config()) {
        let json = cfg.json();
        let compact = lint(cfg.path(), &json.text(false, false));
        let pretty_reversed = lint(cfg.path(), &json.text(true, true));
        prop_assert_eq!(judged(&compact), judged(&pretty_reversed));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn fix_moves_every_secret_once_and_converges(cfg in config(), pretty in any::<bool>()) {
        let dir = tempfile::tempdir().unwrap();
        git2::Repository::init(dir.path()).unwrap();
        let path = dir.path().join(cfg.path());
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, cfg.json().text(pretty, false)).unwrap();
        let options = run::Options {
            max_file_size: 1 << 20,
            config: run::ConfigChoice::Ignore,
            ..run::Options::default()
        };
        let fix_options = mcplint::fix::Options {
            unsafe_fixes: false,
            write: true,
            env_file: None,
            cwd: dir.path().to_path_buf(),
        };
        let lint_tree = || run::check(&[dir.path().to_path_buf()], dir.path(), &options);
        let outcome = mcplint::fix::apply(&lint_tree(), &fix_options);
        prop_assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
        let fixed = std::fs::read_to_string(&path).unwrap();
        let doc: serde_json::Value = serde_json::from_str(&fixed).expect("the fixed file is JSON");
        let key = CLIENTS[cfg.client].1;
        let names: BTreeSet<String> = doc[key].as_object().unwrap().keys().cloned().collect();
        let expected: BTreeSet<String> = cfg.servers.iter().map(|srv| srv.name.clone()).collect();
        prop_assert_eq!(names, expected);
        // Read back as mcplint reads it (values are quoted when needed).
        let env = mcplint::fix::envfile::read(&dir.path().join(".env"));
        for srv in &cfg.servers {
            prop_assert!(!fixed.contains(&srv.secret), "secret left in\n{fixed}");
            let lines = env.iter().filter(|(_, v)| *v == srv.secret).count();
            let distinct = cfg.servers.iter().filter(|o| o.secret == srv.secret).count();
            prop_assert!(lines >= 1 && lines <= distinct, "{lines} env entries for one secret: {:?}", env.iter().map(|(k, _)| k).collect::<Vec<_>>());
        }
        let again = mcplint::fix::apply(&lint_tree(), &fix_options);
        prop_assert!(again.files_changed.is_empty(), "a second run changed {:?}", again.files_changed);
        prop_assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed);
    }
}
