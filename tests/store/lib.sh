# Helpers shared by the store test scripts (sourced). HADATH: the executable.
HADATH=${HADATH:-build/hadath}
[[ $HADATH == /* ]] || HADATH=$PWD/$HADATH
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
pass=0 fail=0
ok()    { pass=$((pass+1)); }
bad()   { fail=$((fail+1)); echo "FAIL: $*"; }
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }
finish() { echo "$(basename "$0"): $pass passed, $fail failed"; [ "$fail" -eq 0 ]; }
corpus() { python3 "$HERE/make_corpus.py" "$@"; }
# A database's content, without ingestion times: every mention as coded, and the
# GDELT events table without DATEADDED (column 60).
dump() {
  "$HADATH" export --db "$1" --table mentions --format jsonl
  "$HADATH" export --db "$1" --format gdelt | cut -f1-59,61
}
counts() { "$HADATH" query --db "$1" documents --format csv | wc -l; dump "$1" | wc -l; }
