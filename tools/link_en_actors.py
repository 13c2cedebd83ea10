#!/usr/bin/env python3
"""English names for the Arabic lexicon's actors, linked by id: data/en/actors/linked.tsv.

Every entry of data/ar/actors.tsv and data/ar/actors/*.tsv with a `name_en` becomes an
English entry with the same `id` and an empty `codes` cell, so the English entry inherits
the Arabic entry's dated codes and both languages code to the same actor. Names listed:

  - the English name as written, and each part of "Name (Other)" (an acronym, a short form;
    not a country, nor a lower-case description: "Mohamed Ibrahim (interior minister)");
  - spelling variants of its words (tools/en_name_variants.tsv, kind `word`), for names of
    two words or more;
  - the surname alone — only where the Arabic entry lists a name alone that is the last
    word(s) of another of its Arabic names (as «لافروف» beside «سيرغي لافروف»), not cut after
    the first half of a compound name or a patronymic ("Abdel", "Abu", "bin"), and only
    when that English word is not a common English word (/usr/share/dict/american-english,
    Debian package wamerican: "May", "Rice", "Bush" would match ordinary words);
  - aliases (tools/en_name_variants.tsv, kind `alias`).

A name that two entries with different codes would both give is left out of both; a name
that the hand-written data/en/actors.tsv gives, and ids it already has, are left to it.
Everything left out is listed in the report (--report).

Usage: python3 tools/link_en_actors.py [--data data] [-o data/en/actors/linked.tsv]
                                       [--report data/en/LINKED_REPORT.txt]
"""
import argparse
import collections
import os
import re
import sys
import unicodedata

# Words of organisation names (as src/lexicon/lexicon.cc IsPersonRow): no surname rule for these.
ORG_WORDS = set("""academy administration agency alliance army assembly association authority bank battalion
battalions board brigade brigades bureau cabinet center centre chamber coalition command commission committee
committees company conference congress corporation corps council court department directorate division embassy
faction federation force forces forum foundation front fund government group guard guards institute league legion
militia militias ministry mission movement network office organisation organization parliament party police
presidency programme program secretariat senate service services society state tribe tribes union unit units
university bloc list hezbollah hamas fatah taliban qaeda jihad houthis kataib jaish ansar harakat tahrir sham
shabaab boko haram regime opposition rebels monarchy kremlin pentagon knesset majlis jirga bet nations""".split())


# English words that start no surname: a name's tail from one of them is a phrase of the name.
CONNECTIVES = set("of and in the for on at to with from by".split())
# Words a name's tail cannot start after: the first half of a compound name ("Abdel Fattah",
# "Abu Bakr") or a patronymic ("bin Zayed").
NAME_JOINERS = set("abd abdel abdul abdal abdol abu abou umm bin ibn bint ben".split())


def is_person(row, name_en):
    kind = row.get("kind", "")
    if kind:
        return kind == "person"
    for w in re.split(r"[\s()]+", name_en):
        if w.lower() in ORG_WORDS or (len(w) >= 2 and re.fullmatch(r"[A-Z0-9+]+", w)):
            return False
    return True


ARTICLES = ("al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "an-", "ar-")


def read_tsv(path):
    """Yields (lineno, dict) for every data row of a hadath TSV file."""
    header = None
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            yield lineno, {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}


def fold(name):
    """Latin letters without their diacritics: "Peña Nieto" → "Pena Nieto", "Erdoğan" → "Erdogan"."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).replace("ı", "i")


def key(name):
    return re.sub(r"[^0-9a-z\u0080-\uffff]+", " ", fold(name).lower()).strip()


def load_variants(path):
    words, aliases, drops, keeps = {}, {}, set(), set()
    for _, r in read_tsv(path):
        names = [n.strip() for n in r.get("names", "").split("|") if n.strip()]
        if r["kind"] == "word":
            group = [w.lower() for w in names]
            for w in group:
                words[w] = group
        elif r["kind"] == "alias":
            aliases[r["key"]] = names
        elif r["kind"] == "drop":
            drops.add(r["key"])
        elif r["kind"] == "keep":
            keeps.add(r["key"])
    return words, aliases, drops, keeps


def common_words():
    path = "/usr/share/dict/american-english"
    if not os.path.exists(path):
        sys.exit(f"{path} is missing: apt-get install wamerican (scripts/install-deps.sh --test)")
    with open(path, encoding="utf-8") as f:
        # Lower-case entries only: "may", "rice"; capitalised ones ("Abbas") are names.
        return {w.strip() for w in f if w.strip() and w.strip() == w.strip().lower()}


def spellings(name, words, limit=8):
    """The name and its variants: every word replaced by each spelling of its group."""
    toks = name.split(" ")
    alts = [[t] + [v for v in words.get(t.lower(), []) if v != t.lower()] for t in toks]
    out = [""]
    for a in alts:
        out = [(o + " " + x).strip() for o in out for x in a]
        if len(out) > limit * 4:
            break
    seen, res = set(), []
    for o in out:
        if key(o) not in seen:
            seen.add(key(o))
            res.append(o)
    return res[:limit]


def strip_article(w):
    for a in ARTICLES:
        if w.lower().startswith(a) and len(w) > len(a) + 2:
            return w[len(a):]
    return None


def phoenix_coverage(pdir, rows):
    """Linked people with a government or armed-group role since 2014 that the Phoenix
    actor files lack, or have only with roles that ended before 2014."""
    latest = {}  # name key → latest end year of its record ("open" = 9999)
    for fn in sorted(os.listdir(pdir)):
        if not fn.endswith(".actors.txt"):
            continue
        names, end = [], 0
        def flush():
            for n in names:
                latest[n] = max(latest.get(n, 0), end)
        with open(os.path.join(pdir, fn), encoding="utf-8", errors="replace") as f:
            for line in f:
                body = re.split(r"[#;]", line, maxsplit=1)[0].rstrip()
                if not body.strip():
                    continue
                if body[0] in " \t" and body.strip().startswith("["):
                    for code, rng in re.findall(r"\[(\S+)\s*([^\]]*)\]", body):
                        m = re.search(r"-\s*(\d{6,8})\s*$", rng) or re.search(r"<\s*(\d{6,8})", rng)
                        if not m:
                            end = 9999
                        else:
                            d = m.group(1)
                            y = int(d[:4]) if len(d) == 8 else (2000 + int(d[:2]) if int(d[:2]) <= 30 else 1900 + int(d[:2]))
                            end = max(end, y)
                    continue
                phrase = re.sub(r"\[.*", "", body.strip().lstrip("+"))
                if not body.strip().startswith("+"):
                    flush()
                    names, end = [], 0
                if re.search(r"\[[A-Z]", body) and not re.search(r"\[\S+\s+[<>\d]", body):
                    end = 9999
                names.append(key(phrase.replace("_", " ")))
        flush()
    out, lacking, outdated, total = [], 0, 0, 0
    for ident, name_en, names, codes, _wd, where in rows:
        recent = [c for c in codes.split(";") if re.search(r"(GOV|REB|MIL|UAF)", c.split()[0] if c.split() else "")
                  and (not re.search(r"\.\.(\d{4})", c) or int(re.search(r"\.\.(\d{4})", c).group(1)) >= 2014)]
        if not recent:
            continue
        total += 1
        ends = [latest[key(n)] for n in names if key(n) in latest]
        if not ends:
            lacking += 1
            out.append(f"{where}: covered here only: {name_en} ({'; '.join(c.strip() for c in recent)}): not in Phoenix")
        elif max(ends) < 2014:
            outdated += 1
            out.append(f"{where}: covered here only: {name_en} ({'; '.join(c.strip() for c in recent)}): "
                       f"Phoenix's roles end in {max(ends)}")
    head = (f"# Phoenix coverage: of {total} linked actors with a GOV/MIL/REB/UAF role since 2014 (or undated), "
            f"{lacking} are not in the Phoenix actor files and {outdated} are there only with roles ending before "
            f"2014; this file gives them all (listed below as 'covered here only').")
    return [head] + out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--data", default=os.path.join(root, "data"))
    ap.add_argument("-o", "--output", default=None)
    ap.add_argument("--report", default=None)
    ap.add_argument("--phoenix", default=None, metavar="DIR",
                    help="PETRARCH dictionaries: list in the report which linked people with a role since "
                         "2014 Phoenix lacks or has only with roles that ended before 2014")
    ap.add_argument("--variants", default=os.path.join(root, "tools", "en_name_variants.tsv"))
    args = ap.parse_args()
    out_path = args.output or os.path.join(args.data, "en", "actors", "linked.tsv")
    words, aliases, drops, keeps = load_variants(args.variants)
    countries = set()
    for _, r in read_tsv(os.path.join(args.data, "ar", "countries.tsv")):
        countries.add(key(r.get("name_en", "")))
    common = common_words()

    ar_files = [os.path.join(args.data, "ar", "actors.tsv")]
    ar_dir = os.path.join(args.data, "ar", "actors")
    ar_files += sorted(os.path.join(ar_dir, f) for f in os.listdir(ar_dir) if f.endswith(".tsv"))

    # What the hand-written English core already has.
    hand_ids, hand_names = {}, {}
    hand = os.path.join(args.data, "en", "actors.tsv")
    if os.path.exists(hand):
        for lineno, r in read_tsv(hand):
            hand_ids[r.get("id", "")] = f"en/actors.tsv:{lineno}"
            for n in r.get("names_en", "").split("|"):
                if n.strip():
                    hand_names[key(n)] = f"en/actors.tsv:{lineno}"

    report = []
    entries = []  # (id, name_en, [names], codes, wikidata, where)
    for path in ar_files:
        rel = os.path.relpath(path, args.data)
        for lineno, r in read_tsv(path):
            where = f"{rel}:{lineno}"
            ident, name_en = r.get("id", ""), r.get("name_en", "")
            if not ident or not name_en:
                report.append(f"{where}: skipped: no id or name_en")
                continue
            if ident in hand_ids:
                report.append(f"{where}: skipped: id {ident} is written by hand at {hand_ids[ident]}")
                continue
            # "Ansar Allah (Houthis)" → "Ansar Allah", "Houthis"
            parts = [name_en]
            m = re.match(r"^(.*?)\s*\((.+)\)\s*$", name_en)
            if m:
                # "(PKK)", "(Houthis)" are other names; "(Egypt)" only says where, and a lower-case
                # "(interior minister)" only says who: neither is a name.
                inner = m.group(2)
                describes = key(inner) in countries or not any(w[:1].isupper() for w in inner.split())
                parts = [m.group(1)] + ([] if describes else [inner])
            names = []
            for p in parts:
                p = p.strip()
                if not p:
                    continue
                names += spellings(p, words) if len(p.split()) > 1 else [p]
                # "Bashar al-Assad" also as "Bashar Assad"
                toks = p.split(" ")
                if len(toks) > 1 and strip_article(toks[-1]):
                    names.append(" ".join(toks[:-1] + [strip_article(toks[-1])]))
            # Surname alone: the Arabic entry lists the last word(s) of one of its names alone.
            ar_names = [n.strip().split() for n in r.get("names_ar", "").split("|") if n.strip()]
            suffix_lens = set()
            for a in ar_names:
                for b in ar_names:
                    if len(a) < len(b) and b[-len(a):] == a:
                        suffix_lens.add(len(a))
            en_toks = parts[0].split(" ")
            for k in sorted(suffix_lens):
                if k >= len(en_toks) or ident in drops or not is_person(r, name_en):
                    continue
                # Not a tail cut inside a compound name or after a patronymic: Arabic and English
                # split names into words differently («عبد الفتاح» is "Abdel Fattah"), so such
                # tails are no name ("Fattah al-Burhan"; "Zayed Al Nahyan" is his father).
                if en_toks[-k - 1].lower() in NAME_JOINERS:
                    report.append(f"{where}: dropped: tail '{' '.join(en_toks[-k:])}' of {name_en} is cut after '{en_toks[-k - 1]}'")
                    continue
                sur = " ".join(en_toks[-k:])
                cands = [sur]
                if k == 1 and strip_article(sur):
                    cands.append(strip_article(sur))
                for c in cands:
                    # the tail of a name that is no person's ("Men of Dignity" → "of Dignity")
                    if c.split(" ")[0].lower() in CONNECTIVES:
                        report.append(f"{where}: dropped: '{c}' of {name_en} starts with a connective, not a surname")
                        continue
                    if ident not in keeps and (c.lower() in common or c.lower().replace("-", " ") in common):
                        report.append(f"{where}: dropped: surname alone '{c}' of {name_en} is a common English word")
                        continue
                    names += spellings(c, words) if "-" not in c else [c]
            names += aliases.get(ident, [])
            # Both spellings: with diacritics (as written) and without (as often typed).
            names += [fold(n) for n in names if fold(n) != n]
            # A one-word name that is also a common English word ("FACT", "movement") would
            # match ordinary text; kept only for `keep` ids. Two or three capitals are acronyms
            # to the English tokenizer ("UN"), and one letter is never a name.
            short = []
            for n in names:
                if " " in n:
                    short.append(n)
                elif len(n) < 2 or (n.lower() in common and ident not in keeps
                                    and not (re.fullmatch(r"[A-Z]{2,3}", n))):
                    report.append(f"{where}: dropped: name '{n}' of {name_en} is a common English word or too short")
                else:
                    short.append(n)
            names = short
            seen, uniq = set(), []
            for n in names:
                if n and n not in seen and key(n):
                    seen.add(n)
                    uniq.append(n)
            entries.append([ident, name_en, uniq, r.get("codes", ""), r.get("wikidata", ""), where])

    # A name given by entries with different codes (or by the hand-written core) is left out.
    givers = collections.defaultdict(list)
    for e in entries:
        for n in e[2]:
            givers[key(n)].append(e)
    removed = 0
    for e in entries:
        kept = []
        for n in e[2]:
            k = key(n)
            others = [o for o in givers[k] if o is not e and o[3] != e[3]]
            # Among entries with other codes, the one whose own name it is keeps it.
            primary = [o for o in givers[k] if key(re.sub(r"\s*\(.*\)\s*$", "", o[1])) == k]
            if others and primary:  # two such entries: the first in file order keeps it
                others = [] if primary[0] is e else primary
            if k in hand_names:
                report.append(f"{e[5]}: dropped: name '{n}' is written by hand at {hand_names[k]}")
            elif others:
                report.append(f"{e[5]}: dropped: name '{n}' also names {others[0][0]} ({others[0][5]}) with other codes")
            elif any(o is not e for o in givers[k]) and givers[k][0] is not e:
                report.append(f"{e[5]}: dropped: name '{n}' also names {givers[k][0][0]} with the same codes (kept there)")
            else:
                kept.append(n)
                continue
            removed += 1
        e[2] = kept

    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    rows = [e for e in entries if e[2]]
    for e in entries:
        if not e[2]:
            report.append(f"{e[5]}: dropped: {e[0]} has no English name left")
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("# GENERATED BY tools/link_en_actors.py; DO NOT EDIT.\n"
                "# Regenerate: python3 tools/link_en_actors.py --report data/en/LINKED_REPORT.txt\n"
                "# English names of the Arabic lexicon's actors (data/ar/actors*.tsv), linked by id:\n"
                "# an empty codes cell inherits the dated codes of the Arabic entry with the same id.\n"
                "# Variants and aliases: tools/en_name_variants.tsv. note: the Arabic entry's file:line.\n")
        f.write("id\tname_en\tnames_en\tcodes\twikidata\tnote\n")
        for ident, name_en, names, _codes, wd, where in rows:
            # As news writes them: the English tokenizer reads "PKK", "UN" as acronyms.
            f.write(f"{ident}\t{name_en}\t{'|'.join(names)}\t\t{wd}\tlinked: ar {where}\n")
    nnames = sum(len(e[2]) for e in rows)
    summary = (f"{len(rows)} linked entries, {nnames} names (from {len(entries)} Arabic entries with a name_en; "
               f"{removed} names left out)")
    print(f"link_en_actors: {summary} → {out_path}", file=sys.stderr)
    coverage = phoenix_coverage(args.phoenix, rows) if args.phoenix else []
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write("# tools/link_en_actors.py: English names linked to the Arabic actors\n"
                    "# GENERATED; DO NOT EDIT. One line per name or entry left out: file:line: action: reason.\n")
            f.write(f"# {summary}\n")
            for line in coverage[:1]:
                f.write(line + "\n")
            for line in report + coverage[1:]:
                f.write(line + "\n")


if __name__ == "__main__":
    main()
