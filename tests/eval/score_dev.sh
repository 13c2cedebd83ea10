#!/bin/sh
# Scores the Arabic coder on every evaluation set we measure it with:
#   - the dev GSR (ASSAULT and PROTEST detection, and the span sets),
#   - the seed article (../shared/eval/dev/seed),
#   - our own annotated SaudiNewsNet sample (tests/eval/saudinewsnet.gold.jsonl): batches 1+2,
#     and the blind batch 3 (summary line only).
# Reads ../shared at run time; writes only to a temporary directory. Not run by ctest.
#
# usage: tests/eval/score_dev.sh [HADATH] [SHARED]
#   HADATH  the hadath binary (default: build/hadath)
#   SHARED  the shared reference directory (default: ../shared from the repository)
# Set KEEP=DIR to keep the system outputs in DIR (e.g. to read false positives).
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
hadath=${1:-$repo/build/hadath}
shared=${2:-$repo/../shared}
eval_dir=$shared/eval
out=${KEEP:-$(mktemp -d)}
mkdir -p "$out"

# GSR sentences → hadath's JSONL input (id, date, text); a missing date stays missing.
to_input() {
  python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    rec = {"id": d["id"], "text": d["text"]}
    if d.get("date"):
        rec["date"] = d["date"]
    print(json.dumps(rec, ensure_ascii=False))
' "$1"
}

for t in assault protest; do
  for s in detect spans; do
    to_input "$eval_dir/dev/gsr/${t}_$s.jsonl" | "$hadath" code -q -j 1 --input-format jsonl - > "$out/${t}_$s.sys.jsonl"
  done
  python3 "$eval_dir/score_gsr.py" "$eval_dir/dev/gsr/${t}_detect.jsonl" "$out/${t}_detect.sys.jsonl" --type "$t" \
    --spans "$eval_dir/dev/gsr/${t}_spans.jsonl" "$out/${t}_spans.sys.jsonl"
done

echo "seed:"
"$hadath" code -q -j 1 --input-format jsonl - < "$eval_dir/dev/seed/seed.docs.jsonl" > "$out/seed.sys.jsonl"
python3 "$eval_dir/score_articles.py" "$eval_dir/dev/seed/seed.gold.jsonl" "$out/seed.sys.jsonl" \
  --forbid "$eval_dir/dev/seed/seed.forbid.jsonl"

# Batches 1 and 2 have been read while tuning the coder; batch 3 is the blind check (its
# output is never kept, and only its summary line is printed).
echo "own sample, batches 1+2 (tests/eval):"
(cd "$repo" && python3 tests/eval/select.py --batches 1,2) | "$hadath" code -q -j 1 --input-format jsonl - > "$out/own.sys.jsonl"
python3 "$eval_dir/score_articles.py" "$repo/tests/eval/saudinewsnet.gold.jsonl" "$out/own.sys.jsonl" \
  --docs "$(cd "$repo" && python3 tests/eval/select.py --ids 1),$(cd "$repo" && python3 tests/eval/select.py --ids 2)"
echo "own sample, batch 3 (blind: score, do not tune on it):"
blind=$(mktemp)
(cd "$repo" && python3 tests/eval/select.py --batches 3) | "$hadath" code -q -j 1 --input-format jsonl - > "$blind"
python3 "$eval_dir/score_articles.py" "$repo/tests/eval/saudinewsnet.gold.jsonl" "$blind" \
  --docs "$(cd "$repo" && python3 tests/eval/select.py --ids 3)" | tail -1
rm -f "$blind"
[ -n "${KEEP:-}" ] || rm -rf "$out"
