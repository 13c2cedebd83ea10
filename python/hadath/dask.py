"""hadath.dask: code news on a Dask cluster, partition by partition.

Every worker process loads one :class:`hadath.Coder` on first use and keeps it (the
dictionaries are loaded once per process, not per task); tasks only move documents in and
counts out. Three ways in:

    import dask.bag as db, hadath.dask as hd
    events = hd.code_bag(db.from_sequence(docs, npartitions=8))        # bag of event dicts
    frame = hd.code_dataframe(ddf, text_column="text")                  # dask DataFrame of events
    hd.code_files("corpus/*.jsonl.gz", out="events/", client=client)    # files → JSONL parts or a store

and one command that runs a whole job with progress:

    python3 -m hadath.dask 'corpus/*.jsonl.gz' --scheduler tcp://HOST:8786 --out events/
    python3 -m hadath.dask 'corpus/*.jsonl.gz' --scheduler tcp://HOST:8786 --db postgresql://…
    python3 -m hadath.dask 'corpus/*.jsonl.gz' --workers 2 --out events/     # a local cluster

``code_files`` reads the inputs on the workers (nothing passes through the client): every
file is read exactly as ``hadath code`` reads it; a JSONL file is split into line ranges when
there are fewer files than workers need. With ``out=DIR`` task *i* writes
``DIR/part-0000i.jsonl``, and the parts concatenated in order are byte for byte what
``hadath code`` prints for the same inputs. With ``db=URL`` the workers store documents,
mentions and deduplicated events as ``hadath ingest`` does (concurrent batches are
serialized by the store); deduplication depends on arrival order, as GDELT's does.
"""

from __future__ import annotations

import argparse
import glob
import gzip
import json
import math
import os
import sys
import threading
import time
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

import hadath
from hadath import EVENT_COLUMNS, Coder, Store, _shared_coder, flatten_event

__all__ = ["code_bag", "code_dataframe", "code_files", "plan", "events_meta", "main"]

_JSONL_EXT = (".jsonl", ".jsonl.gz", ".ndjson")


# -------------------------------------------------------------------------------------------
# Bags and dataframes of documents.

def _coder(data, keep_negated) -> Coder:
    # threads=1: a Dask worker runs one task per worker thread; the parallelism is Dask's.
    return _shared_coder(data, 1, keep_negated)


def _code_docs(docs, data, keep_negated, fallback_date, lang, errors) -> List[dict]:
    out: List[dict] = []
    for events in _coder(data, keep_negated).code_many(docs, threads=1, errors=errors,
                                                       fallback_date=fallback_date, lang=lang):
        out.extend(events)
    return out


def code_bag(bag, *, data: Optional[str] = None, keep_negated: bool = False, fallback_date: Optional[str] = None,
             lang: Optional[str] = None, errors: str = "ignore"):
    """A Dask bag of documents (str bodies, or dicts with the JSONL fields ``id, url, source,
    date, title, text|html``) → a bag of events (EVENT_FORMAT dicts), partition by partition,
    in document order. errors="ignore" skips bad documents (the CLI's policy); "raise" fails
    the task."""
    return bag.map_partitions(_code_docs, data, keep_negated, fallback_date, lang, errors)


_DTYPES = {
    "sentence_index": "int64", "source_start": "int64", "source_end": "int64",
    "target_start": "Int64", "target_end": "Int64", "quad_class": "int64", "goldstein": "float64",
    "trigger_start": "int64", "trigger_end": "int64", "location_lat": "float64", "location_lon": "float64",
    "location_geonames_id": "Int64", "negated": "bool",
}


def events_meta():
    """An empty pandas DataFrame with the columns and dtypes of code_dataframe's result."""
    import pandas as pd
    return pd.DataFrame({c: pd.Series(dtype=_DTYPES.get(c, "object")) for c in EVENT_COLUMNS})


def _frame(events):
    import pandas as pd
    rows = [flatten_event(e) for e in events]
    df = pd.DataFrame.from_records(rows, columns=EVENT_COLUMNS) if rows else events_meta()
    return df.astype(_DTYPES)


def _clean(v):
    if v is None:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


def _code_frame(part, columns, data, keep_negated, fallback_date, lang, errors):
    docs = []
    for rec in part.to_dict("records"):
        doc = {key: _clean(rec.get(col)) for key, col in columns.items() if col in rec}
        if doc.get("date") is not None and not isinstance(doc["date"], str):
            doc["date"] = str(doc["date"])[:10]  # pandas Timestamps
        docs.append(doc)
    return _frame(_code_docs(docs, data, keep_negated, fallback_date, lang, errors))


def code_dataframe(ddf, *, text_column: str = "text", html_column: Optional[str] = None, id_column: str = "id",
                   url_column: str = "url", source_column: str = "source", date_column: str = "date",
                   title_column: str = "title", data: Optional[str] = None, keep_negated: bool = False,
                   fallback_date: Optional[str] = None, lang: Optional[str] = None, errors: str = "ignore"):
    """A Dask (or pandas) DataFrame of documents, one per row → a Dask DataFrame of events,
    one row per event, with the flattened columns of :data:`hadath.EVENT_COLUMNS`. Missing
    metadata columns are fine; rows with neither text nor html are skipped (errors="ignore")."""
    columns = {"id": id_column, "url": url_column, "source": source_column, "date": date_column,
               "title": title_column, "text": text_column}
    if html_column:
        columns["html"] = html_column
    return ddf.map_partitions(_code_frame, columns, data, keep_negated, fallback_date, lang, errors,
                              meta=events_meta())


# -------------------------------------------------------------------------------------------
# Files: a plan of tasks, each run on a worker.

def _is_jsonl(path: str) -> bool:
    return path.lower().endswith(_JSONL_EXT)


def _open(path: str):
    return gzip.open(path, "rb") if path.lower().endswith(".gz") and not path.lower().endswith(".warc.gz") \
        else open(path, "rb")


def _count_lines(path: str) -> int:
    n, last = 0, b"\n"
    with _open(path) as f:
        while True:
            chunk = f.read(1 << 20)
            if not chunk:
                break
            n += chunk.count(b"\n")
            last = chunk[-1:]
    return n + (last != b"\n")


def expand_inputs(patterns: Iterable[str]) -> List[str]:
    """Globs (recursive ``**`` allowed) and directories → the files, sorted, hidden entries
    skipped (as ``hadath code`` walks a directory)."""
    files: List[str] = []
    for pat in patterns:
        matches = sorted(glob.glob(pat, recursive=True)) or ([pat] if os.path.exists(pat) else [])
        if not matches:
            raise FileNotFoundError(f"{pat}: no such file or no match")
        for m in matches:
            if os.path.isdir(m):
                for root, dirs, names in os.walk(m):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    files.extend(os.path.join(root, n) for n in sorted(names) if not n.startswith("."))
            else:
                files.append(m)
    return files


def plan(files: Sequence[str], *, workers: int = 1, partition_docs: int = 2000,
         files_per_task: int = 200) -> List[Tuple]:
    """Tasks, in input order: ("lines", path, first_line, count) for a range of a JSONL file
    (count None: to the end), ("paths", [paths]) for whole files. JSONL files are split into
    line ranges (counted here: one decompression pass) only when there are fewer of them than
    4 × workers; then each range holds about `partition_docs` lines, and at least 4 × workers
    ranges are made in all. Other files
    (.txt, .html, .warc…) go `files_per_task` to a task (a WARC file alone)."""
    tasks: List[Tuple] = []
    jsonl = [f for f in files if _is_jsonl(f)]
    split = 0 < len(jsonl) < 4 * workers
    counts = {f: _count_lines(f) for f in jsonl} if split else {}  # one decompression pass
    total = sum(counts.values())
    size = max(1, min(partition_docs, math.ceil(total / (4 * workers)))) if split else 0
    group: List[str] = []

    def flush():
        if group:
            tasks.append(("paths", list(group)))
            group.clear()

    for f in files:
        low = f.lower()
        if f in counts:
            flush()
            n = counts[f]
            for first in range(1, n + 1, size):
                tasks.append(("lines", f, first, min(size, n - first + 1)))
        elif _is_jsonl(f) or low.endswith((".warc", ".warc.gz")):
            flush()
            tasks.append(("paths", [f]))
        else:
            group.append(f)
            if len(group) >= files_per_task:
                flush()
    flush()
    return tasks


class _Cursor:
    """An open file positioned at line `lineno` (1-based), with bytes read past it in `buf`."""

    def __init__(self, path):
        self.f, self.lineno, self.buf = _open(path), 1, b""
        self.stamp = _stamp(path)

    def skip(self, n):
        while n > 0:
            if not self.buf:
                self.buf = self.f.read(1 << 20)
                if not self.buf:
                    return
            k = self.buf.count(b"\n")
            if k < n:
                n -= k
                self.lineno += k
                self.buf = b""
                continue
            pos = -1
            for _ in range(n):
                pos = self.buf.index(b"\n", pos + 1)
            self.buf = self.buf[pos + 1:]
            self.lineno += n
            n = 0

    def take(self, count):
        parts, have = [self.buf], self.buf.count(b"\n")
        while count is None or have < count:
            chunk = self.f.read(1 << 20)
            if not chunk:
                break
            parts.append(chunk)
            have += chunk.count(b"\n")
        data, self.buf = b"".join(parts), b""
        if count is not None and have >= count:
            pos = -1
            for _ in range(count):
                pos = data.find(b"\n", pos + 1)
            data, self.buf = data[:pos + 1], data[pos + 1:]
        self.lineno += count if count is not None and have >= count else have + 1
        return data


_cursors = threading.local()


def _stamp(path):
    st = os.stat(path)
    return st.st_ino, st.st_size, st.st_mtime_ns


def _read_lines(path: str, first: int, count: Optional[int]) -> bytes:
    """Lines first..first+count-1 (1-based; count None: to the end) of a file, gzip or not, as
    one buffer. The file stays open in this thread: a worker that gets the ranges of a file in
    increasing order decompresses it about once, not once per range."""
    cache = getattr(_cursors, "by_path", None)
    if cache is None:
        cache = _cursors.by_path = {}
    cur = cache.get(path)
    if cur is None or cur.lineno > first or cur.stamp != _stamp(path):
        if cur is not None:
            cur.f.close()
        cur = cache[path] = _Cursor(path)
    cur.skip(first - cur.lineno)
    data = cur.take(count)
    if count is None or not data:
        cur.f.close()
        del cache[path]
    return data


_stores = threading.local()


def _store(url: str) -> Store:
    cache = getattr(_stores, "by_url", None)
    if cache is None:
        cache = _stores.by_url = {}
    if url not in cache:
        cache[url] = Store(url)
    return cache[url]


def run_task(index: int, task: Tuple, *, out: Optional[str] = None, db: Optional[str] = None,
             data: Optional[str] = None, keep_negated: bool = False, fallback_date: Optional[str] = None,
             batch: int = 500) -> Dict[str, Any]:
    """Runs one task of :func:`plan` in this process: codes it and writes
    ``out/part-{index:05d}.jsonl`` (atomically: a temporary file renamed), or stores it in
    `db`. Returns documents, events (or mentions), failed, the first errors, seconds."""
    t0 = time.perf_counter()
    coder = _coder(data, keep_negated)
    fb = fallback_date or ""
    if db:
        store = _store(db)
        if task[0] == "lines":
            r = store._s._ingest_jsonl_lines(coder._c, task[1], task[2], _read_lines(task[1], task[2], task[3]),
                                              batch, fb)
        else:
            r = store._s._ingest_paths(coder._c, task[1], batch, fb)
        events = r["mentions"]
    else:
        if task[0] == "lines":
            r = coder._c._code_jsonl_lines(task[1], task[2], _read_lines(task[1], task[2], task[3]), 1, fb)
        else:
            r = coder._c._code_paths(task[1], 1, fb)
        lines = r.pop("lines")
        events = len(lines)
        if out is not None:
            path = os.path.join(out, f"part-{index:05d}.jsonl")
            tmp = f"{path}.tmp-{os.getpid()}"
            with open(tmp, "w", encoding="utf-8") as f:
                for line in lines:
                    f.write(line)
                    f.write("\n")
            os.replace(tmp, path)
    return {"index": index, "documents": r["documents"], "events": events, "failed": r["failed"],
            "errors": r["errors"][:20], "seconds": time.perf_counter() - t0}


def _warm(data, keep_negated):
    c = _coder(data, keep_negated)
    return {"version": hadath.__version__, "data": c.data_dir, "pid": os.getpid()}


def code_files(inputs, *, out: Optional[str] = None, db: Optional[str] = None, client=None,
               data: Optional[str] = None, keep_negated: bool = False, fallback_date: Optional[str] = None,
               partition_docs: int = 2000, progress=None) -> Dict[str, Any]:
    """Codes input files (globs, paths or directories, as ``hadath code`` takes) on the
    cluster of `client` (default: the current dask.distributed client), writing JSONL parts
    to `out` or storing into `db`. `progress(done, total, totals)` is called as tasks finish.
    Returns the totals: tasks, documents, events, failed, errors (the first ones), seconds."""
    if (out is None) == (db is None):
        raise ValueError("give exactly one of out=DIR and db=URL")
    from distributed import as_completed, get_client
    client = client or get_client()
    t0 = time.perf_counter()
    files = expand_inputs([inputs] if isinstance(inputs, (str, os.PathLike)) else list(inputs))
    workers = max(1, sum(client.nthreads().values()))
    info = client.run(_warm, data, keep_negated)  # load the coder once per worker, fail early
    tasks = plan(files, workers=workers, partition_docs=partition_docs)
    if out is not None:
        os.makedirs(out, exist_ok=True)
        for name in os.listdir(out):  # parts of an earlier run would be mixed in
            if name.startswith("part-") and name.endswith(".jsonl"):
                os.remove(os.path.join(out, name))
        out = os.path.abspath(out)
    futures = [client.submit(run_task, i, t, out=out, db=db, data=data, keep_negated=keep_negated,
                             fallback_date=fallback_date, pure=False, key=f"hadath-task-{i}-{os.getpid()}-{t0}")
               for i, t in enumerate(tasks)]
    totals: Dict[str, Any] = {"tasks": len(tasks), "documents": 0, "events": 0, "failed": 0, "errors": [],
                              "workers": len(info), "files": len(files)}
    done = 0
    for fut in as_completed(futures):
        r = fut.result()
        done += 1
        for k in ("documents", "events", "failed"):
            totals[k] += r[k]
        totals["errors"].extend(r["errors"][: max(0, 50 - len(totals["errors"]))])
        if progress:
            progress(done, len(tasks), dict(totals, seconds=time.perf_counter() - t0))
    totals["seconds"] = time.perf_counter() - t0
    return totals


# -------------------------------------------------------------------------------------------
# python3 -m hadath.dask

def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python3 -m hadath.dask",
        description="Code news files on a Dask cluster: every worker loads hadath once and codes its share; "
                    "events go to JSONL parts (DIR/part-NNNNN.jsonl, in input order) or to an event store.",
        epilog="examples:\n"
               "  python3 -m hadath.dask 'corpus/*.jsonl.gz' --scheduler tcp://10.0.0.5:8786 --out events/\n"
               "  python3 -m hadath.dask corpus/ --scheduler tcp://10.0.0.5:8786 --db postgresql://me@db/news\n"
               "  python3 -m hadath.dask feed.jsonl.gz --workers 2 --out events/   (a local cluster)\n"
               "Workers need hadath installed (pip install . or cmake --install) and the inputs at the same\n"
               "paths (a shared file system). Exit status: 0 all coded, 1 some inputs failed, 2 usage errors.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", help="files, directories or globs (quote them), as hadath code takes")
    dest = ap.add_mutually_exclusive_group(required=True)
    dest.add_argument("--out", metavar="DIR", help="write events as JSON Lines, one part per task")
    dest.add_argument("--db", metavar="URL", help="store into an event store (postgresql://… or an SQLite file)")
    ap.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler (tcp://host:8786); default: "
                    "$DASK_SCHEDULER_ADDRESS, else a local cluster of --workers processes")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="local cluster size (default: cores)")
    ap.add_argument("--data", help="data directory on the workers (default: their installed data)")
    ap.add_argument("--date", help="publication date YYYY-MM-DD for inputs that carry none")
    ap.add_argument("--keep-negated", action="store_true", help="also emit negated and uncertain events")
    ap.add_argument("--partition-docs", type=int, default=2000,
                    help="documents per task when a JSONL file is split (default 2000)")
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress, no summary")
    a = ap.parse_args(argv)

    from distributed import Client, LocalCluster
    address = a.scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS")
    cluster = None
    if address:
        client = Client(address)
    else:
        cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True,
                               dashboard_address=":0")
        client = Client(cluster)
    tty = sys.stderr.isatty()
    last = [0.0]

    def show(done, total, t):
        now = time.perf_counter()
        if a.quiet or (done < total and now - last[0] < (0.25 if tty else 5.0)):
            return
        last[0] = now
        rate = t["documents"] / t["seconds"] if t["seconds"] > 0 else 0.0
        eta = t["seconds"] / done * (total - done) if done else 0.0
        msg = (f"hadath.dask: {done}/{total} tasks, {t['documents']} documents, {t['events']} "
               f"{'mentions' if a.db else 'events'}, {rate:.0f} docs/s, {t['seconds']:.0f} s, ETA {eta:.0f} s")
        print(("\r" + msg + "   ") if tty else msg, end="" if tty and done < total else "\n", file=sys.stderr,
              flush=True)

    import hadath.dask as hd  # not __main__: workers import the task functions by name
    try:
        try:
            t = hd.code_files(a.inputs, out=a.out, db=a.db, client=client, data=a.data, keep_negated=a.keep_negated,
                           fallback_date=a.date, partition_docs=a.partition_docs, progress=show)
        except FileNotFoundError as e:
            print(f"hadath.dask: {e}", file=sys.stderr)
            return 2
        for origin, why in t["errors"]:
            print(f"hadath: {origin}: {why}", file=sys.stderr)
        if not a.quiet:
            rate = t["documents"] / t["seconds"] if t["seconds"] > 0 else 0.0
            where = a.out or a.db
            what = "mentions stored" if a.db else "events"
            failed = f", {t['failed']} failed" if t["failed"] else ""
            print(f"hadath.dask: {t['documents']} documents coded, {t['events']} {what}{failed} → {where} "
                  f"({t['tasks']} tasks on {t['workers']} workers, {t['seconds']:.1f} s, {rate:.0f} docs/s)",
                  file=sys.stderr)
        return 1 if t["failed"] else 0
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


if __name__ == "__main__":
    sys.exit(main())
