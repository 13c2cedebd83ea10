#!/usr/bin/env python3
"""Hardening tests of `hadath serve` (issue #12, the server part), over raw sockets.

Starts real servers on free local ports over a database built from
tests/server/fixtures.jsonl, with a small web root of our own (an index, an asset, a
symlink pointing out of the root, a secret file beside the root), and proves:

- with a token, NO route answers without it: every API route with every method,
  /metrics, /api/health (not exempt), static files, the single page, unknown paths, HEAD,
  OPTIONS (CORS off), query-string tricks; and a wrong/empty/differently-cased token
  fails too;
- path traversal on static files is refused: ../, %2e%2e, encoded slashes, backslashes,
  absolute paths, NUL bytes, symlinks out of the web root; the secret never appears;
- slow clients (nothing sent, a request head that stops half-way, a head sent byte by
  byte) do not block other clients, and a stalled one is closed after the read timeout;
- oversized request lines and headers get 414/431/400 (or a closed connection), never a
  crash: the server answers normally afterwards;
- the server's database connections are read-only: a write through them fails
  (SQLite PRAGMA query_only / read-only open), shown with the server's own Db code by
  hadath_server_tests (ReadOnly*), and here by checking the file is unchanged.

    HADATH=build/hadath python3 tests/server/hardening_test.py
"""
import ctypes
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HADATH = os.environ.get("HADATH", os.path.join(ROOT, "build", "hadath"))
FIXTURES = os.path.join(ROOT, "tests", "server", "fixtures.jsonl")
SECRET = "hadath-test-secret-7f3a9c"
TOKEN = "tok-4b1d9e2c"
FAILS = []
CHECKS = 0


def check(cond, what):
    global CHECKS
    CHECKS += 1
    if not cond:
        FAILS.append(what)
        print(f"FAIL: {what}", file=sys.stderr)


def die_with_parent():
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class Server:
    def __init__(self, db, *args):
        self.proc = subprocess.Popen([HADATH, "serve", "--db", db, "--port", "0", *args], preexec_fn=die_with_parent,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 30
        line = ""
        while time.time() < deadline:
            line = self.proc.stderr.readline()
            m = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", line)
            if m:
                self.port = int(m.group(1))
                return
            if not line and self.proc.poll() is not None:
                break
        raise RuntimeError(f"hadath serve did not start: {line}")

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def raw(port, data, timeout=10.0):
    """Sends bytes as they are (no client-side path normalization); returns (status, headers, body)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        s.sendall(data)
        out = b""
        while True:
            try:
                chunk = s.recv(65536)
            except (ConnectionResetError, socket.timeout):
                break
            if not chunk:
                break
            out += chunk
            head, sep, body = out.partition(b"\r\n\r\n")
            if sep:
                m = re.search(rb"(?i)content-length:\s*(\d+)", head)
                if m and len(body) >= int(m.group(1)):
                    break
    finally:
        s.close()
    head, _, body = out.partition(b"\r\n\r\n")
    m = re.match(rb"HTTP/1\.[01] (\d{3})", head)
    return (int(m.group(1)) if m else 0), head.decode("latin-1"), body


def get(port, target, method="GET", headers=(), body=b""):
    lines = [f"{method} ".encode() + target + b" HTTP/1.1", b"Host: 127.0.0.1", b"Connection: close"]
    lines += [h.encode() for h in headers]
    if body:
        lines.append(f"Content-Length: {len(body)}".encode())
    return raw(port, b"\r\n".join(lines) + b"\r\n\r\n" + body)


def make_web_root(tmp):
    """A web root of our own: index, an asset, a symlink out of the root, a secret beside it."""
    outside = os.path.join(tmp, "outside")
    os.makedirs(outside)
    with open(os.path.join(outside, "secret.txt"), "w") as f:
        f.write(SECRET + "\n")
    web = os.path.join(tmp, "web")
    os.makedirs(os.path.join(web, "assets"))
    with open(os.path.join(web, "index.html"), "w") as f:
        f.write("<!doctype html><title>test page</title><p>index of the test web root</p>\n")
    with open(os.path.join(web, "assets", "app.js"), "w") as f:
        f.write("console.log('test asset');\n")
    os.symlink(os.path.join(outside, "secret.txt"), os.path.join(web, "assets", "leak.txt"))
    os.symlink(outside, os.path.join(web, "assets", "outdir"))
    with open(os.path.join(tmp, "secret.txt"), "w") as f:  # web/../secret.txt
        f.write(SECRET + "\n")
    return web


API_ROUTES = ["/api/health", "/api/events", "/api/events/1", "/api/dyads", "/api/timeline", "/api/actors?q=SAU",
              "/api/places", "/api/documents", "/api/documents/fx-riyadh-visit", "/api/code", "/metrics", "/api",
              "/api/", "/api/nope"]
STATIC_ROUTES = ["/", "/index.html", "/assets/app.js", "/assets/missing.js", "/some/page", "/favicon.ico",
                 "/assets/leak.txt", "/../secret.txt"]
METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]


def test_token(db, web):
    srv = Server(db, "--token", TOKEN, "--web", web)
    p = srv.port
    try:
        # Every route, every method, no credentials: 401, and no data in the body.
        for route in API_ROUTES + STATIC_ROUTES:
            for method in METHODS:
                body = b'{"text": "x"}' if method in ("POST", "PUT", "PATCH") else b""
                hdrs = ("Content-Type: application/json",) if body else ()
                code, head, out = get(p, route.encode(), method, hdrs, body)
                check(code == 401, f"token: {method} {route} without a token: {code}")
                check(b"events" not in out and b"index of the test" not in out and b"test asset" not in out
                      and SECRET.encode() not in out, f"token: {method} {route}: no data in the 401 body: {out[:80]!r}")
        # Wrong, empty, differently cased, other schemes, a prefix or an extension of the token.
        bad = [f"Authorization: Bearer {TOKEN}x", f"Authorization: Bearer {TOKEN[:-1]}", "Authorization: Bearer ",
               f"Authorization: bearer{TOKEN}", f"Authorization: Basic {TOKEN}", f"Authorization: {TOKEN}",
               f"Authorization: Bearer {TOKEN.upper()}", f"X-Token: {TOKEN}", f"Cookie: token={TOKEN}"]
        for h in bad:
            for route in ("/api/health", "/metrics", "/", "/assets/app.js"):
                code, _, _ = get(p, route.encode(), headers=(h,))
                check(code == 401, f"token: {route} with {h!r}: {code}")
        for q in (f"token={TOKEN}x", "token=", f"TOKEN={TOKEN}", f"tok%65n={TOKEN}x", f"token={TOKEN[:-1]}"):
            code, _, _ = get(p, f"/api/health?{q}".encode())
            check(code == 401, f"token: ?{q}: {code}")
        # A second token parameter cannot smuggle a wrong one past a right one, nor the reverse.
        code, _, _ = get(p, f"/api/health?token=wrong&token={TOKEN}".encode())
        check(code in (400, 401), f"token: two token parameters: {code}")
        # With the token: every route is reachable.
        ok = f"Authorization: Bearer {TOKEN}"
        for route, want in (("/api/health", 200), ("/metrics", 200), ("/", 200), ("/assets/app.js", 200),
                            ("/api/events", 200), ("/some/page", 200)):
            code, _, out = get(p, route.encode(), headers=(ok,))
            check(code == want, f"token: {route} with the token: {code}")
        code, _, _ = get(p, f"/api/health?token={TOKEN}".encode())
        check(code == 200, f"token: ?token=TOKEN: {code}")
        check(srv.alive(), "token: the server is alive")
    finally:
        srv.stop()


TRAVERSALS = [
    b"/../secret.txt", b"/../../../../etc/passwd", b"/assets/../../secret.txt", b"/%2e%2e/secret.txt",
    b"/%2E%2E/secret.txt", b"/.%2e/secret.txt", b"/%2e%2e%2fsecret.txt", b"/..%2fsecret.txt", b"/..%2Fsecret.txt",
    b"/assets%2f..%2f..%2fsecret.txt", b"/assets/..%2f..%2fsecret.txt", b"/%252e%252e/secret.txt",
    b"/..%5csecret.txt", b"/..\\secret.txt", b"/assets/..\\..\\secret.txt", b"//etc/passwd", b"/%2fetc%2fpasswd",
    b"/%2Fetc/passwd", b"/etc/passwd", b"/assets/leak.txt", b"/assets/outdir/secret.txt",
    b"/assets/outdir/../outdir/secret.txt", b"/assets/%6ceak.txt", b"/index.html%00.js", b"/%00../secret.txt",
    b"/assets/app.js/../../secret.txt", b"/./../secret.txt", b"/assets/./../../secret.txt",
    b"/%c0%ae%c0%ae/secret.txt", b"/..;/secret.txt", b"/....//secret.txt", b"/..%00/secret.txt",
    b"http://127.0.0.1/../secret.txt", b"/proc/self/environ", b"/%2fproc%2fself%2fenviron",
]


def test_traversal(db, web):
    srv = Server(db, "--web", web)
    p = srv.port
    try:
        code, _, out = get(p, b"/assets/app.js")
        check(code == 200 and b"test asset" in out, f"traversal: the asset itself is served: {code}")
        passwd = open("/etc/passwd", "rb").read()[:20]
        for target in TRAVERSALS:
            for method in ("GET", "HEAD"):
                code, head, out = get(p, target, method)
                leaked = SECRET.encode() in out or (passwd and passwd in out) or b"HADATH" in out
                check(not leaked, f"traversal: {method} {target!r} leaked a file outside the web root")
                # Refused (4xx) or the single page (200 with our index), never a file from outside.
                check(code in (400, 403, 404) or (code == 200 and (method == "HEAD" or b"index of the test" in out)),
                      f"traversal: {method} {target!r}: status {code} {out[:60]!r}")
        check(srv.alive(), "traversal: the server is alive")
    finally:
        srv.stop()


def test_limits(db):
    srv = Server(db, "--no-web")
    p = srv.port
    try:
        code, _, _ = get(p, b"/api/events?limit=1&q=" + b"a" * 9000)
        check(code == 414, f"limits: a 9 KB request line: {code}")
        code, _, _ = get(p, b"/" + b"a" * 70000)
        check(code in (414, 0), f"limits: a 70 KB request line: {code}")
        code, _, _ = get(p, b"/api/health", headers=("X-Big: " + "a" * 9000,))
        check(code in (400, 431, 0), f"limits: a 9 KB header line: {code}")
        # Many headers: 2 MB of them. Refused or answered, and the server lives on.
        code, _, _ = get(p, b"/api/health", headers=tuple(f"X-H{i}: {'v' * 90}" for i in range(20000)))
        check(code in (200, 400, 431, 0), f"limits: 20,000 headers: {code}")
        # Garbage request lines.
        for junk in (b"\x00\x01\x02\r\n\r\n", b"GET\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"GET  /  HTTP/1.1\r\n\r\n",
                     b"\xff\xfe GET / HTTP/1.1\r\n\r\n", b"GET /api/health HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
                     b"POST /api/code HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n",
                     b"POST /api/code HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffff\r\n"):
            code, _, _ = raw(p, junk, timeout=8)
            # Refused, or (for the harmless ones: doubled spaces, a negative length on a GET)
            # answered as the request they amount to.
            check(code in (0, 200, 400, 404, 405, 413, 505), f"limits: junk {junk[:30]!r}: {code}")
        code, _, out = get(p, b"/api/health")
        check(code == 200 and b'"ok"' in out, f"limits: the server answers afterwards: {code}")
        check(srv.alive(), "limits: the server is alive")
    finally:
        srv.stop()


def test_slow_clients(db):
    # Fewer database connections (--threads 2) than slow clients: they hold connection
    # threads, never the database, and the others are served.
    srv = Server(db, "--no-web", "--threads", "2")
    p = srv.port
    stop = threading.Event()
    closed = {}

    def silent(i):  # connects and sends nothing
        s = socket.create_connection(("127.0.0.1", p))
        t0 = time.time()
        s.settimeout(30)
        try:
            closed[f"silent{i}"] = (s.recv(100), time.time() - t0)
        except OSError as e:
            closed[f"silent{i}"] = (repr(e).encode(), time.time() - t0)
        s.close()

    def half(i):  # half a request head, then nothing
        s = socket.create_connection(("127.0.0.1", p))
        s.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        t0 = time.time()
        s.settimeout(30)
        try:
            closed[f"half{i}"] = (s.recv(100), time.time() - t0)
        except OSError as e:
            closed[f"half{i}"] = (repr(e).encode(), time.time() - t0)
        s.close()

    def dribble(i):  # a head one byte every 0.2 s, for as long as the test runs
        s = socket.create_connection(("127.0.0.1", p))
        data = b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + b"x" * 4000
        try:
            for b in data:
                if stop.is_set():
                    break
                s.sendall(bytes([b]))
                time.sleep(0.2)
        except OSError:
            pass
        s.close()

    threads = [threading.Thread(target=f, args=(i,), daemon=True) for f in (silent, half, dribble) for i in range(4)]
    for t in threads:
        t.start()
    time.sleep(1.0)
    slow = 0.0
    for _ in range(20):
        t0 = time.time()
        code, _, _ = get(p, b"/api/events?limit=5")
        slow = max(slow, time.time() - t0)
        check(code == 200, f"slow clients: a normal request is answered: {code}")
    check(slow < 3.0, f"slow clients: 12 slow connections do not delay the others: slowest {slow:.2f} s")
    for t in threads[:8]:
        t.join(timeout=30)
    for k, (data, secs) in sorted(closed.items()):
        # Closed (EOF or reset), or answered 400/408 and closed: never served as a request.
        check(data == b"" or data.startswith((b"HTTP/1.1 400", b"HTTP/1.1 408")) or b"Reset" in data,
              f"slow clients: {k} is closed by the server: {data[:40]!r}")
        check(secs < 15, f"slow clients: {k} is closed after the read timeout: {secs:.1f} s")
    check(len(closed) == 8, f"slow clients: every stalled connection was closed ({len(closed)} of 8)")
    stop.set()
    code, _, _ = get(p, b"/api/health")
    check(code == 200, "slow clients: the server answers afterwards")
    srv.stop()


def test_read_only(db):
    before = hashlib.sha256(open(db, "rb").read()).hexdigest()
    srv = Server(db, "--no-web")
    try:
        for target in (b"/api/events?q=x%27);DELETE%20FROM%20events;--", b"/api/health", b"/metrics",
                       b"/api/documents/fx-riyadh-visit", b"/api/dyads", b"/api/timeline?by=day"):
            get(srv.port, target)
    finally:
        srv.stop()
    for suffix in ("-wal",):
        if os.path.exists(db + suffix):
            check(os.path.getsize(db + suffix) == 0, f"read-only: no write-ahead log frames after serving ({suffix})")
    after = hashlib.sha256(open(db, "rb").read()).hexdigest()
    check(before == after, "read-only: the database file is byte-identical after serving")
    # A database file the server may not write is served all the same.
    os.chmod(db, 0o444)
    try:
        if os.geteuid() != 0:  # root writes anyway; the mode only tests something for others
            srv = Server(db, "--no-web")
            code, _, _ = get(srv.port, b"/api/health")
            check(code == 200, f"read-only: a read-only file is served: {code}")
            srv.stop()
    finally:
        os.chmod(db, 0o644)


def main():
    tmp = tempfile.mkdtemp(prefix="hadath-harden-")
    try:
        db = os.path.join(tmp, "fx.db")
        r = subprocess.run([HADATH, "ingest", "-q", "--db", db, FIXTURES], capture_output=True, text=True)
        if r.returncode != 0:
            print(f"hardening_test: ingest failed: {r.stderr}", file=sys.stderr)
            return 1
        # A checkpointed, WAL-free file, so that byte-identity is meaningful.
        subprocess.run(["sqlite3", db, "PRAGMA wal_checkpoint(TRUNCATE)"], capture_output=True)
        web = make_web_root(tmp)
        signal.alarm(240)
        test_token(db, web)
        test_traversal(db, web)
        test_limits(db)
        test_slow_clients(db)
        test_read_only(db)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"hardening_test: {CHECKS - len(FAILS)}/{CHECKS} checks passed")
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
