#!/usr/bin/env bash
# Runs every libFuzzer target (or those named) for FUZZ_SECONDS each (default 60), one
# after the other, in BUILD (default build-fuzz, configured with -DHADATH_FUZZ=ON).
# The working corpus grows in BUILD/fuzz-corpus/<target> (seeded from fuzz/corpus/<target>);
# a crash is written to BUILD/fuzz-crashes/<target>/ and fails the run: minimise it
# (`BIN -minimize_crash=1 -runs=10000 FILE`), fix it, and commit it under
# fuzz/regressions/<target>/ so that ctest's fuzz_regression_<target> keeps it fixed.
# Each target is capped in input size (-max_len) and memory (-rss_limit_mb). The totals of
# each run (executions, coverage, corpus size, peak memory) are printed and appended to
# BUILD/fuzz-summary.txt; libFuzzer's own log is BUILD/fuzz-<target>.log.
set -uo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build-fuzz}
SECS=${FUZZ_SECONDS:-60}
JOBS=${FUZZ_JOBS:-1}
declare -A MAX_LEN=([warc]=262144 [jsonl]=131072 [html]=131072 [encoding]=65536 [text]=8192
                    [dict]=16384 [dates]=2048 [http]=8192 [code]=4096)
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(warc jsonl html encoding text dict dates http code)
status=0
for t in "${targets[@]}"; do
  bin=$BUILD/fuzz/hadath_fuzz_$t
  [[ -x $bin ]] || { echo "fuzz: $bin not built (make fuzz builds it)" >&2; exit 2; }
  work=$BUILD/fuzz-corpus/$t crashes=$BUILD/fuzz-crashes/$t
  mkdir -p "$work" "$crashes"
  log=$BUILD/fuzz-$t.log
  par=()
  # With -jobs libFuzzer writes each job's output to fuzz-N.log in the current directory.
  [[ $JOBS -gt 1 ]] && par=(-jobs="$JOBS" -workers="$JOBS" -max_total_time=$((SECS * JOBS)))
  "$bin" "$work" fuzz/corpus/$t -max_total_time="$SECS" -max_len="${MAX_LEN[$t]}" -rss_limit_mb=2048 \
         -malloc_limit_mb=1024 -timeout=20 -print_final_stats=1 -artifact_prefix="$crashes/" \
         "${par[@]}" >"$log" 2>&1
  rc=$?
  execs=$(grep -a 'stat::number_of_executed_units' "$log" | awk '{s+=$2} END {print s+0}')
  rss=$(grep -a 'stat::peak_rss_mb' "$log" | awk '{if ($2 > m) m = $2} END {print m+0}')
  cov=$(grep -aoE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
  if [[ $rc -ne 0 ]]; then
    status=1
    line="fuzz $t: FAILED (exit $rc) after $execs runs; $(ls "$crashes" | head -3 | tr '\n' ' ') — see $log"
  else
    line="fuzz $t: ${SECS}s, $execs runs, $cov, corpus $(ls "$work" | wc -l) files, peak rss ${rss} MB, no crash"
  fi
  # the totals are kept, one line per run, in BUILD/fuzz-summary.txt (the log is overwritten)
  echo "$line"
  echo "$(date -u +%FT%TZ) $line" >>"$BUILD/fuzz-summary.txt"
done
exit $status
