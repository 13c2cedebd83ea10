#!/usr/bin/env python3
"""Dask benchmark: the whole SaudiNewsNet corpus through hadath.dask (a running LocalCluster of
WORKERS single-threaded worker processes, JSONL parts) against `hadath code --threads WORKERS`,
RUNS times each, alternating (medians). Fails when the event lines differ or when the Dask path
reaches less than MIN_RATIO of the CLI's throughput. The cluster is started once, before the
runs, as on an existing cluster; its start-up time is reported apart.

    PYTHONPATH=build-py/python HADATH=build-py/hadath /usr/bin/python3 bench/dask_corpus.py [RUNS]
    env: WORKERS (2), MIN_RATIO (0.8), CORPUS (../shared/corpus/saudinewsnet/saudinewsnet-2015.jsonl.gz)
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    workers = int(os.environ.get("WORKERS", "2"))
    min_ratio = float(os.environ.get("MIN_RATIO", "0.8"))
    exe = os.environ.get("HADATH", "build-py/hadath")
    corpus = os.environ.get("CORPUS", "../shared/corpus/saudinewsnet/saudinewsnet-2015.jsonl.gz")
    if not os.path.exists(corpus):
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2
    from distributed import Client, LocalCluster
    import hadath.dask as hd

    tmp = tempfile.mkdtemp(prefix="hadath-dask-bench-")
    t0 = time.perf_counter()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")
    client = Client(cluster)
    client.run(hd._warm, None, False)
    startup = time.perf_counter() - t0

    cli_times, dask_times, totals = [], [], None
    cli_out, dask_out = os.path.join(tmp, "cli.jsonl"), os.path.join(tmp, "parts")
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([exe, "code", "-q", "--threads", str(workers), "-o", cli_out, corpus],
                       stderr=subprocess.DEVNULL)
        cli_times.append(time.perf_counter() - t)
        totals = hd.code_files(corpus, out=dask_out, client=client)
        dask_times.append(totals["seconds"])
    client.close()
    cluster.close()

    with open(cli_out, "rb") as f:
        cli_bytes = f.read()
    dask_bytes = b"".join(open(os.path.join(dask_out, n), "rb").read() for n in sorted(os.listdir(dask_out)))
    same = cli_bytes == dask_bytes
    docs = totals["documents"] + totals["failed"]
    cli_m, dask_m = statistics.median(cli_times), statistics.median(dask_times)
    ratio = cli_m / dask_m
    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; corpus: {docs} documents; runs: {runs}")
    print(f"hadath code --threads {workers}: median {cli_m:.2f} s ({docs / cli_m:.0f} docs/s); "
          f"times {' '.join(f'{t:.2f}' for t in cli_times)}")
    print(f"hadath.dask, {workers} workers, {totals['tasks']} tasks: median {dask_m:.2f} s ({docs / dask_m:.0f} docs/s); "
          f"times {' '.join(f'{t:.2f}' for t in dask_times)}; cluster start-up {startup:.1f} s (not counted)")
    nl = b"\n"
    print(f"events: {cli_bytes.count(nl)} (CLI) / {dask_bytes.count(nl)} (Dask), identical: {same}; "
          f"Dask/CLI throughput {ratio:.2f} (minimum {min_ratio})")
    subprocess.run(["rm", "-rf", tmp])
    return 0 if same and ratio >= min_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
