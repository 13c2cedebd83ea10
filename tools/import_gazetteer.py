#!/usr/bin/env python3
"""Generate data/geo/countries.tsv and data/geo/places.tsv from Natural Earth.

Usage (from the repo root):
    python3 tools/import_gazetteer.py [--shared ../shared] [--outdir data/geo]

Source: <shared>/reference/gazetteer/naturalearth/{countries,places}.tsv (Natural Earth,
public domain). Country codes are CAMEO country codes, i.e. ISO 3166-1 alpha-3, except:
  * Natural Earth's PSX (Palestine) becomes PSE;
  * where iso_a3 is "-99" the NE adm0_a3 is used, with known NE quirks fixed
    (France -> FRA/FR, Norway -> NOR/NO, Kosovo -> XKX/XK);
  * places are keyed by NE adm0_a3, which is mapped through the countries table
    (so SDS -> SSD, SAH -> ESH, KOS -> XKX, PSX -> PSE ...), then coded by recognised
    sovereignty: Somaliland -> SOM, N. Cyprus -> CYP, Crimea -> UKR, places south of
    27°40'N filed under Morocco -> ESH.
Cities of Jordan and the Gulf states that Natural Earth lacks (Irbid, Zarqa, Sharjah,
Salalah, Buraydah...) are added from GeoNames (<shared>/reference/gazetteer/geonames/
cities15000.txt.gz, CC BY 4.0): population at least GEONAMES_MIN_POP, Arabic-script alternate
names only, ids "gn:<geonames id>" (see add_geonames_cities).
Output is sorted and deterministic. Standard library only.
"""
import gzip
import argparse
import csv
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NE_REL = "reference/gazetteer/naturalearth"
GN_REL = "reference/gazetteer/geonames/cities15000.txt.gz"

COUNTRY_COLUMNS = ["code", "iso2", "name_en", "name_ar", "lat", "lon", "wikidata"]
PLACE_COLUMNS = ["id", "name_en", "names_ar", "country", "lat", "lon",
                 "geonames_id", "population", "feature", "capital"]

# NE adm0_a3 -> (CAMEO code, ISO alpha-2) where NE's iso_a3/iso_a2 are wrong or "-99".
CODE_FIXES = {
    "PSX": ("PSE", "PS"),
    "FRA": ("FRA", "FR"),
    "NOR": ("NOR", "NO"),
    "KOS": ("XKX", "XK"),
}

FEATURES = {
    "Admin-0 capital": "admin0_capital",
    "Admin-0 capital alt": "admin0_capital_alt",
    "Admin-0 region capital": "admin0_region_capital",
    "Admin-1 capital": "admin1_capital",
    "Admin-1 region capital": "admin1_region_capital",
    "Populated place": "populated_place",
    "Scientific station": "scientific_station",
    "Historic place": "historic_place",
}

# Places are coded by internationally recognised sovereignty (as CAMEO/GDELT do), not by
# Natural Earth's de facto view: NE entities without a UN seat fold into their state, and
# NE 5.0 files Sevastopol under Russia and Laayoune under Morocco.
PLACE_COUNTRY_FIXES = {"SOL": "SOM", "CYN": "CYP"}
WESTERN_SAHARA_NORTH = 27.667  # 27°40'N, the Morocco / Western Sahara line


def place_country(r, code):
    if clean(r["adm1name"]) == "Crimea":
        return "UKR"
    if code == "MAR" and float(r["latitude"]) < WESTERN_SAHARA_NORTH:
        return "ESH"
    return PLACE_COUNTRY_FIXES.get(code, code)


AR_SPLIT = re.compile(r"\s*[،,]\s*")


def clean(value):
    """Collapse whitespace (tabs, newlines, doubled spaces) and strip."""
    return " ".join((value or "").replace("_", " ").split())


def missing(value):
    return value in ("", "-99", "-1")


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(
            (line for line in f if not line.startswith("#")),
            delimiter="\t", quoting=csv.QUOTE_NONE)
        return list(reader)


def coord(value, ndigits):
    x = float(value)
    s = ("%." + str(ndigits) + "f") % x
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def country_code(r):
    a3 = clean(r["adm0_a3"])
    if a3 in CODE_FIXES:
        return CODE_FIXES[a3]
    iso3 = clean(r["iso_a3"])
    iso2 = clean(r["iso_a2"])
    code = a3 if missing(iso3) else iso3
    return code, ("" if missing(iso2) else iso2)


def build_countries(rows):
    out = []
    adm0_map = {}
    for r in rows:
        code, iso2 = country_code(r)
        adm0_map[clean(r["adm0_a3"])] = code
        out.append({
            "code": code,
            "iso2": iso2,
            "name_en": clean(r["name_long"]) or clean(r["name"]),
            "name_ar": clean(r["name_ar"]),
            "lat": coord(r["centroid_lat"], 3),
            "lon": coord(r["centroid_lon"], 3),
            "wikidata": "" if missing(clean(r["wikidataid"])) else clean(r["wikidataid"]),
        })
    codes = [c["code"] for c in out]
    dups = sorted({c for c in codes if codes.count(c) > 1})
    if dups:
        sys.exit("duplicate country codes after mapping: %s" % ", ".join(dups))
    out.sort(key=lambda c: c["code"])
    return out, adm0_map


def arabic_names(raw):
    """Arabic name(s) of a place.

    Natural Earth copies Wikipedia titles, which disambiguate with a trailing
    "، <country or province>" ("سان خوسيه، كاليفورنيا", "بومبو، أوغندا"); no name in the
    file is a genuine list. The first part is the city name as written in text.
    """
    name = clean(raw)
    if not name:
        return []
    first = AR_SPLIT.split(name)[0].strip()
    return [first] if first else []


# Arabic names Natural Earth gives to small places that Arabic news uses as given names or
# common words far more often than as those places: «جورج» (George, ZAF), «سالم» (Salem,
# IND), «ديفيد» (David, PAN)... A name is dropped from the place; a place left without
# names is dropped. Found by `hadath mentions` on the GSR sentences; keep the list short.
NAME_STOPLIST = {
    "جورج", "سالم", "ديفيد", "ماري", "بيير", "كاترين", "نانسي", "ستانلي", "غريفيث", "بارو", "لاي",
    "ميرو", "هاميلتون",
    # with a clitic they spell common words: «بنوك» banks (Nuuk), «كبيرا» big (Beira),
    # «فرانس برس» (Reims)
    "نوك", "بيرا", "رانس",
    # «ماليه» (Malé, MDV) is «مالية» after teh marbuta folding: «المالية» (Malian, fem.;
    # financial) — «بالعاصمة المالية» is Bamako, «وزارة المالية» the finance ministry
    "ماليه",
}


def build_places(rows, adm0_map):
    out = []
    unnumbered = []
    for r in rows:
        names = [n for n in arabic_names(r["name_ar"]) if n not in NAME_STOPLIST]
        if not names:
            continue
        a3 = clean(r["adm0_a3"])
        ne_country = adm0_map.get(a3, CODE_FIXES.get(a3, (a3,))[0])
        country = place_country(r, ne_country)
        # a folded entity's capital (Hargeisa) is not the capital of the state it folds into
        is_capital = clean(r["adm0cap"]) in ("1", "1.0") and ne_country not in PLACE_COUNTRY_FIXES
        gid = clean(r["geonamesid"])
        gid = gid if gid.isdigit() and int(gid) > 0 else ""
        wd = clean(r["wikidataid"])
        wd = wd if re.fullmatch(r"Q\d+", wd) else ""
        pop = clean(r["pop_max"])
        try:
            pop = str(int(float(pop))) if pop and float(pop) > 0 else ""
        except ValueError:
            pop = ""
        feat = clean(r["featurecla"])
        rec = {
            "id": "ne:" + gid if gid else ("ne:" + wd if wd else ""),
            "name_en": clean(r["name"]),
            "names_ar": "|".join(names),
            "country": country,
            "lat": coord(r["latitude"], 4),
            "lon": coord(r["longitude"], 4),
            "geonames_id": gid,
            "population": pop,
            "feature": FEATURES.get(feat, re.sub(r"[^a-z0-9]+", "_", feat.lower()).strip("_")),
            "capital": "1" if is_capital else "0",
        }
        out.append(rec)
        if not rec["id"]:
            unnumbered.append(rec)
    # Running numbers for places with neither id, assigned in a stable order.
    unnumbered.sort(key=lambda p: (p["country"], p["name_en"], p["lat"], p["lon"]))
    for i, p in enumerate(unnumbered, 1):
        p["id"] = "ne:%d" % i
    ids = [p["id"] for p in out]
    dups = sorted({i for i in ids if ids.count(i) > 1})
    for d in dups:  # the same GeoNames/Wikidata id twice: disambiguate deterministically
        same = sorted((p for p in out if p["id"] == d),
                      key=lambda p: (p["name_en"], p["lat"], p["lon"]))
        for k, p in enumerate(same[1:], 2):
            p["id"] = "%s-%d" % (d, k)
    out.sort(key=lambda p: (p["country"], p["name_en"], p["id"]))
    return out, len(unnumbered), dups


# GeoNames supplement: the countries (ISO alpha-2 -> CAMEO code) whose larger towns Arabic news
# reports and Natural Earth leaves out, and the smallest population taken.
GEONAMES_COUNTRIES = {"JO": "JOR", "SA": "SAU", "AE": "ARE", "KW": "KWT", "QA": "QAT",
                      "BH": "BHR", "OM": "OMN"}
GEONAMES_MIN_POP = 50000
GEONAMES_FEATURES = {"PPLA": "admin1_capital", "PPLC": "admin0_capital"}
ARABIC_NAME = re.compile(r"^[\u0621-\u064A]+(?: [\u0621-\u064A]+)*$")
# GeoNames alternate names that Arabic news uses as common words or for better-known places
# elsewhere: «الخبر» (the news; Khobar), «صور» (pictures; Tyre, LBN), «بوشر» (was begun),
# «حولي» (around me), «المذنب» (the guilty), «معان» (meanings), «ينبع» (springs), «الرقة»
# (Raqqa, SYR), «السالمية» (Salamiyah, SYR), «زرقاء» (blue), «محرق» (burning), and spellings
# without the article or with a final heh that match words («خبر», «عقبه», «دمام»).
GEONAMES_NAME_STOPLIST = {
    "الخبر", "خبر", "صور", "بوشر", "حولي", "المذنب", "معان", "ينبع", "الرقة", "السالمية",
    "زرقاء", "محرق", "عقبه", "دمام", "شارجه", "فجيرة", "ظهران", "صبيا", "الاحمدي", "الريان",
    "صلاله",
}


def add_geonames_cities(path, places, taken_names):
    """Towns of GEONAMES_COUNTRIES with at least GEONAMES_MIN_POP people that Natural Earth
    lacks (by GeoNames id), named by their Arabic-script alternate names; a name that any
    place already has (taken_names) or that is in GEONAMES_NAME_STOPLIST is left out, and a
    town left without names is dropped."""
    have = {p["geonames_id"] for p in places if p["geonames_id"]}
    added = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = line.rstrip("\n").split("\t")
            if len(r) < 15 or r[8] not in GEONAMES_COUNTRIES or r[0] in have:
                continue
            if not r[14].isdigit() or int(r[14]) < GEONAMES_MIN_POP or not r[7].startswith("PPL"):
                continue
            names, folded = [], set()
            # (hamza seats first, so that «أبها» is kept and «ابها», the same after folding, not)
            for n in sorted((clean(n) for n in r[3].split(",")), key=lambda n: (n[:1] == "ا", n)):
                key = n.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")
                if ARABIC_NAME.match(n) and n not in GEONAMES_NAME_STOPLIST and n not in taken_names \
                        and key not in folded and not n.startswith("محافظة "):
                    names.append(n)
                    folded.add(key)
            if not names:
                continue
            added.append({
                "id": "gn:" + r[0],
                "name_en": clean(r[2]) or clean(r[1]),
                "names_ar": "|".join(sorted(names)),
                "country": GEONAMES_COUNTRIES[r[8]],
                "lat": coord(r[4], 4),
                "lon": coord(r[5], 4),
                "geonames_id": r[0],
                "population": r[14],
                "feature": GEONAMES_FEATURES.get(r[7], "populated_place"),
                "capital": "0",
            })
    return added


def taken_place_names(places, regions_path):
    names = set()
    for p in places:
        names.update(p["names_ar"].split("|"))
    if os.path.exists(regions_path):
        for r in read_tsv(regions_path):
            names.update(n for n in (r.get("names_ar") or "").split("|") if n)
    return names


def write(path, header_lines, columns, rows):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for h in header_lines:
            f.write("# " + h + "\n")
        f.write("\t".join(columns) + "\n")
        for r in rows:
            vals = [r[c] for c in columns]
            for v in vals:
                if "\t" in v or "\n" in v:
                    sys.exit("stray tab/newline in %r" % v)
            f.write("\t".join(vals) + "\n")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared"),
                    help="path to the shared reference folder (default ../shared)")
    ap.add_argument("--outdir", default=os.path.join(REPO, "data", "geo"))
    args = ap.parse_args(argv)

    ne = os.path.join(args.shared, NE_REL)
    with open(os.path.join(ne, "VERSION.txt"), encoding="utf-8") as f:
        version = f.read().strip()

    countries, adm0_map = build_countries(read_tsv(os.path.join(ne, "countries.tsv")))
    places, n_numbered, dup_ids = build_places(read_tsv(os.path.join(ne, "places.tsv")), adm0_map)
    gn_path = os.path.join(args.shared, GN_REL)
    gn_added = add_geonames_cities(
        gn_path, places, taken_place_names(places, os.path.join(REPO, "data", "geo", "regions.ar.tsv")))
    places = sorted(places + gn_added, key=lambda p: (p["country"], p["name_en"], p["id"]))

    common = [
        "Licence: public domain (Natural Earth, naturalearthdata.com), version %s." % version,
        "Country codes: CAMEO = ISO 3166-1 alpha-3; NE PSX -> PSE; NE adm0_a3 where iso_a3 is -99"
        " (France FRA, Norway NOR, Kosovo XKX fixed).",
        "places.tsv country = recognised sovereignty: Somaliland -> SOM, N. Cyprus -> CYP,"
        " Crimea -> UKR, Morocco-filed places in Western Sahara -> ESH.",
    ]
    write(os.path.join(args.outdir, "countries.tsv"),
          ["GENERATED BY tools/import_gazetteer.py from ../shared/%s/countries.tsv; DO NOT EDIT."
           % NE_REL] + common +
          ["Columns: code iso2 name_en name_ar lat lon (NE label centroid) wikidata."],
          COUNTRY_COLUMNS, countries)
    write(os.path.join(args.outdir, "places.tsv"),
          ["GENERATED BY tools/import_gazetteer.py from ../shared/%s/places.tsv; DO NOT EDIT."
           % NE_REL] + common +
          ["Columns: id (ne:<geonames id | wikidata id | running number>) name_en"
           " names_ar ('|'-separated; Wikipedia-style '، <region>' qualifiers removed)"
           " country lat lon geonames_id population (NE pop_max) feature (NE featurecla)"
           " capital (1 = national capital, NE adm0cap).",
           "Rows with id gn:<geonames id>: towns of %s with at least %d people that Natural"
           " Earth lacks, from ../shared/%s (GeoNames, CC BY 4.0, geonames.org; Arabic-script"
           " alternate names; population from GeoNames)."
           % (", ".join(sorted(GEONAMES_COUNTRIES.values())), GEONAMES_MIN_POP, GN_REL)],
          PLACE_COLUMNS, places)

    print("countries: %d rows -> %s" % (len(countries),
                                         os.path.relpath(os.path.join(args.outdir, "countries.tsv"))))
    print("geonames: %d towns added" % len(gn_added))
    print("places: %d rows (%d capitals, %d without GeoNames id, %d running-number ids, "
          "%d duplicate ids disambiguated) -> %s" % (
              len(places), sum(p["capital"] == "1" for p in places),
              sum(not p["geonames_id"] for p in places), n_numbered, len(dup_ids),
              os.path.relpath(os.path.join(args.outdir, "places.tsv"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
