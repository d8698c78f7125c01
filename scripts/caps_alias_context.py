"""Count the words around actor aliases that are also common English words ("US", "IS") in the mixed-case texts of
../shared, where the case tells the name ("US", "IS") from the word ("us", "is"), and write them to
``src/sitrep/knowledge/caps_aliases.json``: in ALL-CAPS text, ``sitrep.resolve.actor`` reads such an alias as the
name only when its neighbours make the name likelier than the word (naive Bayes over the previous and the next
word, add-one smoothed).

    python3 scripts/caps_alias_context.py            # counts and writes the file (the shipped one, byte for byte)
    python3 scripts/caps_alias_context.py --out FILE # writes FILE instead
    python3 scripts/caps_alias_context.py --muc4     # also: how the rule reads each alias in MUC-4 DEV (caps)
"""
from __future__ import annotations

import argparse
import collections
import csv
import glob
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared" / "data"
OUT = ROOT / "src" / "sitrep" / "knowledge" / "caps_aliases.json"
ALIASES = ("US", "IS")  # the case-sensitive aliases of actors.csv that are spaCy stop words in lower case
MIN_COUNT = 2  # a neighbour seen once is left out of the file (it counts as unseen)


def mixed_case_texts():
    """(corpus, text) of the mixed-case corpora: RAMS, WikiEvents, ECB+, UCDP headlines, LGL."""
    for f in sorted(glob.glob(str(SHARED / "realnews/rams/*.jsonlines"))):
        for line in open(f, encoding="utf-8"):
            yield "rams", " ".join(w for s in json.loads(line)["sentences"] for w in s)
    for line in open(SHARED / "realnews/wikievents/dev.jsonl", encoding="utf-8"):
        r = json.loads(line)
        yield "wikievents", r.get("text") or " ".join(t[0] if isinstance(t, list) else t for t in r.get("tokens", []))
    for f in sorted(glob.glob(str(SHARED / "realnews/ecbplus/*/*.xml"))):
        yield "ecbplus", " ".join(re.findall(r"<token[^>]*>([^<]*)</token>", open(f, encoding="utf-8").read()))
    for f in sorted(glob.glob(str(SHARED / "realnews/ucdp_ged/*.csv"))):
        for row in csv.DictReader(open(f, encoding="utf-8")):
            for h in (row.get("source_headline") or "").split(";"):
                if h.strip() and not h.isupper():
                    yield "ucdp", h
    yield "lgl", re.sub(r"<[^>]+>", " ", open(SHARED / "geoparsing/lgl.xml", encoding="utf-8").read())


def count() -> dict:
    from sitrep.resolve.actor import neighbour_words

    table: dict = {a: {"name": {"total": 0, "prev": collections.Counter(), "next": collections.Counter()},
                       "word": {"total": 0, "prev": collections.Counter(), "next": collections.Counter()}}
                   for a in ALIASES}
    corpora: collections.Counter = collections.Counter()
    for corpus, text in mixed_case_texts():
        for a in ALIASES:
            for m in re.finditer(rf"(?<![\w-])(?:{a}|{a.lower()})(?![\w])", text):
                side = table[a]["name" if m.group(0) == a else "word"]
                prev, nxt = neighbour_words(text, m.start(), m.end())
                side["total"] += 1
                side["prev"][prev] += bool(prev)  # a text's start or end (a headline's) is no neighbour
                side["next"][nxt] += bool(nxt)
                corpora[f"{a} {'name' if m.group(0) == a else 'word'} {corpus}"] += 1
    out = {"source": "scripts/caps_alias_context.py over the mixed-case texts of ../shared (RAMS, WikiEvents, ECB+, "
                     "UCDP headlines, LGL): the previous and next word of each alias written as the name (capitals) "
                     "and as the word (small letters); neighbours seen once and the ends of a text are left out",
           "trainer": "python3 scripts/caps_alias_context.py",
           "corpora": dict(sorted(corpora.items())), "aliases": {}}
    for a, sides in table.items():
        out["aliases"][a] = {k: {"total": s["total"],
                                 "prev": {w: n for w, n in s["prev"].most_common() if n >= MIN_COUNT},
                                 "next": {w: n for w, n in s["next"].most_common() if n >= MIN_COUNT}}
                             for k, s in sides.items()}
    return out


def muc4_dev() -> None:
    """Each alias in MUC-4 DEV's caps text with its neighbours and the rule's reading."""
    from sitrep.evaluation import muc4
    from sitrep.resolve.actor import caps_alias_is_name

    seen: collections.Counter = collections.Counter()
    for f in sorted(glob.glob(str(SHARED / "muc4/docs/dev-*"))):
        for d in muc4.read_docs(f):
            for a in ALIASES:
                for m in re.finditer(rf"(?<![\w-]){a}(?![\w])", d.text):
                    name = caps_alias_is_name(a, d.text, m.start(), m.end())
                    seen[(a, name)] += 1
                    print(f"{a} {'NAME' if name else 'word'} {d.id}: "
                          f"{d.text[max(0, m.start() - 40):m.end() + 40]!r}")
    print(dict(seen))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--muc4", action="store_true", help="print the rule's reading of each alias in MUC-4 DEV")
    ap.add_argument("--out", type=Path, default=OUT, help="where to write the counts (default: the shipped file)")
    args = ap.parse_args()
    if args.muc4:
        muc4_dev()
        return 0
    data = count()
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(data["corpora"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
