#!/usr/bin/env bash
# Prove the pre-commit hooks work for real: `pre-commit try-repo` of this
# repository against a scratch git repository. A correct config passes
# (under the default persona a server left at its defaults is not blamed), a
# committed literal token fails with the diagnostic, a non-MCP JSON file is
# skipped, and mcplint-fix rewrites the config and exits 1.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
precommit="${PRE_COMMIT:-pre-commit}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
git init -q
git config user.email ci@acme-corp.net
git config user.name ci
token="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"

fail() { echo "pre-commit check: $*" >&2; exit 1; }

cat > .mcp.json <<JSON
{ "mcpServers": { "github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/readonly",
  "headers": { "Authorization": "Bearer \${GITHUB_PAT}" } },
  "docs": { "command": "npx", "args": ["-y", "@upstash/context7-mcp"],
  "env": { "CONTEXT7_API_KEY": "\${CONTEXT7_API_KEY}" } } } }
JSON
echo '{ "name": "app", "token": "not-an-mcp-config" }' > package.json
git add .mcp.json package.json

echo "-- correct config (a default, unpinned server too) and a non-MCP file: pass"
"$precommit" try-repo "$here" mcplint --files .mcp.json package.json > out.txt 2>&1 || { cat out.txt; fail "a clean config failed"; }

echo "-- literal token: fail with the diagnostic"
sed -i "s/Bearer \${GITHUB_PAT}/Bearer $token/" .mcp.json
git add .mcp.json
if "$precommit" try-repo "$here" mcplint --files .mcp.json package.json > out.txt 2>&1; then
  cat out.txt; fail "a literal token passed"
fi
grep -q "literal-secret" out.txt || { cat out.txt; fail "no literal-secret diagnostic"; }
if grep -q "$token" out.txt; then fail "the token was printed"; fi

echo "-- mcplint-fix: rewrites, exits 1, keeps the token in a git-ignored .env"
if "$precommit" try-repo "$here" mcplint-fix --files .mcp.json > out.txt 2>&1; then
  cat out.txt; fail "mcplint-fix did not report a change"
fi
grep -q 'Bearer ${GITHUB_TOKEN}' .mcp.json || { cat .mcp.json; fail "the config was not fixed"; }
grep -q "$token" .env || fail "the token is not in .env"
git check-ignore -q .env || fail ".env is not git-ignored"

# The system hooks run the mcplint on PATH: here, the release build.
bin="${MCPLINT_BIN:-$here/target/release/mcplint}"
[ -x "$bin" ] || fail "no mcplint at $bin for the system hooks (cargo build --release first, or set MCPLINT_BIN)"
mkdir -p "$work/bin"
ln -sf "$bin" "$work/bin/mcplint"
export PATH="$work/bin:$PATH"
git checkout -q -- .mcp.json 2>/dev/null || true
rm -f .env
cat > .mcp.json <<JSON
{ "mcpServers": { "github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/readonly",
  "headers": { "Authorization": "Bearer \${GITHUB_PAT}" } } } }
JSON
git add .mcp.json

echo "-- mcplint-system: a correct config passes, with nothing built"
"$precommit" try-repo "$here" mcplint-system --files .mcp.json package.json > out.txt 2>&1 || { cat out.txt; fail "mcplint-system failed a clean config"; }

echo "-- mcplint-system: a literal token fails with the diagnostic"
sed -i "s/Bearer \${GITHUB_PAT}/Bearer $token/" .mcp.json
git add .mcp.json
if "$precommit" try-repo "$here" mcplint-system --files .mcp.json > out.txt 2>&1; then
  cat out.txt; fail "mcplint-system passed a literal token"
fi
grep -q "literal-secret" out.txt || { cat out.txt; fail "no literal-secret diagnostic from mcplint-system"; }
if grep -q "$token" out.txt; then fail "the token was printed"; fi

echo "-- mcplint-fix-system: rewrites and exits 1"
if "$precommit" try-repo "$here" mcplint-fix-system --files .mcp.json > out.txt 2>&1; then
  cat out.txt; fail "mcplint-fix-system did not report a change"
fi
grep -q 'Bearer ${GITHUB_TOKEN}' .mcp.json || { cat .mcp.json; fail "mcplint-fix-system did not fix the config"; }
grep -q "$token" .env || fail "mcplint-fix-system did not keep the token in .env"

echo "-- the README's snippet: its rev is a commit of this repository that has every hook it names"
readme="$here/README.md"
rev="$(sed -n 's/^ *rev: *\([0-9a-f]\{40\}\).*/\1/p' "$readme" | head -1)"
[ -n "$rev" ] || fail "README's pre-commit snippet names no full commit sha as rev"
if [ "$(git -C "$here" rev-parse --is-shallow-repository)" = true ] && ! git -C "$here" cat-file -e "$rev^{commit}" 2>/dev/null; then
  echo "pre-commit check: ok (a shallow clone cannot show README's rev $rev; not checked)"
  exit 0
fi
git -C "$here" cat-file -e "$rev^{commit}" 2>/dev/null || fail "README's rev $rev is not a commit of this repository"
for id in $(sed -n 's/^ *# *- id: *\([a-z-]*\).*/\1/p; s/^ *- id: *\([a-z-]*\).*/\1/p' "$readme" | sort -u); do
  git -C "$here" show "$rev:.pre-commit-hooks.yaml" | grep -q "^- id: $id\$" || fail "README names hook $id, which $rev does not have"
done
git checkout -q -- .mcp.json 2>/dev/null || true
cat > .mcp.json <<JSON
{ "mcpServers": { "github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/readonly",
  "headers": { "Authorization": "Bearer \${GITHUB_PAT}" } } } }
JSON
git add .mcp.json
"$precommit" try-repo "$here" mcplint-system --ref "$rev" --files .mcp.json > out.txt 2>&1 || { cat out.txt; fail "mcplint-system at the README's rev $rev failed"; }
echo "pre-commit check: ok"
