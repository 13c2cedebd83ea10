#!/usr/bin/env python3
"""Extract the 75 articles of the SaudiNewsNet evaluation sample (tests/eval/saudinewsnet.gold.jsonl).

usage: python3 tests/eval/select.py [--corpus PATH] [--batches 1,2] [--candidates N] [--ids {all,1,2,3}]

Default: print the chosen articles, as JSON Lines read at run time from the shared corpus
(../shared/corpus/saudinewsnet/saudinewsnet-2015.jsonl.gz relative to the repo root), in the
order below (--batches 1,2 keeps only those batches, e.g. to leave the blind batch 3 out of a
tuning run). No corpus text is stored in this repository. --ids prints the comma-separated ids
of all articles, or of batch 1, 2 or 3 only, for score_articles.py --docs (no corpus needed).

Selection rule (reproduce the candidate list with --candidates 950):
  1. load all 30,990 articles, sort them by id, shuffle with random.Random(20150721);
  2. walk the shuffled list in order, keeping only articles whose text has 300..3000 characters;
  3. accept an article when, on reading, it reports at least one political event with a clear
     actor and target (diplomacy, conflict, protest, coercion, aid, statements by officials or
     organisations); skip sports, economy/markets, celebrity, local services and ceremonies,
     accidents and natural disasters, opinion columns, and interviews with non-official analysts;
  4. at most 3 accepted articles per outlet in the first batch of 25, at most 6 per outlet over
     the first 50, at most 9 per outlet over the whole sample of 75; skip an article that reports
     the same story as one already accepted, and take at most 2 articles whose main news is a
     reaction to the same incident (the 6 August Asir mosque bombing; Maliki's remarks on Saudi
     Arabia);
  5. first batch: stop at 25 accepted articles, at shuffled position 274. Second batch: continue
     the same walk from position 275 and stop at 50 accepted articles, at position 703. Third
     batch: continue from position 704 and stop at 75 accepted articles, at position 948.
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
Third batch, political candidates skipped: 715 (a general law with no specific target: the UAE
law against contempt of religions), 737 (main news is a demonstration that is only expected),
744 (no coded event: an order to honour fallen allied soldiers as Saudi ones), 751 (specialists'
commentary), 754 (main news is a relative's account of an earlier attacker's motives, no new
event), 769 (analysts' commentary), 799 (same story as 19: al-Anad base), 806 (main news is an
official's assessment in an interview, root 01), 807, 810 and 881 (further reactions to the
Asir bombing), 862 (same story as 130: the 1MDB affair), 873 (an online campaign by anonymous
supporters, no official actor). Taken as outside the political scope: 708 (human-interest
feature), 714, 765 and 838 (ordinary crime), 813 and 829 (congratulation cables, ceremonies).
Outlets that reached the cap of 9 in the third batch (alriyadh after 896, aljazirah after 897,
aawsat after 906, alweeam after 917) were not judged after that; 885 was taken as the first
Saudi aid flight into Aden, so later aid-flight articles (926, 969) would have been the same story.
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
    # third batch (positions 704..948), frozen before any hadath run: for scoring, not tuning
    (704, "snn-2015-08-08-00424"), (717, "snn-2015-07-27-00308"), (745, "snn-2015-08-06-01976"),
    (746, "snn-2015-08-11-01043"), (762, "snn-2015-08-10-01565"), (776, "snn-2015-08-11-00310"),
    (788, "snn-2015-08-04-01228"), (792, "snn-2015-08-02-00114"), (796, "snn-2015-07-23-00733"),
    (804, "snn-2015-07-31-01453"), (836, "snn-2015-07-22-01524"), (845, "snn-2015-08-10-01054"),
    (847, "snn-2015-07-21-00989"), (848, "snn-2015-08-10-01681"), (854, "snn-2015-07-25-00220"),
    (871, "snn-2015-07-21-00782"), (878, "snn-2015-08-01-00891"), (885, "snn-2015-07-24-01460"),
    (896, "snn-2015-07-31-00952"), (897, "snn-2015-08-11-00431"), (906, "snn-2015-08-06-00403"),
    (917, "snn-2015-07-23-00977"), (929, "snn-2015-07-31-00016"), (936, "snn-2015-07-23-00193"),
    (948, "snn-2015-07-25-00738"),
]
SEED = 20150721
BATCH_ENDS = (274, 703, 948)  # last shuffled position of batches 1, 2 and 3


def batch(pos):
    return next(str(b + 1) for b, end in enumerate(BATCH_ENDS) if pos <= end)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.normpath(os.path.join(here, "..", "..", "..", "shared", "corpus",
                                            "saudinewsnet", "saudinewsnet-2015.jsonl.gz"))
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=default)
    ap.add_argument("--batches", default="1,2,3", metavar="LIST",
                    help="comma-separated batches whose articles are printed (default: all three)")
    ap.add_argument("--candidates", type=int, metavar="N",
                    help="print the first N shuffled positions (position, id, outlet, length, title) for review")
    ap.add_argument("--ids", choices=("all", "1", "2", "3"),
                    help="print the ids (all, or batch 1, 2 or 3) comma-separated and exit")
    a = ap.parse_args()
    if a.ids:
        print(",".join(i for p, i in IDS if a.ids in ("all", batch(p))))
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
    keep = set(a.batches.split(","))
    for p, i in IDS:
        if batch(p) not in keep:
            continue
        sys.stdout.write(json.dumps(by[i], ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
