#!/usr/bin/env bash
# The HTML page of a big graph in a real browser (Debian's headless Chromium):
# how long irgraph takes to write it (the layout is computed then), how long
# the page takes to be ready, and how long a zoom takes to draw; medians of 3.
# The graph: the unannotated corpus when it is beside the project, else 1,800
# generated meetings (3,600 entities).  Usage: html_bench.sh IRGRAPH ROOT WORK_DIR
set -euo pipefail
irgraph=$1 root=$(realpath "$2") work=$3
validators="$root/tests/validators"
[ -d "$validators/node_modules" ] || (cd "$validators" && npm ci --no-audit --no-fund --silent)
db="$work/html-bench.db"
rm -f "$db"
if [ -d "$root/../shared/corpus" ]; then
  what="the corpus (../shared/corpus)"
  "$irgraph" -q --db "$db" ingest "$root/../shared/corpus"
else
  what="1,800 generated meetings"
  bash "$root/scripts/make-meetings.sh" 1800 "$work/meetings"
  "$irgraph" -q --db "$db" ingest "$work/meetings"
fi
# shellcheck source=bench/median.sh
source "$(dirname "$0")/median.sh"
write=() ready=() zoom=()
for run in 1 2 3; do
  start=$(date +%s%N)
  "$irgraph" --db "$db" export -f html -o "$work/page.html"
  write+=($(( ($(date +%s%N) - start) / 1000000 )))
  line=$(node "$validators/check_html.mjs" "$work/page.html" "$work/page.png")
  ready+=("$(sed -n 's/.* ready in \([0-9]*\) ms.*/\1/p' <<< "$line")")
  zoom+=("$(sed -n 's/.* a zoom drawn in \([0-9]*\) ms.*/\1/p' <<< "$line")")
  size=$(sed -n 's/^html: \([0-9]* nodes and [0-9]* relations\).*/\1/p' <<< "$line")
done
echo "html page of $what ($size), medians of 3: written in $(median "${write[@]}") ms," \
     "ready in the browser in $(median "${ready[@]}") ms, a zoom drawn in $(median "${zoom[@]}") ms"
