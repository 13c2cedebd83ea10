#!/usr/bin/env bash
# hadath ingest / query / export against SQLite, as a user runs them.
set -u
source "$(dirname "$0")/lib.sh"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
DB=$TMP/t.db

for sub in ingest query export; do
  check "help $sub" bash -c "'$HADATH' $sub --help | grep -q Usage"
done
"$HADATH" query --db "$TMP/none.db" >/dev/null 2>"$TMP/err"; check "query a missing db: exit 2" test $? -eq 2
check "missing db named" grep -q "no such database" "$TMP/err"
check "query did not create it" test ! -e "$TMP/none.db"

corpus 300 > "$TMP/feed.jsonl"
"$HADATH" ingest -q --db "$DB" "$TMP/feed.jsonl"; check "ingest exit 0" test $? -eq 0
check "WAL journal" bash -c "[ \"\$(sqlite3 '$DB' 'PRAGMA journal_mode')\" = wal ]"
check "schema_version 3" bash -c "[ \"\$(sqlite3 '$DB' 'SELECT max(version) FROM schema_version')\" = 3 ]"
dump "$DB" > "$TMP/once"
"$HADATH" ingest --db "$DB" "$TMP/feed.jsonl" 2>"$TMP/again.err"
check "second ingest: all unchanged" grep -q "300 documents: 0 added, 0 replaced, 300 unchanged" "$TMP/again.err"
dump "$DB" > "$TMP/twice"
check "ingesting twice = once" cmp -s "$TMP/once" "$TMP/twice"

# default database: ./hadath.db
(cd "$TMP" && "$HADATH" ingest -q feed.jsonl); check "default ./hadath.db" test -s "$TMP/hadath.db"

# changed documents replace their mentions; the result equals a fresh ingest of the new feed
corpus 300 --changed > "$TMP/feed2.jsonl"
"$HADATH" ingest --db "$DB" "$TMP/feed2.jsonl" 2>"$TMP/changed.err"
check "changed documents replaced" grep -q "300 documents: 0 added, 43 replaced, 257 unchanged" "$TMP/changed.err"
"$HADATH" ingest -q --db "$TMP/fresh2.db" "$TMP/feed2.jsonl"
check "replaced = fresh (mention and event counts)" bash -c "
  [ \"\$('$HADATH' query --db '$DB' dyads --format csv | cut -d, -f1-4)\" = \"\$('$HADATH' query --db '$TMP/fresh2.db' dyads --format csv | cut -d, -f1-4)\" ]"

# the same text under another id adds nothing
head -1 "$TMP/feed2.jsonl" | sed 's/"syn-00000"/"copy-0"/' > "$TMP/copy.jsonl"
"$HADATH" ingest --db "$TMP/fresh2.db" "$TMP/copy.jsonl" 2>&1 | grep -q "1 duplicate"; check "duplicate content" test $? -eq 0

# queries
check "dyads table" bash -c "'$HADATH' query --db '$DB' dyads | grep -q 'SAUGOV  *USAGOV'"
check "timeline csv" bash -c "'$HADATH' query --db '$DB' timeline --actor SAU --actor USA --format csv | head -1 | grep -q '^period,events,mentions,goldstein'"
check "events --root 19 jsonl" python3 -c "
import json,subprocess,sys
out=subprocess.run(['$HADATH','query','--db','$DB','events','--root','19','--format','jsonl'],capture_output=True,text=True).stdout
rows=[json.loads(l) for l in out.splitlines()]
sys.exit(0 if rows and all(r['cameo'].startswith('19') for r in rows) else 1)"
check "events --doc" bash -c "[ \$('$HADATH' query --db '$DB' events --doc syn-00005 --format jsonl | wc -l) -ge 1 ]"
check "json array" python3 -c "
import json,subprocess,sys
a=json.loads(subprocess.run(['$HADATH','query','--db','$DB','actors','--format','json'],capture_output=True,text=True).stdout)
sys.exit(0 if isinstance(a,list) and a[0]['code'] else 1)"
"$HADATH" query --db "$DB" events --from 2015-13-01 >/dev/null 2>&1; check "bad --from: exit 2" test $? -eq 2

# exports: GDELT layout read by a standard CSV reader with the published column names
"$HADATH" export --db "$DB" --format gdelt -o "$TMP/events.tsv"; check "export gdelt exit 0" test $? -eq 0
"$HADATH" export --db "$DB" --format gdelt --table mentions -o "$TMP/mentions.tsv"
"$HADATH" export --db "$DB" --format gdelt --header | head -1 | tr '\t' '\n' > "$TMP/names"
check "61 columns on every line" bash -c "[ \"\$(awk -F'\t' '{print NF}' '$TMP/events.tsv' | sort -u)\" = 61 ]"
check "16 mention columns on every line" bash -c "[ \"\$(awk -F'\t' '{print NF}' '$TMP/mentions.tsv' | sort -u)\" = 16 ]"
check "GDELT loads with csv + column names" python3 - "$TMP/events.tsv" "$TMP/mentions.tsv" "$TMP/names" <<'PY'
import csv, sys
names = open(sys.argv[3]).read().split()
GDELT = ("GLOBALEVENTID SQLDATE MonthYear Year FractionDate " +
  " ".join(f"Actor{i}{c}" for i in (1, 2) for c in "Code Name CountryCode KnownGroupCode EthnicCode Religion1Code Religion2Code Type1Code Type2Code Type3Code".split()) +
  " IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone " +
  " ".join(f"{g}_{c}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo") for c in "Type FullName CountryCode ADM1Code ADM2Code Lat Long FeatureID".split()) +
  " DATEADDED SOURCEURL").split()
assert names == GDELT, names
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline=""), fieldnames=GDELT, delimiter="\t", quoting=csv.QUOTE_NONE))
assert rows and all(None not in r for r in rows)
assert all(r["EventRootCode"] == r["EventCode"][:2] and 1 <= int(r["QuadClass"]) <= 4 for r in rows)
assert sum(int(r["NumMentions"]) for r in rows) == sum(1 for _ in open(sys.argv[2]))
assert any(r["ActionGeo_CountryCode"] == "SA" for r in rows)   # Riyadh: FIPS SA
assert all(len(r["SQLDATE"]) == 8 and len(r["DATEADDED"]) == 14 for r in rows)
PY
check "csv export" python3 -c "
import csv,subprocess,sys,io
out=subprocess.run(['$HADATH','export','--db','$DB','--format','csv'],capture_output=True,text=True).stdout
r=list(csv.DictReader(io.StringIO(out)))
sys.exit(0 if r and r[0]['num_mentions'] else 1)"
check "mentions jsonl = hadath code" python3 - "$HADATH" "$DB" "$TMP/feed2.jsonl" <<'PY'
import json, subprocess, sys
h, db, feed = sys.argv[1:]
key = lambda e: (e["event_id"], e["cameo"], e["source"]["code"], (e["target"] or {}).get("code"), e["date"], e["sentence"])
coded = sorted(key(json.loads(l)) for l in subprocess.run([h, "code", "-q", feed], capture_output=True, text=True).stdout.splitlines())
stored = sorted(key(json.loads(l)) for l in subprocess.run([h, "export", "--db", db, "--table", "mentions"], capture_output=True, text=True).stdout.splitlines())
sys.exit(0 if coded == stored and coded else 1)
PY

# an older database is upgraded; a newer one is refused
sqlite3 "$TMP/fresh2.db" "INSERT INTO schema_version VALUES (7, 'future')"
"$HADATH" query --db "$TMP/fresh2.db" >/dev/null 2>"$TMP/newer.err"; check "newer schema: exit 2" test $? -eq 2
check "newer schema: clear message" grep -q "schema version 7 is newer than this hadath supports" "$TMP/newer.err"
finish
