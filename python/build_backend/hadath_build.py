"""A minimal PEP 517 build backend for hadath: CMake builds the module, this file packs the wheel.

pip calls build_wheel(); we configure the CMake project (tests, benchmarks and the web
explorer off) in ./build-wheel (or $HADATH_WHEEL_BUILD_DIR), build the `hadath_python`
target for the interpreter running pip, install the "python" component (the extension,
the package's .py files and data/) into a staging directory, and zip it as a wheel with its
.dist-info (METADATA, WHEEL, RECORD). Only the standard library is used, so nothing has to
be downloaded: `pip install .` works offline.
"""

import base64
import hashlib
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import zipfile

_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def _project():
    text = open(os.path.join(_ROOT, "pyproject.toml"), encoding="utf-8").read()
    section = text.split("[project]", 1)[1].split("\n[", 1)[0]

    def field(name):
        m = re.search(rf'^{name}\s*=\s*"([^"]*)"', section, re.M)
        return m.group(1) if m else ""

    return {"name": field("name"), "version": field("version"), "summary": field("description"),
            "requires_python": field("requires-python")}


def _tag():
    impl = "cp" if sys.implementation.name == "cpython" else sys.implementation.name[:2]
    ver = f"{sys.version_info.major}{sys.version_info.minor}"
    plat = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    return f"{impl}{ver}-{impl}{ver}-{plat}"


def _metadata(p):
    lines = ["Metadata-Version: 2.1", f"Name: {p['name']}", f"Version: {p['version']}", f"Summary: {p['summary']}"]
    if p["requires_python"]:
        lines.append(f"Requires-Python: {p['requires_python']}")
    lines += ["Provides-Extra: pandas", 'Requires-Dist: pandas; extra == "pandas"',
              "Provides-Extra: dask", 'Requires-Dist: dask; extra == "dask"',
              'Requires-Dist: distributed; extra == "dask"', 'Requires-Dist: pandas; extra == "dask"']
    return "\n".join(lines) + "\n"


def _run(cmd):
    print("hadath_build:", " ".join(cmd), file=sys.stderr, flush=True)
    subprocess.run(cmd, check=True, stdout=sys.stderr)


def _dist_info(p):
    return f"{p['name']}-{p['version']}.dist-info"


# --- PEP 517 hooks ------------------------------------------------------------------------

def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    p = _project()
    d = os.path.join(metadata_directory, _dist_info(p))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "METADATA"), "w", encoding="utf-8") as f:
        f.write(_metadata(p))
    return _dist_info(p)


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    p = _project()
    build = os.environ.get("HADATH_WHEEL_BUILD_DIR") or os.path.join(_ROOT, "build-wheel")
    jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL") or str(os.cpu_count() or 2)
    _run(["cmake", "-S", _ROOT, "-B", build, "-DCMAKE_BUILD_TYPE=Release", "-DHADATH_BUILD_TESTS=OFF",
          "-DHADATH_BUILD_BENCH=OFF", "-DHADATH_BUILD_WEB=OFF", "-DHADATH_BUILD_PYTHON=ON",
          f"-DHADATH_PYTHON={sys.executable}", "-DHADATH_PYTHON_INSTALL_DIR=."])
    _run(["cmake", "--build", build, "--target", "hadath_python", "-j", jobs])
    with tempfile.TemporaryDirectory() as stage:
        _run(["cmake", "--install", build, "--component", "python", "--prefix", stage])
        if not os.path.isdir(os.path.join(stage, "hadath")):
            raise RuntimeError("the CMake build did not produce the Python module (is pybind11-dev installed?)")
        info = os.path.join(stage, _dist_info(p))
        os.makedirs(info)
        with open(os.path.join(info, "METADATA"), "w", encoding="utf-8") as f:
            f.write(_metadata(p))
        with open(os.path.join(info, "WHEEL"), "w", encoding="utf-8") as f:
            f.write(f"Wheel-Version: 1.0\nGenerator: hadath_build\nRoot-Is-Purelib: false\nTag: {_tag()}\n")
        name = f"{p['name']}-{p['version']}-{_tag()}.whl"
        records = []
        path = os.path.join(wheel_directory, name)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for root, dirs, files in os.walk(stage):
                dirs.sort()
                for fn in sorted(files):
                    full = os.path.join(root, fn)
                    arc = os.path.relpath(full, stage).replace(os.sep, "/")
                    data = open(full, "rb").read()
                    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
                    records.append(f"{arc},sha256={digest},{len(data)}")
                    z.write(full, arc)
            record = f"{_dist_info(p)}/RECORD"
            z.writestr(record, "\n".join(records + [f"{record},,"]) + "\n")
    return name


def build_sdist(sdist_directory, config_settings=None):
    """The tracked files of the repository (git ls-files), as NAME-VERSION.tar.gz."""
    import tarfile
    p = _project()
    base = f"{p['name']}-{p['version']}"
    files = subprocess.run(["git", "-C", _ROOT, "ls-files"], check=True, capture_output=True,
                           text=True).stdout.split("\n")
    path = os.path.join(sdist_directory, base + ".tar.gz")
    with tarfile.open(path, "w:gz") as t:
        import io
        info = _metadata(p).encode()
        ti = tarfile.TarInfo(f"{base}/PKG-INFO")
        ti.size = len(info)
        t.addfile(ti, io.BytesIO(info))
        for f in filter(None, files):
            if os.path.exists(os.path.join(_ROOT, f)):
                t.add(os.path.join(_ROOT, f), arcname=f"{base}/{f}", recursive=False)
    return base + ".tar.gz"
