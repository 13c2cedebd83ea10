#!/usr/bin/env python3
"""Writes a synthetic news feed (JSON Lines) whose sentences hadath codes, for the store
tests: N documents, ids syn-00000…, three sources, dates over July 2015, so that reports
of one happening repeat across documents (deduplication has work to do).
   usage: make_corpus.py N [--changed]   (--changed: every 7th document gets a new text)"""
import json
import sys

SENTENCES = [
    "وانتقدت الحكومة الأردنية إسرائيل بشدة.",
    "التقى وزير الخارجية السعودي نظيره الأمريكي في الرياض.",
    "استقبل الرئيس المصري وزير الخارجية الروسي في القاهرة.",
    "هاجم تنظيم داعش الجيش العراقي في الموصل.",
]
n = int(sys.argv[1])
changed = "--changed" in sys.argv
for i in range(n):
    picks = [SENTENCES[i % 4], SENTENCES[(i // 4) % 4]] if i % 3 else [SENTENCES[i % 4]]
    if changed and i % 7 == 0:
        picks = [SENTENCES[(i + 1) % 4]]
    text = "\n\n".join(["قالت مصادر مطلعة إن الخبر رقم %d نشر اليوم." % i] + picks)
    print(json.dumps({"id": "syn-%05d" % i, "source": ["aawsat", "alriyadh", "okaz"][i % 3],
                      "date": "2015-07-%02d" % (1 + (i // 5) % 28), "title": "خبر %d" % i,
                      "url": "https://example.org/%d" % i, "text": text}, ensure_ascii=False))
