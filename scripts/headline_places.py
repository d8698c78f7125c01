"""Where detected UCDP headline events lose their place (TUNE split only: Nigeria).

    python3 scripts/headline_places.py [--limit N] [--show KIND] [--country nga] [--readings]

Each detected headline whose UCDP point is precise (where_prec <= 3) falls in one kind: near (an event within
161 km), none (no event has a place), wrong_country (the best event's place is in another country),
country_only (a country-level point in the right country), far_division (a first-order division in the right
country, too far), far_namesake (a town in the right country, too far). Prints counts and examples.
``--readings``: of every detected headline (precise or not) whose events name no place, how often each kind of
country reading (``resolve/event_country.py``) it offers is right: the counts of ``knowledge/event_country.toml``.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from sitrep.evaluation import realnews as rn
from sitrep.model import Document, haversine_km

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def kind(it: rn.UcdpItem, events: list) -> str:
    placed = [e.place for e in events if e.place is not None]
    if not placed:
        return "none"
    dist = [haversine_km(p.latitude, p.longitude, it.latitude, it.longitude) for p in placed]
    if min(dist) <= 161:
        return "near"
    best = placed[dist.index(min(dist))]
    if best.country_code != it.country:
        return "wrong_country"
    if best.feature in ("PCLI", "PCL", "PCLD", "country") or best.geo_precision >= 3 and not best.admin1:
        return "country_only"
    if (best.feature or "").startswith("ADM"):
        return "far_division"
    return "far_namesake"


def unplaced(events: list) -> bool:
    """No event of the headline has a place the text names (none, or only a country read off its sentence)."""
    return all(e.place is None or (e.place.reason or "").startswith("the country of '") for e in events)


def readings(items: list, events: dict[str, list]) -> None:
    """Right / wrong per kind of country reading, once per headline and kind (its first reading of that kind)."""
    from sitrep.resolve.event_country import KINDS, country_readings, load_decision

    right: Counter = Counter()
    wrong: Counter = Counter()
    chosen: Counter = Counter()
    n = 0
    for it in items:
        evs = events.get(it.id) or []
        if not evs or not unplaced(evs):
            continue
        n += 1
        seen: dict[str, str] = {}
        for e in evs:
            for r in country_readings(e):
                seen.setdefault(r.kind, r.cc)
        for kind, cc in seen.items():
            (right if cc == it.country else wrong)[kind] += 1
        chosen["right" if any(e.place and e.place.country_code == it.country for e in evs) else
               "placed, wrong" if any(e.place for e in evs) else "no country"] += 1
    print(f"{n} detected headlines with no named place; kinds used now: {load_decision().order}")
    for kind in KINDS:
        r, w = right[kind], wrong[kind]
        print(f"  {kind:<14} right {r:5d}  wrong {w:5d}  share {r / max(r + w, 1):.3f}")
    print("  chosen: " + ", ".join(f"{k} {v}" for k, v in chosen.most_common()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", default="", help="comma-separated kinds whose examples to print")
    ap.add_argument("--country", default=rn.UCDP_SPLIT["tune"])
    ap.add_argument("--readings", action="store_true", help="right/wrong counts per kind of country reading")
    args = ap.parse_args(argv)
    from sitrep.pipeline import extract_documents

    items = [it for it in rn.ucdp_items(SHARED, args.country) if args.readings or it.where_prec <= 3]
    items = items[: args.limit or None]
    docs = [Document(id=it.id, text=it.headline, title=it.headline, published=it.published) for it in items]
    events = {d.id: evs for d, evs, _ in extract_documents(docs)}
    if args.readings:
        readings(items, events)
        return 0
    kinds: Counter = Counter()
    show = set(args.show.split(",")) - {""}
    for it in items:
        evs = events.get(it.id) or []
        if not evs:
            kinds["undetected"] += 1
            continue
        k = kind(it, evs)
        kinds[k] += 1
        if k in show:
            ps = [(e.place.name, e.place.country_code, e.place.feature, e.place.reason) for e in evs if e.place]
            print(f"{k:<13} {it.headline!r} -> {ps} (UCDP {it.latitude:.2f},{it.longitude:.2f})")
    det = sum(v for k, v in kinds.items() if k != "undetected")
    print(f"{len(items)} precise headlines, {det} detected")
    for k, v in kinds.most_common():
        print(f"  {k:<14} {v:5d}  {v / max(det, 1):.3f} of detected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
