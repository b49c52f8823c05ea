#!/usr/bin/env bash
# Sets up, builds and runs every test. Usage: scripts/test.sh
#   BUILD_DIR=...   build folder (default: build)
#   CMAKE_ARGS=...  extra configure arguments (the sanitizer build in .ci/run uses this)
#   CTEST_ARGS=...  extra ctest arguments (the sanitizer build leaves out the "big" label: -LE big)
#   TIMELINER_SKIP_WEB=1  leave out the browser tests of the viewer (web/)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
build_dir=${BUILD_DIR:-build}
# shellcheck disable=SC2086
cmake -S . -B "$build_dir" -DTIMELINER_WERROR=ON ${CMAKE_ARGS:-} >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
# shellcheck disable=SC2086
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)" ${CTEST_ARGS:-}
if [[ "${TIMELINER_SKIP_WEB:-}" != 1 ]]; then
  scripts/web-setup.sh
  scripts/web-test.sh
fi
