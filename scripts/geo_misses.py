"""Classify the toponyms of a geoparsing corpus (LGL XML layout) that sitrep resolves more than 161 km off, given
the gold spans, by kind, with counts and the share of all misses, on one half of the articles (article i, in corpus
order, is even or odd: choose on even, report odd).

    python3 scripts/geo_misses.py [CORPUS.xml] [--half even|odd|all] [--examples N]

Kinds (the first that applies):
  no reading        the gazetteer has no reading of the name (rivers, parks, lakes, hamlets ...)
  county            a US county placed in the wrong state or far from its towns ("Madison County")
  unreachable       readings, none within 161 km of the gold point (another place of the name, a spelling)
  demonym           an adjective or people's word ("Canadians", "Iraqi")
  street/building   the gold point is a facility, a park, a street, a building
  country-level     the gold or the chosen reading is a country ("Jordan" the Minnesota town, "Malta", "Canada")
  division as town  the gold is a county or state, a town was chosen ("Greenbrier", "Hendricks")
  town as division  the gold is a town, a county or state was chosen ("Washington", "Indiana")
  abstain           the two best readings were too close to call
  foreign/US        a town abroad for a US one or the reverse ("London", "Athens", "Windsor")
  US namesake       a US town for another US town of the name ("Alexandria", "Arlington", "Paris")
  other namesake    a town for another town of the name, both outside the US

For the namesake kinds, the "home region" columns tell whether the right reading lies in the state most of the
article's other toponyms (their gold points) lie in, and its distance to their median point: how far the
article's home region reaches.
"""
from __future__ import annotations

import argparse
import statistics
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from geoparse import DEFAULT, gold_kind, km, read_corpus  # noqa: E402

STREETS = {"PRK", "ST", "RD", "BLDG", "SCH", "HSP", "AIRP", "MALL", "SQR", "CH", "MUS", "UNIV", "STDM", "HTL",
           "RSTN", "PO", "LIBR", "CMTY", "PRN", "MILB", "INSM", "AMTH", "GDN", "OPRA", "THTR", "ZOO", "CTRS", "BDG"}
NAMESAKE = ("foreign/US", "US namesake", "other namesake")


def _kind(t: dict, p, readings, gz) -> str:
    phrase = t["phrase"]
    if (t["fcode"] or "") in STREETS or gold_kind(t["fcode"]) == "facility":
        return "street/building"
    if _demonym(gz, phrase):
        return "demonym"
    if p is None:
        return "no reading"
    if not readings:
        return "county"
    right = [i for i, _ in readings if km(gz[i].lat, gz[i].lon, t["lat"], t["lon"]) <= 161]
    if not right:
        return "unreachable"
    gk, pk = gold_kind(t["fcode"]), gold_kind(p.feature)
    if gk == "country" or pk == "country":
        return "country-level"
    if gk == "division" and pk == "city":
        return "division as town"
    if gk == "city" and pk == "division":
        return "town as division"
    if (p.reason or "").startswith("abstain"):
        return "abstain"
    gold_us = any(gz[i].cc == "US" for i in right)
    if (p.country_code == "US") != gold_us:
        return "foreign/US"
    return "US namesake" if gold_us else "other namesake"


def _demonym(gz, phrase: str) -> bool:
    from sitrep.resolve.gazetteer import norm

    if not phrase[:1].isupper() or not phrase.endswith(("ans", "ian", "ese", "ish", "ers", "i", "an", "ns")):
        return False
    return bool(gz.demonym_country(norm(phrase)) or gz.demonym_country(norm(phrase.rstrip("s"))))


def _home(a: dict, t: dict, gz, readings_of) -> tuple[bool, float | None]:
    """Whether a right reading lies in the state of most other gold toponyms, and the km from the right point to
    their median point."""
    others = [o for o in a["toponyms"] if o["lat"] is not None and o["phrase"].lower() != t["phrase"].lower()]
    if not others:
        return False, None
    states = Counter()
    for o in others:
        for i in readings_of(o):
            if km(gz[i].lat, gz[i].lon, o["lat"], o["lon"]) <= 161 and gz[i].admin1:
                states[(gz[i].cc, gz[i].admin1)] += 1
                break
    right = [i for i, _ in t["_readings"] if km(gz[i].lat, gz[i].lon, t["lat"], t["lon"]) <= 161]
    home = states.most_common(1)[0][0] if states else None
    lat = statistics.median(o["lat"] for o in others)
    lon = statistics.median(o["lon"] for o in others)
    return bool(home) and any((gz[i].cc, gz[i].admin1) == home for i in right), km(lat, lon, t["lat"], t["lon"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--half", choices=("even", "odd", "all"), default="even")
    ap.add_argument("--examples", type=int, default=6)
    args = ap.parse_args(argv)
    from sitrep.resolve.gazetteer import get_gazetteer
    from sitrep.resolve.place import candidate_ids, resolve_spans_traced

    gz = get_gazetteer()
    articles = read_corpus(Path(args.corpus))
    kinds: Counter = Counter()
    examples: dict[str, list[str]] = {}
    home_in, home_km = Counter(), {k: [] for k in NAMESAKE}
    total = 0
    for n, a in enumerate(articles):
        if args.half != "all" and n % 2 != (args.half == "odd"):
            continue
        gold = [t for t in a["toponyms"] if t["lat"] is not None]
        places, readings = resolve_spans_traced(a["text"], [(t["start"], t["end"]) for t in gold])
        for t, rs in zip(gold, readings, strict=True):
            t["_readings"] = rs or []
        for t, p, rs in zip(gold, places, readings, strict=True):
            total += 1
            if p is not None and km(p.latitude, p.longitude, t["lat"], t["lon"]) <= 161:
                continue
            k = _kind(t, p, rs, gz)
            kinds[k] += 1
            chosen = "-" if p is None else f"{p.name}, {p.country_code} {p.feature}"
            line = f"{a['id']} {t['phrase']!r} gold {t['fcode']} -> {chosen}"
            if k in NAMESAKE:
                inside, d = _home(a, t, gz, lambda o: candidate_ids(gz, o["phrase"]))
                home_in[k] += inside
                if d is not None:
                    home_km[k].append(d)
                line += f" (right one in the home state: {inside}; {d or 0:.0f} km from the others' median)"
            examples.setdefault(k, []).append(line)
    misses = sum(kinds.values())
    print(f"{Path(args.corpus).name}, {args.half} articles: {total} toponyms, {misses} misses "
          f"(acc@161 {1 - misses / total:.4f})")
    for k, c in kinds.most_common():
        extra = ""
        if k in NAMESAKE:
            ds = home_km[k]
            extra = (f"; right one in the home state {home_in[k]}/{c}"
                     + (f", median {statistics.median(ds):.0f} km from the other toponyms" if ds else ""))
        print(f"  {k:17s} {c:4d}  {c / misses:5.1%}{extra}")
        for line in examples[k][: args.examples]:
            print(f"      {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
