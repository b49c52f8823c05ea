#!/usr/bin/env bash
# Regenerates every timeline in timelines/ from the articles in examples/, and timelines/index.json,
# the list the web viewer reads. The Millbrook story is five articles, each with its own publication
# date (examples/millbrook/published.txt): each is built on its own, then the builds are merged,
# once in full (millbrook.json) and once summarized on its key dates (millbrook-summary.json).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build >/dev/null
cmake --build build -j 2 >/dev/null
tl=build/timeliner

$tl build --dct 2025-04-18 examples/harbour-bridge.txt -o timelines/example.json
$tl build --dct 2025-04-18 examples/trade-talks.txt -o timelines/trade-talks.json

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
parts=()
while read -r file day; do
  [[ -z "$file" || "$file" == \#* ]] && continue
  $tl build --dct "$day" "examples/millbrook/$file" -o "$tmp/${file%.txt}.json"
  parts+=("$tmp/${file%.txt}.json")
done <examples/millbrook/published.txt
$tl merge "${parts[@]}" -o timelines/millbrook.json
$tl merge "${parts[@]}" --dates auto -o timelines/millbrook-summary.json

cat >timelines/index.json <<'JSON'
[
  {"file": "millbrook-summary.json", "title": "Millbrook derailment: key dates (five articles)"},
  {"file": "millbrook.json", "title": "Millbrook derailment (five articles, merged)"},
  {"file": "example.json", "title": "Harbour Bridge reopens"},
  {"file": "trade-talks.json", "title": "Trade talks in Beijing"}
]
JSON

$tl show timelines/millbrook.json
