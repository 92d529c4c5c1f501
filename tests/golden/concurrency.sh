#!/usr/bin/env bash
# Two ingest processes on one store while readers export and query it: all
# finish, readers never see a broken store, and the result equals a clean
# sequential ingest in the order the documents were committed.
# Usage: concurrency.sh IRGRAPH ROOT [DOCS]
set -uo pipefail
irgraph=$(realpath "$1")
root=$(realpath "$2")
docs=${3:-300}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "concurrency: $1"; exit 1; }
bash "$root/tests/golden/make_feed.sh" "$root" "$docs" "$tmp/feed.jsonl"
# Two processes creating the same new store at the same moment: both succeed
# (SQLite answers "database is locked" at once while a new file turns to WAL).
head -n 4 "$tmp/feed.jsonl" > "$tmp/p.jsonl"
sed -n 5,8p "$tmp/feed.jsonl" > "$tmp/q.jsonl"
for i in $(seq 1 20); do
  rm -f "$tmp/new.db"*
  "$irgraph" -q --db "$tmp/new.db" ingest "$tmp/p.jsonl" > "$tmp/p.out" 2>&1 & p=$!
  "$irgraph" -q --db "$tmp/new.db" ingest "$tmp/q.jsonl" > "$tmp/q.out" 2>&1 & q=$!
  wait $p || fail "creating a store beside another process: $(cat "$tmp/p.out")"
  wait $q || fail "creating a store beside another process: $(cat "$tmp/q.out")"
  [ "$(sqlite3 "$tmp/new.db" "SELECT count(*) FROM documents")" = 8 ] || fail "a store created by two processes lacks documents"
done
half=$((docs / 2))
head -n "$half" "$tmp/feed.jsonl" > "$tmp/a.jsonl"
tail -n +"$((half + 1))" "$tmp/feed.jsonl" > "$tmp/b.jsonl"
db="$tmp/shared.db"
"$irgraph" -q --db "$db" ingest "$tmp/a.jsonl" > "$tmp/a.out" 2>&1 & a=$!
"$irgraph" -q --db "$db" ingest "$tmp/b.jsonl" > "$tmp/b.out" 2>&1 & b=$!
reads=0
while kill -0 $a 2> /dev/null || kill -0 $b 2> /dev/null; do
  if [ -f "$db" ]; then
    out=$("$irgraph" --db "$db" export --format jsonld 2>&1) || {
      case "$out" in *"empty store"*|*"no such store"*) ;; *) fail "a reader failed during ingest: $out" ;; esac
    }
    reads=$((reads + 1))
  fi
done
wait $a || fail "first ingest failed: $(cat "$tmp/a.out")"
wait $b || fail "second ingest failed: $(cat "$tmp/b.out")"
[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = "ok" ] || fail "integrity_check"
n=$(sqlite3 "$db" "SELECT count(*) FROM documents")
[ "$n" = "$docs" ] || fail "$n documents stored, expected $docs"
# the same documents, one process, in commit order
sqlite3 "$db" "SELECT doc FROM document_records ORDER BY seq" > "$tmp/order"
/usr/bin/python3 - "$tmp/feed.jsonl" "$tmp/order" "$tmp/ordered.jsonl" <<'PY'
import json, sys
lines = {json.loads(l)["id"]: l for l in open(sys.argv[1], encoding="utf-8")}
with open(sys.argv[3], "w", encoding="utf-8") as out:
    for i in open(sys.argv[2]):
        out.write(lines[i.strip()])
PY
"$irgraph" -q --db "$tmp/seq.db" ingest "$tmp/ordered.jsonl"
"$irgraph" --db "$db" export --format jsonld -o "$tmp/shared.jsonld"
"$irgraph" --db "$tmp/seq.db" export --format jsonld -o "$tmp/seq.jsonld"
cmp -s "$tmp/shared.jsonld" "$tmp/seq.jsonld" || fail "the shared store differs from a sequential ingest in commit order"
echo "concurrency: 2 writers, $reads reads during ingest, $docs documents: consistent"
