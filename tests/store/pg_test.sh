#!/usr/bin/env bash
# The store against a real PostgreSQL server: creates a temporary cluster (initdb) in a
# directory under /tmp, starts it on a free local port with its socket in that directory
# (as the `postgres` user when run as root), runs the *Postgres* unit tests and the CLI
# checks, compares with SQLite, and stops the server. PostgreSQL must be installed
# (scripts/install-deps.sh --test installs Debian's `postgresql`): no server, no pass.
set -u
source "$(dirname "$0")/lib.sh"
STORE_TESTS=${STORE_TESTS:-build/hadath_store_tests}
[[ $STORE_TESTS == /* ]] || STORE_TESTS=$PWD/$STORE_TESTS
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "pg_test: PostgreSQL is not installed (run scripts/install-deps.sh --test)"; exit 1
fi
TMP=$(mktemp -d /tmp/hadath-pg.XXXXXX)
chmod 755 "$TMP"
AS=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || { echo "pg_test: no postgres user"; exit 1; }
  chown postgres "$TMP"
  AS=(runuser -u postgres --)
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
stop() {
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$TMP/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$TMP"
}
trap stop EXIT
"${AS[@]}" "$PGBIN/initdb" -D "$TMP/data" -A trust -U hadath -E UTF8 --locale=C >"$TMP/initdb.log" 2>&1 \
  || { cat "$TMP/initdb.log"; echo "pg_test: initdb failed"; exit 1; }
"${AS[@]}" "$PGBIN/pg_ctl" -D "$TMP/data" -l "$TMP/server.log" -w -t 60 \
  -o "-p $PORT -k $TMP -c listen_addresses='' -c fsync=off" start >/dev/null \
  || { cat "$TMP/server.log"; echo "pg_test: server did not start"; exit 1; }
for db in unit cli twin; do
  "$PGBIN/createdb" -h "$TMP" -p "$PORT" -U hadath "$db" || { echo "pg_test: createdb $db failed"; exit 1; }
done
export PATH="$PGBIN:$PATH"  # psql for the unit tests
url() { echo "postgresql://hadath@/$1?host=$TMP&port=$PORT"; }

# 1. the unit tests of the store, on PostgreSQL
HADATH_TEST_PG_URL=$(url unit) "$STORE_TESTS" --gtest_filter='*Postgres*' >"$TMP/unit.log" 2>&1
rc=$?
check "store unit tests on PostgreSQL" test $rc -eq 0
[ $rc -eq 0 ] || tail -40 "$TMP/unit.log"
check "the PostgreSQL unit tests ran" grep -Eq '\[  PASSED  \] [1-9][0-9]* tests' "$TMP/unit.log"

# 2. the CLI: ingest, idempotence, queries, exports; same content as SQLite
PG=$(url cli)
corpus 400 > "$TMP/feed.jsonl"
"$HADATH" ingest -q --db "$PG" "$TMP/feed.jsonl"; check "ingest into PostgreSQL" test $? -eq 0
dump "$PG" > "$TMP/once"
"$HADATH" ingest --db "$PG" "$TMP/feed.jsonl" 2>"$TMP/again.err"
check "second ingest: all unchanged" grep -q "400 documents: 0 added, 0 replaced, 400 unchanged" "$TMP/again.err"
dump "$PG" > "$TMP/twice"
check "ingesting twice = once" cmp -s "$TMP/once" "$TMP/twice"
check "the backend is postgresql" grep -q "(postgresql)" "$TMP/again.err"
"$HADATH" ingest -q --db "$TMP/lite.db" "$TMP/feed.jsonl"
dump "$TMP/lite.db" > "$TMP/lite"
check "PostgreSQL holds what SQLite holds" cmp -s "$TMP/once" "$TMP/lite"
for q in events dyads timeline actors documents; do
  a=$("$HADATH" query --db "$PG" $q --format csv --actor SAU 2>&1)
  b=$("$HADATH" query --db "$TMP/lite.db" $q --format csv --actor SAU 2>&1)
  check "query $q: PostgreSQL = SQLite" test "$a" = "$b"
done
corpus 400 --changed > "$TMP/feed2.jsonl"
"$HADATH" ingest -q --db "$PG" "$TMP/feed2.jsonl"
"$HADATH" ingest -q --db "$TMP/lite.db" "$TMP/feed2.jsonl"
check "replacements: PostgreSQL = SQLite" bash -c "cmp -s <(source '$HERE/lib.sh'; dump '$PG') <(source '$HERE/lib.sh'; dump '$TMP/lite.db')"
check "61 GDELT columns" bash -c "[ \"\$('$HADATH' export --db '$PG' --format gdelt | awk -F'\t' '{print NF}' | sort -u)\" = 61 ]"

# 3. two ingests at once into one database serialize their batches and end complete
TW=$(url twin)
corpus 600 > "$TMP/a.jsonl"
"$HADATH" ingest -q --batch 20 --db "$TW" "$TMP/a.jsonl" & p1=$!
"$HADATH" ingest -q --batch 20 --db "$TW" "$TMP/a.jsonl" & p2=$!
wait $p1; r1=$?; wait $p2; r2=$?
check "concurrent ingests succeed" test $r1 -eq 0 -a $r2 -eq 0
"$HADATH" ingest -q --db "$TMP/a.db" "$TMP/a.jsonl"
check "concurrent ingests = one ingest (counts)" bash -c "
  [ \"\$('$HADATH' query --db '$TW' dyads --format csv | cut -d, -f1-4)\" = \"\$('$HADATH' query --db '$TMP/a.db' dyads --format csv | cut -d, -f1-4)\" ]"

# 4. schema versions: a newer database is refused with a clear message
"$PGBIN/psql" -q -X -h "$TMP" -p "$PORT" -U hadath cli -c "INSERT INTO schema_version VALUES (9, 'future')" >/dev/null
"$HADATH" query --db "$PG" >/dev/null 2>"$TMP/newer.err"; check "newer schema refused: exit 2" test $? -eq 2
check "newer schema: clear message" grep -q "schema version 9 is newer" "$TMP/newer.err"
"$HADATH" query --db "postgresql://hadath@/nosuchdb?host=$TMP&port=$PORT" >/dev/null 2>"$TMP/nodb.err"
check "unreachable database: exit 2 and a reason" grep -q "cannot connect" "$TMP/nodb.err"
finish
