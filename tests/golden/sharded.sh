#!/usr/bin/env bash
# Sharded extraction equals one ingest: split a feed into N shards, run
# `extract` on each separately (in parallel, no store), `merge` the shards in
# order, and compare the canonical export byte for byte with one ingest.
# Usage: sharded.sh IRGRAPH ROOT [SHARDS] [DOCS]
set -uo pipefail
irgraph=$(realpath "$1")
root=$(realpath "$2")
shards=${3:-4}
docs=${4:-200}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "sharded: $1"; exit 1; }
bash "$root/tests/golden/make_feed.sh" "$root" "$docs" "$tmp/feed.jsonl"
# the samples too, so that real articles with their own dates are in the shards
cat "$root/samples/articles/us-state-department.jsonl" >> "$tmp/feed.jsonl"
"$irgraph" -q --db "$tmp/single.db" ingest "$tmp/feed.jsonl" || fail "single ingest failed"
split -n "l/$shards" -d "$tmp/feed.jsonl" "$tmp/shard-"
pids=()
for s in "$tmp"/shard-*; do
  mv "$s" "$s.jsonl"
  "$irgraph" extract "$s.jsonl" > "$s.records" &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || fail "an extract shard failed"; done
"$irgraph" -q --db "$tmp/merged.db" merge "$tmp"/shard-*.records || fail "merge failed"
for f in jsonld dot; do
  "$irgraph" --db "$tmp/single.db" export --format $f -o "$tmp/single.$f"
  "$irgraph" --db "$tmp/merged.db" export --format $f -o "$tmp/merged.$f"
  cmp -s "$tmp/single.$f" "$tmp/merged.$f" || fail "the merged $f export differs from one ingest"
done
# merging the same shards again adds nothing
"$irgraph" --db "$tmp/merged.db" merge "$tmp"/shard-*.records | grep -q " 0 documents added" || fail "merge was not idempotent"
echo "sharded: $shards shards of $(wc -l < "$tmp/feed.jsonl") documents extracted apart and merged = one ingest"
