#!/usr/bin/env bash
# The hostile-user suite, bounded for CI: inputs and commands that once lost
# data silently, crashed, hung or wrote what consumers reject. Each check is
# named after the item of the reliability promise it holds (README,
# "Reliability"). Usage: hostile.sh IRGRAPH PROJECT_ROOT [CHECK ...]
set -uo pipefail
# shellcheck source=tests/golden/checks.sh
source "$(dirname "$0")/checks.sh"

article() {  # article FILE TEXT...: a plain-text article with a headline
  printf 'Headline\n\n%s\n' "$2" > "$1"
}
fingerprint() {  # the store's content, as a clean comparison
  ig --db "$1" export -f jsonld 2>/dev/null | md5sum
}

# -- data lost without a word --------------------------------------------------

check_export_onto_store() {
  article a.txt "German Foreign Minister Annalena Baerbock met Polish Foreign Minister Zbigniew Rau in Warsaw."
  ig -q --db s.db ingest a.txt
  local before; before=$(fingerprint s.db)
  ig --db s.db export -f dot -o s.db 2> err && fail "export -o onto the store succeeded"
  grep -q "is the store" err || fail "no clear error for export onto the store: $(cat err)"
  ln -s s.db link.db
  ig --db s.db export -f dot -o link.db 2> /dev/null && fail "export -o onto a link to the store succeeded"
  ig --db s.db export -f dot -o s.db-wal 2> /dev/null && fail "export -o onto the store's WAL succeeded"
  ig --db s.db render -o s.db --format svg 2> /dev/null && fail "render -o onto the store succeeded"
  [ "$(fingerprint s.db)" = "$before" ] || fail "the store changed"
}

check_empty_db() {
  article a.txt "French President Emmanuel Macron visited Algeria."
  ig --db '' ingest a.txt > out 2> err
  [ $? -eq 2 ] || fail "--db '' was not a usage error"
  grep -q -- "--db" err || fail "the error does not name --db: $(cat err)"
}

check_folder_case() {
  mkdir in
  article in/A.TXT "French President Emmanuel Macron visited Algeria."
  article in/b.Jsonl.txt "Canadian Prime Minister Justin Trudeau visited Kyiv."
  printf '%s\n' '{"id": "j1", "text": "Kenyan President William Ruto visited Ethiopia."}' > in/c.JSONL
  printf 'a,b\n' > in/notes.csv
  ig --db s.db ingest in > out 2> err
  grep -q "3 ingested" out || fail "case variants of .txt/.jsonl were skipped: $(cat out err)"
  grep -q "1 file ignored, not article files.*notes.csv" err || fail "a file of another kind was skipped without a word: $(cat err)"
}

check_symlink_loops() {
  mkdir -p in/a in/b
  article in/a/x.txt "French President Emmanuel Macron visited Algeria."
  ln -s .. in/a/up
  ln -s ../a in/b/loop
  ig --db s.db ingest in > out 2> err
  [ $? -eq 124 ] && { fail "ingest of a folder with symlink loops did not end"; return; }
  grep -q "1 ingested" out || fail "the article beside the loops was not ingested: $(cat out)"
  grep -q "symlink loop" err || fail "the loops were not reported: $(cat err)"
}

check_id_collisions() {
  # two inputs whose ids collide: the second never replaces the first unasked
  printf '%s\n' '{"id": "1", "text": "Kenyan President William Ruto visited Ethiopia."}' > a.jsonl
  printf '%s\n' '{"id": "1", "text": "Canadian Prime Minister Justin Trudeau visited Kyiv."}' > b.jsonl
  ig --db s.db ingest a.jsonl b.jsonl > out 2> err
  [ $? -eq 1 ] || fail "a colliding id did not make ingest exit 1"
  grep -q "b.jsonl:1: .*id stored from another input: '1' came from .*a.jsonl.*--replace" err ||
    fail "no clear error for a colliding id: $(cat err)"
  grep -q "1 skipped (1 id stored from another input)" out || fail "the summary does not count the collision: $(cat out)"
  ig --db s.db show Ruto > /dev/null 2>&1 || fail "the first input's article was replaced"
  ig --db s.db show Trudeau > /dev/null 2>&1 && fail "the second input's article was stored"
  ig --db s.db ingest --replace b.jsonl > out 2> err || fail "--replace was refused: $(cat err)"
  grep -q "1 replacing an older version" out || fail "the replacement was not reported: $(cat out)"
  ig --db s.db show Trudeau > /dev/null 2>&1 || fail "--replace did not replace"
  # the same input again, edited, replaces its own articles without --replace
  printf '%s\n' '{"id": "1", "text": "Canadian Prime Minister Justin Trudeau visited Warsaw."}' > b.jsonl
  ig --db s.db ingest b.jsonl > out 2> err || fail "an edited input could not replace its own article: $(cat err)"
}

check_path_spellings() {
  # one file, however its path is typed, is one document; an edit replaces it
  mkdir -p pa
  article pa/a.txt "French President Emmanuel Macron visited Algeria."
  ig -q --db s.db ingest pa/a.txt
  ig --db s.db ingest ./pa/a.txt "$PWD/pa/a.txt" pa/../pa/a.txt > out 2>&1
  grep -q "0 ingested, 3 already stored" out || fail "another spelling of a stored file was ingested again: $(cat out)"
  article pa/a.txt "French President Emmanuel Macron visited Morocco."
  ig --db s.db ingest "$PWD/pa/a.txt" > out 2>&1
  grep -q "1 replacing an older version" out || fail "an edit typed another way did not replace the file's document: $(cat out)"
  (cd pa && ig --db ../s.db ingest a.txt > ../out2 2>&1)
  grep -q "0 ingested, 1 already stored" out2 || fail "the file read from its own folder was another document: $(cat out2)"
  [ "$(ig --db s.db stats | sed -n 's/^documents: //p')" = 1 ] || fail "one file became several documents"
  ig --db s.db show Macron | grep -q "visited.*Algeria" && fail "the old version's relation stayed"
  ig -q --db s.db forget pa/a.txt || fail "the document is not known by the id it was first stored under"
}

check_slow_feed() {
  # --batch 1 on a feed that pauses: each document is committed as it comes,
  # whatever -j, and a kill -9 during the pause loses none of them
  mkfifo feed
  (printf '%s\n' '{"id": "1", "text": "Kenyan President William Ruto visited Ethiopia."}'; exec sleep 30) > feed &
  local writer=$!
  "$irgraph" --db s.db ingest --batch 1 -j 2 - < feed > out 2>&1 &
  local ingest=$!
  local n=0 seen=""
  while [ $n -lt 100 ]; do  # up to 10 s
    seen=$(sqlite3 s.db "SELECT id FROM documents" 2>/dev/null)
    [ "$seen" = 1 ] && break
    sleep 0.1
    n=$((n + 1))
  done
  [ "$seen" = 1 ] || fail "a document from a paused feed was not committed within 10 s"
  kill -9 $ingest 2>/dev/null
  wait $ingest 2>/dev/null
  kill $writer 2>/dev/null
  wait $writer 2>/dev/null
  [ "$(ig --db s.db stats | sed -n 's/^documents: //p')" = 1 ] || fail "kill -9 during the pause lost the committed document"
}

check_deep_json() {
  { printf '%s\n' '{"id": "a", "text": "French President Emmanuel Macron visited Algeria."}'
    printf '{"id": "deep", "text": "x", "extra": '; head -c 150000 /dev/zero | tr '\0' '['; head -c 150000 /dev/zero | tr '\0' ']'
    printf '}\n'; } > feed.jsonl
  ig --db s.db ingest -j 2 --batch 10 feed.jsonl > out 2> err
  local rc=$?
  [ $rc -eq 1 ] || fail "ingest of a deep JSON line exited $rc (expected 1)"
  grep -q "feed.jsonl:2.*nested deeper" err || fail "the deep line was not named: $(head -c 300 err)"
  grep -q "1 ingested" out || fail "the good document of the same batch was lost: $(cat out)"
  ig extract feed.jsonl > x.jsonl 2> /dev/null
  [ $? -eq 1 ] || fail "extract of a deep JSON line did not exit 1"
  { cat x.jsonl; printf '{"id": '; head -c 150000 /dev/zero | tr '\0' '['; printf '\n'; } > records.jsonl
  ig --db m.db merge records.jsonl > out 2> err
  [ $? -eq 1 ] || fail "merge of a deep JSON line did not exit 1"
  grep -q "records.jsonl:2" err || fail "merge did not name the deep line: $(head -c 300 err)"
  grep -q "1 documents added" out || fail "merge lost the good record: $(cat out)"
}

check_merge_untrusted() {
  article a.txt "German Foreign Minister Annalena Baerbock met Polish Foreign Minister Zbigniew Rau in Warsaw on 4 May 2022."
  ig extract a.txt > x.jsonl
  # a crafted date, a field of the wrong type, a key with a line break: each line refused with its number
  /usr/bin/python3 - x.jsonl > crafted.jsonl <<'PY'
import json, sys
good = json.loads(open(sys.argv[1]).readline())
def spoil(f):
    d = json.loads(json.dumps(good)); f(d); d["id"] = d["records"]["doc"] = "x%d" % spoil.n; spoil.n += 1
    print(json.dumps(d))
spoil.n = 1
spoil(lambda d: d["records"]["relations"][0].__setitem__("date", '2022-05-04"^^<x> . <a> <b> <c> .'))
spoil(lambda d: d["records"]["nodes"][0].__setitem__("aliases", 5))
spoil(lambda d: d["records"]["nodes"][0].__setitem__("key", "a\nb"))
spoil(lambda d: d.__setitem__("date", "2022-05-04,\"x\""))
print(json.dumps(good))
PY
  ig --db s.db merge crafted.jsonl > out 2> err
  [ $? -eq 1 ] || fail "merge of crafted records did not exit 1"
  [ "$(grep -c 'skipped' err)" -eq 4 ] || fail "not every crafted line was refused: $(cat err)"
  grep -q "1 documents added" out || fail "the genuine record was not merged: $(cat out)"
  ig --db s.db export -f ttl -o g.ttl
  grep -q "<a> <b> <c>" g.ttl && fail "a crafted date reached the Turtle export"
}

check_pipes() {
  article a.txt "French President Emmanuel Macron visited Algeria."
  printf '%s\n' '{"id": "j1", "text": "Kenyan President William Ruto visited Ethiopia."}' > feed.jsonl
  ig --db s.db ingest <(cat a.txt) <(cat feed.jsonl) > out 2> err
  grep -q "2 ingested" out || fail "articles from process substitution were not read: $(cat out err)"
  mkfifo quiet
  local start=$SECONDS
  ig --db s.db ingest quiet > out 2> err
  [ $? -eq 124 ] && { fail "ingest of a FIFO without a writer blocked"; return; }
  grep -q "quiet.*nothing written to it" err || fail "a FIFO without a writer: no clear error: $(cat err)"
  [ $((SECONDS - start)) -le 20 ] || fail "a FIFO without a writer held ingest $((SECONDS - start)) s"
}

check_jobs_bound() {
  article a.txt "French President Emmanuel Macron visited Algeria."
  ig --db s.db ingest -j 100000 a.txt > out 2> err
  local rc=$?
  [ $rc -eq 2 ] || fail "ingest -j 100000 exited $rc (expected a usage error, 2)"
}

# -- stores: identified before a byte is written, errors that say what happened --

check_foreign_sqlite() {
  article a.txt "French President Emmanuel Macron visited Algeria."
  sqlite3 profile.db "CREATE TABLE meta(key LONGVARCHAR NOT NULL UNIQUE PRIMARY KEY, value LONGVARCHAR); INSERT INTO meta VALUES('version', '7');"
  sqlite3 other.db "CREATE TABLE t(x)"
  local before; before=$(md5sum profile.db other.db)
  ig --db profile.db ingest a.txt > out 2> err && fail "a database with a meta table of its own was accepted"
  grep -q "not an irgraph store" err || fail "no clear error for a foreign database: $(cat err)"
  ig --db other.db ingest a.txt 2> /dev/null && fail "another program's database was accepted"
  [ "$(md5sum profile.db other.db)" = "$before" ] || fail "a foreign database was written to"
  [ "$(sqlite3 other.db 'PRAGMA journal_mode')" = delete ] || fail "a foreign database was switched to WAL"
  [ -e other.db-wal ] && fail "a foreign database got a WAL file"
  ig -q --db s.db ingest a.txt
  [ "$(sqlite3 s.db 'PRAGMA application_id')" = 1769105264 ] || fail "a new store carries no application id"
}

check_store_errors() {
  article a.txt "French President Emmanuel Macron visited Algeria."
  mkdir folder.db
  ig --db folder.db ingest a.txt 2> err && fail "--db naming a folder was accepted"
  grep -q "is a folder" err || fail "--db folder: no clear error: $(cat err)"
  ig -q --db s.db ingest "$root/samples/articles"
  sqlite3 s.db "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null
  head -c 20000 s.db > cut.db
  ig --db cut.db stats > /dev/null 2> err && fail "a truncated store was read"
  grep -q "truncated or damaged" err || fail "truncated store: no clear error: $(cat err)"
  cp s.db bad.db && sqlite3 bad.db "UPDATE meta SET value='x' WHERE key='schema_version'"
  ig --db bad.db stats > /dev/null 2> err && fail "a non-numeric schema version was accepted"
  grep -q "schema version 'x' is not a number" err || fail "non-numeric schema version: no clear error: $(cat err)"
  printf '\xff\xfeH\x00i\x00\n\x00' > utf16.txt
  ig --db s.db ingest utf16.txt > /dev/null 2> err
  grep -q "UTF-16 text: convert to UTF-8" err || fail "UTF-16 input: no clear error: $(cat err)"
  ig --db s.db ingest --batch 0 a.txt 2> err && fail "--batch 0 was accepted"
  if [ "$(id -u)" -ne 0 ]; then  # root writes anywhere: permissions cannot be tested as root
    mkdir ro && cp s.db ro/ && chmod a-w ro ro/s.db
    ig --db ro/s.db ingest a.txt 2> err && fail "ingest into a read-only store succeeded"
    grep -q "read-only" err || fail "read-only store: no clear error: $(cat err)"
    chmod u+w ro ro/s.db
  fi
}

# -- output that must never hurt ---------------------------------------------

check_special_outputs() {
  article a.txt "German Foreign Minister Annalena Baerbock met Polish Foreign Minister Zbigniew Rau in Warsaw."
  ig -q --db s.db ingest a.txt
  mkfifo fifo
  ig --db s.db export -f dot -o fifo 2> err && fail "export onto a FIFO succeeded"
  [ -p fifo ] || fail "the FIFO was replaced"
  grep -q "fifo.*not a regular file" err || fail "no clear error for a FIFO output: $(cat err)"
  # a symlink to a file: the file is written, the link stays a link
  echo old > target.dot
  ln -s target.dot link.dot
  ig --db s.db export -f dot -o link.dot || fail "export through a symlink failed"
  [ -L link.dot ] || fail "the symlink was replaced by a file"
  grep -q "digraph" target.dot || fail "the symlink's target was not written"
  # a planted OUT.tmp symlink is never followed
  echo precious > victim
  ln -s victim out.dot.tmp
  ig --db s.db export -f dot -o out.dot || fail "export beside a planted .tmp link failed"
  [ "$(cat victim)" = precious ] || fail "a planted .tmp symlink was followed"
  # a failed export leaves no temporary file behind
  mkdir small && (ulimit -f 1; trap '' XFSZ; "$irgraph" --db s.db export -f jsonld -o small/out.jsonld 2> err)
  [ $? -ne 0 ] || fail "an export that could not be written succeeded"
  [ -z "$(ls -A small)" ] || fail "a failed export left files: $(ls -A small)"
  ig --db s.db export -f dot -o no/such/folder/out.dot 2> err && fail "export into a missing folder succeeded"
  grep -q "no/such/folder.*no such folder" err || fail "no clear error for a missing output folder: $(cat err)"
  ig --db s.db export -f dot -o - > out && grep -q digraph out || fail "-o - did not write to standard output"
  ig --db s.db render -o - --format svg > out && grep -q "<svg" out || fail "render -o - did not write to standard output"
  [ -e ./- ] && fail "render -o - wrote a file named -"
  # a folder format: written whole into a new or empty folder, never over old files
  ig --db s.db export -f neo4j -o neo || fail "neo4j export into a new folder failed"
  [ -f neo/import.cypher ] || fail "neo4j export wrote no import.cypher"
  ig --db s.db export -f neo4j -o neo 2> err && fail "neo4j export into a used folder succeeded"
  grep -q "not empty" err || fail "no clear error for a used folder: $(cat err)"
  mkdir empty && ig --db s.db export -f neo4j -o empty/ || fail "neo4j export into an empty folder failed"
  [ -f empty/import.cypher ] || fail "neo4j export into an empty folder wrote nothing"
  [ -z "$(find . -name '.*irgraph-*')" ] || fail "temporary files left: $(find . -name '.*irgraph-*')"
  # render checks where it writes before laying out
  ig --db s.db render -o no/such/out.svg 2> err && fail "render into a missing folder succeeded"
  grep -q "no such folder" err || fail "render: no clear error for a missing folder: $(cat err)"
}

check_disk_full() {
  # a full disk, for real: a 1 MB tmpfs (needs the right to mount; skipped without it)
  mkdir tiny
  if ! mount -t tmpfs -o size=1m tmpfs tiny 2> /dev/null; then
    echo "note [disk_full]: cannot mount a tmpfs here (not root?): not checked"
    return
  fi
  article a.txt "French President Emmanuel Macron visited Algeria."
  ig -q --db s.db ingest "$root/samples/articles" a.txt
  for i in $(seq 1 40); do cat "$root"/samples/articles/*.txt; done > big.txt  # one article far beyond 1 MB
  head -c 2000000 /dev/zero > tiny/pad 2> /dev/null  # the disk is full
  for f in graphml jsonld; do
    ig --db s.db export -f $f -o tiny/out.$f 2> err && fail "export -f $f onto a full disk succeeded"
    grep -q "disk full while writing tiny/out.$f" err || fail "export -f $f: no clear error for a full disk: $(cat err)"
  done
  ig --db s.db render -o tiny/out.svg 2> err && fail "render onto a full disk succeeded"
  grep -q "disk full while writing tiny/out.svg" err || fail "render: no clear error for a full disk: $(cat err)"
  ig --db s.db export -f neo4j -o tiny/neo 2> err && fail "a neo4j export onto a full disk succeeded"
  grep -q "No space left on device" err || fail "neo4j: no clear error for a full disk: $(cat err)"
  [ "$(ls tiny)" = pad ] || fail "a failed write left files behind: $(ls tiny)"
  rm tiny/pad
  # a store on a disk that fills: the batch that did not fit is not stored, the rest is intact
  ig -q --db tiny/s.db ingest a.txt
  ig --db tiny/s.db ingest big.txt "$root/samples/articles" > out 2> err
  [ $? -eq 1 ] || fail "ingest onto a full disk did not exit 1"
  grep -q "disk full while writing tiny/s.db" err || fail "ingest: no clear error for a full disk: $(cat err)"
  ig --db tiny/s.db show Macron > /dev/null 2>&1 || fail "the committed document was lost when the disk filled"
  umount tiny
}

check_stdout_full() {
  article a.txt "French President Emmanuel Macron visited Algeria."
  ig -q --db s.db ingest a.txt
  for cmd in "stats" "show Macron" "export -f dot" "path Macron Algeria"; do
    # shellcheck disable=SC2086
    ig --db s.db $cmd > /dev/full 2> err
    [ $? -eq 1 ] || fail "'$cmd > /dev/full' did not exit 1"
    grep -q "standard output" err || fail "'$cmd > /dev/full': no clear error: $(cat err)"
  done
}

check_terminal_escapes() {
  # a store written by an older version may hold escape sequences in names
  # and sentences: path, show and error messages print them blanked
  article a.txt "French President Emmanuel Macron visited Algeria."
  ig -q --db s.db ingest a.txt
  sqlite3 s.db "UPDATE nodes SET name = 'Emmanuel' || char(27) || '[31mMacron' WHERE name = 'Emmanuel Macron';
                UPDATE evidence SET text = text || char(27) || ']0;owned' || char(7)"
  for cmd in "show Macron" "path Macron Algeria" "show Macro"; do
    # shellcheck disable=SC2086
    ig --db s.db $cmd > out 2>&1
    grep -q "Macron" out || fail "'$cmd' printed no result or suggestion: $(cat out)"
    LC_ALL=C grep -q $'[\x1b\x07]' out && fail "'$cmd' printed a terminal escape sequence"
  done
}

run_checks hostile
