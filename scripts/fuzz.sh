#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang (ASan + UBSan) in build-fuzz/ and runs them.
# Installs clang and its runtime (Debian: clang, libclang-rt-14-dev) when missing.
# Usage: scripts/fuzz.sh [--smoke] [TARGET...]
#   --smoke          CI: every target replays its seeds (each input once: deterministic; a failure
#                    always fails the script), then explores from the seeds only (a fresh corpus
#                    folder) with libFuzzer's -seed=1 and a fixed number of executions per target
#                    (15-65 s each on a 2-core machine)
#   FUZZ_SECONDS=N   without --smoke: seconds per target (default 300), new inputs kept in
#                    BUILD_DIR/corpus for the next run
#   FUZZ_TIMEOUT=N   seconds one input may take before it counts as a hang (default 30)
#   FUZZ_REPORT_ONLY=1  print what exploration finds (and keep the inputs) but exit 0; a failing
#                    replay of the seeds still fails
#   BUILD_DIR=...    build folder (default build-fuzz)
# Seeds come from the tests (tests/corpus phrases, tests/fixtures, timelines) and fuzz/seeds,
# generated into BUILD_DIR/seeds; what a run learns stays in BUILD_DIR/corpus (never committed).
# A crash leaves BUILD_DIR/artifacts/TARGET-crash-... and makes the script fail.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

smoke=0
targets=()
for a in "$@"; do
  case "$a" in
    --smoke) smoke=1 ;;
    -h | --help) sed -n '2,17p' "$0"; exit 0 ;;
    *) targets+=("$a") ;;
  esac
done
all_targets=(fuzz_extract fuzz_timeml fuzz_timeline_json fuzz_html fuzz_jsonl fuzz_parse)
((${#targets[@]})) || targets=("${all_targets[@]}")
seconds=${FUZZ_SECONDS:-300}
timeout=${FUZZ_TIMEOUT:-30}
build_dir=${BUILD_DIR:-build-fuzz}
# --smoke: executions per target (measured on the CI machine: 15-45 s each under ASan + UBSan;
# fuzz_parse runs ~16 ms an input, so it gets fewer).
declare -A smoke_runs=([fuzz_extract]=20000 [fuzz_timeml]=100000 [fuzz_timeline_json]=100000 [fuzz_html]=60000
  [fuzz_jsonl]=60000 [fuzz_parse]=4000)

scripts/setup.sh clang libclang-rt-14-dev

cmake -S . -B "$build_dir" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTIMELINER_FUZZ=ON -DTIMELINER_TESTS=OFF >/dev/null
cmake --build "$build_dir" -j "${JOBS:-2}" --target "${targets[@]}"

# Seeds, regenerated every run from what the tests hold.
seeds=$build_dir/seeds
rm -rf "$seeds"
mkdir -p "$seeds" "$build_dir/artifacts"
for t in "${all_targets[@]}"; do
  mkdir -p "$seeds/$t"
  if [[ -d fuzz/seeds/$t ]]; then cp fuzz/seeds/"$t"/* "$seeds/$t/" 2>/dev/null || true; fi
done
# fuzz_extract: an 8-byte header (flags 0x01: a DCT; 2025-04-18) then the text; see fuzz_extract.cpp.
header=$'\x01\x07\xe9\x03\x11\x00\x00\x00'
n=0
for f in tests/corpus/*.txt; do
  # Every phrase of the corpus files: the left side of "=>", split at "|".
  while IFS= read -r line; do
    [[ $line == *"=>"* ]] || continue
    IFS='|' read -r -a phrases <<<"${line%%=>*}"
    for p in "${phrases[@]}"; do
      p=${p#"${p%%[![:space:]]*}"}
      p=${p%"${p##*[![:space:]]}"}
      [[ -n $p ]] || continue
      n=$((n + 1))
      printf '%s%s' "$header" "$p" >"$seeds/fuzz_extract/phrase-$n"
    done
  done <"$f"
done
for f in examples/*.txt; do
  { printf '%s' "$header"; cat "$f"; } >"$seeds/fuzz_extract/$(basename "$f")"
  cp "$f" "$seeds/fuzz_parse/"
done
find tests/fixtures -name '*.tml' -exec cp {} "$seeds/fuzz_timeml/" \;
find tests/fixtures -name '*.html' -exec cp {} "$seeds/fuzz_html/" \;
find tests/fixtures -name '*.jsonl' -exec cp {} "$seeds/fuzz_jsonl/" \;
for f in timelines/*.json tests/web/fixtures/*.json; do
  [[ -f $f ]] && cp "$f" "$seeds/fuzz_timeline_json/$(echo "$f" | tr / _)"
done

status=0
replay_status=0
stats=$build_dir/fuzz-stats.tsv
for t in "${targets[@]}"; do
  if ((smoke)); then
    # Replay: every seed (our tests' inputs and earlier findings) once, no mutation.
    log=$build_dir/$t.replay.log
    if "$build_dir/fuzz/$t" "$seeds/$t" -runs=0 -timeout="$timeout" -rss_limit_mb=2048 \
      -artifact_prefix="$build_dir/artifacts/$t-replay-" >"$log" 2>&1; then
      echo "fuzz: $t replayed $(find "$seeds/$t" -type f | wc -l) seeds: ok" >&2
    else
      echo "fuzz: $t failed on a seed; last lines of $log:" >&2
      grep -E 'ERROR|runtime error|invariant broken|Test unit written' "$log" | head -n 20 >&2 || tail -n 30 "$log" >&2
      replay_status=1
    fi
  fi
  corpus=$build_dir/corpus/$t
  limit=(-max_total_time="$seconds")
  if ((smoke)); then
    corpus=$build_dir/smoke-corpus/$t
    rm -rf "$corpus"
    limit=(-seed=1 -runs="${smoke_runs[$t]}")
  fi
  mkdir -p "$corpus"
  dict=()
  [[ -f fuzz/$t.dict ]] && dict=(-dict="fuzz/$t.dict")
  log=$build_dir/$t.log
  echo "== $t: ${limit[*]}" >&2
  start=$SECONDS
  set +e
  "$build_dir/fuzz/$t" "$corpus" "$seeds/$t" "${dict[@]}" "${limit[@]}" -max_len=8192 -timeout="$timeout" \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build_dir/artifacts/$t-" >"$log" 2>&1
  rc=$?
  set -e
  took=$((SECONDS - start))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
  printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "$took" "${execs:-?}" "$rc" >>"$stats"
  if ((rc != 0)); then
    echo "fuzz: $t failed (exit $rc); last lines of $log:" >&2
    grep -E 'ERROR|runtime error|invariant broken|Test unit written' "$log" | head -n 20 >&2 || tail -n 30 "$log" >&2
    status=1
  else
    echo "fuzz: $t ok: ${execs:-?} executions in ${took}s" >&2
  fi
done
if ((replay_status != 0)); then
  echo "fuzz: a seed input fails (a regression): see above" >&2
  exit 1
fi
if ((status != 0)) && [[ "${FUZZ_REPORT_ONLY:-}" == 1 ]]; then
  echo "fuzz: FINDINGS REPORTED (not failing: FUZZ_REPORT_ONLY=1); inputs in $build_dir/artifacts/" >&2
  exit 0
fi
exit "$status"
