#!/usr/bin/env bash
# Sets up the browser tests of the viewer: what scripts/setup.sh installs (Node.js, npm, web/node_modules),
# Debian's chromium (only when missing), and the bundle in web/dist (which web/index.html loads).
# Usage: scripts/web-setup.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"

if [[ ! -x /usr/bin/chromium ]]; then
  echo "web-setup: installing chromium" >&2
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq chromium >&2
fi

cd "$root/web"
npm run --silent build
