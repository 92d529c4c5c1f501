#!/usr/bin/env python3
# (Vendored from the evaluation material shared with the project, so that a plain clone runs every format test.)
# Structural pre-check for neo4j-admin import CSV files (no Neo4j needed): RFC 4180 parse,
# header field syntax, column counts, BOM, duplicate :ID per ID space, dangling :START_ID/:END_ID.
# Usage: python3 check_neo4j_csv.py nodes.csv [more node files...] rels.csv  (node files first). Assumes "," delimiter and headers inline.
import csv, re, sys
TYPES = r"(int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|datetime|duration)(\[\])?(\{.*\})?"
FIELD = re.compile(r"^(?P<name>[^:]*)(:(?P<kind>ID|START_ID|END_ID)(\((?P<space>[^)]*)\))?|:(?P<special>LABEL|TYPE|IGNORE)|:" + TYPES + r")?$")
ids, rc = {}, 0
for path in sys.argv[1:]:
    with open(path, newline="", encoding="utf-8") as fh:
        if fh.read(1) == "\ufeff": print(path, "has a UTF-8 BOM"); rc = 1
        fh.seek(0)
        rows = list(csv.reader(fh, strict=True))
    header = rows[0]
    for h in header:
        if not FIELD.match(h): print(path, "bad header field", repr(h)); rc = 1
    kinds = [FIELD.match(h).group("kind") if FIELD.match(h) else None for h in header]
    for n, r in enumerate(rows[1:], 2):
        if len(r) != len(header): print(path, "line", n, "has", len(r), "fields, header has", len(header)); rc = 1
        if "\n" in "".join(r): print(path, "row", n, "has a multiline field: needs --multiline-fields"); 
        for h, k, v in zip(header, kinds, r):
            sp = FIELD.match(h).group("space") or ""
            if k == "ID":
                if (sp, v) in ids: print(path, "duplicate id", sp, v); rc = 1
                ids[(sp, v)] = path
            elif k in ("START_ID", "END_ID") and (sp, v) not in ids: print(path, "line", n, "dangling", k, sp, v); rc = 1
print("OK" if rc == 0 else "FAILED"); sys.exit(rc)
