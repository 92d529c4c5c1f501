#!/usr/bin/env bash
# The main job on a fresh machine: install what is missing, build, ingest
# samples/articles into samples/out/irgraph.db, write the graph as DOT,
# JSON-LD and an SVG diagram, and print the shortest connection between
# two officials of the seed article.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
out=samples/out
mkdir -p "$out"
rm -f "$out"/irgraph.db "$out"/irgraph.db-wal "$out"/irgraph.db-shm
irgraph=build/irgraph
"$irgraph" --db "$out/irgraph.db" ingest samples/articles
"$irgraph" --db "$out/irgraph.db" export --format dot -o "$out/graph.dot"
"$irgraph" --db "$out/irgraph.db" export --format jsonld -o "$out/graph.jsonld"
"$irgraph" --db "$out/irgraph.db" render -o "$out/graph.svg"
"$irgraph" --db "$out/irgraph.db" render -o "$out/cavusoglu.svg" --focus "Çavuşoğlu" --depth 2
echo
"$irgraph" --db "$out/irgraph.db" path "Cavusoglu" "Merkel"
echo
echo "wrote $out/graph.dot, $out/graph.jsonld, $out/graph.svg, $out/cavusoglu.svg (store: $out/irgraph.db)"
