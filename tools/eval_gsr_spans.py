#!/usr/bin/env python3
"""Agreement of hadath's actor countries with the Arabic GSR's source/target spans.

usage: tools/eval_gsr_spans.py [--hadath build/hadath] [--gsr ../shared/eval/dev/gsr] [--show N]

For every span of ../shared/eval/dev/gsr/*_spans.jsonl whose gold role names a country
(`source_role.main` / `target_role.main` a 3-letter code other than None), the words of the
span are located in the sentence, `hadath mentions` is run on the sentences (one JSONL
document each, dated with the sentence's date), and the span's predicted country is the
country of the first actor or agent mention overlapping it that has one, else of the first
place mention overlapping it. Reported: the agreement (predicted == gold) over spans where
the gold names a country, how many spans had no prediction at all, and the disagreements
(--show). A lexicon measure: it does not involve the coder's choice of source and target.
"""
import argparse
import collections
import glob
import json
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def locate(text, words):
    """Smallest [start, end) of `words` found in order in `text`, or None."""
    words = [w for w in words if w]
    if not words:
        return None
    best = None
    pos = text.find(words[0])
    while pos >= 0:
        end = pos + len(words[0])
        cur = end
        ok = True
        for w in words[1:]:
            p = text.find(w, cur)
            if p < 0:
                ok = False
                break
            cur = p + len(w)
        if ok and (best is None or cur - pos < best[1] - best[0]):
            best = (pos, cur)
        pos = text.find(words[0], pos + 1)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hadath", default=os.path.join(REPO, "build", "hadath"))
    ap.add_argument("--gsr", default=os.path.join(REPO, "..", "shared", "eval", "dev", "gsr"))
    ap.add_argument("--show", type=int, default=0, help="print N disagreements")
    a = ap.parse_args()

    sents = {}
    for path in sorted(glob.glob(os.path.join(a.gsr, "*_spans.jsonl"))):
        for line in open(path, encoding="utf-8"):
            d = json.loads(line)
            sents[d["id"]] = d
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for sid, d in sents.items():
            f.write(json.dumps({"id": sid, "date": d.get("date", ""), "text": d["text"]}, ensure_ascii=False) + "\n")
        docs = f.name
    out = subprocess.run([a.hadath, "mentions", "-", "--input-format", "jsonl"], stdin=open(docs, "rb"),
                         capture_output=True, check=False)
    os.unlink(docs)
    mentions = collections.defaultdict(list)
    for line in out.stdout.decode("utf-8").splitlines():
        m = json.loads(line)
        mentions[m["doc_id"]].append(m)

    n = ok = none = unlocated = 0
    by_role = collections.Counter()
    by_role_ok = collections.Counter()
    bad = []
    seen = set()
    for sid, d in sents.items():
        text = d["text"]
        for s in d["spans"]:
            for role in ("source", "target"):
                r = s.get(role + "_role")
                gold = r.get("main") if isinstance(r, dict) else None
                if not gold or gold == "None" or len(gold) != 3 or not gold.isupper():
                    continue
                words = s.get(role + "_actor") or []
                key = (sid, role, tuple(words), gold)
                if key in seen:  # the same span annotated twice
                    continue
                seen.add(key)
                span = locate(text, words)
                if span is None:
                    unlocated += 1
                    continue
                pred = None
                over = [m for m in mentions.get(sid, []) if m["start"] < span[1] and m["end"] > span[0]
                        and m["kind"] != "date"]
                for kinds in (("actor", "agent"), ("place",)):
                    for m in over:
                        if m["kind"] in kinds and m.get("country"):
                            pred = m["country"]
                            break
                    if pred:
                        break
                n += 1
                by_role[role] += 1
                if pred == gold:
                    ok += 1
                    by_role_ok[role] += 1
                else:
                    if pred is None:
                        none += 1
                    bad.append((sid, role, gold, pred, " ".join(words), text))
    print(f"spans whose gold names a country: {n} (+{unlocated} whose words were not found in the text)")
    print(f"agreement: {ok}/{n} = {ok / n if n else 0:.3f}   (no country found: {none}, another country: {n - ok - none})")
    for role in ("source", "target"):
        if by_role[role]:
            print(f"  {role}: {by_role_ok[role]}/{by_role[role]} = {by_role_ok[role] / by_role[role]:.3f}")
    golds = collections.Counter(b[2] for b in bad)
    print("disagreements by gold country:", dict(golds.most_common(12)))
    for b in bad[: a.show]:
        print(f"- {b[0]} {b[1]} gold={b[2]} pred={b[3]} span=«{b[4]}»\n    {b[5][:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
