#!/usr/bin/env bash
# Mutation testing (cargo-mutants) of the detection rules or the fixer.
#
#   .ci/mutants.sh rules|fixer [K/N] [extra cargo-mutants arguments…]
#
# K/N runs a round-robin shard (for example 0/3). Results go to
# $MUTANTS_OUT/<set> (default /tmp/mcplint-mutants). Not part of .ci/run:
# the rules take about 80 minutes and the fixer about 17 on 2 cores.
# Settings shared by every run (what the copy of the tree keeps, what is
# skipped) are in .cargo/mutants.toml.
set -euo pipefail
cd "$(dirname "$0")/.."

set_name=${1:?usage: .ci/mutants.sh rules|fixer [K/N] [cargo-mutants args]}
shift
shard=()
if [[ ${1:-} =~ ^[0-9]+/[0-9]+$ ]]; then
    shard=(--shard "$1" --sharding round-robin)
    shift
fi

case $set_name in
rules)
    files=(-f 'src/rules/*.rs' -f 'src/rules/literal_secret/*.rs'
        -e src/rules/literal_secret/fix.rs -e src/rules/literal_secret/flag_to_env.rs)
    # codex.rs (a rule's fix layout) is tested in tests/fix.rs.
    tests=(lib detection clients privilege credentials rule_data snapshots
        config cli history sarif fix)
    ;;
fixer)
    files=(-f src/fix/mod.rs -f src/syntax/json_edit.rs
        -f src/rules/literal_secret/fix.rs -f src/rules/literal_secret/flag_to_env.rs)
    # detection: the advice a fix gives where no reference can go.
    tests=(lib fix detection rule_data privilege)
    ;;
*)
    echo "unknown set '$set_name' (rules or fixer)" >&2
    exit 2
    ;;
esac

# --cargo-arg limits the build as well as the run to these test binaries.
cargo_args=()
for t in "${tests[@]}"; do
    if [[ $t == lib ]]; then cargo_args+=(--cargo-arg=--lib); else cargo_args+=("--cargo-arg=--test=$t"); fi
done

# Each mutant rebuilds the crate and links its test binaries: without debug
# info, and with mold when it is installed, a mutant takes about 10 s to build
# instead of 40 s.
export CARGO_PROFILE_DEV_DEBUG=0
if command -v mold >/dev/null; then
    export RUSTFLAGS="${RUSTFLAGS:-} -C link-arg=-fuse-ld=mold"
fi

out=${MUTANTS_OUT:-/tmp/mcplint-mutants}/$set_name
mkdir -p "$out"
# Keep the baseline (no --baseline skip): a test that fails in the copy of
# the tree would make every mutant look caught.
exec cargo mutants -j 2 "${shard[@]}" -o "$out" "${files[@]}" \
    --timeout 240 --build-timeout 600 "${cargo_args[@]}" "$@"
