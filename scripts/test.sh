#!/usr/bin/env bash
# Sets up, builds and runs every test. Usage: scripts/test.sh
#   BUILD_DIR=...   build folder (default: build)
#   CMAKE_ARGS=...  extra configure arguments (the sanitizer build in .ci/run uses this)
#   TIMELINER_SKIP_WEB=1  leave out the browser tests of the viewer (web/)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
build_dir=${BUILD_DIR:-build}
# shellcheck disable=SC2086
cmake -S . -B "$build_dir" -DTIMELINER_WERROR=ON ${CMAKE_ARGS:-} >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)"
if [[ "${TIMELINER_SKIP_WEB:-}" != 1 ]]; then
  scripts/web-setup.sh
  scripts/web-test.sh
fi
