#!/usr/bin/env bash
# Installs what irgraph needs from Debian's packages and the npm registry.
#   scripts/setup.sh          to build and run irgraph
#   scripts/setup.sh --tests  also what the test suite runs (validators, Chromium)
# Does nothing when everything is present; otherwise runs apt-get and npm ci
# non-interactively (needs root, or sudo). npm packages are pinned by lock files.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake pkg-config
  libboost-graph-dev rapidjson-dev libgraphviz-dev graphviz
  doctest-dev libicu-dev libsqlite3-dev sqlite3 iso-codes libcli11-dev libxxhash-dev help2man libcpp-httplib-dev
)
NPM_DIRS=(export/html serve/web)   # the HTML viewer's and the serve page's graph libraries, compiled into irgraph
if [ "${1:-}" = "--tests" ]; then
  PACKAGES+=(python3-pyld python3-rdflib python3-networkx raptor2-utils jing libxml2-utils time chromium man-db curl)
  NPM_DIRS+=(tests/validators)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} Debian packages present"
else
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

command -v npm >/dev/null || { echo "setup: npm is needed (Node.js 18 or newer)"; exit 1; }
for dir in "${NPM_DIRS[@]}"; do
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules" ]; then
    echo "setup: npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --silent)
    touch "$dir/node_modules"
  fi
done
