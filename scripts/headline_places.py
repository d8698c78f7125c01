"""Where detected UCDP headline events lose their place (TUNE split only: Nigeria).

    python3 scripts/headline_places.py [--limit N] [--show KIND] [--country nga]

Each detected headline whose UCDP point is precise (where_prec <= 3) falls in one kind: near (an event within
161 km), none (no event has a place), wrong_country (the best event's place is in another country),
country_only (a country-level point in the right country), far_division (a first-order division in the right
country, too far), far_namesake (a town in the right country, too far). Prints counts and examples.
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", default="", help="comma-separated kinds whose examples to print")
    ap.add_argument("--country", default=rn.UCDP_SPLIT["tune"])
    args = ap.parse_args(argv)
    from sitrep.pipeline import extract_documents

    items = [it for it in rn.ucdp_items(SHARED, args.country) if it.where_prec <= 3][: args.limit or None]
    docs = [Document(id=it.id, text=it.headline, title=it.headline, published=it.published) for it in items]
    events = {d.id: evs for d, evs, _ in extract_documents(docs)}
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
