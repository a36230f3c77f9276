#!/usr/bin/env bash
# Fuzz mcplint's parsers, whole-file lint and fixer with cargo-fuzz.
#
#   fuzz/run.sh                 every target for 60 s each
#   fuzz/run.sh lint_file 1800  one target for 30 minutes
#   FUZZ_JOBS=2 fuzz/run.sh ... two processes per target
#
# cargo-fuzz needs nightly-only compiler flags; RUSTC_BOOTSTRAP=1 lets the
# stable toolchain accept them. New inputs go to a scratch corpus outside the
# repository, and so does the build (it would weigh on every copy of the
# tree that cargo-mutants makes); the committed seeds in
# fuzz/corpus/<target> are only read.
# A crash is saved under fuzz/artifacts/<target>/: turn it into a
# regression test (tests/fuzz_regressions.rs) before fixing it.
set -euo pipefail
cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
targets=(parse_json parse_toml parse_yaml lint_file fix_roundtrip)
[ $# -ge 1 ] && targets=("$1")
seconds=${2:-60}
jobs=${FUZZ_JOBS:-1}
scratch=${FUZZ_SCRATCH:-/tmp/mcplint-fuzz}
for t in "${targets[@]}"; do
  mkdir -p "$scratch/$t"
  echo "== $t for ${seconds}s × $jobs job(s)"
  parallel=()
  [ "$jobs" -gt 1 ] && parallel=(-jobs="$jobs" -workers="$jobs")
  cargo fuzz run -O --target-dir "$scratch/target" "$t" "$scratch/$t" "corpus/$t" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
    -print_final_stats=1 "${parallel[@]}"
done
