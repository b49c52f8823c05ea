#!/usr/bin/env bash
# The timeliner benchmark: throughput, start-up, memory, -j 2 speed-up and linearity of
# `timeliner extract`, against chrono-node and dateparser on the same news texts (TBAQ); the one
# Hyperscan scan alone (the floor), and timeliner built without Hyperscan (its output compared
# byte for byte). Prints medians of 3 runs of each measurement.
# Usage: bench/run.sh [--quick]   (--quick: dateparser on 10 articles rather than 40)
#   TBAQ=...       the TimeML corpus (default: ../shared/corpora/tbaq), read in place
#   BUILD_DIR=...  build folder (default: build); inputs are written to BUILD_DIR/bench-data;
#                  the build without Hyperscan goes to BUILD_DIR-nohs
# Installs what it needs when missing: Node.js packages of bench/peers into bench/.peers (npm ci),
# Debian's python3-dateparser (through scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3 dp_docs=40
if [[ "${1:-}" == --quick ]]; then dp_docs=10; fi
tbaq=${TBAQ:-../shared/corpora/tbaq}
build=${BUILD_DIR:-build}
[[ -d "$tbaq" ]] || { echo "bench: no corpus at $tbaq (set TBAQ)" >&2; exit 1; }

scripts/setup.sh python3-dateparser
cmake -S . -B "$build" -DTIMELINER_WERROR=ON >/dev/null
cmake --build "$build" -j 2 --target timeliner >/dev/null
# The floor: the one scan alone (a target only in a build with Hyperscan).
floor=none
if cmake --build "$build" --target help | grep timeliner_scan_floor >/dev/null; then
  cmake --build "$build" -j 2 --target timeliner_scan_floor >/dev/null
  floor=$build/timeliner_scan_floor
fi
# The same sources without Hyperscan: the path of a platform without the package.
cmake -S . -B "$build-nohs" -DTIMELINER_WERROR=ON -DTIMELINER_HYPERSCAN=OFF -DTIMELINER_VIEWER=OFF \
  -DTIMELINER_PYTHON=OFF -DTIMELINER_TESTS=OFF >/dev/null
cmake --build "$build-nohs" -j 2 --target timeliner >/dev/null

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

python3 bench/measure.py "$build/timeliner" "$data" "$runs" "$dp_docs" "$build-nohs/timeliner" "$floor"
