#!/usr/bin/env bash
# Map-reduce with Dask distributed (a local cluster of 2 worker processes) equals one build.
# Usage: tests/dask/run.sh TIMELINER   (exit 77, skipped, without Debian's python3-distributed)
set -euo pipefail
exe=$1
here=$(cd "$(dirname "$0")" && pwd)
if ! /usr/bin/python3 -c 'import distributed' 2>/dev/null; then
  echo "dask test skipped: python3-distributed is not installed (scripts/setup.sh installs it)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$exe" build --input-format jsonl - <"$here/articles.jsonl" >"$tmp/single.json"
/usr/bin/python3 -W ignore "$here/../../scripts/dask_timeline.py" "$exe" "$here/articles.jsonl" "$tmp/dask.json" \
  --shards 3 --workers 2 2>"$tmp/dask.log" || { cat "$tmp/dask.log" >&2; exit 1; }
if ! cmp "$tmp/single.json" "$tmp/dask.json"; then
  diff <(head -c 4000 "$tmp/single.json") <(head -c 4000 "$tmp/dask.json") >&2 || true
  exit 1
fi
echo "dask map-reduce equals the single build ($(wc -c <"$tmp/single.json") bytes)"
