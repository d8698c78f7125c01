"""Classify the toponyms of a geoparsing corpus (LGL XML layout) that sitrep resolves more than 161 km off, given
the gold spans, and for which NO reading of the gazetteer lies within 161 km of the gold point (gazetteer coverage,
not choice), by kind, with counts per half of the articles (article i, in corpus order, is even or odd).

    python3 scripts/geo_coverage.py [CORPUS.xml] [--examples N]

Kinds (the first that applies, from the gold GeoNames feature code and the name):
  US county           a US county or parish by its bare name or a form the gazetteer lacks ("Avoyelles", "Pott Co.")
  town like a county  a town named like a US county, with no reading near (a hamlet the gazetteer lacks)
  township            a township or minor division (ADMD, ADM3: "Readington Township", "Muskoka")
  small town          a populated place with no reading at all (under cities500's 500 people, or unlisted)
  far namesakes only  a populated place whose readings are all other places of the name
  water/land feature  a river, lake, island, mountain, valley or region
  park/street/building
  country/state form  a country or first-order division by a misspelling, another form or another point
  other
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from geoparse import DEFAULT, km, read_corpus  # noqa: E402

NATURAL = {"STM", "LK", "RSV", "BAY", "SEA", "OVF", "ISL", "ISLS", "MT", "MTS", "RGN", "AREA", "VAL", "CNL", "CHN",
           "GULF", "CAPE", "STMS", "LKS", "HLL", "PEN"}
BUILT = {"PRK", "ST", "RD", "BLDG", "SCH", "HSP", "AIRP", "SQR", "MALL", "UNIV", "STDM", "CH", "MUS", "HTL", "BDG"}


def kind(fcode: str, county_name: bool, has_ids: bool) -> str:
    f = fcode or ""
    if county_name and f.startswith("ADM2"):
        return "US county"
    if county_name and f.startswith("PPL"):
        return "town like a county"
    if f.startswith("ADM2"):
        return "US county" if not has_ids else "other"
    if f in ("ADMD", "ADM3", "ADM4"):
        return "township"
    if f.startswith("PPL"):
        return "far namesakes only" if has_ids else "small town"
    if f in NATURAL:
        return "water/land feature"
    if f in BUILT:
        return "park/street/building"
    if f.startswith(("PCL", "ADM1")):
        return "country/state form"
    return "other"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--examples", type=int, default=8)
    args = ap.parse_args(argv)
    from sitrep.resolve.gazetteer import get_gazetteer, norm
    from sitrep.resolve.place import _COUNTY, _us_counties, candidate_ids, resolve_spans

    gz, counties = get_gazetteer(), _us_counties()
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    examples: dict[str, Counter] = defaultdict(Counter)
    misses = [0, 0]
    for n, a in enumerate(read_corpus(Path(args.corpus))):
        gold = [t for t in a["toponyms"] if t["lat"] is not None]
        for t, p in zip(gold, resolve_spans(a["text"], [(t["start"], t["end"]) for t in gold]), strict=True):
            if p is not None and km(p.latitude, p.longitude, t["lat"], t["lon"]) <= 161:
                continue
            misses[n % 2] += 1
            ids = candidate_ids(gz, t["phrase"])
            if any(km(gz[i].lat, gz[i].lon, t["lat"], t["lon"]) <= 161 for i in ids):
                continue
            m = _COUNTY.match(t["phrase"])
            k = kind(t["fcode"], norm(m.group("base") if m else t["phrase"]) in counties, bool(ids))
            tally[k][n % 2] += 1
            examples[k][t["phrase"]] += 1
    total = [sum(v[h] for v in tally.values()) for h in (0, 1)]
    print(f"misses (> 161 km or none): even {misses[0]}, odd {misses[1]}; with no reading within 161 km: "
          f"even {total[0]}, odd {total[1]}")
    for k, (ev, od) in sorted(tally.items(), key=lambda kv: -sum(kv[1])):
        shown = ", ".join(name for name, _ in examples[k].most_common(args.examples))
        print(f"  {k:22s} even {ev:3d}  odd {od:3d}   {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
