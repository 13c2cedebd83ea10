#!/usr/bin/env bash
# Fault injection: `hadath ingest` killed with SIGKILL at random moments, FAULT_KILLS (20)
# times in a row on the same SQLite database. After every kill the database must open and
# pass PRAGMA integrity_check, foreign_key_check and the store's own invariants (mentions
# belong to stored documents, event counts match their mentions, documents never go
# backwards); after a final, uninterrupted run it must hold exactly the events and mentions
# of one uninterrupted ingest (the dumps compared).
#
# The moments are random but reproducible: FAULT_SEED (default 12) seeds Python's
# random.Random, which draws each delay as a fraction of the time the uninterrupted
# reference ingest took on this machine (so the kills land inside the work whether the
# build is Release or ASan, the machine idle or loaded). The seed, the fractions and the
# delays in seconds are printed; rerun with the same FAULT_SEED to get the same fractions.
# FAULT_DOCS (default 8000) sets the size of the synthetic feed.
set -u
source "$(dirname "$0")/lib.sh"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
N=${FAULT_DOCS:-8000}
KILLS=${FAULT_KILLS:-20}
SEED=${FAULT_SEED:-12}
BATCH=50
corpus "$N" > "$TMP/feed.jsonl"
ms() { date +%s%3N; }
sql() { sqlite3 "$1" "$2"; }

t0=$(ms)
"$HADATH" ingest -q --batch $BATCH --db "$TMP/ref.db" "$TMP/feed.jsonl"
check "reference ingest exit 0" test $? -eq 0
ref_ms=$(( $(ms) - t0 ))
dump "$TMP/ref.db" > "$TMP/ref.dump"
# Each kill lands between 2% and 16% of the reference run's time after its start: early
# ones during start-up and schema creation, the others inside batches (resumed runs first
# skip what is stored). 20 of them cover most of the feed without finishing it.
mapfile -t FRACS < <(python3 -c "
import random, sys
r = random.Random(int(sys.argv[1]))
for _ in range(int(sys.argv[2])): print('%.4f' % r.uniform(0.02, 0.16))" "$SEED" "$KILLS")
echo "fault_test: seed $SEED, $N documents, reference ingest ${ref_ms} ms, $KILLS kills at fractions ${FRACS[*]}"

last=0 interrupted=0 delays=()
for i in "${!FRACS[@]}"; do
  delay=$(python3 -c "import sys; print('%.3f' % (float(sys.argv[1]) * int(sys.argv[2]) / 1000))" "${FRACS[$i]}" "$ref_ms")
  delays+=("$delay")
  "$HADATH" ingest -q --batch $BATCH --db "$TMP/crash.db" "$TMP/feed.jsonl" 2>>"$TMP/ingest.err" &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  # 137 = killed by SIGKILL while running; else the ingest had finished (or failed) before
  rc=$?; [ $rc -eq 137 ] && interrupted=$((interrupted + 1))
  what="kill $((i + 1)) at ${delay}s"
  [ -e "$TMP/crash.db" ] || continue  # killed before the database was created
  check "$what: integrity_check" bash -c "[ \"\$(sqlite3 '$TMP/crash.db' 'PRAGMA integrity_check')\" = ok ]"
  check "$what: foreign_key_check" test -z "$(sql "$TMP/crash.db" 'PRAGMA foreign_key_check')"
  n=$(sql "$TMP/crash.db" "SELECT count(*) FROM documents" 2>/dev/null || echo 0)
  check "$what: documents do not go backwards ($last → $n)" test "$n" -ge "$last"
  check "$what: mentions belong to stored documents" test "$(sql "$TMP/crash.db" \
    'SELECT count(*) FROM mentions WHERE document_id NOT IN (SELECT id FROM documents)' 2>/dev/null || echo 0)" = 0
  check "$what: event counts match their mentions" test "$(sql "$TMP/crash.db" \
    'SELECT count(*) FROM events e WHERE num_mentions <> (SELECT count(*) FROM mentions m WHERE m.event_id = e.id)' 2>/dev/null || echo 0)" = 0
  check "$what: document mention counts match" test "$(sql "$TMP/crash.db" \
    'SELECT count(*) FROM documents d WHERE num_mentions <> (SELECT count(*) FROM mentions m WHERE m.document_id = d.id)' 2>/dev/null || echo 0)" = 0
  last=$n
done
echo "fault_test: delays (s) ${delays[*]}; $interrupted of $KILLS kills interrupted a running ingest; $last of $N documents stored before the final run"
# A kill that never hits a running ingest tests nothing: most must.
check "most kills interrupted a running ingest ($interrupted of $KILLS)" test "$interrupted" -ge $((KILLS / 2))
check "the kills left work for the final run ($last of $N)" test "$last" -lt "$N"

"$HADATH" ingest -q --batch $BATCH --db "$TMP/crash.db" "$TMP/feed.jsonl"
check "final run exit 0" test $? -eq 0
check "final integrity_check" test "$(sql "$TMP/crash.db" 'PRAGMA integrity_check')" = ok
check "final run complete" test "$(sql "$TMP/crash.db" 'SELECT count(*) FROM documents')" -eq "$N"
dump "$TMP/crash.db" > "$TMP/crash.dump"
check "after $KILLS kills = uninterrupted (dump, $(wc -l <"$TMP/ref.dump") lines)" cmp -s "$TMP/ref.dump" "$TMP/crash.dump"
if [ "$fail" -ne 0 ]; then
  echo "ingest stderr (last lines):"; tail -5 "$TMP/ingest.err"
  diff "$TMP/ref.dump" "$TMP/crash.dump" | head -10
fi
finish
