"""Shared fixtures of the Python tests. CTest runs them (tests/python/CMakeLists.txt) with
PYTHONPATH pointing at the built package and HADATH at the built CLI; by hand:
    PYTHONPATH=build-py/python HADATH=build-py/hadath /usr/bin/python3 -m pytest tests/python
"""
import gzip
import itertools
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus" / "saudinewsnet" / "saudinewsnet-2015.jsonl.gz"
SEED = REPO.parent / "shared" / "corpus" / "seed" / "000_adf2e6658df28c14.txt"


@pytest.fixture(scope="session")
def hadath_cli():
    exe = os.environ.get("HADATH") or str(REPO / "build-py" / "hadath")
    if not os.access(exe, os.X_OK):
        pytest.skip(f"hadath CLI not found at {exe} (set HADATH)")
    return exe


@pytest.fixture(scope="session")
def coder():
    import hadath
    return hadath.Coder()


@pytest.fixture(scope="session")
def article():
    """A real Arabic article with events: the founding example, else the bundled one."""
    path = SEED if SEED.exists() else REPO / "examples" / "scraped-page.txt"
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def snn_sample(tmp_path_factory):
    """The first 400 SaudiNewsNet documents as a .jsonl.gz (skipped without ../shared)."""
    if not CORPUS.exists():
        pytest.skip("../shared/corpus/saudinewsnet not present")
    out = tmp_path_factory.mktemp("snn") / "snn400.jsonl.gz"
    with gzip.open(CORPUS, "rb") as src, gzip.open(out, "wb") as dst:
        for line in itertools.islice(src, 400):
            dst.write(line)
    return out


def cli_code(exe, *args):
    """`hadath code -q ARGS` → its stdout lines (exit 0 or 1: some inputs may be bad)."""
    r = subprocess.run([exe, "code", "-q", *map(str, args)], capture_output=True, text=True)
    assert r.returncode in (0, 1), r.stderr
    return r.stdout.splitlines()
