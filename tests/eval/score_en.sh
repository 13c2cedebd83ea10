#!/bin/sh
# Scores hadath's English coder on our own annotated English sample (tests/eval/en):
# 25 wire-style articles written for hadath, gold events and forbidden (negated/uncertain)
# sentences. See tests/eval/en/README.md. Reads ../shared/eval/score_articles.py at run time;
# writes only to a temporary file. Not run by ctest.
#
# usage: tests/eval/score_en.sh [HADATH] [SHARED]
#   HADATH  the hadath binary (default: build/hadath)
#   SHARED  the shared reference directory (default: ../shared from the repository)
# Set KEEP=FILE to keep the system output (JSONL) in FILE. Extra scorer flags (e.g. -v)
# go in SCORE_FLAGS.
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
hadath=${1:-$repo/build/hadath}
shared=${2:-$repo/../shared}
en=$repo/tests/eval/en
out=${KEEP:-$(mktemp)}

"$hadath" code -q -j 1 --input-format jsonl - < "$en/articles.jsonl" > "$out"
# shellcheck disable=SC2086
python3 "$shared/eval/score_articles.py" "$en/gold.jsonl" "$out" --forbid "$en/forbid.jsonl" ${SCORE_FLAGS:-}
[ -n "${KEEP:-}" ] || rm -f "$out"
