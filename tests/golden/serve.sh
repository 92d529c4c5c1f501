#!/usr/bin/env bash
# irgraph serve as its users meet it, on the samples' store: every path of its
# OpenAPI document answers, bad parameters are 400s and unknown things 404s
# (JSON, never a crash), the web page works in headless Chromium (search,
# expand by a click, a relation's evidence, a connection, the date slider;
# screenshots kept), a bounded load (50 clients for LOAD_SECONDS, default 5)
# gets no error, and SIGTERM stops it cleanly.
# Usage: serve.sh IRGRAPH PROJECT_ROOT LOAD_PROGRAM [SCREENSHOT_DIR]
set -uo pipefail
irgraph=$(realpath "$1")
root=$(realpath "$2")
load=$(realpath "$3")
shots=${4:-$(mktemp -d)}
mkdir -p "$shots"
tmp=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmp"' EXIT
fail() { echo "serve: $1"; exit 1; }

"$irgraph" -q --db "$tmp/s.db" ingest "$root/samples/articles" || fail "ingest of the samples failed"
"$irgraph" --db "$tmp/s.db" serve --port 0 > "$tmp/out" 2> "$tmp/err" &
server=$!
for _ in $(seq 100); do grep -q "^irgraph serve: http" "$tmp/out" && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$tmp/out") || fail "no address printed: $(cat "$tmp/out" "$tmp/err")"
port=$(echo "$url" | sed 's|.*:\([0-9]*\)/$|\1|')
case $url in http://127.0.0.1:*) ;; *) fail "not bound to 127.0.0.1 by default: $url" ;; esac

get() { curl -s -o "$tmp/body" -w "%{http_code}" "$url${1#/}"; }
# every path the OpenAPI document describes answers with JSON
[ "$(get openapi.json)" = 200 ] || fail "no /openapi.json"
/usr/bin/python3 - "$tmp/body" <<'PY' || fail "openapi.json: $(head -c 200 "$tmp/body")"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["openapi"].startswith("3.") and len(d["paths"]) == 8, d.get("paths", {}).keys()
PY
check() {  # check PATH STATUS PYTHON_ASSERTION_ON_d
  local code
  code=$(get "$1")
  [ "$code" = "$2" ] || fail "GET $1 answered $code, not $2: $(head -c 300 "$tmp/body")"
  /usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert $3, d" "$tmp/body" ||
    fail "GET $1: $(head -c 300 "$tmp/body")"
}
check "/api/search?q=merk" 200 'd["entities"][0]["name"] == "Angela Merkel"'
check "/api/search?q=cavus" 200 'd["entities"][0]["key"] == "official:mevlut-cavusoglu"'
check "/api/entity?key=Lavrov" 200 'd["name"] == "Sergei Lavrov" and d["relations"][0]["evidence"]'
check "/api/neighbourhood?key=Lavrov&depth=2&relations=metWith,officialOf" 200 'len(d["nodes"]) > 2 and all(e["relation"] in ("metWith", "officialOf") for e in d["edges"])'
check "/api/path?from=Cavusoglu&to=Merkel&k=2" 200 'len(d["paths"]) == 2 and all(s["evidence"] for s in d["paths"][0]["steps"])'
check "/api/path?from=Cavusoglu&to=Merkel&avoid=Country,Place,Agreement&maxHops=2" 200 'd["paths"] == []'
check "/api/relation?id=1" 200 'd["evidence"] and d["documents"]'
check "/api/stats" 200 'd["documents"] == 7'
doc=$(/usr/bin/python3 -c 'import sqlite3,sys,urllib.parse; print(urllib.parse.quote(sqlite3.connect(sys.argv[1]).execute("select min(id) from documents").fetchone()[0], safe=""))' "$tmp/s.db")
check "/api/document?id=$doc" 200 'd["evidence"] and d["publicId"].startswith("content:")'
check "/api/search" 400 '"required" in d["error"]'
check "/api/search?q=%FF" 400 '"UTF-8" in d["error"]'
check "/api/neighbourhood?key=Lavrov&depth=x" 400 '"depth" in d["error"]'
check "/api/path?from=Lavrov&to=Nobody%20Known" 404 '"no entity" in d["error"]'
check "/api/relation?id=99999999" 404 '"no relation" in d["error"]'
check "/api/nothing" 404 '"error" in d'
check "/api/curation" 200 'd["editable"] is False and d["rules"] == []'
code=$(curl -s -o "$tmp/body" -w '%{http_code}' -X POST -H 'Content-Type: application/json' -d '{"action": "block", "subject": "Lavrov"}' "${url}api/curation")
[ "$code" = 403 ] && grep -q "allow-curation" "$tmp/body" || fail "a read-only server took a curation: $code $(cat "$tmp/body")"
case $(curl -s -o /dev/null -w '%{http_code}' -X POST "${url}api/search?q=x") in 4??) ;; *) fail "a POST was answered" ;; esac
# the page and its scripts come from the server itself
for f in "" app.js app.css lib/sigma.js lib/graphology.js; do
  [ "$(get "$f")" = 200 ] || fail "/$f is not served"
done
grep -q "Content-Security-Policy" "$root/serve/web/index.html" || fail "the page has no content security policy"

# the page in a real browser
node "$root/tests/validators/check_serve.mjs" "$url" Merkel "Mevlüt Çavuşoğlu" "Angela Merkel" "$shots/serve" || fail "the web page failed in Chromium"

# a bounded load: no error, and the server is still there
"$load" 127.0.0.1 "$port" "${LOAD_SECONDS:-5}" 50 "Mevlüt Çavuşoğlu" "Angela Merkel" || fail "errors under load"
[ "$(get api/stats)" = 200 ] || fail "the server does not answer after the load"
rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$server/status")

kill -TERM "$server"
wait "$server"
rc=$?
server=""
[ $rc -eq 0 ] || fail "SIGTERM: exit status $rc ($(cat "$tmp/err"))"

# curation from the page and the API, on a copy of the store, with --allow-curation
cp "$tmp/s.db" "$tmp/c.db"
"$irgraph" --db "$tmp/c.db" serve --port 0 --allow-curation > "$tmp/out2" 2> "$tmp/err" &
server=$!
for _ in $(seq 100); do grep -q "^irgraph serve: http" "$tmp/out2" && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$tmp/out2") || fail "no address printed with --allow-curation"
post() {  # post BODY [HEADER...]: status into $code, answer into $tmp/body
  local body=$1
  shift
  code=$(curl -s -o "$tmp/body" -w '%{http_code}' -X POST "$@" -d "$body" "${url}api/curation")
}
post '{"action": "merge", "subject": "Sochi", "object": "Astana"}' -H 'Content-Type: text/plain'
[ "$code" = 403 ] || fail "a curation not sent as JSON was taken: $code"
post '{"action": "merge", "subject": "Sochi", "object": "Astana"}' -H 'Content-Type: application/json' -H 'Origin: http://elsewhere.example'
[ "$code" = 403 ] || fail "a curation from another origin was taken: $code"
post '{"action": "merge", "subject": "Sochi"}' -H 'Content-Type: application/json'
[ "$code" = 400 ] || fail "a merge without its target: $code $(cat "$tmp/body")"
post '{"action": "merge", "subject": "Sochi", "object": "Astana", "note": "api"}' -H 'Content-Type: application/json'
[ "$code" = 200 ] || fail "a curation by the API failed: $code $(cat "$tmp/body")"
check "/api/entity?key=place:sochi:rus" 200 'd["key"] == "place:astana:kaz" and d["formerKeys"] == ["place:sochi:rus"]'
code=$(curl -s -o "$tmp/body" -w '%{http_code}' -X DELETE "${url}api/curation?id=1")
[ "$code" = 200 ] || fail "undo by the API failed: $code $(cat "$tmp/body")"
check "/api/entity?key=place:sochi:rus" 200 'd["key"] == "place:sochi:rus"'
node "$root/tests/validators/check_serve.mjs" "$url" Merkel "Mevlüt Çavuşoğlu" "Angela Merkel" "$shots/curate" curate ||
  fail "curation from the web page failed in Chromium"
kill -TERM "$server"
wait "$server"
server=""
echo "serve: API, page and load checks passed; resident memory after the load $((rss / 1024)) MB; screenshots in $shots"
