#!/usr/bin/env bash
# End-to-end checks of the hadath CLI, as a user runs it. Run by CTest with
# HADATH set to the built executable and the repository as working directory.
# Reads ../shared at run time when it is there (the founding example).
set -u
HADATH=${HADATH:-build/hadath}
SEED=../shared/corpus/seed/000_adf2e6658df28c14.txt
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }

# --- version and help
check "version" bash -c "'$HADATH' version | grep -Eq '^hadath [0-9]+\.[0-9]+\.[0-9]+$'"
for sub in code extract version; do
  check "help $sub" bash -c "'$HADATH' $sub --help | grep -q Usage"
done
"$HADATH" code >/dev/null 2>&1; check "missing INPUT is a usage error (2)" test $? -eq 2
"$HADATH" code --date 2024-13-01 examples/ >/dev/null 2>&1; check "bad --date is a usage error (2)" test $? -eq 2
"$HADATH" frobnicate >/dev/null 2>&1; check "unknown subcommand is a usage error (2)" test $? -eq 2

# --- dict stats: both languages, Arabic and English counts
check "dict stats counts each language" python3 -c "
import json,subprocess,sys
d=json.loads(subprocess.run(['$HADATH','dict','stats','--format','json'],capture_output=True,text=True).stdout)['languages']
sys.exit(0 if d['ar']['kinds']['actors: persons']>=3000 and d['en']['kinds']['actors: persons']>d['ar']['kinds']['actors: persons'] and d['en']['kinds']['triggers']>0 else 1)"

# --- the bundled examples
"$HADATH" code -q -o "$TMP/ex.jsonl" examples/; check "examples exit 0" test $? -eq 0
check "examples give events" test -s "$TMP/ex.jsonl"
check "examples are valid JSON Lines" python3 -c "
import json,sys
n=0
for l in open('$TMP/ex.jsonl', encoding='utf-8'):
    json.loads(l); n+=1
sys.exit(0 if n>=3 else 1)"
check "table format" bash -c "'$HADATH' code -q --format table examples/ | grep -q '→'"

# --- the parallel pipeline: identical output for any thread count, in input order
python3 - "$TMP/many.jsonl" <<'PY'
import json, sys
sents = ["وانتقدت الحكومة الأردنية إسرائيل بشدة.", "والتقى وزير الخارجية المصري بنظيره التركي في أنقرة.",
         "وقصفت القوات الإسرائيلية مواقع لحزب الله في جنوب لبنان.", "ولم يلتق الوفد بأي مسؤول.", "بلا أحداث هنا."]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for i in range(600):
        text = " ".join(sents[(i + k) % len(sents)] for k in range(1 + i % 4))
        f.write(json.dumps({"id": f"d{i}", "date": "2024-02-0%d" % (1 + i % 9), "text": text}, ensure_ascii=False) + "\n")
    f.write("not json\n")
PY
"$HADATH" code -q -j 1 "$TMP/many.jsonl" > "$TMP/j1.jsonl" 2>"$TMP/j1.err"
"$HADATH" code -q -j 3 "$TMP/many.jsonl" > "$TMP/j3.jsonl" 2>"$TMP/j3.err"
check "threads 1 and 3 give identical output" cmp -s "$TMP/j1.jsonl" "$TMP/j3.jsonl"
check "threads 1 and 3 report the same errors" cmp -s "$TMP/j1.err" "$TMP/j3.err"
check "pipeline output is in input order" python3 -c "
import json,sys
ids=[int(json.loads(l)['doc_id'][1:]) for l in open('$TMP/j3.jsonl', encoding='utf-8')]
sys.exit(0 if ids and ids == sorted(ids) else 1)"

# --- explain: the event's derivation and the rejected candidates, with reasons
"$HADATH" explain --date 2023-10-27 --text "والتقى الوزير الإيراني بنظيره الروسي في موسكو الخميس. وقالت الخارجية القطرية إن الجانبين بحثا التهدئة." > "$TMP/explain.txt"
check "explain shows the event with its date basis" grep -q "→ event 040: IRNGOV .* date 2023-10-26 (weekday)  at Moscow (RUS)" "$TMP/explain.txt"
check "explain shows why a trigger gave no event" grep -q "rejected: no source actor found" "$TMP/explain.txt"
check "explain names the data lines" grep -q "ar/agents.tsv:[0-9]" "$TMP/explain.txt"
check "help explain" bash -c "'$HADATH' explain --help | grep -q Usage"

# --- stdin with --input-format and --date
out=$(printf 'وانتقدت الحكومة الأردنية إسرائيل بشدة.' | "$HADATH" code -q --input-format txt --date 2024-02-02 -)
check "stdin coded with --date" python3 -c "
import json,sys
e=json.loads(sys.argv[1]); sys.exit(0 if e['date']=='2024-02-02' and e['source']['code']=='JORGOV' and e['root']=='11' else 1)" "$out"

# --- bad inputs: each reported on one line naming the file, the rest still coded
mkdir -p "$TMP/in"
printf 'وانتقدت الحكومة الأردنية إسرائيل بشدة.\n' > "$TMP/in/good.txt"
: > "$TMP/in/empty.txt"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR' > "$TMP/in/picture.png"
"$HADATH" code --date 2024-02-02 "$TMP/nope.txt" "$TMP/in" >"$TMP/bad.out" 2>"$TMP/bad.err"
rc=$?
check "exit 1 when an input failed" test $rc -eq 1
check "good input still coded" grep -q JORGOV "$TMP/bad.out"
check "missing file named on stderr" grep -q "^hadath: $TMP/nope.txt: no such file" "$TMP/bad.err"
check "empty file named on stderr" grep -q "^hadath: $TMP/in/empty.txt: empty file" "$TMP/bad.err"
check "binary file named on stderr" grep -q "^hadath: $TMP/in/picture.png: binary file" "$TMP/bad.err"
check "summary counts the failures" grep -q "3 failed" "$TMP/bad.err"
"$HADATH" extract "$TMP/in" >"$TMP/ex.out" 2>"$TMP/ex.err"; rc=$?
check "extract: exit 1 when an input failed" test $rc -eq 1
check "extract: summary line" grep -q "^hadath: 1 document extracted, 2 failed" "$TMP/ex.err"
"$HADATH" extract --strict "$TMP/in" >"$TMP/strict.out" 2>"$TMP/strict.err"; rc=$?
check "extract --strict: exit 1" test $rc -eq 1
check "extract --strict: stops at the first error" test "$(grep -c '^hadath: ' "$TMP/strict.err")" -eq 1
"$HADATH" code --strict --date 2024-02-02 "$TMP/in" >/dev/null 2>"$TMP/cstrict.err"; rc=$?
check "code --strict: exit 1 at the first error" bash -c "test $rc -eq 1 && test \$(wc -l < '$TMP/cstrict.err') -eq 1"

# --- installed layout finds its data with no flags; --data and HADATH_DATA override
BUILD_DIR=$(dirname "$HADATH")
if cmake --install "$BUILD_DIR" --prefix "$TMP/prefix" >/dev/null 2>&1; then
  check "installed binary runs" bash -c "cd / && '$TMP/prefix/bin/hadath' code -q '$OLDPWD/examples' | grep -q event_id"
  "$HADATH" --data "$TMP/nowhere" code examples/ >/dev/null 2>"$TMP/data.err"
  check "--data to a missing directory: exit 2" test $? -eq 2
  check "--data error names the directory" grep -q "$TMP/nowhere" "$TMP/data.err"
  HADATH_DATA="$TMP/nowhere" "$HADATH" code examples/ >/dev/null 2>&1
  check "HADATH_DATA is honoured" test $? -eq 2
else
  bad "cmake --install"
fi

# --- the founding example, when ../shared is present
if [ -f "$SEED" ]; then
  "$HADATH" code -q "$SEED" > "$TMP/seed.jsonl"; check "seed exit 0" test $? -eq 0
  check "seed: contract fields, doc_date, headline event in Moscow" python3 - "$TMP/seed.jsonl" <<'PY'
import json, sys
fields = ["event_id","doc_id","doc_url","doc_source","doc_title","doc_date","sentence_index","sentence",
          "date","date_basis","source","target","cameo","root","quad_class","goldstein","plover",
          "plover_mode","trigger","location","negated","modality","rules"]
ev = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert ev, "no events"
for e in ev:
    missing = [f for f in fields if f not in e]
    assert not missing, missing
    assert e["doc_date"] == "2023-10-27", e["doc_date"]
    assert e["doc_id"] == "000_adf2e6658df28c14"
head = [e for e in ev if e["root"] == "04" and e["source"]["country"] == "IRN" and e["source"]["sector"] == "GOV"
        and e["target"] and e["target"]["country"] == "PSE" and e["target"]["sector"] == "REB"
        and e["location"]["country"] == "RUS" and e["location"]["lat"] and abs(e["location"]["lat"] - 55.75) < 0.1]
assert head, "headline event IRN GOV meets PSE REB in Moscow not found"
thursday = [e for e in ev if e["date"] == "2023-10-26" and e["date_basis"] == "weekday"]
assert thursday, "no event resolved to Thursday 2023-10-26"
assert not [e for e in ev if "ليس من الواضح" in e["sentence"]], "event from the hedged sentence"
PY
  "$HADATH" extract "$SEED" > "$TMP/seed.extract"
  check "seed extract: text without boilerplate" python3 - "$TMP/seed.extract" <<'PY'
import json, sys
d = json.loads(open(sys.argv[1], encoding="utf-8").read())
t = d["text"]
for junk in ["تجاوز إلى المحتوى", "caption", "posted on", "noتعليق", "\nبوتين\n"]:
    assert junk not in t, junk
assert d["date"] == "2023-10-27" and d["lang"] == "ar"
assert t.startswith("مسؤول إيراني رفيع يلتقي قياديين من حماس")
assert t.count("فإن قرار مجلس الأمن") == 1
PY
  check "seed table shows the headline" bash -c "'$HADATH' code -q --format table '$SEED' | grep -q 'Meet at a third location'"
else
  echo "note: $SEED not present; founding-example checks skipped"
fi

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
