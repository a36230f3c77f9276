//! In-process benchmarks (divan): `cargo bench --bench lint`.
//!
//! * `big_claude_json`: `lint::file` on a `~/.claude.json`-shaped file next
//!   to `serde_json::from_str::<Value>` on the same text (target: ≤ 3× the
//!   time). The allocation profiler's `max alloc` row is the peak of live
//!   heap bytes during one run (target: ≤ 5× the file size).
//! * `discovery`: `discover` next to a bare `ignore` walk with the same
//!   settings that only lists files, as `rg --files --hidden` does
//!   (target: ≤ 1.3×).
//! * `precommit`: linting three small configs in memory. In-process, the
//!   lazily compiled regexes are compiled by the first iteration only, so
//!   this is the steady state; `bench/run.sh` measures the cold process.
//!
//! Divan's allocation rows count the benchmark's own thread: the walk's
//! worker threads in `discovery` are not in them.
//!
//! Inputs: `MCPLINT_BENCH_CLAUDE_JSON` (a file, e.g. the 50 MB one from
//! `python3 bench/gen.py`) and `MCPLINT_BENCH_TREE` (a directory). Without
//! them a smaller `.claude.json` (`MCPLINT_BENCH_MB`, default 8 MB) and a
//! 10,000-file tree are generated once, deterministically, under Cargo's
//! target tmpdir. `bench/run.sh` measures the same targets on the real
//! binary, side by side with `rg` and a serde_json program.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::{AllocProfiler, Bencher};

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

fn main() {
    divan::main();
}

/// A small deterministic PRNG (xorshift64*), so inputs are identical on
/// every machine without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn alnum(&mut self, n: usize) -> String {
        const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        (0..n).map(|_| *self.pick(ALNUM) as char).collect()
    }
}

const WORDS: &[&str] = &[
    "add",
    "fix",
    "refactor",
    "the",
    "test",
    "failing",
    "build",
    "error",
    "parser",
    "config",
    "database",
    "query",
    "cache",
    "session",
    "token",
    "auth",
    "api",
    "client",
    "server",
    "json",
    "stream",
    "buffer",
    "path",
    "import",
    "value",
    "please",
    "why",
    "does",
    "this",
    "rename",
    "lint",
    "deploy",
    "release",
    "schema",
    "index",
    "regex",
    "memory",
    "leak",
    "café",
    "日本語",
    "\"quoted\"",
    "back\\slash",
    "tab\there",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    (0..words)
        .map(|_| *rng.pick(WORDS))
        .collect::<Vec<_>>()
        .join(" ")
}

/// One `mcpServers` entry; `leak` writes a literal fake token into it.
fn server(rng: &mut Rng, leak: bool) -> (String, serde_json::Value) {
    use serde_json::json;
    let token = |rng: &mut Rng| format!("ghp_{}", rng.alnum(36));
    if rng.below(10) < 7 {
        let value = if leak {
            token(rng)
        } else {
            "${GITHUB_TOKEN}".to_string()
        };
        let entry = json!({
            "type": "stdio",
            "command": "npx",
            "args": ["-y", "@modelcontextprotocol/server-github", "--log", "info"],
            "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": value, "LOG_LEVEL": "debug"},
        });
        ("github".into(), entry)
    } else {
        let value = if leak {
            token(rng)
        } else {
            "${LINEAR_TOKEN}".to_string()
        };
        let entry = json!({
            "type": "http",
            "url": "https://mcp.linear.app/mcp",
            "headers": {"Authorization": format!("Bearer {value}"), "X-Client": "claude-code"},
        });
        ("linear".into(), entry)
    }
}

/// A `~/.claude.json`-shaped document of about `bytes` bytes.
fn claude_json(bytes: usize) -> String {
    use serde_json::{json, Map, Value};
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut projects = Map::new();
    let mut size = 0;
    let mut i = 0usize;
    while size < bytes {
        let history: Vec<Value> = (0..10 + rng.below(90))
            .map(|_| {
                let words = 6 + rng.below(50);
                let pasted = if rng.below(8) == 0 {
                    json!({"1": {"id": 1, "type": "text", "content": sentence(&mut rng, 200).replace(" the ", "\n  the ")}})
                } else {
                    json!({})
                };
                json!({"display": sentence(&mut rng, words), "pastedContents": pasted})
            })
            .collect();
        let mut servers = Map::new();
        for _ in 0..rng.below(3) {
            let (name, entry) = server(&mut rng, i % 97 == 5);
            servers.insert(name, entry);
        }
        let project = json!({
            "allowedTools": ["Edit", "Bash(npm run test:*)"],
            "history": history,
            "mcpContextUris": [],
            "mcpServers": servers,
            "enabledMcpjsonServers": [],
            "disabledMcpjsonServers": [],
            "hasTrustDialogAccepted": true,
            "projectOnboardingSeenCount": rng.below(4),
            "lastCost": rng.below(25_000_000) as f64 / 1e6,
            "lastAPIDuration": rng.below(9_000_000),
            "lastDuration": rng.below(90_000_000),
            "lastLinesAdded": rng.below(5000),
            "lastTotalInputTokens": rng.below(9_000_000),
            "lastSessionId": format!("{:016x}-{:016x}", rng.next(), rng.next()),
        });
        size += serde_json::to_string_pretty(&project).map_or(0, |s| s.len()) * 21 / 20;
        projects.insert(
            format!(
                "/home/u/src/{}-{i}",
                rng.pick(WORDS).replace(['"', '\\', '\t'], "")
            ),
            project,
        );
        i += 1;
    }
    let mut top = Map::new();
    for _ in 0..3 {
        let (name, entry) = server(&mut rng, true);
        top.insert(name, entry);
    }
    let doc = json!({
        "numStartups": 1873,
        "installMethod": "native",
        "autoUpdates": true,
        "userID": rng.alnum(64),
        "mcpServers": top,
        "projects": projects,
    });
    serde_json::to_string_pretty(&doc).expect("a Value always serializes")
}

fn cache_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("mcplint-bench")
}

/// The big file's text: `MCPLINT_BENCH_CLAUDE_JSON`, or a generated one.
static BIG: LazyLock<String> = LazyLock::new(|| {
    if let Some(path) = std::env::var_os("MCPLINT_BENCH_CLAUDE_JSON") {
        return std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!("MCPLINT_BENCH_CLAUDE_JSON={}: {e}", path.to_string_lossy())
        });
    }
    let mb: usize = std::env::var("MCPLINT_BENCH_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    let path = cache_dir().join(format!("claude-{mb}mb.json"));
    if let Ok(text) = std::fs::read_to_string(&path) {
        return text;
    }
    let text = claude_json(mb * 1_000_000);
    std::fs::create_dir_all(cache_dir()).expect("target tmpdir is writable");
    std::fs::write(&path, &text).expect("target tmpdir is writable");
    text
});

static CLAUDE_JSON: LazyLock<&'static mcplint::clients::Format> = LazyLock::new(|| {
    mcplint::clients::for_path(Path::new(".claude.json")).expect(".claude.json is a known format")
});

mod big_claude_json {
    use super::*;

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn mcplint_lint_source(bencher: Bencher) {
        let format = *CLAUDE_JSON;
        bencher
            .counter(BytesCount::of_str(BIG.as_str()))
            .with_inputs(|| BIG.clone())
            .bench_values(|text| {
                let input = mcplint::lint::Input::new(".claude.json", format, text);
                let report = mcplint::lint::file(input, &mcplint::lint::Settings::default());
                assert!(!report.unparsable, "the generated file parses");
                report
            });
    }

    /// Parse and drop, like `lint::file`, which drops its tree before it
    /// returns: the like-for-like baseline.
    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn serde_json_value(bencher: Bencher) {
        bencher
            .counter(BytesCount::of_str(BIG.as_str()))
            .with_inputs(|| BIG.clone())
            .bench_values(|text| {
                let value = serde_json::from_str::<serde_json::Value>(&text)
                    .expect("the generated file parses");
                drop(value);
                text
            });
    }

    /// Parse only: the `Value` is dropped after the timing (for reference).
    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn serde_json_value_no_drop(bencher: Bencher) {
        bencher
            .counter(BytesCount::of_str(BIG.as_str()))
            .with_inputs(|| BIG.clone())
            .bench_values(|text| {
                let value = serde_json::from_str::<serde_json::Value>(&text)
                    .expect("the generated file parses");
                (text, value)
            });
    }
}

/// A repository-like tree: `MCPLINT_BENCH_TREE`, or 10,000 generated files
/// (20% of them under a gitignored `node_modules/`, ~50 configs).
static TREE: LazyLock<PathBuf> = LazyLock::new(|| {
    if let Some(path) = std::env::var_os("MCPLINT_BENCH_TREE") {
        return PathBuf::from(path);
    }
    let root = cache_dir().join("tree-10000");
    let done = root.join(".complete");
    if done.exists() {
        return root;
    }
    let _ = std::fs::remove_dir_all(&root);
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let write = |rel: &str, text: &str| {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).expect("target tmpdir is writable");
        std::fs::write(path, text).expect("target tmpdir is writable");
    };
    write(".gitignore", "node_modules/\ndist/\n*.log\n");
    write(".git/HEAD", "ref: refs/heads/main\n");
    write(
        ".claude/settings.json",
        "{\"env\": {\"NODE_ENV\": \"dev\"}}\n",
    );
    let config = |rng: &mut Rng, leak: bool| {
        let (name, entry) = server(rng, leak);
        serde_json::to_string_pretty(&serde_json::json!({ "mcpServers": { name: entry } })).unwrap()
    };
    let mut written = 3;
    let mut configs = 0;
    while written < 10_000 {
        let ignored = rng.below(5) == 0;
        let top = if ignored { "node_modules" } else { "packages" };
        let dir = format!(
            "{top}/{}/{}/{}",
            rng.pick(&WORDS[..38]),
            rng.pick(&WORDS[..38]),
            rng.pick(&WORDS[..38])
        );
        for f in 0..(1 + rng.below(20)).min(10_000 - written) {
            write(&format!("{dir}/file_{written}_{f}.ts"), "export {};\n");
            written += 1;
        }
        if configs < 50 && rng.below(8) == 0 && written < 10_000 {
            let text = config(&mut rng, configs % 10 == 0);
            write(&format!("{dir}/.mcp.json"), &text);
            written += 1;
            configs += usize::from(!ignored);
        }
    }
    write(".complete", "");
    root
});

mod discovery {
    use super::*;

    #[divan::bench(sample_count = 20)]
    fn mcplint_discover(bencher: Bencher) {
        let root = TREE.clone();
        let cwd = root.parent().unwrap_or(&root).to_path_buf();
        bencher.bench(|| {
            let found = mcplint::run::discover::discover(std::slice::from_ref(&root), &cwd, None);
            assert!(!found.targets.is_empty());
            found.targets.len()
        });
    }

    /// What `rg --files --hidden -g '!.git'` does: the same parallel walk
    /// with the same ignore rules, collecting every file path.
    #[divan::bench(sample_count = 20)]
    fn ignore_walk_all_files(bencher: Bencher) {
        use std::sync::Mutex;
        let root = TREE.clone();
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get().min(12));
        bencher.bench(|| {
            let files = Mutex::new(Vec::new());
            ignore::WalkBuilder::new(&root)
                .hidden(false)
                .require_git(false)
                .threads(threads)
                .filter_entry(|e| e.file_name() != ".git")
                .build_parallel()
                .run(|| {
                    let files = &files;
                    Box::new(move |entry| {
                        if let Ok(entry) = entry {
                            if entry.file_type().is_some_and(|t| t.is_file()) {
                                files.lock().unwrap().push(entry.into_path());
                            }
                        }
                        ignore::WalkState::Continue
                    })
                });
            files.into_inner().unwrap().len()
        });
    }
}

mod precommit {
    use super::*;

    const SMALL: [(&str, &str); 3] = [
        (
            ".mcp.json",
            r#"{"mcpServers": {"github": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"], "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "ghp_0123456789abcdefghijABCDEFGHIJ012345"}}, "linear": {"type": "http", "url": "https://mcp.linear.app/mcp", "headers": {"Authorization": "Bearer ${LINEAR_TOKEN}"}}}}"#,
        ),
        (
            ".claude/settings.json",
            r#"{"permissions": {"allow": ["Edit"]}, "env": {"NODE_ENV": "development", "GITHUB_TOKEN": "ghp_zyxwvutsrqponmlkjihgfedcba9876543210"}}"#,
        ),
        (
            "sub/.mcp.json",
            r#"{"mcpServers": {"pg": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres", "postgresql://localhost/app"], "env": {"PGPASSWORD": "${PGPASSWORD}"}}}}"#,
        ),
    ];

    #[divan::bench]
    fn lint_three_small_configs(bencher: Bencher) {
        bencher.bench(|| {
            SMALL
                .iter()
                .map(|(path, text)| {
                    let format =
                        mcplint::clients::for_path(Path::new(path)).expect("a config name");
                    let input = mcplint::lint::Input::new(path, format, text.as_bytes());
                    mcplint::lint::file(input, &mcplint::lint::Settings::default())
                        .findings
                        .len()
                })
                .sum::<usize>()
        });
    }
}
