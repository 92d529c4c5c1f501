#!/usr/bin/env bash
# Ingest throughput on real news text: the samples and the annotated dev
# articles (and the unannotated corpus when present) repeated to SIZE MB,
# as plain-text JSON Lines. Prints extraction alone (1 and 2 processes, via
# extract shards) and end-to-end into the store (ingest on 1 and 2 threads;
# and 2 extract shards + merge).  Usage: ingest_bench.sh IRGRAPH ROOT SIZE_MB WORK_DIR
set -euo pipefail
irgraph=$1 root=$2 size=$3 work=$4
mkdir -p "$work"
feed="$work/feed-$size.jsonl"
/usr/bin/python3 - "$root" "$size" "$feed" <<'PY'
import glob, json, os, sys
root, size, out = sys.argv[1], int(sys.argv[2]) * 1_000_000, sys.argv[3]
texts = [open(f, encoding="utf-8").read() for f in sorted(glob.glob(os.path.join(root, "samples/articles/*.txt")))]
texts += [open(f, encoding="utf-8").read() for f in sorted(glob.glob(os.path.join(root, "../shared/eval/dev/*.txt")))]
corpus = os.path.join(root, "../shared/corpus/worldwide-news.jsonl")
if os.path.exists(corpus):
    texts += [json.loads(l)["text"] for l in open(corpus, encoding="utf-8")]
written, i = 0, 0
with open(out, "w", encoding="utf-8") as fh:
    while written < size:
        t = texts[i % len(texts)] + f"\n\n(copy {i})"   # every copy its own content hash
        line = json.dumps({"id": f"b{i}", "date": "2021-06-01", "text": t}, ensure_ascii=False) + "\n"
        fh.write(line)
        written += len(t.encode("utf-8"))
        i += 1
print(f"{i} articles", file=sys.stderr)
PY
mb=$(/usr/bin/python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1], encoding='utf-8'))/1e6)" "$feed")
docs=$(wc -l < "$feed")
rate() { /usr/bin/python3 -c "import sys; s=float(sys.argv[2]); print(f'{float(sys.argv[1])/s:.2f} MB/s, {int(sys.argv[3])/s:.0f} articles/s ({s:.2f} s)')" "$mb" "$1" "$docs"; }
now() { date +%s.%N; }
repeat=${BENCH_REPEAT:-3}
# shellcheck source=bench/median.sh
source "$(dirname "$0")/median.sh"
split -n l/2 -d --additional-suffix=.jsonl "$feed" "$work/half-"
e1s=() e2s=() i1s=() i2s=() t2s=()
for r in $(seq 1 "$repeat"); do
  t=$(now); "$irgraph" extract "$feed" > /dev/null; e1s+=("$(echo "$(now) - $t" | bc)")
  t=$(now)
  "$irgraph" extract "$work/half-00.jsonl" > "$work/half-00.records" & p=$!
  "$irgraph" extract "$work/half-01.jsonl" > "$work/half-01.records"; wait $p
  e2s+=("$(echo "$(now) - $t" | bc)")
  rm -f "$work/i.db"*; t=$(now); "$irgraph" -q --db "$work/i.db" ingest -j 1 "$feed"; i1s+=("$(echo "$(now) - $t" | bc)")
  rm -f "$work/i.db"*; t=$(now); "$irgraph" -q --db "$work/i.db" ingest -j 2 "$feed"; t2s+=("$(echo "$(now) - $t" | bc)")
  rm -f "$work/m.db"*; t=$(now)
  "$irgraph" extract "$work/half-00.jsonl" > "$work/half-00.records" & p=$!
  "$irgraph" extract "$work/half-01.jsonl" > "$work/half-01.records"; wait $p
  "$irgraph" -q --db "$work/m.db" merge "$work/half-00.records" "$work/half-01.records"; i2s+=("$(echo "$(now) - $t" | bc)")
done
e1=$(median "${e1s[@]}") e2=$(median "${e2s[@]}") i1=$(median "${i1s[@]}") i2=$(median "${i2s[@]}") t2=$(median "${t2s[@]}")
echo "ingest ${size} MB: medians of $repeat runs"
echo "ingest ${size} MB ($mb MB of text, $docs articles): extraction alone, 1 process: $(rate "$e1")"
echo "ingest ${size} MB: extraction alone, 2 processes: $(rate "$e2")"
echo "ingest ${size} MB: end to end into the store, 1 thread (ingest -j 1): $(rate "$i1")"
echo "ingest ${size} MB: end to end into the store, 2 threads (ingest -j 2): $(rate "$t2")"
echo "ingest ${size} MB: end to end, 2 extract processes + merge: $(rate "$i2")"
rm -f "$work"/half-* "$work"/i.db* "$work"/m.db*
