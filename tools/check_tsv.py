#!/usr/bin/env python3
"""Validate hadath's TSV data files.

Usage (from the repo root):
    python3 tools/check_tsv.py [FILE ...]

Without arguments the files listed in SCHEMAS are checked. Generic checks for any file
given: UTF-8 without BOM or CR, '#' comment lines, the first other line is the header,
every row has exactly the header's columns, no field has leading/trailing or doubled
spaces. For files with a schema also: '|' lists have no empty or repeated items, the
first column is unique.
Known files get schema checks (required columns, codes, coordinates, cross-file
references); see SCHEMAS. Errors make the exit status 1; warnings do not.
Standard library only.
"""
import glob
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PLACE_COLUMNS = ["id", "name_en", "names_ar", "country", "lat", "lon",
                 "geonames_id", "population", "feature", "capital"]

# file (relative to the repo root) -> schema
SCHEMAS = {
    "data/cameo.tsv": {
        "columns": ["code", "root", "level", "quad_class", "goldstein",
                    "plover_event", "plover_mode", "label"],
        "required": ["code", "root", "level", "quad_class", "goldstein", "label"],
    },
    "data/geo/countries.tsv": {
        "columns": ["code", "iso2", "name_en", "name_ar", "lat", "lon", "wikidata"],
        "required": ["code", "name_en", "name_ar", "lat", "lon"],
    },
    "data/geo/places.tsv": {
        "columns": PLACE_COLUMNS,
        "required": ["id", "name_en", "names_ar", "country", "lat", "lon", "feature", "capital"],
        "lists": ["names_ar"],
    },
    "data/geo/regions.ar.tsv": {
        "columns": PLACE_COLUMNS,
        "required": ["id", "name_en", "names_ar", "lat", "lon", "feature", "capital"],
        "lists": ["names_ar"],
    },
    "data/ar/countries.tsv": {
        "columns": ["code", "name_en", "names_ar", "demonyms_ar", "capital_ar"],
        "required": ["code", "name_en", "names_ar"],
        "lists": ["names_ar", "demonyms_ar", "capital_ar"],
    },
}

ARABIC_LETTERS = re.compile(r"^[\u0621-\u064A\u0671 ]+$")
ARABIC_NAME = re.compile(r"^[\u0621-\u064A\u0671 0-9-]+$")  # place names: digits, hyphens
DIACRITICS = re.compile(r"[\u064B-\u0652\u0640]")


def normalize_ar(s):
    """The matcher's letter normalization, for collision checks."""
    s = DIACRITICS.sub("", s)
    s = re.sub("[أإآٱ]", "ا", s)
    return s.replace("ؤ", "و").replace("ئ", "ي").replace("ة", "ه").replace("ى", "ي")


class Report:
    def __init__(self):
        self.errors = 0
        self.warnings = 0

    def error(self, path, line, msg):
        self.errors += 1
        print("%s:%s: error: %s" % (path, line, msg))

    def warn(self, path, line, msg):
        self.warnings += 1
        print("%s:%s: warning: %s" % (path, line, msg))


def read_table(path, rep):
    """Return (header, [(line_no, {col: value})]) or (None, [])."""
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        rep.error(path, 1, "UTF-8 BOM")
    if b"\r" in raw:
        rep.error(path, 1, "CR line endings")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        rep.error(path, 0, "not UTF-8: %s" % e)
        return None, []
    if text and not text.endswith("\n"):
        rep.error(path, 0, "no newline at end of file")
    header, rows = None, []
    for no, line in enumerate(text.split("\n"), 1):
        if line == "" or line.startswith("#"):
            continue
        fields = line.split("\t")
        if header is None:
            header = fields
            if len(set(header)) != len(header):
                rep.error(path, no, "repeated column name in header")
            continue
        if len(fields) != len(header):
            rep.error(path, no, "%d fields, header has %d" % (len(fields), len(header)))
            continue
        rows.append((no, dict(zip(header, fields))))
    if header is None:
        rep.error(path, 0, "no header line")
    return header, rows


def generic_checks(path, header, rows, schema, rep):
    seen = {}
    lists = schema.get("lists", []) if schema else []
    for no, r in rows:
        for col, v in r.items():
            if v != v.strip() or "  " in v:
                rep.error(path, no, "%s: stray whitespace in %r" % (col, v))
            if col in lists and v:
                items = v.split("|")
                if any(i.strip() == "" or i != i.strip() for i in items):
                    rep.error(path, no, "%s: empty or padded item in %r" % (col, v))
                bare = [i.lstrip("*") for i in items]
                if len(set(map(normalize_ar, bare))) != len(bare):
                    rep.warn(path, no, "%s: items equal after normalization: %s" % (col, v))
                for i in bare:
                    if not ARABIC_NAME.match(i):
                        rep.error(path, no, "%s: non-Arabic characters in %r" % (col, i))
                    elif not ARABIC_LETTERS.match(i):
                        rep.warn(path, no, "%s: digit or hyphen in %r" % (col, i))
        key = r[header[0]]
        if schema and key in seen:
            rep.error(path, no, "%s %r repeats line %d" % (header[0], key, seen[key]))
        seen[key] = no
    if schema:
        if header != schema["columns"]:
            rep.error(path, 0, "header %s, expected %s" % (header, schema["columns"]))
            return False
        for no, r in rows:
            for col in schema["required"]:
                if not r.get(col):
                    rep.error(path, no, "empty required column %s" % col)
    return True


def check_coords(path, no, r, rep):
    try:
        lat, lon = float(r["lat"]), float(r["lon"])
    except ValueError:
        rep.error(path, no, "lat/lon not numbers: %r %r" % (r["lat"], r["lon"]))
        return
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        rep.error(path, no, "lat/lon out of range")


def load_codes():
    path = os.path.join(REPO, "data/geo/countries.tsv")
    if not os.path.exists(path):
        return None
    _, rows = read_table(path, Report())
    return {r["code"] for _, r in rows}


def check_cameo(path, rows, rep):
    for no, r in rows:
        c = r["code"]
        if not c.isdigit() or not c.startswith(r["root"]) or len(r["root"]) != 2:
            rep.error(path, no, "bad code/root %s/%s" % (c, r["root"]))
        if r["level"] not in ("1", "2", "3") or r["quad_class"] not in ("1", "2", "3", "4"):
            rep.error(path, no, "bad level or quad_class")
        try:
            g = float(r["goldstein"])
            if not -10 <= g <= 10:
                rep.error(path, no, "goldstein out of range")
        except ValueError:
            rep.error(path, no, "goldstein not a number")


def check_places(path, rows, rep, codes, rel, place_ids):
    for no, r in rows:
        check_coords(path, no, r, rep)
        if codes is not None and r["country"] and r["country"] not in codes:
            # Natural Earth places may sit in territories its country table lacks (GIB, SJM)
            (rep.warn if rel.endswith("/places.tsv") else rep.error)(
                path, no, "country code %s not in data/geo/countries.tsv" % r["country"])
        if r["geonames_id"] and not r["geonames_id"].isdigit():
            rep.error(path, no, "geonames_id not a number")
        if r["population"] and not r["population"].isdigit():
            rep.error(path, no, "population not an integer")
        if r["capital"] not in ("0", "1"):
            rep.error(path, no, "capital must be 0 or 1")
        # (places.tsv: Natural Earth ne:, and GeoNames gn: towns of tools/import_gazetteer.py)
        prefixes = ("hd:",) if rel.endswith("regions.ar.tsv") else ("ne:", "gn:")
        if not r["id"].startswith(prefixes):
            rep.error(path, no, "id must start with %s" % " or ".join(prefixes))
        if r["id"] in place_ids and place_ids[r["id"]] != rel:
            rep.error(path, no, "id %s also in %s" % (r["id"], place_ids[r["id"]]))
        place_ids.setdefault(r["id"], rel)


def check_ar_countries(path, rows, rep, codes):
    owner = {}
    for no, r in rows:
        if codes is not None and r["code"] not in codes:
            rep.error(path, no, "code %s not in data/geo/countries.tsv" % r["code"])
        for col in ("names_ar", "demonyms_ar", "capital_ar"):
            for item in filter(None, r[col].split("|")):
                key = normalize_ar(item.lstrip("*"))
                prev = owner.get(key)
                if prev and prev[0] != r["code"]:
                    rep.warn(path, no, "%r (%s) also %s of %s (line %d)"
                             % (item, col, prev[1], prev[0], prev[2]))
                owner.setdefault(key, (r["code"], col, no))
        for d in filter(None, r["demonyms_ar"].split("|")):
            if d.startswith("ال"):
                rep.warn(path, no, "demonym %r looks like it carries the article" % d)


def main(argv):
    files = argv or [os.path.join(REPO, f) for f in sorted(SCHEMAS)
                     if os.path.exists(os.path.join(REPO, f))]
    rep = Report()
    codes = load_codes()
    place_ids = {}
    for path in files:
        rel = os.path.relpath(os.path.abspath(path), REPO)
        schema = SCHEMAS.get(rel)
        header, rows = read_table(path, rep)
        if header is None:
            continue
        if not generic_checks(rel, header, rows, schema, rep):
            continue
        if rel == "data/cameo.tsv":
            check_cameo(rel, rows, rep)
        elif rel == "data/geo/countries.tsv":
            for no, r in rows:
                check_coords(rel, no, r, rep)
        elif rel in ("data/geo/places.tsv", "data/geo/regions.ar.tsv"):
            check_places(rel, rows, rep, codes, rel, place_ids)
        elif rel == "data/ar/countries.tsv":
            check_ar_countries(rel, rows, rep, codes)
        print("%s: %d rows%s" % (rel, len(rows), "" if schema else " (no schema)"))
    print("%d error(s), %d warning(s)" % (rep.errors, rep.warnings))
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
