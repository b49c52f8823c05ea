#!/usr/bin/env bash
# Sets up, builds, and runs timeliner on the bundled example article: writes
# timelines/example.json and prints the timeline as a table.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build >/dev/null
cmake --build build -j "$(nproc)" >/dev/null
build/timeliner build --dct 2025-04-18 examples/harbour-bridge.txt -o timelines/example.json
build/timeliner show timelines/example.json
