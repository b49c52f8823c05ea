#!/usr/bin/env bash
# Sets up, builds, and runs timeliner on the bundled example article: writes
# timelines/example.json, prints the timeline as a table, and writes timelines/example.html, the
# viewer page with the timeline in it (one file that opens offline in a browser).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build >/dev/null
cmake --build build -j "$(nproc)" --target timeliner >/dev/null  # the command only: the tests build in scripts/test.sh
build/timeliner build --dct 2025-04-18 examples/harbour-bridge.txt -o timelines/example.json
build/timeliner show timelines/example.json
build/timeliner view timelines/example.json -o timelines/example.html
echo
echo "Open the timeline in a browser: $PWD/timelines/example.html"
