#!/usr/bin/env bash
# bench/run.sh: measure mcplint against its performance targets, each side
# by side with its baseline in the same run, and print the ratios.
#
#   (a) discovery on a generated 100,000-file tree vs `rg --files`  ≤ 1.3×
#   (b) linting a 50 MB ~/.claude.json vs serde_json into a Value   ≤ 3×,
#       peak RSS                                                    ≤ 5× the file size
#   (c) a pre-commit-style run on 3 small configs                   median < 10 ms
#
# Installs nothing. Needs cargo, python3 (3.8+), rg, hyperfine and GNU time
# (Debian: apt-get install ripgrep hyperfine time).
#
# Environment:
#   BENCH_DIR=DIR     generate inputs into DIR and keep them (reused when
#                     DIR/.complete exists); default: a temp dir, removed
#   BENCH_FILES=N     files in the tree (default 100000)
#   BENCH_BIG_MB=N    size of the big .claude.json in MB (default 50)
#   BENCH_RUNS=N      hyperfine runs of each command for (a) and (b)
#                     (default 12 and 6, in 3 rounds)
#   BENCH_RG=PATH     the ripgrep to compare with (default: rg on PATH)
#
# Exit status: 0 every target met, 1 a target missed, 2 could not measure.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FILES=${BENCH_FILES:-100000}
BIG_MB=${BENCH_BIG_MB:-50}
RUNS_A=${BENCH_RUNS:-12}
RUNS_B=${BENCH_RUNS:-6}
RG=${BENCH_RG:-rg}

die() { echo "bench/run.sh: $*" >&2; exit 2; }
step() { printf "\n== [%3ds] %s\n" "$SECONDS" "$*" >&2; }

# --- tools -----------------------------------------------------------------
missing=()
command -v "${BENCH_RG:-rg}" >/dev/null 2>&1 || missing+=(ripgrep)
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
stamp="files=$FILES big_mb=$BIG_MB gen=$(cksum <"$ROOT/bench/gen.py" | cut -d' ' -f1)"
if [[ -f $WORK/.complete && $(cat "$WORK/.complete") == "$stamp" ]]; then
    step "reusing inputs in $WORK"
else
    step "generating inputs in $WORK ($FILES files, $BIG_MB MB .claude.json)"
    rm -rf -- "$WORK/tree" "$WORK/big" "$WORK/small" "$WORK/.complete"
    python3 "$ROOT/bench/gen.py" "$WORK" --files "$FILES" --big-mb "$BIG_MB"
    echo "$stamp" >"$WORK/.complete"
fi
# Let the kernel write the new tree back now, not while timing.
sync
cd "$WORK"
BIG=big/.claude.json
BIG_BYTES=$(wc -c <"$BIG" | tr -d ' ')

# Check that each command works (exit 0) before timing it.
"$MCPLINT" --fail-on never tree >/dev/null || die "mcplint failed on the tree (exit $?)"
"$MCPLINT" --fail-on never --format json --max-file-size 1G "$BIG" >/dev/null || die "mcplint failed on $BIG"
"$SERDE" "$BIG" >/dev/null || die "serde_parse failed on $BIG"
SMALL=(small/.mcp.json small/.claude/settings.json small/sub/.mcp.json)
"$MCPLINT" --fail-on never "${SMALL[@]}" >/dev/null || die "mcplint failed on the small configs"

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

# --- (a) discovery -----------------------------------------------------------
step "(a) discovery: mcplint vs rg --files on $FILES files"
side_by_side a 3 "$(per_round "$RUNS_A" 3)" 2 \
    mcplint "$MCPLINT --fail-on never tree" \
    "rg --files" "$RG --files tree" \
    "rg --files --hidden" "$RG --files --hidden -g !.git tree"
A_MCP=$(median a mcplint)
A_RG=$(median a "rg --files")
A_RGH=$(median a "rg --files --hidden")

# --- (b) one big file ---------------------------------------------------------
step "(b) big file: mcplint --format json vs serde_json::from_str::<Value> on $BIG_BYTES bytes"
side_by_side b 3 "$(per_round "$RUNS_B" 3)" 1 \
    mcplint "$MCPLINT --fail-on never --format json --max-file-size 1G $BIG" \
    serde_json "$SERDE $BIG"
B_MCP=$(median b mcplint)
B_SERDE=$(median b serde_json)
# Peak RSS in KiB (GNU time's %M); the largest of 3 runs is kept.
peak_kb() { local out; out=$(mktemp); /usr/bin/time -o "$out" -f '%M' "$@" >/dev/null 2>&1 || true; tail -n1 "$out"; rm -f "$out"; }
B_RSS_MCP=0
B_RSS_SERDE=0
for _ in 1 2 3; do
    kb=$(peak_kb "$MCPLINT" --fail-on never --format json --max-file-size 1G "$BIG")
    if ((kb > B_RSS_MCP)); then B_RSS_MCP=$kb; fi
    kb=$(peak_kb "$SERDE" "$BIG")
    if ((kb > B_RSS_SERDE)); then B_RSS_SERDE=$kb; fi
done

# --- (c) pre-commit ----------------------------------------------------------
step "(c) pre-commit: mcplint on 3 small configs"
side_by_side c 2 100 10 \
    "mcplint 3 configs" "$MCPLINT --fail-on never ${SMALL[*]}" \
    "mcplint --version" "$MCPLINT --version"
C_MCP=$(median c "mcplint 3 configs")
C_VERSION=$(median c "mcplint --version")

# Regex compilation during (c), when valgrind is at hand: how many regexes
# were built (calls of regex-automata's meta Builder::build, which every
# Regex::new goes through) and the instructions spent in them.
C_REGEX="n/a (valgrind not installed)"
if command -v valgrind >/dev/null 2>&1 && command -v callgrind_annotate >/dev/null 2>&1; then
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

# --- report ------------------------------------------------------------------
step "done measuring"
echo
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $("$MCPLINT" --version); $("$RG" --version | head -n1); $(hyperfine --version)"
python3 - "$A_MCP" "$A_RG" "$A_RGH" "$B_MCP" "$B_SERDE" "$B_RSS_MCP" "$B_RSS_SERDE" "$BIG_BYTES" \
    "$C_MCP" "$C_VERSION" "$FILES" "$C_REGEX" <<'PY'
import sys
a_mcp, a_rg, a_rgh, b_mcp, b_serde = map(float, sys.argv[1:6])
rss_mcp, rss_serde, size = int(sys.argv[6]) * 1024, int(sys.argv[7]) * 1024, int(sys.argv[8])
c_mcp, c_version = float(sys.argv[9]), float(sys.argv[10])
files, c_regex = int(sys.argv[11]), sys.argv[12]

ms = lambda s: f"{s * 1000:.1f} ms"
mb = lambda b: f"{b / 1e6:.0f} MB"
rows = [
    (f"(a) discovery, {files:,} files / rg --files", a_mcp / a_rg, 1.3, "×",
     f"mcplint {ms(a_mcp)}, rg --files {ms(a_rg)}"),
    (f"(b) lint {mb(size)} .claude.json / serde_json", b_mcp / b_serde, 3.0, "×",
     f"mcplint {ms(b_mcp)}, serde_json {ms(b_serde)}"),
    ("(b) peak RSS / file size", rss_mcp / size, 5.0, "×",
     f"mcplint {mb(rss_mcp)} (serde_json {mb(rss_serde)} = {rss_serde / size:.2f}×)"),
    ("(c) pre-commit, 3 configs, median", c_mcp * 1000, 10.0, " ms",
     f"process start floor (--version) {ms(c_version)}"),
]
failed = 0
print()
print(f"{'target':<44} {'measured':>10} {'goal':>10}  result  detail")
print("-" * 110)
for name, value, goal, unit, detail in rows:
    ok = value <= goal if unit == "×" else value < goal
    failed += not ok
    cmp = "≤ " if unit == "×" else "< "
    measured = f"{value:.2f}{unit}"
    target = f"{cmp}{goal:g}{unit}"
    print(f"{name:<44} {measured:>10} {target:>10}  {'PASS' if ok else 'FAIL':<6}  {detail}")
print("-" * 110)
print(f"info: rg --files --hidden -g !.git {ms(a_rgh)} (mcplint / it = {a_mcp / a_rgh:.2f}×; mcplint also enters hidden dirs)")
print(f"info: regex compilation in (c): {c_regex}")
print(f"{len(rows) - failed} of {len(rows)} targets met")
sys.exit(1 if failed else 0)
PY
