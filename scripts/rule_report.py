#!/usr/bin/python3
"""Precision of every extraction rule on the annotated dev set.

Usage:
  scripts/rule_report.py IRGRAPH EVAL_DIR [--verbose] [--rule RULE]

Runs `IRGRAPH extract` on EVAL_DIR/dev (one document at a time, no store, no
cross-document resolution) and judges each record against that document's gold
annotation with the evaluation's own name folding (EVAL_DIR/score.py):

- a node is true when a gold entity of its type has one of its names;
- a relation is true when both ends are true nodes and the gold holds it
  (metWith either way); relations to optional entities or optional gold
  relations count as neither true nor false.

Each node is charged to the rule that first found it (`extractor/rule`), each
relation to the rule of its evidence. Rules are listed weakest first, so that a
rule that makes more errors than it finds shows before it ships. Needs
Debian's python3 (the evaluation's score.py is imported from EVAL_DIR).
"""
import argparse
import collections
import glob
import json
import os
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("irgraph")
    ap.add_argument("eval_dir")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every false item under its rule")
    ap.add_argument("--rule", help="only this rule (extractor/rule)")
    args = ap.parse_args()

    sys.path.insert(0, args.eval_dir)
    from score import fold, canonical  # the evaluation's own folding and relation order

    dev = os.path.join(args.eval_dir, "dev")
    golds = {}
    for f in sorted(glob.glob(os.path.join(dev, "*.gold.json"))):
        g = json.load(open(f, encoding="utf-8"))
        golds[g["doc"]] = g
    if not golds:
        sys.exit(f"rule_report: no *.gold.json in {dev}")

    stats = collections.defaultdict(lambda: [0, 0])  # rule -> [true, false]
    wrong = collections.defaultdict(list)
    for doc, g in golds.items():
        out = subprocess.run([args.irgraph, "extract", os.path.join(dev, doc)], capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(f"rule_report: irgraph extract {doc} failed: {out.stderr.strip()}")
        records = json.loads(out.stdout.splitlines()[0])["records"]
        entities = {e["id"]: e for e in g["entities"]}
        names = {e["id"]: {fold(n) for n in e["names"]} for e in g["entities"]}
        required, optional = set(), set()
        for r in g["relations"]:
            opt = isinstance(r, dict) and r.get("optional", False)
            rel = canonical(tuple(r["r"] if isinstance(r, dict) else r))
            (optional if opt else required).add(rel)

        node_gold = {}
        for n in records["nodes"]:
            forms = {fold(x) for x in [n["name"]] + n.get("aliases", [])}
            hit = next((gid for gid, e in entities.items() if e["type"] == n["type"] and forms & names[gid]), None)
            node_gold[n["id"]] = hit
            rule = f'{n.get("extractor", "?")}/{n.get("rule", "?")}'
            if hit is not None:
                stats[rule][0] += 1
            else:
                stats[rule][1] += 1
                wrong[rule].append(f'{doc}: {n["type"]} "{n["name"]}"')
        for r in records["relations"]:
            ev = r
            rule = f'{ev.get("extractor", "?")}/{ev.get("rule", "?")}'
            s, o = node_gold.get(r["source"]), node_gold.get(r["target"])
            label = f'{r["type"]} {records["nodes"][r["source"]]["name"]} -> {records["nodes"][r["target"]]["name"]}'
            if s is None or o is None:
                stats[rule][1] += 1
                wrong[rule].append(f"{doc}: {label} (an end is no gold entity)")
                continue
            rel = canonical((r["type"], s, o))
            if rel in required:
                stats[rule][0] += 1
            elif rel in optional or entities[s].get("optional") or entities[o].get("optional"):
                continue
            else:
                stats[rule][1] += 1
                wrong[rule].append(f"{doc}: {label}")

    rows = sorted(stats.items(), key=lambda kv: (kv[1][0] / max(1, sum(kv[1])), -kv[1][1]))
    print(f"{'rule':44}{'true':>6}{'false':>7}{'P':>8}")
    for rule, (t, f) in rows:
        if args.rule and rule != args.rule:
            continue
        print(f"{rule:44}{t:6}{f:7}{t / max(1, t + f):8.3f}")
        if args.verbose or args.rule:
            for w in wrong[rule]:
                print(f"    false: {w}")
    t = sum(v[0] for v in stats.values())
    f = sum(v[1] for v in stats.values())
    print(f"all rules: {t} true, {f} false, precision {t / max(1, t + f):.3f} over {len(golds)} documents")


if __name__ == "__main__":
    main()
