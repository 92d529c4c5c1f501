#!/usr/bin/env bash
# irgraph serve on a real store: the page in Debian's headless Chromium (ready,
# suggestions, a click that expands, three connections; medians of 3), then
# loopback load with 1 and 50 clients for 10 s each (requests/s, p50, p99),
# and the server's resident memory after it. The store: the unannotated
# corpus when it is beside the project, else 1,800 generated meetings.
# Usage: serve_bench.sh IRGRAPH LOAD_PROGRAM ROOT WORK_DIR
set -euo pipefail
irgraph=$1 load=$2 root=$(realpath "$3") work=$4
validators="$root/tests/validators"
[ -d "$validators/node_modules" ] || (cd "$validators" && npm ci --no-audit --no-fund --silent)
db="$work/serve-bench.db"
rm -f "$db"
if [ -d "$root/../shared/corpus" ]; then
  what="the corpus (../shared/corpus)" query=Biden from="Vladimir Putin" to="Joe Biden"
  "$irgraph" -q --db "$db" ingest "$root/../shared/corpus"
else
  what="1,800 generated meetings" query=Minister from="" to=""
  bash "$root/scripts/make-meetings.sh" 1800 "$work/meetings"
  "$irgraph" -q --db "$db" ingest "$work/meetings"
fi
"$irgraph" --db "$db" serve --port 0 > "$work/serve.out" &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 100); do grep -q "^irgraph serve: http" "$work/serve.out" && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$work/serve.out")
port=$(echo "$url" | sed 's|.*:\([0-9]*\)/$|\1|')
if [ -z "$from" ]; then  # two entities of the generated graph
  from=$(curl -s "${url}api/search?q=$query&limit=2" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["entities"][0]["name"])')
  to=$(curl -s "${url}api/search?q=$query&limit=2" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["entities"][1]["name"])')
fi
# shellcheck source=bench/median.sh
source "$(dirname "$0")/median.sh"
ready=() suggest=() expand=() paths=()
for run in 1 2 3; do
  line=$(node "$validators/check_serve.mjs" "$url" "$query" "$from" "$to" "$work/serve-$run")
  ready+=("$(sed -n 's/.* ready in \([0-9]*\) ms.*/\1/p' <<< "$line")")
  suggest+=("$(sed -n 's/.* suggestions in \([0-9]*\) ms.*/\1/p' <<< "$line")")
  expand+=("$(sed -n 's/.* entities in \([0-9]*\) ms.*/\1/p' <<< "$line")")
  paths+=("$(sed -n 's/.* hops with evidence in \([0-9]*\) ms.*/\1/p' <<< "$line")")
done
echo "serve page on $what, medians of 3: ready in $(median "${ready[@]}") ms, suggestions in $(median "${suggest[@]}") ms," \
     "a click expanded in $(median "${expand[@]}") ms, connections with evidence in $(median "${paths[@]}") ms"
"$load" 127.0.0.1 "$port" 10 1 "$from" "$to"
"$load" 127.0.0.1 "$port" 10 50 "$from" "$to"
echo "serve: resident memory after the load $(awk '/^VmRSS:/ {print int($2 / 1024)}' "/proc/$server/status") MB"
