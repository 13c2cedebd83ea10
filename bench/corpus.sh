#!/usr/bin/env bash
# Corpus benchmark: codes the whole SaudiNewsNet corpus (../shared) RUNS times with
# `hadath code`, reports the median wall time, articles/s, MB/s of input text and the
# peak RSS, and fails if the event count differs from EXPECT_EVENTS (when given) so
# that a faster wrong answer cannot pass.
#   usage: bench/corpus.sh [RUNS] [EXPECT_EVENTS]
set -euo pipefail
RUNS=${1:-5}
EXPECT=${2:-}
HADATH=${HADATH:-build/hadath}
CORPUS=${CORPUS:-../shared/corpus/saudinewsnet/saudinewsnet-2015.jsonl.gz}
[ -f "$CORPUS" ] || { echo "corpus not found: $CORPUS" >&2; exit 2; }
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
docs=$(zcat "$CORPUS" | wc -l)
mb=$(zcat "$CORPUS" | python3 -c "import sys,json; print(sum(len(json.loads(l).get('text','').encode()) for l in sys.stdin)/1e6)")
times=(); rss=0; events=
for i in $(seq "$RUNS"); do
  /usr/bin/time -f "%e %M" -o "$TMP/t" "$HADATH" code -q -o "$TMP/out.jsonl" "$CORPUS" 2>/dev/null || true
  read -r t m < <(tail -n1 "$TMP/t")
  times+=("$t"); (( m > rss )) && rss=$m
  events=$(wc -l < "$TMP/out.jsonl")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "corpus: $docs documents, $(printf %.1f "$mb") MB of UTF-8 text; runs: $RUNS (times: ${times[*]} s)"
python3 -c "print(f'median {float(\"$median\"):.2f} s: {$docs/float(\"$median\"):.0f} articles/s, {$mb/float(\"$median\"):.2f} MB/s; peak RSS {$rss/1024:.0f} MiB; events {$events}')"
if [ -n "$EXPECT" ] && [ "$events" != "$EXPECT" ]; then echo "event count $events != expected $EXPECT" >&2; exit 1; fi
