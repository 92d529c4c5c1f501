#!/usr/bin/env bash
# Golden CLI test: ingest samples/articles, then compare the exports, the
# statistics and a path answer with samples/expected/. With --update, write
# the expected files instead (review the diff like code).
set -euo pipefail
irgraph=$(realpath "$1")
root=$(realpath "$2")
update=${3:-}
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db="$tmp/irgraph.db"
"$irgraph" -q --db "$db" ingest samples/articles
"$irgraph" --db "$db" export --format jsonld -o "$tmp/graph.jsonld"
"$irgraph" --db "$db" export --format dot -o "$tmp/graph.dot"
"$irgraph" --db "$db" stats | sed "s|$tmp/||" > "$tmp/stats.txt"
"$irgraph" --db "$db" path "Cavusoglu" "Merkel" > "$tmp/path.txt"
# ingesting again adds nothing
again=$("$irgraph" --db "$db" ingest samples/articles)
case "$again" in
  *" 0 ingested, "*" already stored, 0 skipped"*) ;;
  *) echo "second ingest was not idempotent: $again"; exit 1 ;;
esac
"$irgraph" --db "$db" stats | sed "s|$tmp/||" | diff -u "$tmp/stats.txt" - || { echo "second ingest changed the store"; exit 1; }
# the DOT export is accepted by Graphviz without a warning
if command -v dot >/dev/null; then
  dot -Tsvg "$tmp/graph.dot" -o "$tmp/graph.svg" 2> "$tmp/dot.err"
  if [ -s "$tmp/dot.err" ]; then cat "$tmp/dot.err"; exit 1; fi
fi
status=0
for f in graph.jsonld graph.dot stats.txt path.txt; do
  if [ "$update" = "--update" ]; then
    cp "$tmp/$f" "samples/expected/$f"
  elif ! diff -u "samples/expected/$f" "$tmp/$f" > "$tmp/$f.diff"; then
    echo "golden: $f differs from samples/expected/$f:"
    head -60 "$tmp/$f.diff"
    status=1
  fi
done
[ "$update" = "--update" ] && echo "golden: samples/expected updated"
exit $status
