#!/usr/bin/env bash
# Load test of `hadath serve` with wrk (Debian package wrk): GET /api/events sustained
# requests/s over an event store. The issue's target: at least 2,000 requests/s on the
# SaudiNewsNet database.
#
# Besides wrk's requests/s and p99 latency, each row gives the server's own CPU time per
# request (user+system from /proc/PID/stat over the run, divided by the requests wrk
# completed): on a machine shared with other work, req/s follows the load, CPU/request
# much less. Every response must be 2xx (non-2xx and socket errors are printed).
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
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz="$(getconf CLK_TCK)"
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for path in ${PATHS:-"/api/events?limit=50" "/api/events?limit=50&actor=SAU" "/api/dyads?limit=50" \
                    "/api/timeline?by=week" "/api/health"}; do
  t0="$(cpu_ticks)"
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$base$path")"
  t1="$(cpu_ticks)"
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  n="$(awk '/requests in/ {print $1}' <<<"$out")"
  cpu="$(awk -v t="$((t1 - t0))" -v hz="$hz" -v n="$n" 'BEGIN {printf "%.3f", n ? t / hz * 1000 / n : 0}')"
  errors="$(grep -E 'Non-2xx|Socket errors' <<<"$out" || true)"
  printf '%-36s %10s req/s  p99 %8s  server CPU %s ms/req  %s\n' "$path" "$rps" "$p99" "$cpu" "$errors"
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
