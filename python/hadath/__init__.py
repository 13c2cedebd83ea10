"""hadath (حدث): Arabic-first political event coding, from Python.

    >>> import hadath
    >>> coder = hadath.Coder()                       # loads the dictionaries once
    >>> events = coder.code(text, date="2024-03-12")  # list of dicts, the EVENT_FORMAT fields
    >>> for events in coder.code_many(docs): ...      # docs: str, or dicts with the JSONL fields
    >>> hadath.to_pandas(events)                      # one row per event (needs pandas)

The events are exactly what ``hadath code`` prints, as Python dicts (same fields, same order,
same values). A ``Coder`` is thread-safe and releases the GIL while it extracts and codes, so
Python threads code in parallel; ``code_many`` also spreads a batch over ``threads`` C++
threads. Errors are :class:`hadath.Error` exceptions (subclasses by kind, with ``code``
and the C++ message). ``hadath.dask`` runs the same coding over a Dask cluster.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional

from . import _hadath
from ._hadath import (  # noqa: F401  (re-exported)
    CorruptInputError,
    Error,
    InvalidInputError,
    ReadWriteError,
    NotFoundError,
    UnsupportedInputError,
)

__version__ = _hadath.__version__
__all__ = [
    "Coder", "Store", "to_pandas", "flatten_event", "EVENT_COLUMNS", "data_dir",
    "Error", "InvalidInputError", "CorruptInputError", "UnsupportedInputError", "NotFoundError", "ReadWriteError",
]

Event = Dict[str, Any]


def data_dir(data: Optional[str] = None) -> str:
    """The data directory a Coder loads: `data`, else $HADATH_DATA, else the data installed
    with the package (hadath/data), else "" (the library's own default: the installed
    share/hadath/data, then the source tree's data/)."""
    if data:
        return os.fspath(data)
    env = os.environ.get("HADATH_DATA")
    if env:
        return env
    packaged = Path(__file__).resolve().parent / "data"
    if (packaged / "cameo.tsv").is_file():
        return str(packaged)
    return ""


_DOC_FIELDS = ("id", "url", "source", "title")


class Coder:
    """Extracts and codes news. Loads hadath's data once; then every method may be called
    from any number of threads at the same time.

    data: data directory (see :func:`data_dir`); threads: C++ threads ``code_many`` uses per
    batch (default: the machine's cores); keep_negated: also emit negated and uncertain
    events (``"negated": true``), like ``hadath code --keep-negated``.
    Raises NotFoundError / CorruptInputError when the data cannot be loaded.
    """

    def __init__(self, data: Optional[str] = None, threads: Optional[int] = None, keep_negated: bool = False):
        self._args = (data, threads, keep_negated)
        self._c = _hadath.Coder(data_dir(data), int(threads or 0), bool(keep_negated))

    def __reduce__(self):
        # Unpickling (e.g. in a Dask worker) reuses the process's coder with the same settings.
        return (_shared_coder, self._args)

    def __repr__(self) -> str:
        return f"hadath.Coder(data={self.data_dir!r}, threads={self.threads})"

    @property
    def data_dir(self) -> str:
        return self._c.data_dir

    @property
    def threads(self) -> int:
        return self._c.threads

    def code(self, text, date: Optional[str] = None, lang: Optional[str] = None, *,
             fallback_date: Optional[str] = None, id: Optional[str] = None, url: Optional[str] = None,
             source: Optional[str] = None, title: Optional[str] = None, format: str = "auto") -> List[Event]:
        """Codes one document: scraped text or HTML (str or bytes in any charset) → events.

        date: the publication date (YYYY-MM-DD), as the ``date`` of a JSONL record;
        fallback_date: used only when neither `date` nor the page gives one (``hadath code
        --date``); lang: overrides the detected language ("ar", "en"); id, url, source,
        title: the document's metadata (``doc_*`` fields, ``event_id``); format: "auto"
        (HTML when the body starts with "<"), "txt" or "html".
        Raises InvalidInputError (empty), UnsupportedInputError, CorruptInputError.
        """
        return self._c.code(text, date or "", fallback_date or "", lang or "", id or "", url or "",
                            source or "", title or "", format)

    def code_many(self, docs: Iterable[Any], *, threads: Optional[int] = None, batch_size: Optional[int] = None,
                  errors: str = "raise", fallback_date: Optional[str] = None, lang: Optional[str] = None,
                  as_json: bool = False) -> Iterator[List[Any]]:
        """Codes documents in batches, `threads` at a time, yielding one list of events per
        document, in input order. A document is a str/bytes body or a dict with the JSONL
        fields (``id, url, source, date, title`` and ``text`` or ``html``) — the same Document
        ``hadath code`` reads from a JSONL line.

        errors: "raise" (default: the first bad document raises its hadath.Error), "ignore"
        (a bad document yields []), or "return" (it yields the hadath.Error instance).
        as_json: yield each event as the JSON line ``hadath code`` prints (str), not a dict.
        """
        if errors not in ("raise", "ignore", "return"):
            raise ValueError(f"errors must be 'raise', 'ignore' or 'return', got {errors!r}")
        nthreads = int(threads or self.threads)
        size = int(batch_size or max(16, 32 * nthreads))
        it = iter(docs)
        while True:
            chunk = list(itertools.islice(it, size))
            if not chunk:
                return
            for result in self._c._code_batch(chunk, nthreads, fallback_date or "", lang or "", as_json):
                if isinstance(result, Error):
                    if errors == "raise":
                        raise result
                    yield [] if errors == "ignore" else result
                else:
                    yield result

    def extract(self, html, *, date: Optional[str] = None, id: Optional[str] = None, url: Optional[str] = None,
                source: Optional[str] = None, title: Optional[str] = None, format: str = "auto",
                keep_boilerplate: bool = False) -> Dict[str, Any]:
        """The article text and metadata that event offsets point into, as ``hadath extract
        --format json`` prints them (``removed`` lists what was dropped, with
        keep_boilerplate=True). Raises like :meth:`code`."""
        return self._c.extract(html, date or "", id or "", url or "", source or "", title or "", format,
                               keep_boilerplate)

    def mentions(self, text: str, date: Optional[str] = None) -> List[Dict[str, Any]]:
        """Every dictionary entry found in `text` (actors, agents, places, triggers:
        leftmost-longest per dictionary), in text order: kind, text, start, end (code points),
        sentence_index, id, rule, and the entry's code/name/country/cameo. `date` picks the
        actor code in force on that day. The words hadath saw, before any coding."""
        return self._c.mentions(text, date or "")


_coders: Dict[tuple, Coder] = {}


def _shared_coder(data=None, threads=None, keep_negated=False) -> Coder:
    """The process's Coder for these settings, loaded on first use (one per worker process)."""
    key = (data_dir(data), threads, bool(keep_negated))
    c = _coders.get(key)
    if c is None:
        c = _coders[key] = Coder(data, threads, keep_negated)
    return c


class Store:
    """The event store (SQLite file or ``postgresql://`` URL), as ``hadath ingest`` fills it.

        >>> db = hadath.Store("news.db")
        >>> db.ingest(coder, docs)        # dicts/str documents; returns the counts
        >>> db.ingest_paths(coder, ["feed.jsonl.gz"])
        >>> db.stats()

    A Store is used by one thread at a time; several processes may write one database
    (batches are serialized). Raises hadath.Error subclasses with the C++ message.
    """

    def __init__(self, where: str, *, create: bool = True, dedup_window: int = 1, dedup_any_country: bool = False):
        self.where = os.fspath(where)
        self._s = _hadath.Store(self.where, create, int(dedup_window), bool(dedup_any_country))

    @property
    def backend(self) -> str:
        return self._s.backend

    def stats(self) -> Dict[str, int]:
        return self._s.stats()

    def ingest(self, coder: Coder, docs: Iterable[Any], *, batch: int = 500,
               fallback_date: Optional[str] = None) -> Dict[str, Any]:
        return self._s._ingest_docs(coder._c, list(docs), int(batch), fallback_date or "")

    def ingest_paths(self, coder: Coder, paths: Iterable[str], *, batch: int = 500,
                     fallback_date: Optional[str] = None) -> Dict[str, Any]:
        return self._s._ingest_paths(coder._c, [os.fspath(p) for p in paths], int(batch), fallback_date or "")


# -------------------------------------------------------------------------------------------
# Tables.

_ACTOR = ("text", "code", "country", "sector", "name", "start", "end")
_LOCATION = ("text", "name", "country", "lat", "lon", "geonames_id")

#: Columns of :func:`to_pandas` (and of ``hadath.dask.code_dataframe``): the EVENT_FORMAT
#: fields with nested objects flattened (``source_code``, ``trigger_start``, ``location_lat``…).
EVENT_COLUMNS = (
    ["event_id", "doc_id", "doc_url", "doc_source", "doc_title", "doc_date", "sentence_index", "sentence",
     "date", "date_basis"]
    + [f"source_{k}" for k in _ACTOR] + [f"target_{k}" for k in _ACTOR]
    + ["cameo", "cameo_name", "root", "quad_class", "goldstein", "plover", "plover_mode",
       "trigger_text", "trigger_start", "trigger_end"]
    + [f"location_{k}" for k in _LOCATION]
    + ["negated", "modality", "rules"]
)


def flatten_event(e: Event) -> Dict[str, Any]:
    """One event as a flat row: nested objects become ``source_code``, ``target_name``,
    ``trigger_start``, ``location_lat``…; a missing target gives None cells; ``rules`` stays a
    list; fields added to the format later are kept under their own names."""
    row: Dict[str, Any] = {}
    for k, v in e.items():
        if k in ("source", "target"):
            for f in _ACTOR:
                row[f"{k}_{f}"] = v.get(f) if v else None
        elif k == "trigger":
            row["trigger_text"], row["trigger_start"], row["trigger_end"] = v["text"], v["start"], v["end"]
        elif k == "location":
            for f in _LOCATION:
                row[f"location_{f}"] = v.get(f) if v else None
        else:
            row[k] = v
    return row


def _iter_events(events) -> Iterator[Event]:
    import json
    for e in events:
        if isinstance(e, list):      # code_many yields one list per document
            yield from _iter_events(e)
        elif isinstance(e, str):     # JSON lines (as_json=True, or read from a file)
            yield json.loads(e)
        elif isinstance(e, Error):   # code_many(errors="return")
            continue
        else:
            yield e


def to_pandas(events) -> "pandas.DataFrame":  # noqa: F821
    """Events (dicts, JSON lines, or code_many's lists of them) → a pandas DataFrame with one
    row per event and :data:`EVENT_COLUMNS` (flattened). Needs pandas (Debian:
    python3-pandas); hadath itself does not."""
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("hadath.to_pandas needs pandas (Debian: apt install python3-pandas)") from e
    rows = [flatten_event(e) for e in _iter_events(events)]
    extra = sorted({k for r in rows for k in r} - set(EVENT_COLUMNS))
    df = pd.DataFrame.from_records(rows, columns=EVENT_COLUMNS + extra)
    for col in ("sentence_index", "quad_class"):
        df[col] = df[col].astype("int64")
    return df
