#!/usr/bin/env bash
# Extraction quality floor: all dev articles into one graph, scored by the
# project's score.py. Fails when entity or relation F1 falls below the floor
# reached so far (raise the floor when extraction improves; never lower it).
set -euo pipefail
ENTITY_F1_FLOOR=0.946
RELATION_F1_FLOOR=0.786
irgraph=$(realpath "$1")
eval_dir=$2
if [ ! -f "$eval_dir/score.py" ] || [ ! -d "$eval_dir/dev" ]; then
  echo "score_floor: no evaluation set at $eval_dir: skipped"
  exit 77
fi
if ! /usr/bin/python3 -c "import pyld" 2>/dev/null; then
  echo "score_floor: Debian's python3-pyld is missing (scripts/setup.sh installs it)"
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$irgraph" -q --db "$tmp/dev.db" ingest "$eval_dir/dev"
"$irgraph" --db "$tmp/dev.db" export --format jsonld -o "$tmp/dev.jsonld"
/usr/bin/python3 "$eval_dir/score.py" "$tmp/dev.jsonld" "$eval_dir/dev" \
  --min-entity-f1 "$ENTITY_F1_FLOOR" --min-relation-f1 "$RELATION_F1_FLOOR"
