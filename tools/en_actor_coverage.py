#!/usr/bin/env python3
"""Measure which English actor names hadath resolves, and to what (issue #11).

Reads the coverage lists in tools/en_coverage/*.tsv (group, name, code, from, to, note),
codes one sentence per row -- "NAME criticized Norway on Monday." -- dated inside the
row's from..to range (its middle, clamped to 2014-01-01..2025-06-30), and compares the
source actor of the event with the expected code:

  exact    the code begins with the expected one (a 3-letter code: the right country;
           IGOUNO: any UN body); `A|B` accepts either
  country  the first three letters agree (the right country or IGO/NGO, another sector)
  wrong    another country
  none     no event, or an event with no source actor

Prints a summary per group and, with -v, every row that is not exact.
Read-only: runs the hadath binary on generated text; writes nothing.

usage: tools/en_actor_coverage.py [-v] [--hadath build/hadath] [LIST.tsv ...]
"""
import argparse
import collections
import datetime as dt
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LO, HI = dt.date(2014, 1, 1), dt.date(2025, 6, 30)
PEOPLE = {"hos", "hog", "fm", "igo-person"}


def day(s, default):
    return dt.date.fromisoformat(s) if s else default


def rows(path):
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("group\t"):
            continue
        f = line.split("\t") + [""] * 6
        group, name, code, a, b = (x.strip() for x in f[:5])
        start, end = max(day(a, LO), LO), min(day(b, HI), HI)
        if end < start:
            start, end = day(a, LO), day(b, HI)
        mid = start + (end - start) / 2
        yield {"where": f"{path.name}:{n}", "group": group, "name": name, "code": code,
               "date": mid.isoformat()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lists", nargs="*", type=pathlib.Path)
    ap.add_argument("--hadath", default=str(ROOT / "build" / "hadath"))
    ap.add_argument("-v", action="store_true", help="list every row that is not exact")
    ap.add_argument("--surnames", action="store_true",
                    help="also test the last word of each person's name alone (group 'sn-…'),"
                         " as wire copy writes it after the first mention")
    args = ap.parse_args()
    lists = args.lists or sorted((ROOT / "tools" / "en_coverage").glob("*.tsv"))
    items = [r for p in lists for r in rows(p)]
    if args.surnames:
        items += [dict(r, group="sn-" + r["group"], name=r["name"].split()[-1])
                  for r in list(items) if r["group"] in PEOPLE and len(r["name"].split()) > 1]
    docs = "".join(json.dumps({"id": f"c{i}", "date": r["date"], "title": "",
                               "text": f"{r['name']} criticized Norway on Monday."}) + "\n"
                   for i, r in enumerate(items))
    out = subprocess.run([args.hadath, "code", "-q", "-j", "1", "--input-format", "jsonl", "-"],
                         input=docs, capture_output=True, text=True, check=True).stdout
    got = {}
    for line in out.splitlines():
        e = json.loads(line)
        if e.get("target", {}).get("country") == "NOR" and e["doc_id"] not in got:
            got[e["doc_id"]] = e["source"].get("code", "") or ""
    tally = collections.defaultdict(collections.Counter)
    for i, r in enumerate(items):
        code, want = got.get(f"c{i}", ""), r["code"]
        wants = want.split("|")
        if not code:
            verdict = "none"
        elif any(code.startswith(w) for w in wants):
            verdict = "exact"
        elif any(code[:3] == w[:3] for w in wants):
            verdict = "country"
        else:
            verdict = "wrong"
        tally[r["group"]][verdict] += 1
        tally["ALL"][verdict] += 1
        if args.v and verdict != "exact":
            print(f"{verdict:7} {r['group']:6} {r['name']!r} {r['date']} want {want} got {code or '-'}"
                  f"  ({r['where']})")
    print(f"{'group':8}{'rows':>6}{'exact':>7}{'country':>9}{'wrong':>7}{'none':>6}")
    for g in sorted(tally, key=lambda g: (g == "ALL", g)):
        t = tally[g]
        print(f"{g:8}{sum(t.values()):>6}{t['exact']:>7}{t['country']:>9}{t['wrong']:>7}{t['none']:>6}")


if __name__ == "__main__":
    sys.exit(main())
