#!/usr/bin/env bash
# kill -9 of a running ingest, three times at different moments: each time the database
# opens, passes PRAGMA integrity_check, holds only whole batches (documents = a multiple of
# --batch on the first kill), and a reader is never blocked while the ingest runs. The
# resumed run then ends in exactly the state of an uninterrupted ingest.
set -u
source "$(dirname "$0")/lib.sh"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
N=${CRASH_DOCS:-12000}
BATCH=50
corpus "$N" > "$TMP/feed.jsonl"

"$HADATH" ingest -q --batch $BATCH --db "$TMP/ref.db" "$TMP/feed.jsonl"
dump "$TMP/ref.db" > "$TMP/ref.dump"

docs() { sqlite3 "$1" "SELECT count(*) FROM documents" 2>/dev/null || echo 0; }
# Waits (up to 60 s) until the running ingest has committed more than $1 documents, so
# each kill lands mid-ingest whatever the machine's load (a fixed delay sometimes killed
# it before the database existed on a busy machine).
wait_progress() {
  local i
  for i in $(seq 1200); do
    if [ -e "$TMP/crash.db" ] && [ "$(docs "$TMP/crash.db")" -gt "$1" ]; then return 0; fi
    sleep 0.05
  done
  return 1
}
last=0
for delay in 0 0.2 0.1; do
  "$HADATH" ingest -q --batch $BATCH --db "$TMP/crash.db" "$TMP/feed.jsonl" &
  pid=$!
  check "ingest makes progress before the kill" wait_progress "$last"
  sleep "$delay"
  # a reader during the ingest answers at once (WAL: readers are not blocked)
  if [ -e "$TMP/crash.db" ]; then
    check "reader not blocked during ingest" timeout 5 "$HADATH" query --db "$TMP/crash.db" dyads --limit 1 --format csv >/dev/null
  fi
  kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  check "integrity_check after kill -9 (${delay}s after progress)" bash -c "[ \"\$(sqlite3 '$TMP/crash.db' 'PRAGMA integrity_check')\" = ok ]"
  n=$(docs "$TMP/crash.db")
  check "documents do not go backwards ($last → $n)" test "$n" -ge "$last"
  if [ "$last" -eq 0 ]; then
    check "only whole batches committed ($n)" test $((n % BATCH)) -eq 0
    check "the first kill interrupted the ingest ($n of $N)" test "$n" -lt "$N"
  fi
  check "mentions all belong to stored documents" bash -c "[ \"\$(sqlite3 '$TMP/crash.db' 'SELECT count(*) FROM mentions WHERE document_id NOT IN (SELECT id FROM documents)')\" = 0 ]"
  check "event counts match their mentions" bash -c "[ \"\$(sqlite3 '$TMP/crash.db' 'SELECT count(*) FROM events e WHERE num_mentions <> (SELECT count(*) FROM mentions m WHERE m.event_id = e.id)')\" = 0 ]"
  last=$n
done
"$HADATH" ingest -q --batch $BATCH --db "$TMP/crash.db" "$TMP/feed.jsonl"; check "resume exit 0" test $? -eq 0
check "resumed run complete" test "$(docs "$TMP/crash.db")" -eq "$N"
dump "$TMP/crash.db" > "$TMP/crash.dump"
check "resumed = uninterrupted" cmp -s "$TMP/ref.dump" "$TMP/crash.dump"
finish
