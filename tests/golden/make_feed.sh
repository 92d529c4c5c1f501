#!/usr/bin/env bash
# Writes N articles, one JSON Lines file, made from the real sample articles
# (each copy gets its own id and a line naming its number, so every content
# hash differs): input for the crash and concurrency tests.
# Usage: make_feed.sh ROOT N OUT.jsonl
set -euo pipefail
root=$1 n=$2 out=$3
/usr/bin/python3 - "$root" "$n" "$out" <<'PY'
import json, os, sys, glob
root, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
texts = []
for f in sorted(glob.glob(os.path.join(root, "samples/articles/*.txt"))):
    texts.append(open(f, encoding="utf-8").read())
for line in open(os.path.join(root, "samples/articles/us-state-department.jsonl"), encoding="utf-8"):
    texts.append(json.loads(line)["text"])
with open(out, "w", encoding="utf-8") as fh:
    for i in range(n):
        t = texts[i % len(texts)]
        fh.write(json.dumps({"id": f"copy-{i:05d}", "date": "2018-12-31", "text": t + f"\n\nCopy {i}."}, ensure_ascii=False) + "\n")
PY
