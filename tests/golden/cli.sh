#!/usr/bin/env bash
# The command-line conventions the README's CLI table promises, one check
# each (run one alone: bash tests/golden/cli.sh build/irgraph . exit_codes).
# Usage: cli.sh IRGRAPH PROJECT_ROOT [CHECK ...]
set -uo pipefail
# shellcheck source=tests/golden/checks.sh
source "$(dirname "$0")/checks.sh"
ig -q --db "$tmp/s.db" ingest "$root/samples/articles"

check_global_options_anywhere() {
  ig stats --db "$tmp/s.db" > out 2>&1 || fail "--db after the command was refused: $(cat out)"
  grep -q "^documents: " out || fail "stats after --db gave no figures: $(cat out)"
  ig show Merkel -q --db "$tmp/s.db" > out 2>&1 || fail "-q and --db after the arguments were refused: $(cat out)"
}

check_version_and_help() {
  ig -V | grep -q "^irgraph [0-9]" || fail "-V prints no version"
  ig --version | grep -q "^irgraph [0-9]" || fail "--version prints no version"
  ig help path > out 2>&1 || fail "'help path' failed: $(cat out)"
  grep -q "Usage: irgraph path" out || fail "'help path' is not the path command's help: $(head -3 out)"
  ig help > out 2>&1 || fail "'help' failed"
  grep -q "Exit status" out || fail "the help does not list the exit codes"
}

check_exit_codes() {
  ig --db "$tmp/s.db" path Merkel Cavusoglu > /dev/null 2>&1
  [ $? -eq 0 ] || fail "a path found did not exit 0"
  ig --db "$tmp/s.db" path Merkel "No Such Person" > /dev/null 2>&1
  [ $? -eq 3 ] || fail "an unknown entity did not exit 3"
  ig --db "$tmp/s.db" show "No Such Person" > /dev/null 2>&1
  [ $? -eq 3 ] || fail "show of an unknown entity did not exit 3"
  ig --db "$tmp/s.db" path Merkel Cavusoglu --via signed > /dev/null 2>&1
  [ $? -eq 3 ] || fail "no connection did not exit 3"
  ig --db "$tmp/s.db" export --format nope > /dev/null 2>&1
  [ $? -eq 2 ] || fail "a usage error did not exit 2"
  ig --db missing.db stats > /dev/null 2>&1
  [ $? -eq 1 ] || fail "a missing store did not exit 1"
}

check_did_you_mean() {
  ig --db "$tmp/s.db" ingst x > /dev/null 2> err
  [ $? -eq 2 ] || fail "a misspelt command after --db did not exit 2"
  grep -q "did you mean 'ingest'" err || fail "no 'did you mean' after global options: $(cat err)"
  ig pth a b 2> err
  grep -q "did you mean 'path'" err || fail "no 'did you mean' for pth: $(cat err)"
}

check_dates_validated() {
  ig --db "$tmp/s.db" export -f dot --from 2022/07/01 > /dev/null 2> err
  [ $? -eq 2 ] || fail "--from 2022/07/01 was accepted"
  grep -q "not a date written YYYY-MM-DD" err || fail "no clear error for a bad date: $(cat err)"
  ig --db "$tmp/s.db" export -f dot --to 2022-02-30 > /dev/null 2> err && fail "--to 2022-02-30 was accepted"
  ig --db "$tmp/s.db" export -f dot --from 2016-01-01 --to 2022-12-31 > /dev/null 2> err || fail "good dates refused: $(cat err)"
}

check_document_dates() {
  # a date in the story is no publication date; --date dates what has none; stats counts the undated
  printf 'Old fight\n\nOn Feb. 9, 1940, a boxer fought in New York. Foreign Minister Ana Ruiz met President Omar Haddad on Monday.\n' > story.txt
  printf 'Dated\n\nCAIRO - 26 July 2022: Foreign Minister Ana Ruiz met President Omar Haddad on Monday.\n' > dateline.txt
  ig -q --db d.db ingest story.txt dateline.txt || fail "ingest of two stories failed"
  ig --db d.db stats > out
  grep -q "^undated documents: 1 " out || fail "stats does not count one undated document: $(grep -i undated out)"
  ig --db d.db export -f jsonld -o d.jsonld
  grep -q '"1940-02-09"' d.jsonld && fail "a date in the story became a publication date"
  grep -q '"2022-07-25"' d.jsonld || fail "\"on Monday\" under a dateline of 2022-07-26 (Tuesday) was not dated 2022-07-25"
  ig -q --db e.db ingest --date 2022-08-03 story.txt || fail "ingest --date failed"
  ig --db e.db stats | grep -q "^undated documents: 0 " || fail "--date left the document undated"
  ig --db e.db export -f jsonld -o e.jsonld
  grep -q '"2022-08-01"' e.jsonld || fail "\"on Monday\" was not resolved against --date 2022-08-03 (Wednesday)"
  ig -q --db f.db ingest --date 2022/08/03 story.txt 2> err
  [ $? -eq 2 ] || fail "ingest --date 2022/08/03 was accepted"
  ig extract --date 2022-08-03 story.txt | grep -q '"date":"2022-08-03"' || fail "extract --date did not date the document"
}

check_render_limits() {
  # 450 meetings of 900 made-up ministers: past the drawing limit
  bash "$root/scripts/make-meetings.sh" 450 many
  ig -q --db m.db ingest many || fail "ingest of 450 meetings failed"
  ig --db m.db render -o m.svg 2> err
  [ $? -eq 2 ] || fail "a drawing of 900 entities was not refused"
  grep -q -- "--top" err || fail "the refusal names no way to draw a part: $(cat err)"
  [ -e m.svg ] && fail "a refused drawing left a file"
  ig --db m.db render --top 200 -o m.svg > /dev/null 2> err || fail "render --top 200 failed: $(cat err)"
  grep -q "laying out" err || fail "a long layout printed no progress: $(cat err)"
  grep -q "<svg" m.svg || fail "render --top 200 drew nothing"
}

check_path_options() {
  ig --db "$tmp/s.db" path Cavusoglu Merkel > out 2>&1 || fail "path failed: $(cat out)"
  grep -q "^\[weighed by entity type" out || fail "path does not say how it weighed: $(head -2 out)"
  ig --db "$tmp/s.db" path Cavusoglu Merkel --by-hops | grep "^\[fewest hops\]" > /dev/null || fail "--by-hops is not said"
  ig --db "$tmp/s.db" path Cavusoglu Merkel -k 2 > out 2>&1 || fail "path -k 2 failed: $(cat out)"
  grep -q "(connection 2 of 2, cost [0-9]*)" out || fail "path -k 2 gave no second connection: $(grep hops out)"
  ig --db "$tmp/s.db" path Cavusoglu Merkel --avoid Country > out 2> err
  [ $? -eq 3 ] || fail "no connection avoiding countries did not exit 3"
  grep -q "with the restrictions given" err || fail "the refusal does not name the restrictions: $(cat err)"
  ig --db "$tmp/s.db" path Cavusoglu Merkel --max-hops 0 > /dev/null 2>&1
  [ $? -eq 2 ] || fail "--max-hops 0 was accepted"
  ig --db "$tmp/s.db" path Cavusoglu Merkel --from 2018/12/30 > /dev/null 2>&1
  [ $? -eq 2 ] || fail "path --from 2018/12/30 was accepted"
}

check_json_outputs() {
  ig --db "$tmp/s.db" path Cavusoglu Merkel -k 2 --json > p.json || fail "path --json failed"
  /usr/bin/python3 - p.json "$(ig --db "$tmp/s.db" path Cavusoglu Merkel | head -1)" <<'PY' || fail "path --json: $(head -c 300 p.json)"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["from"]["name"] == "Mevlüt Çavuşoğlu" and d["weighing"] == "type", d["from"]
assert len(d["paths"]) == 2 and f'{d["paths"][0]["hops"]} hops' in sys.argv[2], (len(d["paths"]), sys.argv[2])
steps = d["paths"][0]["steps"]
assert steps[0]["from"]["key"] == d["from"]["key"] and steps[-1]["to"]["key"] == d["to"]["key"]
assert all(s["evidence"] and s["evidence"][0]["sentence"] for s in steps)
PY
  ig --db "$tmp/s.db" path Cavusoglu Merkel --avoid Country --json > n.json 2> /dev/null
  [ $? -eq 3 ] || fail "path --json without a connection did not exit 3"
  /usr/bin/python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["paths"] == []' n.json || fail "no connection gave no empty paths"
  ig --db "$tmp/s.db" show Lavrov --json > s.json || fail "show --json failed"
  /usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["name"]=="Sergei Lavrov" and d["relations"] and d["relations"][0]["evidence"]' s.json \
    || fail "show --json: $(head -c 300 s.json)"
  ig --db "$tmp/s.db" stats --json > t.json || fail "stats --json failed"
  /usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["documents"]==7 and d["nodesByType"]["Official"]>0' t.json \
    || fail "stats --json: $(cat t.json)"
}

check_stdout_outputs() {
  ig --db "$tmp/s.db" export -f ttl -o - > out.ttl && grep -q "^@prefix" out.ttl || fail "export -o - wrote no Turtle to standard output"
  ig --db "$tmp/s.db" render -o - --format svg > out.svg && grep -q "<svg" out.svg || fail "render -o - wrote no SVG to standard output"
  ig --db "$tmp/s.db" render -o x.pdf 2> err && fail "render -o x.pdf was accepted"
  grep -q "svg.*png" err || fail "render's format error names no formats: $(cat err)"
  ig --db "$tmp/s.db" export -f nope 2> err
  grep -q "formats: dot, jsonld" err || fail "export's format error names no formats: $(cat err)"
}

check_curation() {
  # rules survive re-ingest and forget, travel as a file, are undone; a merge keeps the old key valid
  cp "$tmp/s.db" c.db
  ig --db c.db export -f ttl -o before.ttl || fail "export before curating failed"
  ig --db c.db curate merge Sochi "Astana" --note "two places, one test" > out 2>&1 || fail "curate merge failed: $(cat out)"
  grep -q "rule 1: merge place:sochi:rus into place:astana:kaz" out || fail "curate merge said: $(cat out)"
  ig --db c.db curate reject Lavrov metWith Cavusoglu > out 2>&1 || fail "curate reject failed: $(cat out)"
  ig --db c.db curate block "Gen. Valery Gerasimov" --type Official > out 2>&1 || fail "curate block failed: $(cat out)"
  ig --db c.db curate list > out || fail "curate list failed"
  [ "$(wc -l < out)" -eq 3 ] && grep -q "# two places, one test" out || fail "curate list: $(cat out)"
  ig --db c.db show place:sochi:rus > out 2>&1 || fail "show by a merged-away key failed: $(cat out)"
  grep -q "curation rule 1: merge" out && grep -q "former keys (redirects): place:sochi:rus" out || fail "show names no rule: $(cat out)"
  ig --db c.db export -f ttl -o curated.ttl || fail "export after curating failed"
  grep -q "owl:sameAs <urn:irgraph:entity:place:sochi:rus>" curated.ttl || fail "no owl:sameAs in Turtle"
  cp c.db u.db
  # forget and ingest again: the rules hold
  first=$(/usr/bin/python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select min(id) from documents").fetchone()[0])' c.db)
  ig -q --db c.db forget "$first" || fail "forget $first failed"
  ig -q --db c.db ingest "$root/samples/articles" || fail "ingest again failed"
  ig --db c.db export -f ttl -o after.ttl || fail "export after curating failed"
  grep -q "owl:sameAs <urn:irgraph:entity:place:sochi:rus>" after.ttl || fail "the merge did not survive forget and ingest"
  ig --db c.db show Lavrov --json | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); assert not [r for r in d["relations"] if r["relation"]=="metWith" and "cavusoglu" in r["other"]["key"]]' \
    || fail "the rejected metWith came back"
  # the rules as a file: a fresh store built with them is the same graph
  ig --db c.db curate export -o rules.json || fail "curate export failed"
  ig -q --db fresh.db curate import rules.json || fail "curate import failed"
  ig -q --db fresh.db ingest "$root/samples/articles" || fail "ingest into the fresh store failed"
  ig --db fresh.db export -f ttl -o fresh.ttl || fail "export of the fresh store failed"
  cmp -s curated.ttl fresh.ttl || fail "a store built with the imported rules differs: $(diff curated.ttl fresh.ttl | head -5)"
  ig --db fresh.db curate import rules.json > out || fail "a second import failed"
  grep -q "0 of 3 rules added" out || fail "a second import added rules again: $(cat out)"
  # undo, newest first: the graph is what it was
  for id in 3 2 1; do ig -q --db u.db curate undo $id || fail "curate undo $id failed"; done
  ig --db u.db export -f ttl -o undone.ttl
  cmp -s before.ttl undone.ttl || fail "after undoing every rule the graph differs: $(diff before.ttl undone.ttl | head -5)"
  # errors: unknown rule, a name the entity does not have, a bad file
  ig --db c.db curate undo 99 > /dev/null 2>&1
  [ $? -eq 3 ] || fail "undo of an unknown rule did not exit 3"
  ig --db c.db curate split Lavrov "Putin" 2> err
  [ $? -eq 3 ] && grep -q "has no name 'Putin'" err || fail "split of a name the entity lacks: $(cat err)"
  printf '{"irgraphCuration": 1, "rules": [{"action": "merge", "subject": "a"}]}' > bad.json
  ig --db c.db curate import bad.json 2> err
  [ $? -eq 1 ] && grep -q "bad.json: rule 1: curation: the entity to merge into is empty" err || fail "a bad rules file: $(cat err)"
}

check_stdin_ids() {
  # two articles on standard input are two documents, each named by its content
  printf 'One\n\nForeign Minister Ana Ruiz met President Omar Haddad.\n' | ig -q --db i.db ingest - || fail "first stdin ingest failed"
  printf 'Two\n\nForeign Minister Ana Ruiz visited Cairo.\n' | ig -q --db i.db ingest - || fail "second stdin ingest failed"
  ig --db i.db stats --json | /usr/bin/python3 -c 'import json,sys; assert json.load(sys.stdin)["documents"] == 2' \
    || fail "the second stdin article replaced the first"
  # (into a file: grep -q leaves a pipe before the writer is done, and pipefail would count that)
  ig --db i.db export -f jsonld -o i.jsonld || fail "export of the stdin documents failed"
  grep -q '"urn:irgraph:document:content:' i.jsonld || fail "stdin documents' IRIs are not made of their content"
  grep -q 'urn:irgraph:document:%3Cstdin' i.jsonld && fail "a document IRI names standard input"
}

run_checks cli
