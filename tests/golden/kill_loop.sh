#!/usr/bin/env bash
# Crash safety: kill a real ingest with SIGKILL at random moments, again and
# again on the same store, and after every kill check that the store passes
# PRAGMA integrity_check and holds only whole documents; resume until an
# ingest finishes, and check the result equals one clean ingest.
# Usage: kill_loop.sh IRGRAPH ROOT [ROUNDS] [DOCS]
set -uo pipefail
irgraph=$(realpath "$1")
root=$(realpath "$2")
rounds=${3:-3}
docs=${4:-400}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bash "$root/tests/golden/make_feed.sh" "$root" "$docs" "$tmp/feed.jsonl"
fail() { echo "kill_loop: $1"; exit 1; }
"$irgraph" -q --db "$tmp/ref.db" ingest "$tmp/feed.jsonl" || fail "reference ingest failed"
"$irgraph" --db "$tmp/ref.db" export --format jsonld -o "$tmp/ref.jsonld"
# how long one whole ingest takes, to spread the kills over it
start=$(date +%s%N)
"$irgraph" -q --db "$tmp/timing.db" ingest "$tmp/feed.jsonl"
span_ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$span_ms" -ge 20 ] || span_ms=20
kills=0 checks=0
check() {
  local db=$1
  [ -f "$db" ] || return 0
  local ic
  ic=$(sqlite3 "$db" "PRAGMA integrity_check" 2>&1) || fail "integrity_check could not run: $ic"
  [ "$ic" = "ok" ] || fail "integrity_check after a kill: $ic"
  # every stored document is whole: its records are there, and no evidence or mention cites a missing one
  local bad
  bad=$(sqlite3 "$db" "SELECT (SELECT count(*) FROM documents d LEFT JOIN document_records r ON r.doc = d.id WHERE r.doc IS NULL)
    + (SELECT count(*) FROM evidence WHERE doc NOT IN (SELECT id FROM documents))
    + (SELECT count(*) FROM node_documents WHERE doc NOT IN (SELECT id FROM documents))
    + (SELECT count(*) FROM relations r WHERE NOT EXISTS (SELECT 1 FROM evidence e WHERE e.relation = r.id))" 2>/dev/null || echo 0)
  [ "$bad" = "0" ] || fail "a half-written document after a kill ($bad inconsistent rows)"
  checks=$((checks + 1))
}
for round in $(seq 1 "$rounds"); do
  db="$tmp/round$round.db"
  n=0
  while :; do
    "$irgraph" -q --db "$db" ingest "$tmp/feed.jsonl" > /dev/null 2>&1 &
    pid=$!
    # a random moment in the first half of an ingest, later after each kill of this round:
    # a resumed ingest that is slower than the delay (a busy machine) would otherwise never finish
    delay_ms=$(( RANDOM % (span_ms / 2 + 1) + n * span_ms / 48 ))
    n=$((n + 1))
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    if kill -9 "$pid" 2> /dev/null; then
      wait "$pid" 2> /dev/null
      kills=$((kills + 1))
      check "$db"
    else
      wait "$pid" || fail "an ingest that was not killed failed"
      break
    fi
  done
  check "$db"
  "$irgraph" --db "$db" export --format jsonld -o "$tmp/out.jsonld"
  cmp -s "$tmp/ref.jsonld" "$tmp/out.jsonld" || fail "round $round: the resumed store differs from a clean ingest"
done
echo "kill_loop: one ingest takes ${span_ms} ms; $kills kills, $checks checks, $rounds rounds of $docs documents: nothing lost, nothing half-written"
