#!/usr/bin/env bash
# Progress: shown on a terminal (a pseudo-terminal through script(1)),
# absent when output is not a terminal and with --quiet.
set -uo pipefail
irgraph=$(realpath "$1")
root=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "progress: $1"; exit 1; }
# enough documents that the run lasts well past the first progress line (50 ms), however fast ingest gets
bash "$root/tests/golden/make_feed.sh" "$root" 3000 "$tmp/feed.jsonl"
script -qec "$irgraph --db $tmp/a.db ingest $tmp/feed.jsonl" /dev/null > "$tmp/tty.out" 2>&1
grep -q "docs/s" "$tmp/tty.out" || fail "no progress on a terminal"
grep -q "MB/s" "$tmp/tty.out" || fail "no throughput on a terminal"
"$irgraph" --db "$tmp/b.db" ingest "$tmp/feed.jsonl" > "$tmp/pipe.out" 2>&1
grep -q "docs/s" "$tmp/pipe.out" && fail "progress printed into a pipe"
script -qec "$irgraph --quiet --db $tmp/c.db ingest $tmp/feed.jsonl" /dev/null > "$tmp/quiet.out" 2>&1
[ -s "$tmp/quiet.out" ] && fail "--quiet printed: $(cat "$tmp/quiet.out")"
echo "progress: ok"
