#!/usr/bin/env python3
"""Extract the 25 articles of the SaudiNewsNet evaluation sample (tests/eval/saudinewsnet.gold.jsonl).

usage: python3 tests/eval/select.py [--corpus PATH] [--candidates N]

Default: print the chosen articles, as JSON Lines read at run time from the shared corpus
(../shared/corpus/saudinewsnet/saudinewsnet-2015.jsonl.gz relative to the repo root), in the
order below. No corpus text is stored in this repository.

Selection rule (reproduce the candidate list with --candidates 280):
  1. load all 30,990 articles, sort them by id, shuffle with random.Random(20150721);
  2. walk the shuffled list in order, keeping only articles whose text has 300..3000 characters;
  3. accept an article when, on reading, it reports at least one political event with a clear
     actor and target (diplomacy, conflict, protest, coercion, aid, statements by officials or
     organisations); skip sports, economy/markets, celebrity, local services and ceremonies,
     accidents and natural disasters, opinion columns, and interviews with non-official analysts;
  4. at most 3 accepted articles per outlet; skip an article that reports the same story as one
     already accepted, and take at most 2 articles whose main news is a reaction to the same
     incident (the 6 August Asir mosque bombing);
  5. stop at 25 accepted articles. This happened at shuffled position 274.
Political candidates skipped: 156 (no coded event in the main news: a forthcoming
documentary), 162 (same story as 160), 199 (analyst interview), 212 and 267 (third and fourth
reactions to the Asir bombing); candidates from outlets already at the cap were not judged.
"""
import argparse, gzip, json, os, random, sys

IDS = [  # (shuffled position, id)
    (4, "snn-2015-08-06-03151"), (5, "snn-2015-07-25-01169"), (7, "snn-2015-08-02-00465"),
    (13, "snn-2015-08-07-01093"), (16, "snn-2015-07-23-01246"), (19, "snn-2015-08-04-00958"),
    (22, "snn-2015-07-27-00266"), (25, "snn-2015-08-10-01621"), (31, "snn-2015-08-09-00753"),
    (38, "snn-2015-08-09-00942"), (40, "snn-2015-07-26-01334"), (52, "snn-2015-07-25-01422"),
    (60, "snn-2015-07-24-01457"), (71, "snn-2015-07-22-00674"), (112, "snn-2015-08-11-00082"),
    (130, "snn-2015-07-25-00646"), (142, "snn-2015-08-01-00069"), (149, "snn-2015-08-09-00056"),
    (160, "snn-2015-07-23-01259"), (178, "snn-2015-08-06-00252"), (184, "snn-2015-08-08-00312"),
    (185, "snn-2015-07-24-00359"), (235, "snn-2015-07-21-01426"), (237, "snn-2015-08-06-03187"),
    (274, "snn-2015-07-21-00128"),
]
SEED = 20150721


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.normpath(os.path.join(here, "..", "..", "..", "shared", "corpus",
                                            "saudinewsnet", "saudinewsnet-2015.jsonl.gz"))
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=default)
    ap.add_argument("--candidates", type=int, metavar="N",
                    help="print the first N shuffled positions (position, id, outlet, length, title) for review")
    a = ap.parse_args()
    with gzip.open(a.corpus, "rt", encoding="utf-8") as f:
        docs = [json.loads(l) for l in f if l.strip()]
    if a.candidates:
        docs.sort(key=lambda d: d["id"])
        random.Random(SEED).shuffle(docs)
        for i, d in enumerate(docs[:a.candidates]):
            if 300 <= len(d["text"]) <= 3000:
                print(i, d["id"], d["source"], len(d["text"]), d.get("title", ""), sep="\t")
        return
    by = {d["id"]: d for d in docs}
    for _, i in IDS:
        sys.stdout.write(json.dumps(by[i], ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
