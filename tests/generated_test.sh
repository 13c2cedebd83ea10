#!/bin/bash
# The generated dictionaries of data/en are what their generators make of today's sources: a
# generated file edited by hand, or one not regenerated after the hand-written files it depends
# on changed, fails here. Each generator runs on a copy of data/ (their output depends on the
# hand-written files: names and forms those give are left out of the imports).
#   data/en/actors/linked.tsv, LINKED_REPORT.txt   tools/link_en_actors.py (data/ar)
#   data/en/actors/phoenix_*.tsv, agents/phoenix.tsv, discards.tsv, IMPORT_REPORT.txt
#                                                   hadath dict import-petrarch (../shared)
#   data/en/triggers/cameo.tsv, CAMEO_VERBS_REPORT.txt
#                                                   hadath dict import-cameo-verbs (../shared)
# The two imports need ../shared/reference/dictionaries/petrarch2; without it they are skipped.
# To regenerate everything in order: tests/generated_test.sh --write
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
hadath=${HADATH:-$repo/build/hadath}
src=$repo/../shared/reference/dictionaries/petrarch2
write=${1:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$repo/data" "$tmp/data"
fail=0
same() {  # same <generated> <committed>: report lines ignore the output path they name
  if ! diff -q <(sed 's|-o [^ ]*|-o OUT|' "$1") <(sed 's|-o [^ ]*|-o OUT|' "$2") > /dev/null; then
    echo "out of date: ${2#$repo/} ($(diff <(sed 's|-o [^ ]*|-o OUT|' "$1") <(sed 's|-o [^ ]*|-o OUT|' "$2") | grep -c '^[<>]') lines differ)"
    fail=1
    if [ "$write" = --write ]; then cp "$1" "$2"; fi
  fi
}
d=$tmp/data/en
python3 "$repo/tools/link_en_actors.py" --data "$tmp/data" -o "$d/actors/linked.tsv" --report "$d/LINKED_REPORT.txt" > /dev/null 2>&1
same "$d/actors/linked.tsv" "$repo/data/en/actors/linked.tsv"
same "$d/LINKED_REPORT.txt" "$repo/data/en/LINKED_REPORT.txt"
if [ -d "$src" ]; then
  "$hadath" --data "$tmp/data" dict import-petrarch -o "$d" --report "$d/IMPORT_REPORT.txt" "$src" 2> /dev/null
  for f in actors/phoenix_countries.tsv actors/phoenix_international.tsv actors/phoenix_milnonstate.tsv \
           agents/phoenix.tsv discards.tsv IMPORT_REPORT.txt; do
    same "$d/$f" "$repo/data/en/$f"
  done
  rm "$d/triggers/cameo.tsv"  # (else its own forms count as hand-written)
  "$hadath" --data "$tmp/data" dict import-cameo-verbs "$src/CAMEO.2.0.txt" -o "$d/triggers/cameo.tsv" \
    --report "$d/CAMEO_VERBS_REPORT.txt" > /dev/null 2>&1
  same "$d/triggers/cameo.tsv" "$repo/data/en/triggers/cameo.tsv"
  same "$d/CAMEO_VERBS_REPORT.txt" "$repo/data/en/CAMEO_VERBS_REPORT.txt"
else
  echo "skipped the PETRARCH imports: no $src"
fi
if [ "$fail" = 1 ] && [ "$write" != --write ]; then
  echo "regenerate with: tests/generated_test.sh --write (then review the diff)"; exit 1
fi
exit 0
