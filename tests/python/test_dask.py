"""hadath.dask on a real dask.distributed LocalCluster (2 worker processes): the events equal
`hadath code`'s for the same SaudiNewsNet sample, through files, bags, dataframes, the
command line and the event store."""
import gzip
import json
import os
import subprocess
import sys

import pytest

pytest.importorskip("distributed")
import dask.bag as db  # noqa: E402

import hadath  # noqa: E402
import hadath.dask as hd  # noqa: E402
from conftest import cli_code  # noqa: E402


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def cli_lines(hadath_cli, snn_sample):
    return cli_code(hadath_cli, snn_sample)


def parts(out):
    lines = []
    for name in sorted(os.listdir(out)):
        with open(os.path.join(out, name), encoding="utf-8") as f:
            lines.extend(f.read().splitlines())
    return lines


def test_plan_splits_a_lone_jsonl_file(snn_sample):
    tasks = hd.plan([str(snn_sample)], workers=2, partition_docs=2000)
    assert len(tasks) == 8 and all(t[0] == "lines" for t in tasks)
    assert sum(t[3] for t in tasks) == 400 and [t[2] for t in tasks][:2] == [1, 51]
    many = hd.plan([f"f{i}.jsonl" for i in range(10)], workers=2)
    assert many == [("paths", [f"f{i}.jsonl"]) for i in range(10)]
    assert hd.plan(["a.txt", "b.html", "c.warc.gz", "d.txt"], workers=1) == [
        ("paths", ["a.txt", "b.html"]), ("paths", ["c.warc.gz"]), ("paths", ["d.txt"])]


def test_read_lines_slices(snn_sample):
    with gzip.open(snn_sample, "rb") as f:
        all_lines = f.read().splitlines(keepends=True)
    assert hd._read_lines(str(snn_sample), 51, 50) == b"".join(all_lines[50:100])
    assert hd._read_lines(str(snn_sample), 391, 50) == b"".join(all_lines[390:])


def test_code_files_equals_cli(client, snn_sample, cli_lines, tmp_path):
    seen = []
    t = hd.code_files(str(snn_sample), out=str(tmp_path / "out"), client=client,
                      progress=lambda done, total, tot: seen.append((done, total)))
    assert t["workers"] == 2 and t["tasks"] == 8 and seen[-1] == (8, 8)
    assert parts(tmp_path / "out") == cli_lines  # byte for byte, in input order
    assert t["events"] == len(cli_lines) and t["documents"] + t["failed"] == 400
    pids = set(client.run(lambda: os.getpid()).values())
    assert len(pids) == 2 and os.getpid() not in pids  # really other processes


def test_code_bag_and_dataframe_equal_cli(client, snn_sample, cli_lines):
    docs = [json.loads(l) for l in gzip.open(snn_sample, "rt", encoding="utf-8")]
    events = hd.code_bag(db.from_sequence(docs, npartitions=6)).compute()
    assert events == [json.loads(l) for l in cli_lines]

    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    ddf = dd.from_pandas(pd.DataFrame.from_records(docs), npartitions=4)
    frame = hd.code_dataframe(ddf).compute().reset_index(drop=True)
    expect = hadath.to_pandas(cli_lines)
    assert list(frame.columns) == list(hadath.EVENT_COLUMNS)
    assert frame["event_id"].tolist() == expect["event_id"].tolist()
    assert frame["source_code"].tolist() == expect["source_code"].tolist()
    assert frame["goldstein"].tolist() == expect["goldstein"].tolist()


def test_command_line_and_store(snn_sample, cli_lines, hadath_cli, tmp_path):
    env = dict(os.environ)
    out = tmp_path / "cmd"
    r = subprocess.run([sys.executable, "-m", "hadath.dask", str(snn_sample), "--workers", "2", "--out", str(out)],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert parts(out) == cli_lines
    assert f"400 documents coded, {len(cli_lines)} events" in r.stderr

    # a bad line is reported as the CLI reports it, and the others are coded
    bad = tmp_path / "bad.jsonl"
    with gzip.open(snn_sample, "rb") as f:
        lines = f.read().splitlines(keepends=True)
    bad.write_bytes(b"".join(lines[:30]) + b"{not json\n" + b"".join(lines[30:60]))
    r = subprocess.run([sys.executable, "-m", "hadath.dask", str(bad), "--workers", "2", "--out", str(out)],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 1 and f"hadath: {bad}:31: not a JSON object" in r.stderr
    assert parts(out) == cli_code(hadath_cli, bad)



def test_store_equals_hadath_ingest(client, snn_sample, hadath_cli, tmp_path):
    dbfile = tmp_path / "dask.db"
    t = hd.code_files(str(snn_sample), db=str(dbfile), client=client)
    assert t["documents"] == 400 and t["failed"] == 0
    ref = tmp_path / "cli.db"
    subprocess.run([hadath_cli, "ingest", "-q", "--db", str(ref), str(snn_sample)], check=True)
    got, want = hadath.Store(str(dbfile)).stats(), hadath.Store(str(ref)).stats()
    # the same documents, mentions and actors; events are deduplicated in arrival order (README)
    assert (got["documents"], got["mentions"], got["actors"]) == (want["documents"], want["mentions"], want["actors"])
    assert t["events"] == got["mentions"]
    again = hd.code_files(str(snn_sample), db=str(dbfile), client=client)  # a re-run stores nothing new
    assert again["events"] == 0 and hadath.Store(str(dbfile)).stats() == got


def test_command_line_usage_errors(tmp_path):
    r = subprocess.run([sys.executable, "-m", "hadath.dask", str(tmp_path / "none*.jsonl"), "--out", str(tmp_path)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    r = subprocess.run([sys.executable, "-m", "hadath.dask", "x.jsonl"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "--out" in r.stderr
