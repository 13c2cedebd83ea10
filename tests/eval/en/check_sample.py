#!/usr/bin/env python3
"""Checks the English evaluation sample (articles.jsonl, gold.jsonl, forbid.jsonl).

usage: tests/eval/en/check_sample.py [CAMEO_TSV]
  CAMEO_TSV  default: ../shared/reference/cameo/cameo.tsv (next to the repository)

Checks: every line is valid JSON; article ids are unique; dates are valid and no gold
event is dated after its article; every root and cameo code exists in cameo.tsv and the
code starts with its root; root 01 is not used; every gold `evidence` and forbidden
`sentence` occurs verbatim in its article; no forbidden sentence contains gold evidence,
and no sentence of an article holds both a forbidden part and gold evidence (so a
correct event can never count as a forbidden hit); every article belongs to a known batch
and its id lies in that batch's range (batch 1: en-001..en-025, batch 2: en-026..en-050,
batch 3: en-051..en-075, batch 4: en-076..en-100,
batch 5: en-101..en-125, batch 6: en-126..en-150, batch 7: en-151..en-175,
batch 8: en-176..en-200, batch 9: en-201..en-225). Prints counts per batch; exits 1 on any error. Not run by ctest (it needs ../shared).
"""
import collections
import datetime
import json
import os
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.normpath(os.path.join(here, "..", "..", ".."))
tsv = sys.argv[1] if len(sys.argv) > 1 else os.path.join(repo, "..", "shared", "reference", "cameo", "cameo.tsv")
errors = 0


def bad(*msg):
    global errors
    errors += 1
    print("ERROR", *msg)


def load(name):
    out = []
    with open(os.path.join(here, name), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                out.append(json.loads(line))
            except ValueError as e:
                bad(name, n, e)
    return out


def day(s, where):
    try:
        return datetime.date.fromisoformat(s)
    except (TypeError, ValueError):
        bad(where, "bad date", s)
        return None


codes = set()
with open(tsv, encoding="utf-8") as f:
    for line in f:
        c = line.split("\t")[0]
        if c != "code":
            codes.add(c)

arts = load("articles.jsonl")
gold = load("gold.jsonl")
forbid = load("forbid.jsonl")
# source -> id range of the batch (batches 1-9)
BATCHES = {"hadath-sample": (1, 25), "hadath-sample-2": (26, 50), "hadath-sample-3": (51, 75),
           "hadath-sample-4": (76, 100), "hadath-sample-5": (101, 125),
           "hadath-sample-6": (126, 150), "hadath-sample-7": (151, 175),
           "hadath-sample-8": (176, 200), "hadath-sample-9": (201, 225)}
byid = {}
for a in arts:
    rng = BATCHES.get(a.get("source"))
    m = re.fullmatch(r"en-(\d{3})", a.get("id", ""))
    if rng is None or m is None or not rng[0] <= int(m.group(1)) <= rng[1]:
        bad(a.get("id"), "id or source outside the known batches:", a.get("source"))
    if a["id"] in byid:
        bad("duplicate id", a["id"])
    byid[a["id"]] = a
    day(a["date"], a["id"])


def sentences(text):
    return re.split(r"(?<=[.!?])\s+|\n+", text)


for g in gold:
    a = byid.get(g["doc"])
    if a is None:
        bad("gold for unknown doc", g["doc"])
        continue
    if g["cameo"] not in codes or g["root"] not in codes or not g["cameo"].startswith(g["root"]):
        bad(g["doc"], "code", g["root"], g["cameo"])
    if g["root"] == "01":
        bad(g["doc"], "root 01 is left out")
    d = day(g["date"], g["doc"])
    if d and d > datetime.date.fromisoformat(a["date"]):
        bad(g["doc"], "event after publication", g["date"])
    if g["evidence"] not in a["text"]:
        bad(g["doc"], "evidence not verbatim:", g["evidence"])
for f in forbid:
    a = byid.get(f["doc"])
    if a is None:
        bad("forbid for unknown doc", f["doc"])
        continue
    if f["sentence"] not in a["text"]:
        bad(f["doc"], "forbidden sentence not verbatim:", f["sentence"])
    ev = [g["evidence"] for g in gold if g["doc"] == f["doc"]]
    for e in ev:
        if e in f["sentence"]:
            bad(f["doc"], "forbidden sentence contains gold evidence:", e)
    for s in sentences(a["text"]):
        if f["sentence"] in s:
            for e in ev:
                if e in s:
                    bad(f["doc"], "forbidden part shares a sentence with gold evidence:", f["sentence"], "|", e)

src = {a["id"]: a["source"] for a in arts}
per = collections.defaultdict(lambda: [0, 0, 0, 0])
for a in arts:
    per[a["source"]][0] += 1
for g in gold:
    per[src.get(g["doc"])][1] += 1
    per[src.get(g["doc"])][2] += bool(g["core"])
for f in forbid:
    per[src.get(f["doc"])][3] += 1
for s, (n, lines, core, fb) in sorted(per.items(), key=lambda x: str(x[0])):
    print(f"{s}: articles={n} gold={lines} core={core} forbid={fb}")
print("errors", errors)
sys.exit(1 if errors else 0)
