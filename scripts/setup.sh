#!/usr/bin/env bash
# Installs the Debian packages timeliner needs, only those that are missing.
# A no-op (no apt-get call at all) when everything is already installed.
# Usage: scripts/setup.sh [PACKAGE...]   (more packages for one job: the fuzzers, the benchmark)
# (The browser viewer's own needs, Node.js packages and Chromium, are set up by scripts/web-setup.sh.)
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libhowardhinnant-date-dev libre2-dev nlohmann-json3-dev libboost-test-dev libcli11-dev
  libxml2-dev
  python3-distributed  # the Dask map-reduce test (tests/dask)
  "$@"
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
