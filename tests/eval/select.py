#!/usr/bin/env python3
"""Extract the 50 articles of the SaudiNewsNet evaluation sample (tests/eval/saudinewsnet.gold.jsonl).

usage: python3 tests/eval/select.py [--corpus PATH] [--candidates N] [--ids {all,1,2}]

Default: print the chosen articles, as JSON Lines read at run time from the shared corpus
(../shared/corpus/saudinewsnet/saudinewsnet-2015.jsonl.gz relative to the repo root), in the
order below. No corpus text is stored in this repository. --ids prints the comma-separated ids
of all articles, or of batch 1 or 2 only, for score_articles.py --docs (no corpus needed).

Selection rule (reproduce the candidate list with --candidates 710):
  1. load all 30,990 articles, sort them by id, shuffle with random.Random(20150721);
  2. walk the shuffled list in order, keeping only articles whose text has 300..3000 characters;
  3. accept an article when, on reading, it reports at least one political event with a clear
     actor and target (diplomacy, conflict, protest, coercion, aid, statements by officials or
     organisations); skip sports, economy/markets, celebrity, local services and ceremonies,
     accidents and natural disasters, opinion columns, and interviews with non-official analysts;
  4. at most 3 accepted articles per outlet in the first batch of 25, at most 6 per outlet over
     the whole sample of 50; skip an article that reports the same story as one already
     accepted, and take at most 2 articles whose main news is a reaction to the same incident
     (the 6 August Asir mosque bombing);
  5. first batch: stop at 25 accepted articles, at shuffled position 274. Second batch: continue
     the same walk from position 275 and stop at 50 accepted articles, at position 703.
First batch, political candidates skipped: 156 (no coded event in the main news: a forthcoming
documentary), 162 (same story as 160), 199 (analyst interview), 212 and 267 (third and fourth
reactions to the Asir bombing); candidates from outlets already at the cap were not judged.
Second batch, political candidates skipped: 322, 585 and 625 (further reactions to the Asir
bombing), 330 (analyst interview), 350 (specialists' commentary), 362 (main claim rests on
unnamed sources and an analyst), 366 (cyber attack on a US health charity by unidentified
hackers), 371 (a month of border statistics, no single event), 396 (same story as 297: the King
Salman Centre's aid convoys to Yemen), 400 (human-interest feature), 431 (no coded event in the
main news: a parliamentary debate), 438 (main news is a denial), 477 (no coded event: a UN
rapporteur's warning), 523 (main news is an assessment of Russia's stance, root 01), 548 (same
story as 19: al-Anad base), 558 (summary of a foreign newspaper's report, no dated event), 661
(same story as 71: the Moroccan cell), 673 (private fund-raising after a natural disaster).
Outlets that reached the cap of 6 in the second batch (alriyadh after 382, aawsat after 413,
aljazirah after 489, 3alyoum after 509) were not judged after that.
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
    # second batch (positions 275..703)
    (297, "snn-2015-07-25-00364"), (303, "snn-2015-07-31-00835"), (304, "snn-2015-08-09-00188"),
    (312, "snn-2015-08-03-00359"), (315, "snn-2015-08-09-00759"), (323, "snn-2015-07-31-01844"),
    (357, "snn-2015-08-04-01342"), (359, "snn-2015-08-04-00566"), (374, "snn-2015-08-11-00001"),
    (381, "snn-2015-07-21-00017"), (382, "snn-2015-07-26-00826"), (408, "snn-2015-08-09-01132"),
    (413, "snn-2015-07-21-00086"), (415, "snn-2015-08-02-00394"), (428, "snn-2015-07-21-01423"),
    (441, "snn-2015-08-10-01250"), (446, "snn-2015-08-10-01004"), (452, "snn-2015-08-09-00773"),
    (478, "snn-2015-08-10-00011"), (489, "snn-2015-08-06-01004"), (509, "snn-2015-07-25-00034"),
    (530, "snn-2015-07-31-01441"), (552, "snn-2015-08-10-01592"), (667, "snn-2015-07-21-01631"),
    (703, "snn-2015-07-21-01228"),
]
SEED = 20150721
FIRST_BATCH_END = 274  # last shuffled position of batch 1


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.normpath(os.path.join(here, "..", "..", "..", "shared", "corpus",
                                            "saudinewsnet", "saudinewsnet-2015.jsonl.gz"))
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=default)
    ap.add_argument("--candidates", type=int, metavar="N",
                    help="print the first N shuffled positions (position, id, outlet, length, title) for review")
    ap.add_argument("--ids", choices=("all", "1", "2"),
                    help="print the ids (all, batch 1 or batch 2) comma-separated and exit")
    a = ap.parse_args()
    if a.ids:
        print(",".join(i for p, i in IDS if a.ids == "all"
                       or (a.ids == "1") == (p <= FIRST_BATCH_END)))
        return
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
