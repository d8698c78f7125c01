"""Where detected UCDP headline events lose their place (TUNE split only: Nigeria).

    python3 scripts/headline_places.py [--limit N] [--show KIND] [--country nga] [--readings]

Each detected headline whose UCDP point is precise (where_prec <= 3) falls in one kind: near (an event within
161 km), none (no event has a place), wrong_country (the best event's place is in another country),
country_only (a country-level point in the right country), far_division (a first-order division in the right
country, too far), far_namesake (a town in the right country, too far). Prints counts and examples.
``--causes``: each detected headline placed more than 161 km off (or not placed) gets one cause, from the
headline's words and the gazetteer (``cause``), with counts and examples of each.
``--readings``: of every detected headline (precise or not) whose events name no place, how often each kind of
country reading (``resolve/event_country.py``) it offers is right: the counts of ``knowledge/event_country.toml``.
"""
from __future__ import annotations

import argparse
import re
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


NAME = re.compile(r"\b[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2}")
COUNTRY_LEVEL = ("PCLI", "PCL", "PCLD", "country", "CONT", "RGN")


def _near(gz, ids: list[int], it: rn.UcdpItem) -> list[int]:
    return [i for i in ids if haversine_km(gz[i].lat, gz[i].lon, it.latitude, it.longitude) <= 161]


def cause(it: rn.UcdpItem) -> tuple[str, str]:
    """Why a detected headline's event is not within 161 km of UCDP's point: the first that holds of
    the geocoder found a toponym within 161 km, but the event took another (``event_place``); a name of the
    headline has a reading within 161 km the geocoder did not choose (``wrong_namesake``, or ``admin_for_town``
    where it chose a division, ``not_detected`` where it found no toponym there); the geocoder found places finer
    than the country, all far (``named_place_far``: UCDP codes another place, or the gazetteer lacks the right
    one); a capitalised name no dictionary or gazetteer knows (``unknown_name``: maybe a place missing from the
    gazetteer); else ``no_place_named`` (nothing finer than the country in the headline)."""
    from sitrep.nlp.truecase import is_unknown_word
    from sitrep.resolve.gazetteer import get_gazetteer
    from sitrep.resolve.place import candidate_ids, geocode_text

    gz = get_gazetteer()
    text = it.headline
    found = [p for p in geocode_text(text, include_abstentions=True) if p.feature not in COUNTRY_LEVEL]
    if any(haversine_km(p.latitude, p.longitude, it.latitude, it.longitude) <= 161 for p in found):
        return "event_place", ", ".join(p.name for p in found)
    for m in NAME.finditer(text):
        words = m.group(0).split()
        for n in range(len(words), 0, -1):
            for k in range(len(words) - n + 1):
                name = " ".join(words[k:k + n])
                if not _near(gz, candidate_ids(gz, name), it):
                    continue
                at = [p for p in found if p.span and p.span.start <= m.start() + text[m.start():].find(name) < p.span.end]
                if not at:
                    return "not_detected", name
                return ("admin_for_town" if (at[0].feature or "").startswith("ADM") else "wrong_namesake"), (
                    f"{name} -> {at[0].name} {at[0].feature}")
    if found:
        return "named_place_far", ", ".join(f"{p.name} {p.feature}" for p in found)
    unknown = [w for m in NAME.finditer(text) for w in m.group(0).split()
               if m.start() > 0 and is_unknown_word(w.lower()) and not candidate_ids(gz, w)]
    if unknown:
        return "unknown_name", " ".join(unknown)
    return "no_place_named", ""


def causes(items: list, events: dict[str, list], limit: int = 12) -> None:
    counts: Counter = Counter()
    examples: dict[str, list[str]] = {}
    for it in items:
        evs = events.get(it.id) or []
        if not evs or kind(it, evs) == "near":
            continue
        c, what = cause(it)
        counts[c] += 1
        examples.setdefault(c, []).append(f"{it.headline!r} [{what}] (UCDP {it.latitude:.2f},{it.longitude:.2f})")
    total = sum(counts.values())
    print(f"{total} detected headlines placed more than 161 km off or not placed, by cause:")
    for c, v in counts.most_common():
        print(f"  {c:<16} {v:5d}  {v / max(total, 1):.3f}")
    for c, _v in counts.most_common():
        print(f"\n{c}:")
        for line in examples[c][:limit]:
            print("  " + line)


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
    ap.add_argument("--causes", action="store_true", help="why detected headlines are placed far off, with counts")
    args = ap.parse_args(argv)
    from sitrep.pipeline import extract_documents

    items = [it for it in rn.ucdp_items(SHARED, args.country) if args.readings or it.where_prec <= 3]
    items = items[: args.limit or None]
    docs = [Document(id=it.id, text=it.headline, title=it.headline, published=it.published) for it in items]
    events = {d.id: evs for d, evs, _ in extract_documents(docs)}
    if args.readings:
        readings(items, events)
        return 0
    if args.causes:
        causes(items, events, 1000 if args.show else 12)
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
