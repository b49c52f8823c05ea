#!/usr/bin/env bash
# Timeline summarization on the development set (../shared/corpora/tls-entities), by the protocol
# of its README: per-entity and mean date F1, concatenated ROUGE-1 and ROUGE-2 F1.
# Usage: bench/tls.sh [--query] [--baseline] [--only A,B] [--exclude A,B]
#   TLS=...        the corpus (default: ../shared/corpora/tls-entities), read in place
#   BUILD_DIR=...  build folder (default: build); work files go to BUILD_DIR/tls
set -euo pipefail
cd "$(dirname "$0")/.."
tls=${TLS:-../shared/corpora/tls-entities}
build=${BUILD_DIR:-build}
[[ -d "$tls" ]] || { echo "tls: no corpus at $tls (set TLS)" >&2; exit 1; }
cmake -S . -B "$build" -DTIMELINER_WERROR=ON >/dev/null
cmake --build "$build" -j 2 --target timeliner >/dev/null
exec python3 bench/tls.py "$build/timeliner" "$tls" "$build/tls" "$@"
