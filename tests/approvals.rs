//! Every client's approval and trust settings (`src/clients/approval/mod.rs` and
//! the `APPROVALS` of each client's module): each names its sources, each
//! key sits where its client's schema accepts it, and a few facts from
//! `shared/reference/clients.md` hold exactly.

use std::path::Path;

use mcplint::clients::approval::{At, In, Keeps, Key, Literal, Star, Value};
use mcplint::clients::{self, generic, Client, Format, CLIENTS};
use mcplint::knowledge::schema;
use mcplint::syntax::parse::json::{self, Flavor};
use serde_json::{json, Map, Value as Json};

fn client(id: &str) -> &'static Client {
    CLIENTS
        .iter()
        .copied()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no client {id}"))
}

/// The allow-list keys of a server entry, by name.
fn server_allow_keys(c: &Client) -> Vec<&'static str> {
    c.approvals
        .allow_lists
        .iter()
        .filter_map(|k| match k.at {
            At::Server(key) => Some(key),
            At::File(_) => None,
        })
        .collect()
}

fn modes(c: &'static Client) -> impl Iterator<Item = (&'static str, &'static Value)> {
    c.approvals.approve_all_modes.iter().map(|k| match k.at {
        At::File(p) => (p, &k.value),
        At::Server(s) => panic!("{}: a mode at a server key {s}", c.id),
    })
}

#[test]
fn every_client_names_the_sources_of_its_settings() {
    for c in CLIENTS {
        let a = c.approvals;
        if generic::is(c) {
            assert!(a.is_none(), "the unknown client asserts no approval");
            continue;
        }
        assert!(
            !a.sources.is_empty(),
            "{}: no source for its approvals",
            c.id
        );
        for s in a.sources {
            assert!(!s.trim().is_empty(), "{}: an empty source", c.id);
        }
        for k in a.keys() {
            let name = format!("{} {:?}", c.id, k.at);
            assert!(!k.source.trim().is_empty(), "{name}: no source");
            assert!(!k.means.trim().is_empty(), "{name}: says nothing");
            assert!(
                ["[docs", "[code", "[sample", "[3p", "[issue", "clients.md"]
                    .iter()
                    .any(|tag| k.source.contains(tag)),
                "{name}: the source says neither what kind it is nor a clients.md section: {}",
                k.source
            );
        }
    }
}

#[test]
fn every_key_is_in_a_file_of_its_client_and_well_formed() {
    for c in CLIENTS {
        for k in c.approvals.keys() {
            let name = format!("{} {:?}", c.id, k.at);
            match k.file {
                In::Every => {}
                In::Format(id) => assert!(
                    c.formats.iter().any(|f| f.id == id),
                    "{name}: {id} is not a format of {}",
                    c.id
                ),
                // A file mcplint reads must be named by its format, so the
                // key is looked for where it is.
                In::Other(path) => {
                    let example = path.replace('*', "agent");
                    assert!(
                        clients::for_path(Path::new(&example)).is_none(),
                        "{name}: mcplint reads {path}; name its format instead"
                    );
                }
            }
            match k.at {
                At::Server(key) => {
                    assert!(!key.is_empty() && !key.starts_with('/'), "{name}")
                }
                At::File(pointer) => assert!(pointer.starts_with('/'), "{name}"),
            }
            let naming = match k.value {
                Value::Tools(n)
                | Value::ToolMap { naming: n, .. }
                | Value::Rules { naming: n, .. } => Some(n),
                Value::Is(lits) => {
                    assert!(!lits.is_empty(), "{name}: a flag with no value");
                    None
                }
                Value::Servers | Value::OnlyServers => None,
            };
            if let Some(n) = naming {
                assert!(
                    n.tool.is_empty() || n.tool.contains("{tool}"),
                    "{name}: {} names no tool",
                    n.tool
                );
                if let Some(all) = n.server {
                    assert!(
                        all.contains("{server}") && !all.contains("{tool}"),
                        "{name}"
                    );
                }
                // A server's own list names its tools alone.
                if let At::Server(_) = k.at {
                    assert!(!n.tool.contains("{server}"), "{name}: {}", n.tool);
                }
            }
        }
    }
}

/// The server map of a minimal valid document of `format`, with one server
/// `s`, for the formats that hold servers.
fn minimal(format: &Format) -> Option<(Json, String)> {
    let at = format.layout.servers.first()?.replace('*', "p");
    let server = match format.id {
        "opencode" | "kilo-code-config" => {
            json!({"type": "local", "command": ["npx", "-y", "pkg"]})
        }
        "goose" => {
            json!({"type": "stdio", "name": "s", "cmd": "npx", "args": ["-y", "pkg"], "enabled": true})
        }
        "continue" => json!({"name": "s", "command": "npx", "args": ["-y", "pkg"]}),
        "crush" | "vscode" | "vscode-settings" => {
            json!({"type": "stdio", "command": "npx", "args": ["-y", "pkg"]})
        }
        _ => json!({"command": "npx", "args": ["-y", "pkg"]}),
    };
    let mut doc = json!({});
    if format.id == "continue" {
        doc = json!({"name": "t", "version": "1.0.0", "schema": "v1"});
    }
    let servers = if format.layout.listed {
        json!([server])
    } else {
        json!({ "s": server })
    };
    put(&mut doc, &at, servers);
    let first = if format.layout.listed { "0" } else { "s" };
    Some((doc, format!("{at}/{first}")))
}

/// Set the value at a JSON pointer, making objects on the way.
fn put(doc: &mut Json, pointer: &str, value: Json) {
    let tokens: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect();
    let (last, parents) = tokens.split_last().expect("a pointer below the root");
    let mut node = doc;
    for t in parents {
        node = match node {
            Json::Array(items) => &mut items[t.parse::<usize>().unwrap()],
            other => other
                .as_object_mut()
                .unwrap()
                .entry(t.clone())
                .or_insert_with(|| Json::Object(Map::new())),
        };
    }
    node.as_object_mut().unwrap().insert(last.clone(), value);
}

fn literal(l: &Literal) -> Json {
    match l {
        Literal::Bool(b) => Json::Bool(*b),
        Literal::Str(s) => Json::String(s.to_string()),
    }
}

/// A value of the shape the key takes, in effect.
fn sample(value: &Value) -> Json {
    match value {
        Value::Is(lits) => literal(&lits[0]),
        Value::Tools(_) => json!(["read_file"]),
        Value::ToolMap { field, is, .. } => {
            let inner = literal(&is[0]);
            match field {
                Some(f) => json!({ "read_file": { *f: inner } }),
                None => json!({ "read_file": inner }),
            }
        }
        Value::Rules {
            name, field, is, ..
        } => {
            let mut rule = json!({ *name: "read_file" });
            put(&mut rule, &format!("/{field}"), literal(&is[0]));
            json!([rule])
        }
        Value::Servers | Value::OnlyServers => json!(["s"]),
    }
}

fn violations(format: &Format, doc: &Json) -> Vec<String> {
    let text = serde_json::to_string_pretty(doc).unwrap();
    let root = json::parse(&text, 0, Flavor::Strict).unwrap();
    schema::validate(format, &root)
        .into_iter()
        .map(|v| format!("{} {}", v.pointer, v.message))
        .collect()
}

/// `key` set, as its client writes it, in a minimal document of `format`.
fn with_key(format: &Format, key: &Key) -> Option<Json> {
    let (mut doc, server) = minimal(format)?;
    match key.at {
        At::Server(path) => put(&mut doc, &format!("{server}/{path}"), sample(&key.value)),
        At::File(pointer) => put(&mut doc, &pointer.replace('*', "p"), sample(&key.value)),
    }
    Some(doc)
}

#[test]
fn every_schema_accepts_its_clients_approval_keys() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for c in CLIENTS {
        for k in c.approvals.keys() {
            for f in c.formats.iter().filter(|f| k.file.covers(f)) {
                if !schema::SCHEMAS.iter().any(|(id, _)| *id == f.id) {
                    continue;
                }
                let Some((base, _)) = minimal(f) else {
                    continue;
                };
                let before = violations(f, &base);
                assert!(
                    before.is_empty(),
                    "{}: the minimal document is wrong: {before:?}",
                    f.id
                );
                let doc = with_key(f, k).unwrap();
                let after = violations(f, &doc);
                if !after.is_empty() {
                    failures.push(format!("{} {:?}: {after:?}", f.id, k.at));
                }
                checked += 1;
            }
        }
    }
    assert!(
        failures.is_empty(),
        "schemas refuse documented keys:\n{}",
        failures.join("\n")
    );
    assert!(checked >= 40, "only {checked} keys were checked");
}

/// The check above can fail: a key in the wrong shape is refused.
#[test]
fn a_schema_refuses_an_approval_key_of_the_wrong_shape() {
    let gemini = client("gemini-cli");
    let (mut doc, server) = minimal(gemini.formats[0]).unwrap();
    put(&mut doc, &format!("{server}/trust"), json!("yes"));
    assert!(!violations(gemini.formats[0], &doc).is_empty());
    let roo = client("roo-code");
    let (mut doc, server) = minimal(roo.formats[0]).unwrap();
    put(&mut doc, &format!("{server}/alwaysAllow"), json!("*"));
    assert!(!violations(roo.formats[0], &doc).is_empty());
}

#[test]
fn the_allow_list_keys_are_the_clients_own() {
    // clients.md §19 and kiro.dev: Kiro's key is `autoApprove`.
    assert_eq!(server_allow_keys(client("kiro")), ["autoApprove"]);
    // clients.md §9: Cline's is `autoApprove` too (schemas.ts); Roo Code's
    // `alwaysAllow` is not Cline's.
    assert_eq!(server_allow_keys(client("cline")), ["autoApprove"]);
    // clients.md §10: Roo Code's is `alwaysAllow`, and Kilo's legacy file
    // keeps it.
    assert_eq!(server_allow_keys(client("roo-code")), ["alwaysAllow"]);
    assert_eq!(server_allow_keys(client("kilo-code")), ["alwaysAllow"]);
    // Claude Code approves in its settings, never in a server entry.
    assert!(server_allow_keys(client("claude-code")).is_empty());
    let claude = &client("claude-code").approvals.allow_lists[0];
    assert_eq!(claude.at, At::File("/permissions/allow"));
    assert_eq!(claude.file, In::Format("claude-code-settings"));
}

#[test]
fn what_star_means_differs_by_client() {
    let star = |id: &str| match client(id).approvals.allow_lists[0].value {
        Value::Tools(n) => n.star,
        ref other => panic!("{id}: {other:?}"),
    };
    assert_eq!(star("cline"), Star::Literal);
    assert_eq!(star("roo-code"), Star::EveryTool);
    assert_eq!(star("kiro"), Star::Unverified);
}

#[test]
fn approve_all_modes_hold_the_documented_values() {
    // clients.md §7 / the Codex config reference: `never` never asks.
    assert!(modes(client("codex"))
        .any(|(p, v)| p == "/approval_policy" && *v == Value::Is(&[Literal::Str("never")])));
    // Qwen Code: `tools.approvalMode`, and the flat `approvalMode` of older
    // files (clients.md §19 saw `"yolo"` committed).
    for pointer in ["/tools/approvalMode", "/approvalMode"] {
        assert!(modes(client("qwen-code"))
            .any(|(p, v)| p == pointer && *v == Value::Is(&[Literal::Str("yolo")])));
    }
    // Gemini CLI cannot be put in YOLO mode from a settings file.
    assert_eq!(modes(client("gemini-cli")).count(), 0);
    // Claude Code: `bypassPermissions`.
    assert!(
        modes(client("claude-code")).any(|(p, v)| p == "/permissions/defaultMode"
            && *v == Value::Is(&[Literal::Str("bypassPermissions")]))
    );
}

#[test]
fn trust_and_disabling_keys_are_the_clients_own() {
    for id in ["gemini-cli", "qwen-code"] {
        let trust = &client(id).approvals.trusted_flags[0];
        assert_eq!(trust.at, At::Server("trust"), "{id}");
        assert_eq!(trust.value, Value::Is(&[Literal::Bool(true)]), "{id}");
        let filters: Vec<_> = client(id)
            .approvals
            .tool_filters
            .iter()
            .map(|f| (f.keeps, f.key.at))
            .collect();
        assert_eq!(
            filters,
            [
                (Keeps::Only, At::Server("includeTools")),
                (Keeps::AllBut, At::Server("excludeTools"))
            ],
            "{id}"
        );
    }
    let disabled = |id: &str| -> Vec<(At, Value)> {
        client(id)
            .approvals
            .disabled
            .iter()
            .map(|k| (k.at, k.value))
            .collect()
    };
    let off = (At::Server("disabled"), Value::Is(&[Literal::Bool(true)]));
    let not_on = (At::Server("enabled"), Value::Is(&[Literal::Bool(false)]));
    for id in ["kiro", "cline", "roo-code", "amazon-q", "crush"] {
        assert_eq!(disabled(id), [off], "{id}");
    }
    for id in ["codex", "opencode", "zed", "goose"] {
        assert_eq!(disabled(id), [not_on], "{id}");
    }
    // Kilo: `disabled` in `.kilocode/mcp.json`, `enabled` in `kilo.json`.
    assert_eq!(disabled("kilo-code"), [off, not_on]);
    // Codex: a server whose every tool is approved.
    let codex = &client("codex").approvals.trusted_flags[0];
    assert_eq!(codex.at, At::Server("default_tools_approval_mode"));
    assert_eq!(codex.value, Value::Is(&[Literal::Str("approve")]));
}

#[test]
fn project_server_approvals_are_claude_codes() {
    let claude = client("claude-code").approvals;
    let keys: Vec<At> = claude.server_approvals.iter().map(|k| k.at).collect();
    assert_eq!(
        keys,
        [
            At::File("/enableAllProjectMcpServers"),
            At::File("/enabledMcpjsonServers")
        ]
    );
    for c in CLIENTS.iter().filter(|c| c.id != "claude-code") {
        assert!(c.approvals.server_approvals.is_empty(), "{}", c.id);
    }
}

#[test]
fn a_key_covers_only_the_formats_it_names() {
    let kilo = client("kilo-code");
    let legacy = kilo.formats.iter().find(|f| f.id == "kilo-code").unwrap();
    let current = kilo
        .formats
        .iter()
        .find(|f| f.id == "kilo-code-config")
        .unwrap();
    let always_allow = &kilo.approvals.allow_lists[0];
    assert_eq!(always_allow.at, At::Server("alwaysAllow"));
    assert!(always_allow.file.covers(legacy));
    assert!(!always_allow.file.covers(current));
    // A file mcplint does not read is covered by none of its formats.
    let cursor = client("cursor");
    assert!(cursor
        .formats
        .iter()
        .all(|f| !cursor.approvals.allow_lists[0].file.covers(f)));
}
