#!/usr/bin/env bash
# Sets up the browser viewer: Debian's chromium (only when missing), npm ci in web/, and the bundle build.
# Usage: scripts/web-setup.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "web-setup: installing nodejs and npm" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq nodejs npm >&2
fi

if [[ ! -x /usr/bin/chromium ]]; then
  echo "web-setup: installing chromium" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq chromium >&2
fi

cd "$root/web"
npm ci --no-audit --no-fund --loglevel=error
npm run --silent build
