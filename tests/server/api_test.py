#!/usr/bin/env python3
"""API tests of `hadath serve` against a real server on 127.0.0.1.

Builds a database from fixtures (examples/, tests/server/fixtures.jsonl and, when
../shared is there, the seed article), starts `hadath serve --port 0` (any free
port) under a time limit, checks every endpoint and every error path (bad
parameters, unknown ids, oversize bodies, missing or wrong token, CORS off and on,
SQL injection attempts in every text parameter), and stops the servers it started.

    HADATH=build/hadath python3 tests/server/api_test.py
"""
import ctypes
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HADATH = os.environ.get("HADATH", os.path.join(ROOT, "build", "hadath"))
SEED = os.path.join(ROOT, "..", "shared", "corpus", "seed", "000_adf2e6658df28c14.txt")
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never a proxy: localhost only
FAILS = []
CHECKS = 0


def check(cond, what):
    global CHECKS
    CHECKS += 1
    if not cond:
        FAILS.append(what)
        print(f"FAIL: {what}", file=sys.stderr)


def request(base, path, method="GET", body=None, headers=None, params=None):
    url = base + path
    if params is not None:
        url += "?" + urllib.parse.urlencode(params, doseq=True)
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with OPENER.open(req, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def get_json(base, path, params=None, headers=None, status=200):
    code, hdrs, body = request(base, path, params=params, headers=headers)
    check(code == status, f"GET {path} {params}: status {code}, expected {status}: {body[:200]!r}")
    try:
        return json.loads(body)
    except ValueError:
        check(False, f"GET {path}: not JSON: {body[:200]!r}")
        return {}


def die_with_parent():
    # The server gets SIGTERM if this test dies, so that it never outlives it.
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class Server:
    def __init__(self, db, *args):
        self.proc = subprocess.Popen(
            [HADATH, "serve", "--db", db, "--port", "0", *args], preexec_fn=die_with_parent,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        line = ""
        deadline = time.time() + 30
        while time.time() < deadline:
            line = self.proc.stderr.readline()
            m = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", line)
            if m:
                self.base = f"http://127.0.0.1:{m.group(1)}"
                return
            if not line and self.proc.poll() is not None:
                break
        raise RuntimeError(f"hadath serve did not start: {line}")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


INJECTIONS = ["' OR '1'='1", "1; DROP TABLE events; --", "\" OR 1=1 --", "%' UNION SELECT * FROM documents --",
              "ISR') OR ('a'='a", "\\x00'", "🙂' --"]


def test_api(base, db):
    h = get_json(base, "/api/health")
    check(h.get("status") == "ok" and h.get("backend") == "sqlite" and h.get("events", 0) > 0, f"health: {h}")

    # Events: list, filters, cursor pagination without overlap.
    all_ev = get_json(base, "/api/events", {"limit": 1000})["events"]
    check(len(all_ev) >= 10, f"events: {len(all_ev)}")
    dates = [(e["date"], e["id"]) for e in all_ev]
    check(dates == sorted(dates, reverse=True), "events: newest first")
    seen, cursor, pages = [], None, 0
    while True:
        p = {"limit": 3}
        if cursor:
            p["cursor"] = cursor
        page = get_json(base, "/api/events", p)
        seen += [e["id"] for e in page["events"]]
        cursor = page["next_cursor"]
        pages += 1
        if not cursor or pages > 100:
            break
    check(seen == [e["id"] for e in all_ev], f"cursor pages cover every event once: {seen} vs {[e['id'] for e in all_ev]}")
    sau = get_json(base, "/api/events", {"actor": "SAU"})["events"]
    check(sau and all("SAU" in (e["source"] or {}).get("code", "")[:3] + ((e["target"] or {}).get("code") or "")[:3]
                      for e in sau), f"actor=SAU: {sau}")
    dyad = get_json(base, "/api/events", {"actor": ["IRNGOV", "RUS"]})["events"]
    check(len(dyad) >= 1, "actor=IRNGOV&actor=RUS: a dyad")
    check(get_json(base, "/api/events", {"actor": "irngov,rus"})["events"] == dyad, "comma-separated, lower-case actors")
    r19 = get_json(base, "/api/events", {"root": "19"})["events"]
    check(r19 and all(e["root"] == "19" for e in r19), "root=19")
    q4 = get_json(base, "/api/events", {"quad": 4})["events"]
    check(q4 and all(e["quad_class"] == 4 for e in q4), "quad=4")
    rng = get_json(base, "/api/events", {"from": "2015-07-01", "to": "2015-07-31"})["events"]
    check(rng and all("2015-07-01" <= e["date"] <= "2015-07-31" for e in rng), "from/to")
    yem = get_json(base, "/api/events", {"country": "YEM"})["events"]
    check(len(yem) >= 2, "country=YEM")
    txt = get_json(base, "/api/events", {"q": "صنعاء"})["events"]
    check(len(txt) >= 1, "q=صنعاء (a word of a reporting sentence)")
    doc = get_json(base, "/api/events", {"doc": "fx-iran-talks"})["events"]
    check(len(doc) >= 1, "doc=fx-iran-talks")

    # One event: mentions, sentence spans, rules explained by their data lines.
    ev = get_json(base, f"/api/events/{doc[0]['id']}")
    check(ev.get("id") == doc[0]["id"] and ev.get("mentions"), "event by id")
    m = ev["mentions"][0]
    check(m["doc_id"] == "fx-iran-talks" and m["sentence"] and m["rules"], f"mention: {m}")
    check(any(s["kind"] == "trigger" for s in m["spans"]), "mention spans include the trigger")
    for s in m["spans"]:
        check(0 <= s["start"] < s["end"] <= len(m["sentence"]), f"span inside the sentence: {s}")
    why = m["why"]
    check(len(why) == len(m["rules"]), "one explanation per rule")
    check(any(w["kind"] == "trigger" and w["text"] for w in why), f"the trigger's data line: {why}")

    # Dyads, timeline, actors, places, documents.
    d = get_json(base, "/api/dyads", {"limit": 5})["dyads"]
    check(0 < len(d) <= 5 and all(len(x["quad"]) == 4 for x in d), f"dyads: {d}")
    for by in ("day", "week", "month", "year"):
        tl = get_json(base, "/api/timeline", {"by": by})
        check(tl["by"] == by and tl["periods"], f"timeline by {by}")
        dated = sum(1 for e in all_ev if e["date"])
        check(sum(p["events"] for p in tl["periods"]) == dated, f"timeline by {by} counts every dated event")
    wk = get_json(base, "/api/timeline", {"by": "week", "actor": "SAU"})["periods"]
    check(wk and all(p["period"] == "2015-07-20" or p["period"] < "2100" for p in wk), "timeline of one actor")
    check(any(p["period"] == "2015-07-20" for p in wk), f"weeks start on Monday: {wk}")
    a = get_json(base, "/api/actors", {"q": "SAU"})["actors"]
    check(a and a[0]["code"].startswith("SAU"), f"actors q=SAU: {a}")
    a = get_json(base, "/api/actors", {"q": "lavrov"})["actors"]
    check(any(x["code"] == "RUSGOV" for x in a), f"actors q=lavrov (by name): {a}")
    check(len(get_json(base, "/api/actors", {"limit": 3})["actors"]) <= 3, "actors limit")
    pl = get_json(base, "/api/places")["places"]
    check(any(p["name"] == "Riyadh" and abs(p["lat"] - 24.6) < 1 for p in pl), f"places: {pl}")
    docs = get_json(base, "/api/documents", {"actor": "IRN"})["documents"]
    check(any(x["id"] == "fx-iran-talks" for x in docs), "documents filtered by actor")

    # A document: text with spans of actors, triggers, places and dates.
    dv = get_json(base, "/api/documents/fx-riyadh-visit")
    text = dv["text"]
    kinds = {s["kind"] for s in dv["spans"]}
    check({"actor", "trigger", "place", "date"} <= kinds, f"document spans: {kinds}")
    for s in dv["spans"]:
        check(0 <= s["start"] < s["end"] <= len(text), f"span in the text: {s}")
    trig = [s for s in dv["spans"] if s["kind"] == "trigger"][0]
    check(text[trig["start"]:trig["end"]] == "استقبل", f"trigger span text: {text[trig['start']:trig['end']]}")
    check(any(e["store_event_id"] for e in dv["events"]), "re-coded events link to stored events")
    # The whole stored text: every reporting sentence is in it, and the blocks tile it.
    check(dv["text_is_excerpt"] is False, "document: the whole text, not an excerpt")
    ev_ids = set(dv["store_event_ids"])
    for i in list(ev_ids)[:5]:
        for m in get_json(base, f"/api/events/{i}")["mentions"]:
            if m["doc_id"] == "fx-riyadh-visit":
                check(m["sentence"] in text, f"document: the reporting sentence is in the text: {m['sentence'][:40]}")
    check(all(0 <= b["start"] < b["end"] <= len(text) for b in dv["blocks"]), "document: blocks inside the text")
    get_json(base, "/api/documents/" + urllib.parse.quote("no such doc"), status=404)

    # POST /api/code: JSON and text/plain; nothing stored.
    before = get_json(base, "/api/health")["events"]
    body = json.dumps({"text": "استقبل الرئيس المصري عبد الفتاح السيسي وزير الخارجية الإيراني في القاهرة.",
                       "date": "2024-05-01"}).encode()
    code, hdrs, out = request(base, "/api/code", "POST", body, {"Content-Type": "application/json"})
    res = json.loads(out)
    check(code == 200 and res["events"] and res["events"][0]["cameo"].startswith("04"), f"POST /api/code: {out[:300]!r}")
    check(any(s["kind"] == "place" for s in res["spans"]), "code: place span")
    code, _, out = request(base, "/api/code", "POST", "التقى لافروف ظريف في موسكو.".encode(),
                           {"Content-Type": "text/plain; charset=utf-8"}, params={"date": "2024-01-02"})
    check(code == 200 and json.loads(out)["date"] == "2024-01-02", f"text/plain code: {out[:200]!r}")
    check(get_json(base, "/api/health")["events"] == before, "POST /api/code stores nothing")

    # Errors: 400 with a JSON message.
    bad = [("/api/events", {"limit": "0"}), ("/api/events", {"limit": "100000"}), ("/api/events", {"limit": "ten"}),
           ("/api/events", {"from": "2015-13-01"}), ("/api/events", {"from": "yesterday"}),
           ("/api/events", {"from": "2016-01-01", "to": "2015-01-01"}), ("/api/events", {"quad": "5"}),
           ("/api/events", {"root": "21"}), ("/api/events", {"root": "4"}), ("/api/events", {"country": "SAUDI"}),
           ("/api/events", {"cursor": "garbage"}), ("/api/events", {"cursor": "2015-07-20.x"}),
           ("/api/events", {"nope": "1"}), ("/api/events", {"limit": ["1", "2"]}), ("/api/events", {"q": " "}),
           ("/api/events", {"q": "x" * 201}), ("/api/events", {"actor": ["A", "B", "C", "D", "E"]}),
           ("/api/timeline", {"by": "hour"}), ("/api/actors", {"limit": "101"}), ("/api/events/abc", None),
           ("/api/events/-1", None), ("/api/health", {"x": "1"})]
    for path, params in bad:
        r = get_json(base, path, params, status=400)
        check(isinstance(r.get("error"), str) and r["error"], f"{path} {params}: an error message")
    get_json(base, "/api/events/999999", status=404)
    get_json(base, "/api/nothing", status=404)
    code, _, _ = request(base, "/api/events", "DELETE")
    check(code == 405, f"DELETE /api/events: {code}")
    code, _, _ = request(base, "/api/code", "GET")
    check(code == 405, f"GET /api/code: {code}")
    code, _, out = request(base, "/api/code", "POST", b"{not json", {"Content-Type": "application/json"})
    check(code == 400, f"bad JSON: {code}")
    code, _, out = request(base, "/api/code", "POST", json.dumps({"txt": "x"}).encode(), {"Content-Type": "application/json"})
    check(code == 400, f"JSON without text: {code}")
    code, _, out = request(base, "/api/code", "POST", json.dumps({"text": "x", "date": "2024-02-30"}).encode(),
                           {"Content-Type": "application/json"})
    check(code == 400, f"bad date: {code} {out!r}")
    code, _, out = request(base, "/api/code", "POST", b"   ", {"Content-Type": "text/plain"})
    check(code == 400, f"empty text: {code}")
    code, _, out = request(base, "/api/code", "POST", b"\xff\xfe\xfa", {"Content-Type": "text/plain"})
    check(code == 400, f"invalid UTF-8: {code}")
    code, _, out = request(base, "/api/code", "POST", b"x", {"Content-Type": "image/png"})
    check(code == 415, f"unsupported media type: {code}")
    code, _, out = request(base, "/api/code", "POST", b"a" * (2 << 20), {"Content-Type": "text/plain"})
    check(code == 413 and b"larger than" in out, f"oversize body: {code} {out[:100]!r}")
    code, _, out = request(base, "/api/code", "POST", ("ب " * 120000).encode(), {"Content-Type": "text/plain"})
    check(code == 413, f"text over the character limit: {code}")

    # SQL injection attempts in every text parameter: rejected or harmless, never an error.
    for s in INJECTIONS:
        for path, name in [("/api/events", "q"), ("/api/events", "doc"), ("/api/events", "actor"),
                           ("/api/events", "country"), ("/api/events", "root"), ("/api/events", "cursor"),
                           ("/api/events", "from"), ("/api/dyads", "q"), ("/api/timeline", "actor"),
                           ("/api/actors", "q"), ("/api/places", "q"), ("/api/documents", "doc")]:
            code, _, out = request(base, path, params={name: s})
            check(code in (200, 400), f"{path}?{name}={s!r}: {code}")
            if code == 200:
                r = json.loads(out)
                rows = next(iter(v for v in r.values() if isinstance(v, list)), [])
                check(len(rows) == 0, f"{path}?{name}={s!r} returned rows: {rows[:1]}")
        code, _, _ = request(base, "/api/documents/" + urllib.parse.quote(s, safe=""))
        check(code in (400, 404), f"/api/documents/{s!r}: {code}")
        code, _, _ = request(base, "/api/events/" + urllib.parse.quote(s, safe=""))
        check(code == 400, f"/api/events/{s!r}: {code}")
    check(get_json(base, "/api/health")["events"] == before, "the tables are intact after the injections")

    # Metrics and headers.
    code, hdrs, out = request(base, "/metrics")
    text = out.decode()
    check(code == 200 and hdrs.get("Content-Type", "").startswith("text/plain"), "metrics content type")
    check("# TYPE hadath_http_requests_total counter" in text and 'route="/api/events"' in text, "metrics counters")
    check(re.search(r'hadath_http_requests_total\{route="/api/events",method="GET",status="400"\} \d+', text), "400s counted")
    check(re.search(r"^hadath_store_events \d+", text, re.M), "store gauges")
    check('hadath_http_request_duration_seconds_bucket{route="/api/events",le="+Inf"}' in text, "latency histogram")
    code, hdrs, _ = request(base, "/api/health", headers={"Origin": "http://evil.example"})
    check("Access-Control-Allow-Origin" not in hdrs, "CORS off by default")
    check(hdrs.get("X-Content-Type-Options") == "nosniff", "nosniff")
    code, _, _ = request(base, "/api/events", "OPTIONS", headers={"Origin": "http://evil.example"})
    check(code == 405, f"preflight refused when CORS is off: {code}")
    code, hdrs, out = request(base, "/")
    check(code == 200 and hdrs.get("Content-Type", "").startswith("text/html"), f"/ is a page: {code}")
    code, _, _ = request(base, "/../../etc/passwd")
    check(code in (400, 404) or b"root:" not in _, "no path traversal")


def test_token_and_cors(db):
    srv = Server(db, "--token", "s3cret-token", "--cors", "http://app.example")
    try:
        b = srv.base
        for path in ("/api/health", "/api/events", "/metrics", "/", "/api/events/1", "/api/documents/fx-english"):
            code, hdrs, _ = request(b, path)
            check(code == 401 and "Bearer" in hdrs.get("WWW-Authenticate", ""), f"{path} without token: {code}")
        code, _, _ = request(b, "/api/health", headers={"Authorization": "Bearer wrong"})
        check(code == 401, "wrong token")
        code, _, _ = request(b, "/api/code", "POST", b"x", {"Content-Type": "text/plain"})
        check(code == 401, "POST without token")
        code, hdrs, _ = request(b, "/api/health", headers={"Authorization": "Bearer s3cret-token"})
        check(code == 200, f"right token: {code}")
        check(hdrs.get("Access-Control-Allow-Origin") == "http://app.example", "CORS header when --cors")
        code, _, _ = request(b, "/api/health", params={"token": "s3cret-token"})
        check(code == 200, "token as a query parameter")
        code, hdrs, _ = request(b, "/api/events", "OPTIONS", headers={"Origin": "http://app.example"})
        check(code == 204 and "Authorization" in hdrs.get("Access-Control-Allow-Headers", ""), f"preflight: {code}")
    finally:
        srv.stop()


def main():
    signal.signal(signal.SIGALRM, lambda *_: sys.exit("api_test: time limit (240 s) reached"))
    signal.alarm(240)
    with tempfile.TemporaryDirectory(prefix="hadath-serve-") as tmp:
        db = os.path.join(tmp, "fx.db")
        inputs = [os.path.join(ROOT, "examples"), os.path.join(ROOT, "tests", "server", "fixtures.jsonl")]
        if os.path.exists(SEED):
            inputs.append(SEED)
        subprocess.run([HADATH, "ingest", "-q", "--db", db, *inputs], check=True)
        # A missing database is refused (exit 2), not created.
        r = subprocess.run(["timeout", "20", HADATH, "serve", "--db", os.path.join(tmp, "none.db"), "--port", "0"],
                           capture_output=True, text=True)
        check(r.returncode == 2 and not os.path.exists(os.path.join(tmp, "none.db")), f"missing db: {r.returncode} {r.stderr}")
        srv = Server(db)
        try:
            test_api(srv.base, db)
        finally:
            rc = srv.stop()
            check(rc == 0, f"serve exits 0 on SIGTERM, got {rc}")
        test_token_and_cors(db)
    print(f"api_test: {CHECKS - len(FAILS)}/{CHECKS} checks passed")
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
