#!/bin/sh
# English against Arabic coding speed on comparable text volume (issue #11).
#
# usage: bench/en_vs_ar.sh [HADATH] [SHARED] [RUNS]
#   HADATH  the hadath binary (default: build/hadath)
#   SHARED  the shared reference directory (default: ../shared from the repository)
#   RUNS    runs per input (default: 7); the medians are reported
#
# Inputs, built in a temporary directory:
#   en  the 75 English sample articles (tests/eval/en/articles.jsonl) repeated to ~3 MB of text
#   ar  the first SaudiNewsNet articles of ../shared up to the same number of text bytes
#   en1, ar1  one document of each: the fixed cost (image load, start-up, exit)
# Each is coded with `hadath code -q -j1 --input-format jsonl`, output to /dev/null. The script
# prints the medians and the English/Arabic ratio per MB of UTF-8 text, per character and per
# word (whitespace-separated), with the fixed cost and without it. Arabic letters take two
# bytes in UTF-8, English ones one, so "per MB" favours Arabic; "per character" and "per word"
# measure the text, not its encoding. Run it on a quiet machine (the load is printed).
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
hadath=${1:-$repo/build/hadath}
shared=${2:-$repo/../shared}
runs=${3:-7}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$repo/tests/eval/en/articles.jsonl" "$shared/corpus/saudinewsnet/saudinewsnet-2015.jsonl.gz" "$tmp" <<'EOF'
import gzip, json, sys
en_path, ar_path, out = sys.argv[1:]
target = 2_800_000  # bytes of text (title + text)
def text_of(d): return (d.get("title") or "") + "\n" + d.get("text", "")
arts = [json.loads(l) for l in open(en_path, encoding="utf-8") if l.strip()]
stats = {}
with open(f"{out}/en.jsonl", "w", encoding="utf-8") as f:
    size = i = 0
    while size < target:
        d = dict(arts[i % len(arts)]); d["id"] = f"{d['id']}-{i}"
        f.write(json.dumps(d, ensure_ascii=False) + "\n"); size += len(text_of(d).encode()); i += 1
with open(f"{out}/ar.jsonl", "w", encoding="utf-8") as f, gzip.open(ar_path, "rt", encoding="utf-8") as src:
    size = 0
    for line in src:
        d = json.loads(line)
        if not d.get("text"): continue
        f.write(line if line.endswith("\n") else line + "\n"); size += len(text_of(d).encode())
        if size >= target: break
for lang in ("en", "ar"):
    docs = [json.loads(l) for l in open(f"{out}/{lang}.jsonl", encoding="utf-8")]
    t = [text_of(d) for d in docs]
    stats[lang] = dict(docs=len(docs), bytes=sum(len(x.encode()) for x in t), chars=sum(len(x) for x in t),
                       words=sum(len(x.split()) for x in t))
    with open(f"{out}/{lang}1.jsonl", "w", encoding="utf-8") as f:
        f.write(json.dumps(docs[0], ensure_ascii=False) + "\n")
json.dump(stats, open(f"{out}/stats.json", "w"))
EOF

"$hadath" code -q -j1 --input-format jsonl "$tmp/en1.jsonl" > /dev/null  # (the image cache, once)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$runs"); do
  for f in en ar en1 ar1; do
    s=$(date +%s%N)
    "$hadath" code -q -j1 --input-format jsonl "$tmp/$f.jsonl" > /dev/null
    e=$(date +%s%N)
    echo "$f $(( (e - s) / 1000 ))" >> "$tmp/times"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$tmp" <<'EOF'
import json, statistics, sys
d = sys.argv[1]
st = json.load(open(f"{d}/stats.json"))
t = {}
for line in open(f"{d}/times"):
    k, us = line.split(); t.setdefault(k, []).append(int(us) / 1e6)
m = {k: statistics.median(v) for k, v in t.items()}
for lang in ("en", "ar"):
    s = st[lang]
    print(f"{lang}: {s['docs']} docs, {s['bytes']/1e6:.2f} MB, {s['chars']/1e6:.2f} M chars, {s['words']/1e3:.0f} k words:"
          f" {m[lang]:.3f} s (median of {len(t[lang])}: {' '.join(f'{x:.3f}' for x in t[lang])}); one document {m[lang + '1']:.3f} s")
for label, fixed in (("with the fixed cost", False), ("without it", True)):
    sec = {l: m[l] - (m[l + "1"] if fixed else 0) for l in ("en", "ar")}
    r = {u: (st["en"][u] / sec["en"]) / (st["ar"][u] / sec["ar"]) for u in ("bytes", "chars", "words")}
    rate = lambda l, u, k: st[l][u] / sec[l] / k
    print(f"{label}: per MB en {rate('en','bytes',1e6):.1f} / ar {rate('ar','bytes',1e6):.1f} MB/s = {r['bytes']:.2f}x;"
          f" per char en {rate('en','chars',1e6):.2f} / ar {rate('ar','chars',1e6):.2f} M/s = {r['chars']:.2f}x;"
          f" per word en {rate('en','words',1e3):.0f} / ar {rate('ar','words',1e3):.0f} k/s = {r['words']:.2f}x")
EOF
