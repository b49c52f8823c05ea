#!/usr/bin/env bash
# Benchmarks the web viewer with 10,000 generated events in headless chromium (after scripts/web-setup.sh).
# Prints load-to-rendered ms and frame times during a scripted pan and zoom, medians of RUNS runs (default 5).
# Usage: scripts/web-bench.sh [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
(cd web && npm run --silent build)
node tests/web/gen-big.mjs >/dev/null
node tests/web/bench.mjs "${1:-5}"
