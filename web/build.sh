#!/usr/bin/env bash
# Builds the web explorer into $HADATH_WEB_OUT (default: dist/), as CMake's hadath_web target does:
# `npm ci` (exact versions from package-lock.json) when node_modules is missing or older than the
# lock file, then `vite build`. If npm cannot install (no network, no cache), it says so and
# exits 0: hadath still builds and `hadath serve` answers the API only.
set -euo pipefail
cd "$(dirname "$0")"
out="${HADATH_WEB_OUT:-dist}"
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  if ! npm ci --no-audit --no-fund --loglevel=error; then
    echo "web: 'npm ci' failed; the explorer is not built (hadath serve answers the API only)" >&2
    exit 0
  fi
fi
node node_modules/vite/bin/vite.js build --outDir "$out" --emptyOutDir --logLevel warn
