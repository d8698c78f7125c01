"""The toponyms sitrep resolves more than 161 km off (given the gold spans), by what the gazetteer holds of them: the
kinds issue 12 asks to tell apart, each with its count and examples, on one half of the articles (article i, in corpus
order: even = tune, odd = check) or all.

    python3 scripts/geo_causes.py [CORPUS.xml] [--half even|odd|all] [--examples N] [--absent-kinds]

Causes (the first that applies):
  present: abstain     a reading of the name lies within 161 km, the resolver abstained between it and another
  present: no answer   a reading lies within 161 km, the resolver gave none
  present: level       a reading lies within 161 km, the resolver chose one of another kind (a country for a town)
  present: namesake    a reading lies within 161 km, the resolver chose another place of the name
  other spelling       the gold GeoNames id is in the gazetteer, but not among the name's readings (another spelling, a
                       longer official name, or the gazetteer's point of it lies over 161 km from the gold point)
  absent (division)    the gold is a division (ADM*, region) the gazetteer lacks under the name
  absent               nothing of the gazetteer under the name lies within 161 km (hamlets, rivers, parks, buildings)

``--absent-kinds`` splits the two absent causes by the gold's GeoNames feature class (town, water, park, relief or
area, division, other) and by whether the gazetteer knows the name elsewhere (a namesake far off) or not at all:
what a new source (a village list, hydrography, parks) would have to hold to reach them.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from geoparse import DEFAULT, gold_kind, km, read_corpus  # noqa: E402

_WATER = frozenset({"STM", "STMI", "LK", "LKS", "RSV", "BAY", "SEA", "GULF", "OCN", "HBR", "CNL", "SD", "CHN"})
_RELIEF = frozenset({"MT", "MTS", "VAL", "ISL", "ISLS", "AREA", "RGN", "PLN", "HLL", "PEN", "CAPE", "FRST"})


def _feature_class(fcode: str | None) -> str:
    f = fcode or ""
    return ("town" if f.startswith("PPL") else "division" if f.startswith("ADM") else "water" if f in _WATER else
            "park" if f in ("PRK", "RES", "RESF", "RESN", "RESW") else "relief or area" if f in _RELIEF else "other")


def causes(path: Path, half: str, by_kind: bool = False) -> tuple[Counter, dict[str, list[str]], int]:
    from sitrep.resolve import place as P
    from sitrep.resolve.gazetteer import get_gazetteer

    gz = get_gazetteer()
    by_gid: dict[int, list[int]] = {}
    for i, g in enumerate(gz.col_gid):
        if g:
            by_gid.setdefault(g, []).append(i)
    count: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    total = 0
    for n, a in enumerate(read_corpus(path)):
        if half != "all" and (n % 2 == 1) != (half == "odd"):
            continue
        gold = [t for t in a["toponyms"] if t["lat"] is not None]
        total += len(gold)
        if not gold:
            continue
        for t, p in zip(gold, P.resolve_spans(a["text"], [(t["start"], t["end"]) for t in gold]), strict=True):
            if p is not None and km(p.latitude, p.longitude, t["lat"], t["lon"]) <= 161:
                continue
            ids = P.candidate_ids(gz, t["phrase"]) or P._variant_ids(gz, t["phrase"])
            near = [i for i in ids if km(gz.col_lat[i], gz.col_lon[i], t["lat"], t["lon"]) <= 161]
            same = by_gid.get(t["geonameid"] or 0, [])
            if near:
                cause = ("present: abstain" if p is not None and (p.reason or "").startswith("abstain") else
                         "present: no answer" if p is None else
                         "present: level" if gold_kind(t["fcode"]) != gold_kind(p.feature) else "present: namesake")
            elif same:
                cause = "other spelling"
            else:
                cause = "absent (division)" if gold_kind(t["fcode"]) == "division" else "absent"
                if by_kind:
                    cause = f"absent: {_feature_class(t['fcode'])}, {'known elsewhere' if ids else 'name unknown'}"
            count[cause] += 1
            got = f"{p.name}, {p.country_code}, {p.feature}" if p else "-"
            extra = f" (gazetteer: {gz.col_name[same[0]]!r})" if same and not near else ""
            examples[cause].append(f"{a['id']} {t['phrase']!r} gold {t['fcode']} -> {got}{extra}")
    return count, examples, total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--half", choices=("even", "odd", "all"), default="even")
    ap.add_argument("--examples", type=int, default=10)
    ap.add_argument("--absent-kinds", action="store_true", help="split the absent causes by the gold's feature class")
    args = ap.parse_args(argv)
    count, examples, total = causes(Path(args.corpus), args.half, args.absent_kinds)
    print(f"{Path(args.corpus).name}, {args.half} articles: {total} toponyms, {sum(count.values())} misses")
    for cause, n in count.most_common():
        print(f"  {cause:34s} {n:4d}")
        for line in examples[cause][: args.examples]:
            print(f"      {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
