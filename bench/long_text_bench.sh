#!/usr/bin/env bash
# Extraction time against the length of one run of text with no sentence end
# (real news with its stops and line breaks removed: a table, a scraped list,
# a hostile input), at 0.25, 0.5, 1 and 2 MB. Linear extraction doubles its
# time per doubling of the text; the ratio column says whether it does.
# Medians of 3 runs.  Usage: long_text_bench.sh IRGRAPH ROOT WORK_DIR
set -euo pipefail
irgraph=$1 root=$2 work=$3
mkdir -p "$work"
/usr/bin/python3 - "$root" "$work" <<'PY'
import glob, os, re, sys
root, work = sys.argv[1], sys.argv[2]
text = " ".join(open(f, encoding="utf-8").read() for f in sorted(glob.glob(os.path.join(root, "samples/articles/*.txt"))))
run = re.sub(r"\s+", " ", re.sub(r"[.!?]", "", text))
for kb in (250, 500, 1000, 2000):
    body = (run * (kb * 1000 // len(run) + 1))[: kb * 1000]
    body = body[: body.rfind(" ")]
    with open(os.path.join(work, f"run-{kb}.txt"), "w", encoding="utf-8") as fh:
        fh.write("Headline\n\n" + body + "\n")
PY
# shellcheck source=bench/median.sh
source "$(dirname "$0")/median.sh"
previous=""
TIMEFORMAT=%R
for kb in 250 500 1000 2000; do
  times=()
  for _ in 1 2 3; do
    times+=("$({ time "$irgraph" extract "$work/run-$kb.txt" > /dev/null; } 2>&1)")
  done
  median=$(median "${times[@]}")
  awk -v kb="$kb" -v t="$median" -v p="$previous" 'BEGIN {
    printf "one run of %4d KB without a stop: extract %.2f s", kb, t
    if (p != "" && p > 0) printf "  (x%.2f for twice the text)", t / p
    printf "\n" }'
  previous=$median
done
[ -n "${KEEP:-}" ] || rm -f "$work"/run-*.txt
