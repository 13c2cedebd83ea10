#!/usr/bin/env bash
# Load test of `hadath serve` with wrk (Debian package wrk): GET /api/events sustained
# requests/s over an event store. The issue's target: at least 2,000 requests/s on the
# SaudiNewsNet database.
#
#   bench/server_load.sh [DB]        # DB default: build/saudinewsnet.db, ingested from
#                                    # ../shared/corpus/saudinewsnet/*.jsonl.gz when missing
#   HADATH=build/hadath DURATION=10 CONNECTIONS=32 THREADS=2 bench/server_load.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HADATH="${HADATH:-$ROOT/build/hadath}"
DB="${1:-$ROOT/build/saudinewsnet.db}"
DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
command -v wrk >/dev/null || { echo "server_load: wrk is missing (apt-get install wrk)" >&2; exit 2; }
if [[ ! -f "$DB" ]]; then
  shopt -s nullglob
  feeds=("$ROOT"/../shared/corpus/saudinewsnet/*.jsonl.gz)
  [[ ${#feeds[@]} -gt 0 ]] || { echo "server_load: no $DB and no SaudiNewsNet feed to build it" >&2; exit 2; }
  echo "server_load: ingesting ${#feeds[@]} SaudiNewsNet files into $DB" >&2
  "$HADATH" ingest -q --db "$DB" "${feeds[@]}"
fi
log="$(mktemp)"
trap 'kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -f "$log"' EXIT
"$HADATH" serve --db "$DB" --port 0 --no-web --threads "$((CONNECTIONS < 64 ? CONNECTIONS : 64))" 2>"$log" &
pid=$!
for _ in $(seq 100); do
  port="$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$log" | grep -o '[0-9]*$' || true)"
  [[ -n "$port" ]] && break
  sleep 0.1
done
[[ -n "$port" ]] || { cat "$log" >&2; exit 1; }
base="http://127.0.0.1:$port"
"$HADATH" query --db "$DB" events --limit 0 >/dev/null 2>&1 || true
echo "== $("$HADATH" version), $(nproc) cores, db $DB"
for path in "/api/events?limit=50" "/api/events?limit=50&actor=SAU" "/api/dyads?limit=50" "/api/health"; do
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$base$path")"
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  errors="$(grep -E 'Non-2xx|Socket errors' <<<"$out" || true)"
  printf '%-36s %10s req/s  p99 %8s  %s\n' "$path" "$rps" "$p99" "$errors"
done
