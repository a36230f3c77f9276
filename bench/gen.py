#!/usr/bin/env python3
"""Generate mcplint's benchmark inputs, deterministically (fixed seed).

    python3 bench/gen.py OUT [--only tree,big,small,history] [--files 100000]
                             [--big-mb 50] [--commits 5000] [--seed 20240601]

Writes under OUT:

  tree/               a repository-like tree of exactly --files files: a
                      monorepo of packages with nested source dirs, a stub
                      .git/, gitignored node_modules/ and dist/ dirs, hidden
                      .cursor/, .claude/, .vscode/, .github/ dirs and ~50
                      .mcp.json files scattered through it (a few hold fake
                      tokens, a few sit in ignored dirs and must be skipped).
  big/.claude.json    a ~--big-mb MB file shaped like a real user's
                      ~/.claude.json: top-level settings and mcpServers, and
                      many projects["/home/u/src/..."] entries with history
                      prompts, mcpServers (env/headers/args), allowedTools and
                      numeric stats; a handful of fake tokens (ghp_ + 36
                      alnum, ...) so there are findings.
  small/              three small configs for a pre-commit-style run:
                      .mcp.json, .claude/settings.json, sub/.mcp.json.
  history/            (only when asked for) a git repository of --commits
                      commits, built with `git fast-import`, every one of
                      which edits MCP configs (11 paths, 5 clients): a main
                      line, feature branches merged with --no-ff, a few
                      never merged; fake tokens are pasted in and taken out
                      again. history-paths.txt lists the config paths.

Python 3.11 standard library only (and git for history/). The same
arguments give byte-identical output on every machine (for history/: the
same commits; git's packing may differ).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import string
import sys
from pathlib import Path

ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"

WORDS = (
    "add fix refactor the a an to of in for with test tests failing build error "
    "function module component endpoint handler parser config database query cache "
    "user session token auth login api client server request response json yaml "
    "type types interface struct enum trait async await promise stream buffer file "
    "path directory import export default value key map list array string number "
    "please can you why does this that it when should would make use update remove "
    "rename move split merge check run lint format deploy release version bump ci "
    "pipeline docker compose kubernetes helm chart migration schema index table "
    "column row field validation regex pattern match replace log logging debug trace "
    "metric latency memory leak performance slow fast benchmark profile optimize"
).split()

UNICODE_BITS = ["café", "naïve", "日本語", "Ünïcödé", "→", "✓", "—", "ß", "😀", "Ωmega"]

EXTS = {
    "ts": 0.30,
    "tsx": 0.10,
    "js": 0.08,
    "rs": 0.12,
    "py": 0.12,
    "go": 0.05,
    "md": 0.08,
    "json": 0.05,
    "css": 0.04,
    "yml": 0.03,
    "txt": 0.03,
}


def rand_token(rng: random.Random, n: int, alphabet: str = ALNUM) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def fake_uuid(rng: random.Random) -> str:
    h = rand_token(rng, 32, HEX)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def fake_secret(rng: random.Random, kind: str) -> str:
    """Fake credentials in real shapes (random bodies, so checksums fail)."""
    if kind == "github":
        return "ghp_" + rand_token(rng, 36)
    if kind == "openai":
        return "sk-proj-" + rand_token(rng, 48)
    if kind == "slack":
        return "xoxb-" + "-".join(rand_token(rng, n, string.digits) for n in (11, 13)) + "-" + rand_token(rng, 24)
    if kind == "stripe":
        return "sk_live_" + rand_token(rng, 24)
    return rand_token(rng, 40)


# --------------------------------------------------------------------------
# MCP server entries, shared by the tree, the big file and the small configs
# --------------------------------------------------------------------------

STDIO_SERVERS = [
    ("github", "npx", ["-y", "@modelcontextprotocol/server-github"], "GITHUB_PERSONAL_ACCESS_TOKEN", "GITHUB_TOKEN", "github"),
    ("postgres", "npx", ["-y", "@modelcontextprotocol/server-postgres", "postgresql://localhost/app"], "PGPASSWORD", "PGPASSWORD", None),
    ("filesystem", "npx", ["-y", "@modelcontextprotocol/server-filesystem", "/home/u/src"], None, None, None),
    ("slack", "npx", ["-y", "@modelcontextprotocol/server-slack"], "SLACK_BOT_TOKEN", "SLACK_BOT_TOKEN", "slack"),
    ("sentry", "uvx", ["mcp-server-sentry", "--org", "acme"], "SENTRY_AUTH_TOKEN", "SENTRY_TOKEN", None),
    ("stripe", "npx", ["-y", "@stripe/mcp", "--tools=all"], "STRIPE_SECRET_KEY", "STRIPE_KEY", "stripe"),
    ("memory", "node", ["./tools/memory-server.js", "--store", "${HOME}/.mcp/memory.json"], None, None, None),
    ("playwright", "npx", ["@playwright/mcp@latest", "--headless"], None, None, None),
]

HTTP_SERVERS = [
    ("linear", "https://mcp.linear.app/sse", "sse"),
    ("notion", "https://mcp.notion.com/mcp", "http"),
    ("internal-api", "https://mcp.internal.example.com/v1/mcp", "http"),
    ("openai-proxy", "https://llm-proxy.example.com/mcp", "http"),
]


def server_entry(rng: random.Random, leak: str | None = None) -> tuple[str, dict]:
    """One server; `leak` puts a literal fake credential of that kind in it."""
    if rng.random() < 0.7:
        name, command, args, env_name, var, kind = rng.choice(STDIO_SERVERS)
        entry: dict = {"type": "stdio", "command": command, "args": list(args)}
        env: dict = {}
        if env_name:
            if leak:
                env[env_name] = fake_secret(rng, kind or leak)
            else:
                env[env_name] = "${" + var + "}"
        if rng.random() < 0.4:
            env["LOG_LEVEL"] = rng.choice(["debug", "info", "warn"])
        if rng.random() < 0.2:
            env["NODE_OPTIONS"] = "--max-old-space-size=4096"
        entry["env"] = env
        return name, entry
    name, url, typ = rng.choice(HTTP_SERVERS)
    token = fake_secret(rng, leak) if leak else "${" + name.upper().replace("-", "_") + "_TOKEN}"
    entry = {
        "type": typ,
        "url": url,
        "headers": {"Authorization": "Bearer " + token, "X-Client": "claude-code"},
    }
    return name, entry


def mcp_servers(rng: random.Random, count: int, leaks: int = 0) -> dict:
    servers: dict = {}
    for i in range(count):
        leak = rng.choice(["github", "openai", "slack", "stripe"]) if i < leaks else None
        name, entry = server_entry(rng, leak)
        if name in servers:
            name = f"{name}-{i}"
        servers[name] = entry
    return servers


def dump(obj: object) -> str:
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------
# (a) the 100,000-file tree
# --------------------------------------------------------------------------


class Tree:
    def __init__(self, root: Path, rng: random.Random):
        self.root = root
        self.rng = rng
        self.count = 0
        self.dirs: list[Path] = []  # non-ignored dirs, candidates for configs

    def write(self, rel: Path | str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        self.count += 1

    def source_text(self, name: str, ext: str) -> str:
        words = " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(3, 12)))
        if ext in ("ts", "tsx", "js", "rs", "go", "css"):
            return f"// {name}: {words}\n"
        if ext in ("py", "yml"):
            return f"# {name}: {words}\n"
        if ext == "json":
            return json.dumps({"name": name, "description": words}) + "\n"
        return f"{name}\n\n{words}\n"

    def fill(self, rel: Path, budget: int, depth: int = 0, track: bool = True) -> int:
        """Put `budget` files in a nested tree under `rel`; returns files written."""
        rng = self.rng
        if track:
            self.dirs.append(rel)
        here = budget if (depth >= 7 or budget <= 12) else min(budget, rng.randint(4, 24))
        exts = list(EXTS)
        weights = list(EXTS.values())
        for i in range(here):
            ext = rng.choices(exts, weights)[0]
            name = f"{rng.choice(WORDS)}_{i}.{ext}"
            self.write(rel / name, self.source_text(name, ext))
        left = budget - here
        if left <= 0:
            return budget
        parts = rng.randint(1, min(6, left))
        cuts = sorted(rng.sample(range(1, left), parts - 1)) if parts > 1 else []
        sizes = [b - a for a, b in zip([0] + cuts, cuts + [left])]
        used = set()
        for size in sizes:
            sub = rng.choice(WORDS)
            while sub in used:
                sub = sub + "_" + str(rng.randint(0, 9))
            used.add(sub)
            self.fill(rel / sub, size, depth + 1, track)
        return budget


def gen_tree(out: Path, files: int, rng: random.Random) -> int:
    root = out / "tree"
    t = Tree(root, rng)

    # A stub .git (skipped by both walkers), root files, hidden client dirs.
    t.write(".git/HEAD", "ref: refs/heads/main\n")
    t.write(".git/config", "[core]\n\trepositoryformatversion = 0\n\tbare = false\n")
    t.write(".git/description", "Unnamed repository\n")
    t.write(".git/refs/heads/main", rand_token(rng, 40, HEX) + "\n")
    for _ in range(196):
        h = rand_token(rng, 40, HEX)
        t.write(f".git/objects/{h[:2]}/{h[2:]}", "x")
    t.write(
        ".gitignore",
        "node_modules/\ndist/\ncoverage/\n*.log\n.env\n.env.*\n.claude/settings.local.json\n__pycache__/\n",
    )
    t.write("README.md", "# acme monorepo\n")
    t.write("package.json", json.dumps({"name": "acme", "private": True, "workspaces": ["packages/*"]}, indent=2) + "\n")
    t.write("LICENSE", "MIT\n")
    t.write(".editorconfig", "root = true\n")
    t.write(".env", "GITHUB_TOKEN=" + fake_secret(rng, "github") + "\n")
    t.write(".vscode/settings.json", '{ "editor.formatOnSave": true }\n')
    t.write(".github/workflows/ci.yml", "on: [push]\n")
    t.write(".cursor/mcp.json", dump({"mcpServers": mcp_servers(rng, 2)}))
    t.write(".cursor/rules/style.mdc", "Use tabs.\n")
    t.write(".claude/settings.json", dump(settings_json(rng, leak=False)))
    t.write(".claude/settings.local.json", dump(settings_json(rng, leak=True)))  # gitignored
    t.write(".claude/commands/review.md", "Review the diff.\n")
    t.write(".mcp.json", dump({"mcpServers": mcp_servers(rng, 3, leaks=1)}))
    t.write("server.log", "ignored\n")

    # Gitignored bulk: node_modules (with a stray .mcp.json that must be
    # skipped) and build output.
    ignored = int(files * 0.18)
    nm_roots = [Path("node_modules")] + [Path(f"packages/pkg-{i:03d}/node_modules") for i in range(0, 70, 10)]
    per = ignored // len(nm_roots)
    for i, nm in enumerate(nm_roots):
        budget = per if i < len(nm_roots) - 1 else ignored - per * (len(nm_roots) - 1)
        t.write(nm / "@modelcontextprotocol/server-everything/.mcp.json", dump({"mcpServers": mcp_servers(rng, 1)}))
        t.fill(nm / "lib", budget - 1, track=False)
    dist = int(files * 0.03)
    t.fill(Path("dist"), dist, track=False)

    # The tracked source: packages with nested dirs, their own .gitignore,
    # some with a .claude/ dir.
    configs_budget = 80  # .mcp.json / settings files placed after the walk
    remaining = files - t.count - configs_budget
    packages = max(1, remaining // 600)
    sizes = [remaining // packages] * packages
    sizes[-1] += remaining - sum(sizes)
    for i, size in enumerate(sizes):
        pkg = Path(f"packages/pkg-{i:03d}")
        t.write(pkg / "package.json", json.dumps({"name": f"@acme/pkg-{i:03d}", "version": "1.0.0"}) + "\n")
        t.write(pkg / ".gitignore", "generated/\n*.tmp\n")
        t.fill(pkg / "src", size - 2)

    # Scatter the configs: ~50 .mcp.json (a few leaking a token) plus some
    # .claude/settings.json, then top up with plain files to hit `files`.
    dirs = sorted(set(t.dirs), key=str)
    chosen = rng.sample(dirs, min(len(dirs), 49))
    for j, d in enumerate(chosen):
        t.write(d / ".mcp.json", dump({"mcpServers": mcp_servers(rng, rng.randint(1, 4), leaks=1 if j % 12 == 0 else 0)}))
    for d in rng.sample(dirs, min(len(dirs), 10)):
        t.write(d / ".claude" / "settings.json", dump(settings_json(rng, leak=False)))
    # Names that suggest MCP, so that recognition reads them: five server
    # maps under no client's path, three Kiro configs, and eight files of
    # MCP names that are not configs (a schema, a tool list, a YAML note).
    for d in rng.sample(dirs, min(len(dirs), 5)):
        t.write(d / "mcp.json", dump({"mcpServers": mcp_servers(rng, 2)}))
    for d in rng.sample(dirs, min(len(dirs), 3)):
        t.write(d / ".kiro" / "settings" / "mcp.json", dump({"mcpServers": mcp_servers(rng, 1)}))
    for d in rng.sample(dirs, min(len(dirs), 5)):
        t.write(d / "mcp-schema.json", dump({"type": "object", "properties": {"mcpServers": {"type": "object"}}}))
    for d in rng.sample(dirs, min(len(dirs), 3)):
        t.write(d / "mcp-tools.yaml", "tools:\n  - name: search\n    description: full-text search\n")
    filler = 0
    while t.count < files:
        d = dirs[filler % len(dirs)]
        t.write(d / f"extra_{filler}.txt", "x\n")
        filler += 1
    if t.count != files:
        sys.exit(f"gen.py: wrote {t.count} files, wanted {files}")
    return t.count


def settings_json(rng: random.Random, leak: bool) -> dict:
    env = {"NODE_ENV": "development", "API_BASE": "https://api.example.com"}
    if leak:
        env["GITHUB_TOKEN"] = fake_secret(rng, "github")
    return {
        "permissions": {
            "allow": ["Bash(npm run test:*)", "Bash(cargo check)", "Read(~/.zshrc)"],
            "deny": ["Read(./.env)", "Bash(curl:*)"],
        },
        "env": env,
        "enableAllProjectMcpServers": False,
    }


# --------------------------------------------------------------------------
# (b) the 50 MB ~/.claude.json
# --------------------------------------------------------------------------


def prompt(rng: random.Random) -> str:
    n = rng.randint(6, 60)
    words = [rng.choice(WORDS) for _ in range(n)]
    if rng.random() < 0.15:
        words.insert(rng.randrange(len(words)), rng.choice(UNICODE_BITS))
    if rng.random() < 0.2:
        words.insert(rng.randrange(len(words)), f"`src/{rng.choice(WORDS)}.rs`")
    if rng.random() < 0.1:
        words.insert(rng.randrange(len(words)), 'the "quoted" thing\\path')
    text = " ".join(words)
    if rng.random() < 0.15:
        text += "\n\n" + " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 30)))
    return text


def pasted(rng: random.Random) -> dict:
    lines = []
    for _ in range(rng.randint(5, 80)):
        indent = "  " * rng.randint(0, 4)
        lines.append(indent + " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 10))) + rng.choice([";", "", " {", "}", ","]))
    return {"1": {"id": 1, "type": "text", "content": "\n".join(lines)}}


def project(rng: random.Random, leaks: int) -> dict:
    history = []
    for _ in range(rng.randint(10, 100)):
        entry = {"display": prompt(rng), "pastedContents": pasted(rng) if rng.random() < 0.12 else {}}
        history.append(entry)
    servers = mcp_servers(rng, rng.choice([0, 0, 0, 1, 1, 2, 3]) if not leaks else max(1, leaks), leaks)
    return {
        "allowedTools": rng.sample(
            ["Edit", "Write", "Bash(npm run test:*)", "Bash(cargo test:*)", "Bash(git diff:*)", "mcp__github__create_issue", "WebFetch(domain:docs.rs)"],
            rng.randint(0, 5),
        ),
        "history": history,
        "mcpContextUris": [],
        "mcpServers": servers,
        "enabledMcpjsonServers": rng.sample(["github", "linear", "postgres"], rng.randint(0, 2)),
        "disabledMcpjsonServers": [],
        "hasTrustDialogAccepted": rng.random() < 0.9,
        "projectOnboardingSeenCount": rng.randint(0, 4),
        "hasClaudeMdExternalIncludesApproved": False,
        "hasClaudeMdExternalIncludesWarningShown": False,
        "lastCost": round(rng.uniform(0, 25), 6),
        "lastAPIDuration": rng.randint(1000, 9_000_000),
        "lastDuration": rng.randint(1000, 90_000_000),
        "lastLinesAdded": rng.randint(0, 5000),
        "lastLinesRemoved": rng.randint(0, 3000),
        "lastTotalInputTokens": rng.randint(0, 9_000_000),
        "lastTotalOutputTokens": rng.randint(0, 900_000),
        "lastTotalCacheCreationInputTokens": rng.randint(0, 900_000),
        "lastTotalCacheReadInputTokens": rng.randint(0, 90_000_000),
        "lastTotalWebSearchRequests": rng.randint(0, 20),
        "lastSessionId": fake_uuid(rng),
        "exampleFiles": [f"src/{rng.choice(WORDS)}.ts" for _ in range(rng.randint(0, 5))],
        "exampleFilesGeneratedAt": 1_700_000_000_000 + rng.randint(0, 60_000_000_000),
        "isFirstRun": False,
    }


def reindent(text: str, by: int) -> str:
    pad = " " * by
    return text.replace("\n", "\n" + pad)


def gen_big(out: Path, megabytes: float, rng: random.Random) -> int:
    """Stream the file so the size is hit without building it twice; the
    output is exactly what json.dumps(whole, indent=2) would give."""
    target = int(megabytes * 1_000_000)
    head = {
        "numStartups": 1873,
        "installMethod": "native",
        "autoUpdates": True,
        "theme": "dark",
        "tipsHistory": {t: rng.randint(1, 2000) for t in ("new-user-warmup", "memory-command", "theme-command", "prompt-queue", "todo-list", "ide-hotkey", "git-worktrees")},
        "userID": rand_token(rng, 64, HEX),
        "firstStartTime": "2025-02-24T10:11:12.345Z",
        "oauthAccount": {
            "accountUuid": fake_uuid(rng),
            "emailAddress": "u@example.com",
            "organizationUuid": fake_uuid(rng),
            "organizationRole": "admin",
            "displayName": "u",
        },
        "hasCompletedOnboarding": True,
        "lastOnboardingVersion": "1.0.17",
        "subscriptionNoticeCount": 0,
        "mcpServers": mcp_servers(rng, 4, leaks=1),
    }
    tail = {
        "cachedChangelog": "\n".join(f"## 1.0.{i}\n\n- " + prompt(rng) for i in range(200)),
        "changelogLastFetched": 1_750_000_000_000,
        "fallbackAvailableWarningThreshold": 0.5,
        "bypassPermissionsModeAccepted": False,
    }
    path = out / "big" / ".claude.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    head_text = dump(head)[:-3]  # drop "\n}\n": projects go in before the tail
    tail_text = dump(tail)[1:]  # drop "{": it follows the projects
    written = 0
    leaky = set(rng.sample(range(0, 400), 6))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        def emit(s: str) -> None:
            nonlocal written
            f.write(s)
            written += len(s.encode("utf-8"))

        emit(head_text + ',\n  "projects": {')
        budget = target - len(head_text) - len(tail_text) - 64
        i = 0
        while True:
            key = f"/home/u/src/{rng.choice(WORDS)}-{rng.choice(WORDS)}-{i}"
            body = json.dumps(project(rng, 1 if i in leaky else 0), indent=2, ensure_ascii=False)
            emit(("\n" if i == 0 else ",\n") + "    " + json.dumps(key, ensure_ascii=False) + ": " + reindent(body, 4))
            i += 1
            if written >= budget:
                break
        emit("\n  },")
        emit(tail_text)
    return written


# --------------------------------------------------------------------------
# (d) a repository whose history keeps editing its MCP configs
# --------------------------------------------------------------------------

# Config paths of the history repository, with the key their servers sit
# under ("toml" for Codex's mcp_servers tables).
HISTORY_CONFIGS = [
    (".mcp.json", "mcpServers"),
    (".cursor/mcp.json", "mcpServers"),
    (".vscode/mcp.json", "servers"),
    (".gemini/settings.json", "mcpServers"),
    (".codex/config.toml", "toml"),
] + [(f"packages/pkg-{i:03d}/.mcp.json", "mcpServers") for i in range(6)]


def toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def render_config(key: str, servers: dict) -> str:
    if key != "toml":
        return dump({key: servers})
    out = ['model = "o4-mini"', ""]
    for name, entry in servers.items():
        out.append(f"[mcp_servers.{toml_string(name)}]")
        if "command" in entry:
            out.append(f"command = {toml_string(entry['command'])}")
            out.append("args = [" + ", ".join(toml_string(a) for a in entry["args"]) + "]")
            if entry.get("env"):
                pairs = ", ".join(f"{toml_string(k)} = {toml_string(v)}" for k, v in entry["env"].items())
                out.append(f"env = {{ {pairs} }}")
        else:
            out.append(f"url = {toml_string(entry['url'])}")
            headers = ", ".join(f"{toml_string(k)} = {toml_string(v)}" for k, v in entry["headers"].items())
            out.append(f"http_headers = {{ {headers} }}")
        out.append("")
    return "\n".join(out)


class History:
    """The working state of one branch: config models and file texts."""

    def __init__(self, configs: dict, files: dict):
        self.configs = configs  # path -> (key, servers)
        self.files = files  # path -> text

    def copy(self) -> "History":
        return History(json.loads(json.dumps(self.configs)), dict(self.files))


def edit_config(rng: random.Random, servers: dict, leaks: list) -> None:
    """One plausible edit: a version bump, a new or dropped server, a token
    pasted in, or a pasted token replaced by a reference."""
    roll = rng.random()
    names = list(servers)
    # Real configs hold a handful of servers: past ten, edits only remove.
    if len(names) >= 10:
        roll = 0.45 + roll * 0.10
    if roll < 0.10 or not names:
        name, entry = server_entry(rng, rng.choice(["github", "openai", "slack", "stripe"]))
        name = f"{name}-{rng.randint(0, 9999)}"
        servers[name] = entry
        leaks.append(name)
    elif roll < 0.25 and leaks:
        name = leaks.pop(rng.randrange(len(leaks)))
        if name in servers:
            _, servers[name] = server_entry(rng)
    elif roll < 0.45:
        name, entry = server_entry(rng)
        servers[f"{name}-{rng.randint(0, 9999)}"] = entry
    elif roll < 0.55 and len(names) > 2:
        del servers[rng.choice(names)]
    else:
        entry = servers[rng.choice(names)]
        if "args" in entry:
            entry["args"] = [a for a in entry["args"] if not a.startswith("--v=")] + [f"--v={rng.randint(1, 400)}"]
        elif "headers" in entry:
            entry["headers"]["X-Request-Id"] = fake_uuid(rng)


def gen_history(out: Path, commits: int, rng: random.Random) -> int:
    """A git repository of exactly `commits` commits (through `git
    fast-import`), every one of which edits MCP configs: a main line,
    short feature branches merged back with --no-ff, and a few branches
    never merged (seen only by `--all`). Writes the config paths to
    OUT/history-paths.txt, one per line, for `git log -- PATHS`."""
    import subprocess

    root = out / "history"
    if root.exists() and any(root.iterdir()):
        sys.exit(f"gen.py: {root} exists and is not empty")
    root.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)

    files = {}
    for i in range(400):
        ext = rng.choice(["ts", "rs", "py", "md"])
        path = f"packages/pkg-{i % 12:03d}/src/{rng.choice(WORDS)}/{rng.choice(WORDS)}_{i}.{ext}"
        files[path] = f"// {path}\n" + " ".join(rng.choice(WORDS) for _ in range(40)) + "\n"
    configs = {path: (key, mcp_servers(rng, rng.randint(2, 5))) for path, key in HISTORY_CONFIGS}
    main = History(configs, files)
    leaks: dict = {path: [] for path, _ in HISTORY_CONFIGS}

    stream = bytearray()
    clock = 1_700_000_000
    made = 0

    def emit(branch: str, message: str, changed: dict, parent: int | None, merge: int | None = None) -> int:
        nonlocal clock, made
        made += 1
        clock += rng.randint(60, 7200)
        msg = message.encode()
        stream.extend(f"commit refs/heads/{branch}\nmark :{made}\n".encode())
        for who in ("author", "committer"):
            stream.extend(f"{who} Dev <dev@acme-corp.net> {clock} +0000\n".encode())
        stream.extend(f"data {len(msg)}\n".encode() + msg + b"\n")
        if parent is not None:
            stream.extend(f"from :{parent}\n".encode())
        if merge is not None:
            stream.extend(f"merge :{merge}\n".encode())
        for path in sorted(changed):
            data = changed[path].encode()
            stream.extend(f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n")
        return made

    def work(state: History, branch_leaks: dict) -> tuple[str, dict]:
        changed = {}
        for path in rng.sample(sorted(state.configs), rng.choice([1, 1, 2])):
            key, servers = state.configs[path]
            edit_config(rng, servers, branch_leaks[path])
            changed[path] = render_config(key, servers)
        if rng.random() < 0.3:
            path = rng.choice(sorted(state.files))
            state.files[path] += rng.choice(WORDS) + "\n"
            changed[path] = state.files[path]
        return "edit " + ", ".join(sorted(changed)), changed

    first = {**main.files, **{p: render_config(k, s) for p, (k, s) in main.configs.items()}}
    tip = emit("main", "initial import", first, None)
    while made < commits:
        if rng.random() < 0.04 and commits - made > 12:
            # A feature branch of 2-8 commits, merged back with --no-ff
            # (one in eight is abandoned instead).
            name = f"feature-{made}"
            state = main.copy()
            side_leaks = json.loads(json.dumps(leaks))
            side_tip, touched = tip, {}
            for _ in range(rng.randint(2, 8)):
                message, changed = work(state, side_leaks)
                touched.update(changed)
                side_tip = emit(name, message, changed, side_tip)
            if rng.random() < 0.125:
                continue
            tip = emit("main", f"Merge branch '{name}'", touched, tip, side_tip)
            main, leaks = state, side_leaks
        else:
            message, changed = work(main, leaks)
            tip = emit("main", message, changed, tip)

    subprocess.run(["git", "-C", str(root), "fast-import", "--quiet"], input=bytes(stream), check=True)
    subprocess.run(["git", "-C", str(root), "repack", "-a", "-d", "-q"], check=True)
    (out / "history-paths.txt").write_text("".join(p + "\n" for p, _ in HISTORY_CONFIGS))
    return made


# --------------------------------------------------------------------------
# (c) three small configs
# --------------------------------------------------------------------------


def gen_small(out: Path, rng: random.Random) -> list[Path]:
    root = out / "small"
    files = {
        ".mcp.json": dump({"mcpServers": mcp_servers(rng, 3, leaks=1)}),
        ".claude/settings.json": dump(settings_json(rng, leak=True)),
        "sub/.mcp.json": dump({"mcpServers": mcp_servers(rng, 2)}),
    }
    paths = []
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8", newline="\n")
        paths.append(p)
    return paths


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--only", default="tree,big,small", help="comma-separated subset of tree,big,small,history")
    ap.add_argument("--files", type=int, default=100_000, help="files in the tree (default 100000)")
    ap.add_argument("--big-mb", type=float, default=50.0, help="size of big/.claude.json in MB (default 50)")
    ap.add_argument("--commits", type=int, default=5000, help="commits in the history repository (default 5000)")
    ap.add_argument("--seed", type=int, default=20240601)
    args = ap.parse_args(argv)
    parts = {p.strip() for p in args.only.split(",") if p.strip()}
    unknown = parts - {"tree", "big", "small", "history"}
    if unknown:
        ap.error(f"unknown part(s): {', '.join(sorted(unknown))}")
    if "tree" in parts and args.files < 2000:
        ap.error("--files must be at least 2000")
    args.out.mkdir(parents=True, exist_ok=True)
    # One generator per part, so each part is the same whichever are asked for.
    if "tree" in parts:
        if (args.out / "tree").exists() and any((args.out / "tree").iterdir()):
            ap.error(f"{args.out / 'tree'} exists and is not empty")
        n = gen_tree(args.out, args.files, random.Random(args.seed))
        print(f"tree: {n} files in {args.out / 'tree'}", file=sys.stderr)
    if "big" in parts:
        n = gen_big(args.out, args.big_mb, random.Random(args.seed + 1))
        print(f"big: {n} bytes in {args.out / 'big' / '.claude.json'}", file=sys.stderr)
    if "small" in parts:
        paths = gen_small(args.out, random.Random(args.seed + 2))
        print("small: " + " ".join(str(p) for p in paths), file=sys.stderr)
    if "history" in parts:
        n = gen_history(args.out, args.commits, random.Random(args.seed + 3))
        print(f"history: {n} commits in {args.out / 'history'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
