#!/usr/bin/env bash
# Runs `hadath mentions --text` on every case of cases.tsv and compares the mentions
# (kind:text:code:country, places with coordinates, dates with the date) with the expected ones.
set -u
HADATH=${HADATH:-build/hadath}
DIR=$(cd "$(dirname "$0")" && pwd)
fail=0; n=0
while IFS=$'\t' read -r date text want; do
  [[ -z "$date" || "$date" == \#* ]] && continue
  n=$((n + 1))
  got=$("$HADATH" mentions --date "$date" --text "$text" | python3 -c '
import json, sys
out = []
for l in sys.stdin:
    m = json.loads(l)
    if m["kind"] == "date":
        out.append("date:%s:%s" % (m["text"], m["date"]))
    elif m["kind"] == "place":
        out.append("place:%s:%s:%.1f,%.1f" % (m["text"], m["country"], m["lat"], m["lon"]))
    else:
        out.append("%s:%s:%s:%s" % (m["kind"], m["text"], m["code"], m["country"]))
print(" ; ".join(out))')
  if [[ "$got" != "$want" ]]; then
    echo "FAIL: $text"; echo "  want: $want"; echo "  got:  $got"; fail=1
  fi
done < "$DIR/cases.tsv"
echo "mentions golden: $n cases"
exit $fail
