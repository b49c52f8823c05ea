#!/usr/bin/env bash
# End-to-end tests of the web viewer in Debian's chromium (node --test, playwright-core).
# Serves the repo root with tests/web/server.mjs (127.0.0.1, ephemeral port; /timelines/ from the test fixtures).
# Runs README's first command (scripts/example.sh) first: a test opens the page it leaves,
# timelines/example.html, from file:// with the network off.
# UPDATE_SCREENSHOT=1 also regenerates docs/viewer.png.
# Usage: scripts/web-test.sh   (after scripts/web-setup.sh)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if [[ ! -d web/node_modules ]]; then
  echo "web-test: web/node_modules missing; run scripts/web-setup.sh first" >&2
  exit 1
fi
(cd web && npm run --silent build)
scripts/example.sh >/dev/null

out=$(mktemp)
node tests/web/server.mjs tests/web/fixtures >"$out" &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 50); do
  [[ -s "$out" ]] && break
  sleep 0.1
done
WEB_BASE_URL=$(head -n1 "$out")
export WEB_BASE_URL
if [[ -z "$WEB_BASE_URL" ]]; then
  echo "web-test: static server did not start" >&2
  exit 1
fi

node --test --test-concurrency=1 tests/web/
