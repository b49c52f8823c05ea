#!/usr/bin/env bash
# Installs the Debian packages timeliner needs, only those that are missing, and the npm packages
# of the viewer (web/node_modules, `npm ci` from web/package-lock.json) when they are missing or
# older than the lockfile. A no-op (no apt-get or npm call at all) when everything is there.
# Usage: scripts/setup.sh [PACKAGE...]   (more packages for one job: the fuzzers, the benchmark)
# (Chromium, for the browser tests of the viewer, is set up by scripts/web-setup.sh.)
set -euo pipefail

# The one scan over the text (src/grammar/scan_db.hpp): Hyperscan on amd64, its portable fork
# Vectorscan elsewhere (the two packages conflict; CMake finds either, and builds without them).
scan_library=libvectorscan-dev
if [[ $(dpkg --print-architecture) == amd64 ]] &&
  ! dpkg-query -W -f='${Status}' libvectorscan-dev 2>/dev/null | grep -q 'install ok installed'; then
  scan_library=libhyperscan-dev
fi

packages=(
  build-essential cmake pkg-config
  libhowardhinnant-date-dev libre2-dev nlohmann-json3-dev libboost-test-dev libcli11-dev
  libxml2-dev "$scan_library"
  help2man  # the man page, written from timeliner --help at build time
  dpkg-dev file man-db  # the install tests: cpack's dpkg-shlibdeps (runs file on each file), man -l
  python3-dev pybind11-dev python3-pytest python3-pandas  # the Python module, its tests and example
  python3-distributed  # the Dask map-reduce test (tests/dask)
  "$@"
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
# Node.js and npm build the viewer page built into timeliner (web/, esbuild); any installed copy
# will do (Debian's nodejs and npm when there is none).
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)

if ((${#missing[@]} > 0)); then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

web=$(cd "$(dirname "$0")/../web" && pwd)
if [[ ! -f $web/node_modules/.package-lock.json || $web/package-lock.json -nt $web/node_modules/.package-lock.json ]]; then
  echo "setup: npm ci in web/" >&2
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
