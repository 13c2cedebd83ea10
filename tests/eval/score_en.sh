#!/bin/sh
# Scores hadath's English coder on our own annotated English sample (tests/eval/en):
# 225 wire-style articles written for hadath in nine batches of 25 (en-001..en-025, en-026..en-050,
# en-051..en-075, en-076..en-100, en-101..en-125, en-126..en-150, en-151..en-175, en-176..en-200,
# en-201..en-225),
# gold events and forbidden (negated/uncertain) sentences. See tests/eval/en/README.md.
# Reads ../shared/eval/score_articles.py at run time; writes only to temporary files.
# Not run by ctest.
#
# usage: tests/eval/score_en.sh [HADATH] [SHARED]
#   HADATH  the hadath binary (default: build/hadath)
#   SHARED  the shared reference directory (default: ../shared from the repository)
# Set KEEP=FILE to keep the system output (JSONL) in FILE. Extra scorer flags (e.g. -v)
# go in SCORE_FLAGS. To score part of the sample, set BATCH=1, 2, ..., 8 or 9 (the articles
# whose source is hadath-sample, hadath-sample-2, ..., hadath-sample-9), or
# DOCS=en-026,en-027,... (ids); only those articles are coded and scored. Batches 1-8 may be
# tuned on (from session 10 on). Batch 9 is the blind set: score it in aggregate only (no
# SCORE_FLAGS=-v, no KEEP, no DOCS with its ids), and do not run the whole sample with -v
# or KEEP either; see tests/eval/en/README.md.
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
hadath=${1:-$repo/build/hadath}
shared=${2:-$repo/../shared}
en=$repo/tests/eval/en
out=${KEEP:-$(mktemp)}
docs=${DOCS:-}
case ${BATCH:-} in
  '') ;;
  1) src='hadath-sample' ;;
  2) src='hadath-sample-2' ;;
  3) src='hadath-sample-3' ;;
  4) src='hadath-sample-4' ;;
  5) src='hadath-sample-5' ;;
  6) src='hadath-sample-6' ;;
  7) src='hadath-sample-7' ;;
  8) src='hadath-sample-8' ;;
  9) src='hadath-sample-9' ;;
  *) echo "score_en.sh: BATCH must be 1, 2, 3, 4, 5, 6, 7, 8 or 9" >&2; exit 2 ;;
esac
if [ -n "${BATCH:-}" ]; then
  docs=$(python3 -c 'import json,sys
print(",".join(a["id"] for a in map(json.loads, open(sys.argv[1], encoding="utf-8")) if a["source"] == sys.argv[2]))' "$en/articles.jsonl" "$src")
fi

if [ -n "$docs" ]; then
  in=$(mktemp)
  python3 -c 'import json,sys
want = set(sys.argv[2].split(","))
for l in open(sys.argv[1], encoding="utf-8"):
    if l.strip() and json.loads(l)["id"] in want:
        sys.stdout.write(l)' "$en/articles.jsonl" "$docs" > "$in"
  "$hadath" code -q -j 1 --input-format jsonl - < "$in" > "$out"
  rm -f "$in"
  # shellcheck disable=SC2086
  python3 "$shared/eval/score_articles.py" "$en/gold.jsonl" "$out" --forbid "$en/forbid.jsonl" --docs "$docs" ${SCORE_FLAGS:-}
else
  "$hadath" code -q -j 1 --input-format jsonl - < "$en/articles.jsonl" > "$out"
  # shellcheck disable=SC2086
  python3 "$shared/eval/score_articles.py" "$en/gold.jsonl" "$out" --forbid "$en/forbid.jsonl" ${SCORE_FLAGS:-}
fi
[ -n "${KEEP:-}" ] || rm -f "$out"
