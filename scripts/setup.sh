#!/usr/bin/env bash
# Installs the Debian packages irgraph needs to build, run and test.
# Does nothing when everything is already present; otherwise runs apt-get
# non-interactively (needs root, or sudo).
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config
  libboost-graph-dev rapidjson-dev libgraphviz-dev graphviz
  doctest-dev libicu-dev libsqlite3-dev sqlite3 iso-codes libcli11-dev libxxhash-dev time
  python3-pyld python3-rdflib jing libxml2-utils
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
