#!/usr/bin/env bash
# bench/run.sh: measure mcplint against its performance targets, each side
# by side with its baseline in the same run, and print the ratios.
#
#   (a) discovery on a generated 100,000-file tree
#       vs `rg --files --hidden` (both enter hidden dirs)            ≤ 1.0×
#       peak RSS                                                    ≤ 32 MiB
#   (b) linting a 50 MB ~/.claude.json vs serde_json into a Value   ≤ 3×,
#       peak RSS                                                    ≤ 5× the file size
#   (c) a pre-commit-style run on 3 small configs                   median < 10 ms
#   (d) `mcplint history --all` on a generated 5,000-commit repository
#       vs `git log --all -p -- <the config paths>`                 ≤ 1.0×
#
# Installs nothing. Needs cargo, python3 (3.8+), rg, hyperfine, GNU time and
# git (Debian: apt-get install ripgrep hyperfine time git).
#
# Environment:
#   BENCH_DIR=DIR     generate inputs into DIR and keep them (reused when
#                     DIR/.complete exists); default: a temp dir, removed
#   BENCH_FILES=N     files in the tree (default 100000)
#   BENCH_BIG_MB=N    size of the big .claude.json in MB (default 50)
#   BENCH_RUNS=N      hyperfine runs of each command for (a) and (b)
#                     (default 12 and 6, in 3 rounds)
#   BENCH_RG=PATH     the ripgrep to compare with (default: rg on PATH)
#   BENCH_COMMITS=N   commits in the history repository (default 5000)
#   BENCH_TARGETS=... the targets to measure (default "a b c d"; e.g. "d")
#
# Exit status: 0 every target met, 1 a target missed, 2 could not measure.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FILES=${BENCH_FILES:-100000}
BIG_MB=${BENCH_BIG_MB:-50}
RUNS_A=${BENCH_RUNS:-12}
RUNS_B=${BENCH_RUNS:-6}
RG=${BENCH_RG:-rg}
COMMITS=${BENCH_COMMITS:-5000}
TARGETS=${BENCH_TARGETS:-a b c d}
wants() { [[ " $TARGETS " == *" $1 "* ]]; }

die() { echo "bench/run.sh: $*" >&2; exit 2; }
step() { printf "\n== [%3ds] %s\n" "$SECONDS" "$*" >&2; }

# --- tools -----------------------------------------------------------------
missing=()
if wants a; then command -v "${BENCH_RG:-rg}" >/dev/null 2>&1 || missing+=(ripgrep); fi
if wants d; then command -v git >/dev/null 2>&1 || missing+=(git); fi
command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
[[ -x /usr/bin/time ]] && /usr/bin/time -f '%M' true >/dev/null 2>&1 || missing+=(time)
if ((${#missing[@]})); then
    die "missing tools; install them with: apt-get install ${missing[*]}"
fi
command -v python3 >/dev/null 2>&1 || die "python3 is needed (apt-get install python3)"
command -v cargo >/dev/null 2>&1 || die "cargo is needed"

# --- work dir and cleanup --------------------------------------------------
if [[ -n ${BENCH_DIR:-} ]]; then
    WORK=$(mkdir -p "$BENCH_DIR" && cd "$BENCH_DIR" && pwd)
    KEEP=1
else
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/mcplint-bench.XXXXXX")
    KEEP=0
fi
cleanup() {
    local rc=$?
    if [[ $KEEP == 0 && -d $WORK ]]; then
        rm -rf -- "$WORK"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- build -----------------------------------------------------------------
step "building release binary and the serde_json baseline"
(cd "$ROOT" && cargo build --release --quiet --bin mcplint --example serde_parse) || die "cargo build failed"
TARGET_DIR=$(cd "$ROOT" && cargo metadata --format-version 1 --no-deps 2>/dev/null |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
MCPLINT="$TARGET_DIR/release/mcplint"
SERDE="$TARGET_DIR/release/examples/serde_parse"
[[ -x $MCPLINT && -x $SERDE ]] || die "built binaries not found under $TARGET_DIR/release"

# --- inputs ----------------------------------------------------------------
# Each part is generated once and reused while gen.py and its size stay the same.
gen=$(cksum <"$ROOT/bench/gen.py" | cut -d' ' -f1)
generate() { # PART STAMP ARGS...: (re)generate OUT/PART unless its stamp matches
    local part=$1 stamp="$2 gen=$gen"
    shift 2
    if [[ -f $WORK/.complete-$part && $(cat "$WORK/.complete-$part") == "$stamp" ]]; then
        step "reusing $part in $WORK"
        return
    fi
    step "generating $part in $WORK ($stamp)"
    rm -rf -- "${WORK:?}/$part" "$WORK/.complete-$part"
    python3 "$ROOT/bench/gen.py" "$WORK" --only "$part" "$@"
    echo "$stamp" >"$WORK/.complete-$part"
}
if wants a; then generate tree "files=$FILES" --files "$FILES"; fi
if wants b; then generate big "big_mb=$BIG_MB" --big-mb "$BIG_MB"; fi
if wants c; then generate small "small"; fi
if wants d; then generate history "commits=$COMMITS" --commits "$COMMITS"; fi
# Let the kernel write the new tree back now, not while timing.
sync
cd "$WORK"
BIG=big/.claude.json
SMALL=(small/.mcp.json small/.claude/settings.json small/sub/.mcp.json)

# Check that each command works (exit 0) before timing it.
if wants a; then
    "$MCPLINT" --fail-on never tree >/dev/null || die "mcplint failed on the tree (exit $?)"
fi
if wants b; then
    BIG_BYTES=$(wc -c <"$BIG" | tr -d ' ')
    "$MCPLINT" --fail-on never --format json --max-file-size 1G "$BIG" >/dev/null || die "mcplint failed on $BIG"
    "$SERDE" "$BIG" >/dev/null || die "serde_parse failed on $BIG"
fi
if wants c; then
    "$MCPLINT" --fail-on never "${SMALL[@]}" >/dev/null || die "mcplint failed on the small configs"
fi
if wants d; then
    HISTORY_PATHS=$(tr '\n' ' ' <history-paths.txt)
    (cd history && "$MCPLINT" history --all --format json --fail-on never >/dev/null) ||
        die "mcplint history failed in $WORK/history"
    # shellcheck disable=SC2086 # one word per path
    (cd history && git log --all -p -- $HISTORY_PATHS >/dev/null) || die "git log failed in $WORK/history"
fi

# Peak RSS of a command in KiB (GNU time's %M).
peak_kb() { local out; out=$(mktemp); /usr/bin/time -o "$out" -f '%M' "$@" >/dev/null 2>&1 || true; tail -n1 "$out"; rm -f "$out"; }

# side_by_side TAG ROUNDS RUNS WARMUP NAME CMD [NAME CMD ...]
# Time the commands with hyperfine in ROUNDS rounds of RUNS runs each,
# reversing their order every other round, so that a burst of load from
# elsewhere on the machine falls on all of them alike.
side_by_side() {
    local tag=$1 rounds=$2 runs=$3 warmup=$4 r
    shift 4
    local -a fwd=() rev=() order=()
    while (($#)); do
        fwd+=(-n "$1" "$2")
        rev=(-n "$1" "$2" "${rev[@]}")
        shift 2
    done
    for ((r = 0; r < rounds; r++)); do
        if ((r % 2)); then order=("${rev[@]}"); else order=("${fwd[@]}"); fi
        hyperfine -N --style basic --warmup "$warmup" --runs "$runs" \
            --export-json "$WORK/$tag.$r.json" "${order[@]}" >&2
    done
}
# median TAG NAME: median wall time in seconds over every round's runs
median() {
    python3 - "$WORK" "$1" "$2" <<'PY'
import glob, json, statistics, sys
work, tag, name = sys.argv[1:]
times = []
for path in sorted(glob.glob(f"{work}/{tag}.*.json")):
    for result in json.load(open(path))["results"]:
        if result["command"] == name:
            times += result["times"]
if not times:
    sys.exit(f"no timings for {name}")
print(statistics.median(times))
PY
}
per_round() { echo $((($1 + $2 - 1) / $2)); } # runs per round, rounded up

# Measured values, by name, for the report; a target not measured has none.
declare -A M=()

# --- (a) discovery -----------------------------------------------------------
if wants a; then
    step "(a) discovery: mcplint vs rg --files on $FILES files"
    side_by_side a 3 "$(per_round "$RUNS_A" 3)" 2 \
        mcplint "$MCPLINT --fail-on never tree" \
        "rg --files" "$RG --files tree" \
        "rg --files --hidden" "$RG --files --hidden -g !.git tree"
    M[a_mcp]=$(median a mcplint)
    M[a_rg]=$(median a "rg --files")
    M[a_rgh]=$(median a "rg --files --hidden")
    M[files]=$FILES
    # Peak RSS in KiB (GNU time's %M), the largest of 5 runs of each.
    rss_mcp=0
    rss_rg=0
    for _ in 1 2 3 4 5; do
        kb=$(peak_kb "$MCPLINT" --fail-on never tree)
        if ((kb > rss_mcp)); then rss_mcp=$kb; fi
        kb=$(peak_kb "$RG" --files --hidden -g '!.git' tree)
        if ((kb > rss_rg)); then rss_rg=$kb; fi
    done
    M[a_rss_mcp]=$rss_mcp
    M[a_rss_rg]=$rss_rg
    M[a_linted]=$("$MCPLINT" --fail-on never --format json tree |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["files_scanned"])')
fi

# --- (b) one big file ---------------------------------------------------------
if wants b; then
    step "(b) big file: mcplint --format json vs serde_json::from_str::<Value> on $BIG_BYTES bytes"
    side_by_side b 3 "$(per_round "$RUNS_B" 3)" 1 \
        mcplint "$MCPLINT --fail-on never --format json --max-file-size 1G $BIG" \
        serde_json "$SERDE $BIG"
    M[b_mcp]=$(median b mcplint)
    M[b_serde]=$(median b serde_json)
    # Peak RSS in KiB (GNU time's %M); the largest of 3 runs is kept.
    rss_mcp=0
    rss_serde=0
    for _ in 1 2 3; do
        kb=$(peak_kb "$MCPLINT" --fail-on never --format json --max-file-size 1G "$BIG")
        if ((kb > rss_mcp)); then rss_mcp=$kb; fi
        kb=$(peak_kb "$SERDE" "$BIG")
        if ((kb > rss_serde)); then rss_serde=$kb; fi
    done
    M[b_rss_mcp]=$rss_mcp
    M[b_rss_serde]=$rss_serde
    M[big_bytes]=$BIG_BYTES
fi

# --- (c) pre-commit ----------------------------------------------------------
if wants c; then
    step "(c) pre-commit: mcplint on 3 small configs"
    side_by_side c 2 100 10 \
        "mcplint 3 configs" "$MCPLINT --fail-on never ${SMALL[*]}" \
        "mcplint --version" "$MCPLINT --version"
    M[c_mcp]=$(median c "mcplint 3 configs")
    M[c_version]=$(median c "mcplint --version")
fi

# Regex compilation during (c), when valgrind is at hand: how many regexes
# were built (calls of regex-automata's meta Builder::build, which every
# Regex::new goes through) and the instructions spent in them.
C_REGEX="n/a (valgrind not installed)"
if ! wants c; then
    C_REGEX="n/a (target c not measured)"
elif command -v valgrind >/dev/null 2>&1 && command -v callgrind_annotate >/dev/null 2>&1; then
    if valgrind --tool=callgrind --callgrind-out-file="$WORK/c.callgrind" \
        "$MCPLINT" --fail-on never "${SMALL[@]}" >/dev/null 2>&1; then
        C_REGEX=$(callgrind_annotate --inclusive=yes --tree=caller --threshold=100 "$WORK/c.callgrind" 2>/dev/null |
            python3 -c '
import re, sys
total = cost = calls = 0
callers = 0
for line in sys.stdin:
    m = re.match(r"\s*([\d,]+)\s+(?:\(\s*[\d.]+%\)\s+)?(\S.*)", line)
    if not m:
        callers = 0
        continue
    ir, what = int(m.group(1).replace(",", "")), m.group(2)
    if "PROGRAM TOTALS" in what:
        total = ir
    elif what.startswith("<"):
        n = re.search(r"\((\d+)x\)", what)
        callers += int(n.group(1)) if n else 0
    elif what.startswith("*") and re.search(r"regex_automata::meta::regex::Builder::build \[", what):
        cost, calls = ir, callers
print(f"{calls} regexes built, {cost:,} of {total:,} instructions ({100 * cost / max(total, 1):.0f}%)")
') || C_REGEX="n/a (callgrind_annotate failed)"
    fi
fi

# --- (d) history -------------------------------------------------------------
if wants d; then
    step "(d) history: mcplint history --all vs git log --all -p on $COMMITS commits"
    # Both run inside the repository: hyperfine -N has no way to change directory.
    (
        cd history
        side_by_side d 3 "$(per_round "${BENCH_RUNS:-15}" 3)" 2 \
            "mcplint history" "$MCPLINT history --all --format json --fail-on never" \
            "git log -p" "git log --all -p -- $HISTORY_PATHS"
    )
    M[d_mcp]=$(median d "mcplint history")
    M[d_git]=$(median d "git log -p")
    M[commits]=$COMMITS
    M[d_versions]=$(cd history && "$MCPLINT" history --all --format json --fail-on never |
        python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["files_scanned"], len(d["findings"]))')
fi

# --- report ------------------------------------------------------------------
step "done measuring"
echo
tools="$("$MCPLINT" --version); $(hyperfine --version)"
if wants a; then tools="$tools; $("$RG" --version | head -n1)"; fi
if wants d; then tools="$tools; $(git --version)"; fi
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $tools"
for key in "${!M[@]}"; do export "BENCH_M_$key=${M[$key]}"; done
BENCH_C_REGEX=$C_REGEX python3 - <<'PY'
import os, sys
m = {k[len("BENCH_M_"):]: v for k, v in os.environ.items() if k.startswith("BENCH_M_")}
f = lambda k: float(m[k])

ms = lambda s: f"{s * 1000:.1f} ms"
mb = lambda b: f"{b / 1e6:.0f} MB"
rows, info = [], []
if "a_mcp" in m:
    rows.append((f"(a) discovery, {int(m['files']):,} files / rg --hidden", f("a_mcp") / f("a_rgh"), 1.0, "×",
                 f"mcplint {ms(f('a_mcp'))}, rg --files --hidden -g !.git {ms(f('a_rgh'))}"))
    rows.append(("(a) discovery peak RSS", int(m["a_rss_mcp"]) / 1024, 32.0, " MiB",
                 f"rg --files --hidden {int(m['a_rss_rg']) / 1024:.1f} MiB"))
    info.append(f"rg --files (no hidden dirs) {ms(f('a_rg'))}; mcplint / it = {f('a_mcp') / f('a_rg'):.2f}×")
    info.append(f"discovery linted {m['a_linted']} files of the tree")
if "b_mcp" in m:
    size = int(m["big_bytes"])
    rss_mcp, rss_serde = int(m["b_rss_mcp"]) * 1024, int(m["b_rss_serde"]) * 1024
    rows.append((f"(b) lint {mb(size)} .claude.json / serde_json", f("b_mcp") / f("b_serde"), 3.0, "×",
                 f"mcplint {ms(f('b_mcp'))}, serde_json {ms(f('b_serde'))}"))
    rows.append(("(b) peak RSS / file size", rss_mcp / size, 5.0, "×",
                 f"mcplint {mb(rss_mcp)} (serde_json {mb(rss_serde)} = {rss_serde / size:.2f}×)"))
if "c_mcp" in m:
    rows.append(("(c) pre-commit, 3 configs, median", f("c_mcp") * 1000, 10.0, " ms",
                 f"process start floor (--version) {ms(f('c_version'))}"))
    info.append(f"regex compilation in (c): {os.environ['BENCH_C_REGEX']}")
if "d_mcp" in m:
    versions, findings = m["d_versions"].split()
    rows.append((f"(d) history, {int(m['commits']):,} commits / git log -p", f("d_mcp") / f("d_git"), 1.0, "×",
                 f"mcplint {ms(f('d_mcp'))}, git log --all -p {ms(f('d_git'))}"))
    info.append(f"history: {int(versions):,} distinct config versions linted, {findings} credentials reported")
failed = 0
print()
print(f"{'target':<44} {'measured':>10} {'goal':>10}  result  detail")
print("-" * 110)
for name, value, goal, unit, detail in rows:
    ok = value <= goal if unit in ("×", " MiB") else value < goal
    failed += not ok
    cmp = "≤ " if unit in ("×", " MiB") else "< "
    measured = f"{value:.2f}{unit}"
    target = f"{cmp}{goal:g}{unit}"
    print(f"{name:<44} {measured:>10} {target:>10}  {'PASS' if ok else 'FAIL':<6}  {detail}")
print("-" * 110)
for line in info:
    print(f"info: {line}")
print(f"{len(rows) - failed} of {len(rows)} targets met")
sys.exit(1 if failed else 0)
PY
