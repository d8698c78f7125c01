"""Issue 12's name-match question, counted: where a town read by an alternate name (a transliteration, an ASCII or
historical form: "Odessa" for Odesa) and a town read by its main name compete for a gold toponym (given spans), and
one has ``--ratio`` times the other's people, which one the resolver's pass-2 scores put first and which one is right
(within 161 km of the gold point), on one half of a corpus (article i in corpus order: even = tune, odd = check).

    python3 scripts/geo_name_match.py [CORPUS.xml ...] [--half even|odd|all] [--ratio 10] [--examples N]

Rows: "big alternate v. small main" (the Odessa case: the big place called by an alternate name) and "big main v.
small alternate" (Frankfurt am Main against Frankfort, Kentucky, called "Frankfurt" by an alternate name), each split
by which of the two scores higher and which is right. s40, ratio 10, LGL even (tune): big alternate v. small main 54
(main first 48: 33 right, 15 neither; alternate first 6: 2 right, 1 the small main right, 3 neither), so the Odessa
case (the big place right, called by an alternate name, losing to a small town's main name) does not occur; big main
v. small alternate 430 (main first 429: 363 right, 2 the small alternate right, 64 neither; alternate first 1, right).
world1-8 (all): big alternate v. small main 12, all right (8 alternate first: "Goma", "Dadu" ...); big main v. small
alternate 232, main first (221 right, 11 neither) after name.main_name_abroad, which moved the one small alternate
put first over the right big main (Frankfurt for Frankfort, Kentucky, world4).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from geoparse import DEFAULT, km, read_corpus  # noqa: E402


def _pair(gz, readings: list, first: int, ratio: float) -> tuple[str, int] | None:
    """The kind of contest between the first-scored reading and a rival town read by the other kind of name that
    has ``ratio`` times the people of the smaller one, and the rival's index; None when there is none."""
    i, f = readings[first][:2]
    if gz[i].kind != "city":
        return None
    for j, (k, g, _) in enumerate(readings):
        if j == first or gz[k].kind != "city":
            continue
        alt_first = f.get("alternate_name") and g.get("main_name")
        main_first = f.get("main_name") and g.get("alternate_name")
        if not (alt_first or main_first):
            continue
        small, big = sorted((gz[i].pop, gz[k].pop))
        if big < ratio * max(1, small):
            continue
        alt_pop = gz[i].pop if alt_first else gz[k].pop
        return ("big alternate v. small main" if alt_pop == big else "big main v. small alternate"), j
    return None


def count(paths: list[Path], half: str, ratio: float) -> tuple[Counter, list[str]]:
    from sitrep.resolve import place as P
    from sitrep.resolve.gazetteer import get_gazetteer

    gz = get_gazetteer()
    tally: Counter = Counter()
    lines: list[str] = []
    for path in paths:
        for n, a in enumerate(read_corpus(path)):
            if half != "all" and (n % 2 == 1) != (half == "odd"):
                continue
            gold = [t for t in a["toponyms"] if t["lat"] is not None]
            if not gold:
                continue
            _, traced = P.resolve_spans_traced(a["text"], [(t["start"], t["end"]) for t in gold])
            for t, rs in zip(gold, traced, strict=True):
                if not rs or len(rs) < 2:
                    continue
                readings = [(i, f, km(gz[i].lat, gz[i].lon, t["lat"], t["lon"]) <= 161) for i, f in rs]
                first = max(range(len(readings)), key=lambda j: readings[j][1]["hand"])
                hit = _pair(gz, readings, first, ratio)
                if hit is None:
                    continue
                kind, j = hit
                first_kind = "alternate" if readings[first][1].get("alternate_name") else "main"
                right = ("first" if readings[first][2] else "rival" if readings[j][2] else "neither") + " right"
                tally[(kind, f"{first_kind} first", right)] += 1
                lines.append(f"{path.stem} {a['id']} {t['phrase']!r}: {gz[readings[first][0]].name} "
                             f"({gz[readings[first][0]].cc}, {gz[readings[first][0]].pop:,}) over "
                             f"{gz[readings[j][0]].name} ({gz[readings[j][0]].cc}, {gz[readings[j][0]].pop:,}); {right}")
    return tally, lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="*", default=[str(DEFAULT)])
    ap.add_argument("--half", choices=("even", "odd", "all"), default="even")
    ap.add_argument("--ratio", type=float, default=10.0)
    ap.add_argument("--examples", type=int, default=10)
    args = ap.parse_args(argv)
    tally, lines = count([Path(c) for c in args.corpus], args.half, args.ratio)
    for key, v in sorted(tally.items()):
        print(f"  {' / '.join(key):70s} {v:4d}")
    for line in lines[: args.examples]:
        print(f"    {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
