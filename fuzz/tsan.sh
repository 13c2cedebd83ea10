#!/usr/bin/env bash
# `make test-tsan`: ThreadSanitizer over the code paths that run threads, in BUILD
# (configured with -DHADATH_SANITIZE=thread):
#   1. the parallel pipeline: `hadath code --threads 4` over a few hundred documents
#      (SaudiNewsNet's first 300 when ../shared is there, else the fixtures repeated),
#      output identical to --threads 1;
#   2. `hadath ingest` into SQLite (the database the server then reads);
#   3. the API in-process (hadath_server_tests) and a real `hadath serve` (8 threads)
#      answering 8 concurrent clients (tests/server/api_test.py, then a burst).
# Any TSan report fails (halt_on_error), as does any difference or failed check.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build-tsan}
H=$BUILD/hadath
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/fuzz/tsan.supp}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"; [[ -n ${SRV:-} ]] && kill "$SRV" 2>/dev/null; true' EXIT
SNN=../shared/corpus/saudinewsnet/saudinewsnet-2015.jsonl.gz
if [[ -f $SNN ]]; then
  { zcat "$SNN" || true; } | head -300 >"$TMP/in.jsonl"
else
  for i in $(seq 40); do sed "s/\"id\":\"/\"id\":\"r$i-/" tests/server/fixtures.jsonl; done >"$TMP/in.jsonl"
fi
t0=$SECONDS
"$H" code -q --threads 1 -o "$TMP/t1.jsonl" "$TMP/in.jsonl" examples tests/fixtures/html
"$H" code -q --threads 4 -o "$TMP/t4.jsonl" "$TMP/in.jsonl" examples tests/fixtures/html
cmp -s "$TMP/t1.jsonl" "$TMP/t4.jsonl" || { echo "tsan: --threads 4 output differs from --threads 1" >&2; exit 1; }
echo "tsan: parallel pipeline, $(wc -l <"$TMP/in.jsonl") documents, $(wc -l <"$TMP/t4.jsonl") events: clean ($((SECONDS - t0)) s)"
t0=$SECONDS
"$H" ingest -q --db "$TMP/t.db" "$TMP/in.jsonl" tests/server/fixtures.jsonl examples
echo "tsan: ingest: clean ($((SECONDS - t0)) s)"
t0=$SECONDS
"$BUILD"/tests/hadath_server_tests --gtest_brief=1 >"$TMP/gt.log" 2>&1 || { cat "$TMP/gt.log"; exit 1; }
"$BUILD"/tests/hadath_store_tests --gtest_brief=1 >"$TMP/st.log" 2>&1 || { cat "$TMP/st.log"; exit 1; }
echo "tsan: server and store unit tests: clean ($((SECONDS - t0)) s)"
t0=$SECONDS
HADATH=$H python3 tests/server/api_test.py >"$TMP/api.log" 2>&1 || { tail -30 "$TMP/api.log"; exit 1; }
"$H" serve --db "$TMP/t.db" --port 0 --threads 8 2>"$TMP/serve.err" &
SRV=$!
for _ in $(seq 100); do grep -qoE '127\.0\.0\.1:[0-9]+' "$TMP/serve.err" && break; sleep 0.2; done
PORT=$(grep -oE '127\.0\.0\.1:[0-9]+' "$TMP/serve.err" | head -1 | cut -d: -f2)
python3 - "$PORT" <<'PY'
import sys, threading, urllib.request, json
port = sys.argv[1]
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
paths = ["/api/events?limit=5", "/api/dyads", "/api/timeline?by=month", "/api/places", "/api/documents",
         "/api/actors?q=S", "/api/health", "/metrics"]
errors = []
def client(k):
    for i in range(30):
        p = paths[(i + k) % len(paths)]
        try:
            with opener.open(f"http://127.0.0.1:{port}{p}", timeout=30) as r:
                r.read()
            body = json.dumps({"text": "التقى وزير الخارجية الروسي نظيره الإيراني في موسكو.", "date": "2024-01-02"}).encode()
            req = urllib.request.Request(f"http://127.0.0.1:{port}/api/code", data=body,
                                         headers={"Content-Type": "application/json"})
            if i % 5 == 0:
                with opener.open(req, timeout=30) as r:
                    r.read()
        except Exception as e:
            errors.append(f"{p}: {e}")
ts = [threading.Thread(target=client, args=(k,)) for k in range(8)]
[t.start() for t in ts]
[t.join() for t in ts]
if errors:
    print("\n".join(errors[:5]), file=sys.stderr)
    sys.exit(1)
PY
kill -TERM "$SRV"; wait "$SRV"; rc=$?; SRV=
if [[ $rc -ne 0 ]] || grep -q "ThreadSanitizer" "$TMP/serve.err"; then
  cat "$TMP/serve.err" >&2; echo "tsan: the server failed (exit $rc)" >&2; exit 1
fi
echo "tsan: server under 8 concurrent clients: clean ($((SECONDS - t0)) s)"
