#!/usr/bin/env bash
# The Python wheel, for real: build it with maturin (`bindings = "bin"`,
# pyproject.toml), install it into a fresh virtual environment with no
# index (nothing but the wheel), and lint fixture trees with the installed
# `mcplint`: a correct tree passes, a committed token fails with the
# diagnostic and never prints the token. Nothing is published.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "wheel check: $*" >&2; exit 1; }

python3 -m venv "$work/build"
"$work/build/bin/pip" install --quiet 'maturin>=1.7,<2'
# The release build of the tree is reused (same target directory, same profile).
"$work/build/bin/maturin" build --release --out "$work/dist" --manifest-path "$here/Cargo.toml" > "$work/maturin.log" 2>&1 ||
  { cat "$work/maturin.log"; fail "maturin could not build the wheel"; }
wheel="$(ls "$work"/dist/mcplint-*.whl)"
echo "built $(basename "$wheel")"

python3 -m venv "$work/user"
"$work/user/bin/pip" install --quiet --no-index "$wheel"
mcplint="$work/user/bin/mcplint"
[ -x "$mcplint" ] && [ ! -L "$mcplint" ] || fail "the wheel installed no mcplint executable"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$here/Cargo.toml" | head -1)"
"$mcplint" --version | grep -q "^mcplint $version" || fail "installed mcplint says $("$mcplint" --version)"

cd "$work"
cp -r "$here/fixtures/correct" tree
"$mcplint" tree > out.txt 2>&1 || { cat out.txt; fail "the installed mcplint failed a correct tree"; }
grep -q "MCP config files scanned" out.txt || { cat out.txt; fail "no summary"; }

token="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"
cat > tree/.mcp.json <<JSON
{ "mcpServers": { "github": { "command": "github-mcp-server", "args": ["stdio", "--read-only"],
  "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "$token" } } } }
JSON
status=0
"$mcplint" tree > out.txt 2>&1 || status=$?
[ "$status" = 1 ] || { cat out.txt; fail "a committed token gave exit $status, not 1"; }
grep -q "literal-secret" out.txt || { cat out.txt; fail "no literal-secret diagnostic"; }
if grep -q "$token" out.txt; then fail "the token was printed"; fi
echo "wheel check: ok"
