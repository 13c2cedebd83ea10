#!/usr/bin/env bash
# End-to-end check of the web explorer in headless Chromium (web/e2e/explorer.e2e.mjs):
# builds a database from fixtures, starts `hadath serve` on a free port, runs the browser
# script, stops the server. Screenshots go to $SHOTS (default: <build>/e2e-shots).
# Exits 77 (skipped) when Chromium, node, the built explorer or web/node_modules is missing.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HADATH="${HADATH:-$ROOT/build/hadath}"
SHOTS="${SHOTS:-$(dirname "$HADATH")/e2e-shots}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
skip() { echo "e2e: skipped: $*"; exit 77; }
[[ -x "$CHROMIUM" ]] || skip "no $CHROMIUM (apt-get install chromium)"
command -v node >/dev/null || skip "no node"
[[ -d "$ROOT/web/node_modules/playwright-core" ]] || skip "web/node_modules missing (cd web && npm ci)"
[[ -f "$(dirname "$HADATH")/web/index.html" ]] || skip "the explorer is not built"

tmp="$(mktemp -d)"
pid=""
cleanup() { [[ -n "$pid" ]] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
inputs=("$ROOT/examples" "$ROOT/tests/server/fixtures.jsonl")
seed="$ROOT/../shared/corpus/seed/000_adf2e6658df28c14.txt"
[[ -f "$seed" ]] && inputs+=("$seed")
"$HADATH" ingest -q --db "$tmp/e2e.db" "${inputs[@]}"
timeout 180 "$HADATH" serve --db "$tmp/e2e.db" --port 0 2>"$tmp/serve.log" &
pid=$!
for _ in $(seq 100); do
  port="$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$tmp/serve.log" | grep -o '[0-9]*$' || true)"
  [[ -n "$port" ]] && break
  sleep 0.1
done
[[ -n "$port" ]] || { cat "$tmp/serve.log"; echo "e2e: the server did not start"; exit 1; }
cd "$ROOT/web"
HADATH_URL="http://127.0.0.1:$port/" SHOTS="$SHOTS" CHROMIUM="$CHROMIUM" timeout 150 node e2e/explorer.e2e.mjs
echo "e2e: screenshots in $SHOTS"
