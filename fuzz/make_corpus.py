#!/usr/bin/env python3
"""Regenerates the seed corpora fuzz/corpus/<target>/ from the test fixtures and data/.

GENERATED corpora: run `python3 fuzz/make_corpus.py` from the repository root after the
fixtures change; the output is deterministic. Sources: tests/fixtures/html, examples/,
tests/server/fixtures.jsonl, the inputs of tests/golden/**/*.test, data/*.tsv, and
WARC/gzip/HTTP shapes built here from those pages (the same shapes as
tests/unit/ingest_test.cc: member-per-record .warc.gz, chunked and gzip bodies,
windows-1256, UTF-16, a wrong Content-Length, a truncated member).
"""
import glob
import gzip
import hashlib
import io
import json
import os
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fuzz", "corpus")


def read(rel):
    with open(os.path.join(ROOT, rel), "rb") as f:
        return f.read()


def gz(data):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as g:
        g.write(data)
    return buf.getvalue()


corpus = {}


def add(target, data, name=None):
    corpus.setdefault(target, {})
    key = name or hashlib.sha1(data).hexdigest()[:16]
    corpus[target][key] = data


def golden_inputs():
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/golden/**/*.test"), recursive=True)):
        text = open(path, encoding="utf-8").read()
        for block in text.split("\n=== ")[1:]:
            body = block.split("\n", 1)[1] if "\n" in block else ""
            inp = body.split("\n----", 1)[0].strip()
            if inp:
                out.append(inp.encode("utf-8"))
    return out


pages = {os.path.basename(p): read(os.path.relpath(p, ROOT))
         for p in sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/html/*.html")) +
                         glob.glob(os.path.join(ROOT, "examples/*")))}
htmls = [v for k, v in pages.items() if k.endswith(".html")]
texts = [v for k, v in pages.items() if k.endswith(".txt")]
sentences = golden_inputs()


def http(status, ctype, body, chunked=False, gzipped=False):
    h = b"HTTP/1.1 %d OK\r\nServer: test\r\nContent-Type: %s\r\n" % (status, ctype)
    if gzipped:
        body = gz(body)
        h += b"Content-Encoding: gzip\r\n"
    if not chunked:
        return h + b"Content-Length: %d\r\n\r\n" % len(body) + body
    out = b""
    for i in range(0, len(body), 700):
        piece = body[i:i + 700]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return h + b"Transfer-Encoding: chunked\r\n\r\n" + out + b"0\r\n\r\n"


def record(rtype, uri, ctype, block, n, delta=0):
    h = (b"WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\n"
         b"WARC-Date: 2024-05-0%dT10:00:00Z\r\n" % (rtype, n, 1 + n % 9))
    if uri:
        h += b"WARC-Target-URI: " + uri + b"\r\n"
    h += b"Content-Type: " + ctype + b"\r\nContent-Length: %d\r\n\r\n" % (len(block) + delta)
    return h + block + b"\r\n\r\n"


# --- warc
recs = [record(b"warcinfo", b"", b"application/warc-fields", b"software: test\r\n", 0)]
for i, page in enumerate(htmls):
    recs.append(record(b"request", b"https://x.example/%d" % i, b"application/http; msgtype=request",
                       b"GET / HTTP/1.1\r\nHost: x.example\r\n\r\n", 10 + i))
    resp = http(200, b"text/html; charset=UTF-8", page, chunked=i % 2 == 0, gzipped=i == 1)
    recs.append(record(b"response", b"https://x.example/%d" % i, b"application/http; msgtype=response", resp, 20 + i))
pan = pages.get("panarab_ar.html", b"")
recs.append(record(b"response", b"https://x.example/1256", b"application/http; msgtype=response",
                   http(200, b"text/html; charset=windows-1256",
                        pan.decode("utf-8").encode("cp1256", "replace")), 30))
recs.append(record(b"resource", b"file:///a.txt", b"text/plain", texts[0] if texts else b"x", 31))
recs.append(record(b"response", b"https://x.example/404", b"application/http; msgtype=response",
                   http(404, b"text/html", b"<p>gone</p>"), 32))
recs.append(record(b"response", b"https://x.example/bad", b"application/http; msgtype=response",
                   http(200, b"text/html", b"<p>short</p>"), 33, delta=7))
add("warc", b"".join(recs), "crawl.warc")
add("warc", b"".join(gz(r) for r in recs), "crawl.warc.gz")
add("warc", gz(b"".join(recs)), "one-stream.warc.gz")
add("warc", b"".join(gz(r) for r in recs[:3]) + gz(recs[3])[:-40] + gz(recs[4]), "truncated-member.warc.gz")
for i, r in enumerate(recs[1:6]):
    add("warc", r, "record-%d.warc" % i)
add("warc", http(200, b"text/html", htmls[0], chunked=True, gzipped=True), "http-chunked-gzip")

# --- jsonl
lines = [l for l in read("tests/server/fixtures.jsonl").split(b"\n") if l.strip()]
more = [json.dumps({"id": "h%d" % i, "url": "https://x.example/%d" % i, "date": "2024-01-0%d" % (1 + i),
                    "html": p.decode("utf-8", "replace")}, ensure_ascii=False).encode()
        for i, p in enumerate(htmls)]
add("jsonl", b"\n".join(lines) + b"\n", "fixtures.jsonl")
add("jsonl", gz(b"\n".join(lines + more) + b"\n"), "fixtures.jsonl.gz")
add("jsonl", gz(b"\n".join(lines[:2]) + b"\n") + gz(b"\n".join(lines[2:]) + b"\n"), "members.jsonl.gz")
add("jsonl", b'{"id":"x","text":"a"}\nnot json\n{"id":"y"}\n{"text":1}\n\n{"title":"t","text":"\\u0627\\ud800"}\n',
    "bad-lines.jsonl")

# --- html (first byte: bit 0 HTML, bit 1 a crawl date), encoding (first byte: label, html)
for k, v in pages.items():
    add("html", (b"\x03" if k.endswith(".html") else b"\x00") + v, k)
add("html", b"\x01" + b"<div>" * 300 + b"x" + b"</div>" * 300, "deep-300")
add("html", b"\x01" + pan.decode("utf-8").encode("cp1256", "replace"), "panarab-1256.html")
add("html", b"\x01" + pan.decode("utf-8").encode("utf-16"), "panarab-utf16.html")
for i, (k, v) in enumerate(pages.items()):
    add("encoding", bytes([0x20 | (i & 15)]) + v, k)
arabic = "استقبل الرئيس المصري وزير الخارجية في القاهرة يوم الأحد 27 أكتوبر 2023"
add("encoding", b"\x02" + arabic.encode("cp1256"), "cp1256")
add("encoding", b"\x03" + arabic.encode("iso8859_6", "replace"), "iso8859-6")
add("encoding", b"\x00" + arabic.encode("utf-16-le"), "utf16le-nobom")
add("encoding", b"\x00" + arabic.encode("utf-16-be"), "utf16be-nobom")
add("encoding", b"\x00\xef\xbb\xbf" + arabic.encode(), "utf8-bom")
add("encoding", b"\x20<meta charset=windows-1256>" + arabic.encode("cp1256"), "meta-1256")

# --- text, dates (first byte(s): options / the document date)
for s in sentences:
    add("text", b"\x01" + s)
    add("dates", b"\x4a\x10" + s)
for t in texts:
    add("text", b"\x00" + t, "scraped")
for s in ["الجمعة 27 أكتوبر 2023", "27 تشرين الأول 2023", "٢٧/١٠/٢٠٢٣", "12 ربيع الآخر 1445 هـ",
          "12/4/1445هـ", "5 جانفي 2021", "October 27, 2023", "Oct. 7", "2023-10-27T09:00:00Z",
          "نشر في 27 أكتوبر/تشرين الأول 2023م", "أمس الخميس", "27th of October", "10/27/2023",
          "التقى الوزير نظيره أمس في الرياض، وسيزور القاهرة الخميس"]:
    add("dates", b"\x4a\x10" + s.encode())

# --- dict (first byte: which data file, in sorted order of data/**/*.tsv)
files = sorted(os.path.relpath(p, os.path.join(ROOT, "data"))
               for p in glob.glob(os.path.join(ROOT, "data/**/*.tsv"), recursive=True))
for i, f in enumerate(files):
    data = read("data/" + f)
    keep, rows = [], 0
    for line in data.split(b"\n"):
        if line.startswith(b"#") or not line.strip():
            continue
        keep.append(line)
        rows += 1
        if rows > 30:
            break
    add("dict", bytes([i]) + b"\n".join(keep) + b"\n", f.replace("/", "_"))

# --- http (a raw request)
for req in [b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n",
            b"GET /api/events?actor=SAU&root=19&limit=1 HTTP/1.1\r\n\r\n",
            b"GET /api/events?actor=SAU,YEM&from=2015-07-01&to=2015-08-01&cursor=2015-07-21.2 HTTP/1.1\r\n\r\n",
            b"GET /api/events/1 HTTP/1.1\r\n\r\n",
            b"GET /api/dyads?country=YEM&quad=4&limit=5 HTTP/1.1\r\n\r\n",
            b"GET /api/timeline?actor=IRN&actor=SAU&by=month HTTP/1.1\r\n\r\n",
            b"GET /api/actors?q=SA HTTP/1.1\r\n\r\n",
            b"GET /api/places?q=%D8%B5%D9%86%D8%B9%D8%A7%D8%A1 HTTP/1.1\r\n\r\n",
            b"GET /api/documents?limit=2 HTTP/1.1\r\n\r\n",
            b"GET /api/documents/fx-yemen-strikes HTTP/1.1\r\n\r\n",
            b"GET /metrics HTTP/1.1\r\n\r\n",
            b"GET /api/events?actor=ISR'%20--&limit=0 HTTP/1.1\r\n\r\n",
            "POST /api/code HTTP/1.1\r\nContent-Type: application/json\r\n\r\n"
            '{"text":"التقى وزير الخارجية الروسي سيرغي لافروف نظيره الإيراني في موسكو.","date":"2024-01-02"}'.encode(),
            "POST /api/code?date=2015-07-21 HTTP/1.1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            "قصفت القوات السعودية مواقع للحوثيين في صنعاء أمس.".encode()]:
    add("http", req)

if os.path.isdir(OUT):
    shutil.rmtree(OUT)
for target, files_ in sorted(corpus.items()):
    os.makedirs(os.path.join(OUT, target))
    for name, data in sorted(files_.items()):
        with open(os.path.join(OUT, target, name), "wb") as f:
            f.write(data)
print(" ".join("%s:%d" % (t, len(f)) for t, f in sorted(corpus.items())), file=sys.stderr)
