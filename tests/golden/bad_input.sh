#!/usr/bin/env bash
# Bad input beside good input: one clear error per bad item naming the file,
# line and byte; the good articles are ingested; exit status 1; nothing
# already stored is lost.
set -uo pipefail
irgraph=$(realpath "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/in"
printf 'Envoys meet\n\nGerman Foreign Minister Annalena Baerbock met Polish Foreign Minister Zbigniew Rau in Warsaw.\n' > "$tmp/in/good.txt"
printf 'Broken\n\nThis line is fine.\nThis one is not: \xff\xfe here.\n' > "$tmp/in/bad.txt"
printf 'Nul\n\nA NUL \x00 byte.\n' > "$tmp/in/nul.txt"
printf '%s\n' '{"id": "j1", "title": "Talks", "date": "2022-05-04", "text": "Canadian Prime Minister Justin Trudeau visited Kyiv."}' \
  '{"id": "j2", "text": "unterminated' > "$tmp/in/feed.jsonl"
printf '\xef\xbb\xbfWindows file\r\n\r\nFrench President Emmanuel Macron visited Algeria.\r\n' > "$tmp/in/crlf-bom.txt"
: > "$tmp/in/empty.txt"
db="$tmp/irgraph.db"
"$irgraph" --db "$db" ingest "$tmp/in" > "$tmp/out" 2> "$tmp/err"
rc=$?
fail() { echo "bad_input: $1"; echo "--- stdout"; cat "$tmp/out"; echo "--- stderr"; cat "$tmp/err"; exit 1; }
[ $rc -eq 1 ] || fail "exit status $rc, expected 1"
grep -q "bad.txt:4: byte 44: invalid UTF-8" "$tmp/err" || fail "no clear error for bad.txt"
grep -q "nul.txt:3: byte 11: NUL byte" "$tmp/err" || fail "no clear error for nul.txt"
grep -q "feed.jsonl:2: byte .*bad JSON" "$tmp/err" || fail "no clear error for the bad JSON line"
grep -q "empty.txt: byte 0: empty article" "$tmp/err" || fail "no clear error for the empty file"
[ "$(grep -c 'skipped' "$tmp/err")" -eq 4 ] || fail "expected exactly four errors"
grep -q "3 ingested" "$tmp/out" || fail "the good articles were not ingested"
grep -q "4 skipped" "$tmp/out" || fail "the summary does not count the skipped items"
"$irgraph" --db "$db" stats | grep -q "^documents: 3$" || fail "store does not hold the three good documents"
"$irgraph" --db "$db" show Macron | grep "Algeria" > /dev/null || fail "the CRLF file with a BOM was not read"
"$irgraph" --db "$db" path "Baerbock" "Rau" | grep "metWith" > /dev/null || fail "the good article's relation is missing"
# a bad file later does not lose what is stored
"$irgraph" --db "$db" ingest "$tmp/in/bad.txt" > /dev/null 2>&1
"$irgraph" --db "$db" stats | grep -q "^documents: 3$" || fail "a failed ingest changed the store"
# a 100 MB file and a 100 MB JSON line: refused with a clear error, in bounded memory
head -c 100000000 /dev/zero | tr '\0' 'a' > "$tmp/huge.txt"
/usr/bin/time -f "%M" -o "$tmp/rss" "$irgraph" --db "$db" ingest "$tmp/huge.txt" > /dev/null 2> "$tmp/err4"
grep -q "huge.txt: byte 67108864: article larger than 64 MiB" "$tmp/err4" || fail "no clear error for a 100 MB file"
{ printf '{"id": "big", "text": "'; head -c 100000000 /dev/zero | tr '\0' 'a'; printf '"}\n'; } > "$tmp/huge.jsonl"
"$irgraph" --db "$db" ingest "$tmp/huge.jsonl" > /dev/null 2> "$tmp/err5"
grep -q "huge.jsonl:1: byte 67108864: JSON line longer than 64 MiB" "$tmp/err5" || fail "no clear error for a 100 MB JSON line"
rss=$(tail -n 1 "$tmp/rss"); [ "$rss" -lt 400000 ] || fail "reading a 100 MB file took $rss KB"
"$irgraph" --db "$db" stats | grep -q "^documents: 3$" || fail "huge inputs changed the store"
# unreadable files and folders (as an unprivileged user: root reads everything)
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
  mkdir -p "$tmp/perm/closed"
  cp "$tmp/in/good.txt" "$tmp/perm/readable.txt"
  cp "$tmp/in/good.txt" "$tmp/perm/closed/inside.txt"
  printf 'Locked\n\nText.\n' > "$tmp/perm/locked.txt"
  chmod 000 "$tmp/perm/locked.txt" "$tmp/perm/closed"
  chmod 777 "$tmp" "$tmp/perm"
  setpriv --reuid=65534 --regid=65534 --clear-groups "$irgraph" --db "$tmp/perm/user.db" ingest "$tmp/perm" \
    > "$tmp/out6" 2> "$tmp/err6"
  [ $? -eq 1 ] || fail "unreadable inputs did not give exit status 1"
  grep -q "locked.txt: byte 0: cannot open file" "$tmp/err6" || fail "no clear error for an unreadable file: $(cat "$tmp/err6")"
  grep -q "closed: byte 0: cannot read folder: Permission denied" "$tmp/err6" || fail "no clear error for an unreadable folder"
  grep -q "1 ingested" "$tmp/out6" || fail "the readable file beside unreadable ones was not ingested: $(cat "$tmp/out6")"
  chmod 755 "$tmp/perm/closed"
fi
# a store path that is not a database: clear error, file untouched
echo "my notes" > "$tmp/notes.txt"
"$irgraph" --db "$tmp/notes.txt" ingest "$tmp/in/good.txt" > /dev/null 2> "$tmp/err2"
[ $? -eq 1 ] || fail "a non-database store was accepted"
grep -q "not an SQLite database" "$tmp/err2" || fail "unclear error for a non-database store"
[ "$(cat "$tmp/notes.txt")" = "my notes" ] || fail "the non-database file was changed"
# usage errors exit 2 with a hint
"$irgraph" ingset x > /dev/null 2> "$tmp/err3"
[ $? -eq 2 ] || fail "unknown command did not exit 2"
grep -q "did you mean 'ingest'" "$tmp/err3" || fail "no did-you-mean for a misspelt command"
echo "bad_input: ok"
