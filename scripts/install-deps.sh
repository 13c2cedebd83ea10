#!/usr/bin/env bash
# Installs the Debian packages hadath needs to build (--test: and to test; --bench: and to benchmark; --fuzz: and to fuzz).
# Idempotent: asks dpkg first and only calls apt-get when something is missing;
# prints nothing when everything is already there.
set -euo pipefail

BUILD_PKGS=(g++ cmake make pkg-config
            libicu-dev libre2-dev libgumbo-dev libuchardet-dev zlib1g-dev
            libcli11-dev libfmt-dev nlohmann-json3-dev libstemmer-dev
            libsqlite3-dev libpq-dev libcpp-httplib-dev rapidjson-dev libsimdjson-dev)
# postgresql: the store tests start a private server (tests/store/pg_test.sh); sqlite3: its CLI checks.
# chromium: the web explorer end-to-end test (tests/server/e2e_test.sh, skipped without it).
# pybind11-dev, python3-dev: the Python module (python/); pytest, dask, distributed, pandas: its
# tests (tests/python, a LocalCluster of 2 worker processes).
# wamerican: /usr/share/dict/american-english, the common words tools/link_en_actors.py keeps
# from matching as a surname alone (regenerating data/en/actors/linked.tsv).
TEST_PKGS=(libgtest-dev libgmock-dev python3 postgresql sqlite3 chromium wamerican
           pybind11-dev python3-dev python3-pytest python3-dask python3-distributed python3-pandas)

pkgs=("${BUILD_PKGS[@]}")
BENCH_PKGS=(libbenchmark-dev wrk)
# clang, libclang-rt-14-dev (libFuzzer, sanitizer runtimes): `make fuzz` (fuzz/README.md).
FUZZ_PKGS=(clang libclang-rt-14-dev)
case "${1:-}" in
  --test) pkgs+=("${TEST_PKGS[@]}") ;;
  --bench) pkgs+=("${TEST_PKGS[@]}" "${BENCH_PKGS[@]}") ;;
  --fuzz) pkgs+=("${TEST_PKGS[@]}" "${FUZZ_PKGS[@]}") ;;
esac

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
