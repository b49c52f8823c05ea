#!/usr/bin/env bash
# The timeliner benchmark: throughput, start-up, memory, -j 2 speed-up and linearity of
# `timeliner extract`, against chrono-node and dateparser on the same news texts (TBAQ).
# Usage: bench/run.sh [--quick]
#   TBAQ=...       the TimeML corpus (default: ../shared/corpora/tbaq), read in place
#   BUILD_DIR=...  build folder (default: build); inputs are written to BUILD_DIR/bench-data
# Installs what it needs when missing: Node.js packages of bench/peers into bench/.peers (npm ci),
# Debian's python3-dateparser (through scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5 dp_docs=40
if [[ "${1:-}" == --quick ]]; then runs=3 dp_docs=10; fi
tbaq=${TBAQ:-../shared/corpora/tbaq}
build=${BUILD_DIR:-build}
[[ -d "$tbaq" ]] || { echo "bench: no corpus at $tbaq (set TBAQ)" >&2; exit 1; }

scripts/setup.sh python3-dateparser
cmake -S . -B "$build" -DTIMELINER_WERROR=ON >/dev/null
cmake --build "$build" -j 2 --target timeliner >/dev/null

data=$build/bench-data
if [[ ! -f $data/corpus.jsonl || ! -f $data/synth-50.txt ]]; then
  python3 bench/prepare.py "$tbaq" "$data" >/dev/null
fi
head -c 3000 "$data/synth-1.txt" >"$data/one.txt"

if [[ ! -d bench/.peers/node_modules/chrono-node ]] || ! cmp -s bench/peers/package-lock.json bench/.peers/package-lock.json; then
  mkdir -p bench/.peers
  cp bench/peers/package.json bench/peers/package-lock.json bench/.peers/
  (cd bench/.peers && npm ci --no-audit --no-fund --silent)
fi

python3 bench/measure.py "$build/timeliner" "$data" "$runs" "$dp_docs"
