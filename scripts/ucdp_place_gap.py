"""Why UCDP place-of-detected differs between Nigeria (tune) and Ukraine (check) (issue 11 / 12; a diagnosis).

For each split, every detected UCDP headline (where_prec <= 3) is put in one row of two tables:

  hits, by what placed the event within 161 km of UCDP's point:
    named place          a place of the event is a non-country toponym the headline writes (any spelling the
                         gazetteer reads: "Lugansk", "Gorlovka", "DPR" count, as does a 5-letter prefix match)
    country point        the country's point, or the point of a part of it the headline names ("eastern Ukraine")
    inferred             a place the headline does not write (an armed group's theatre, actor_theatres.csv)

  misses, by kind (first that applies; the script ucdp_place_causes.py's cause is the first cut):
    country point, bare / direction-qualified   the event sits at the country's (or a named part's) point and the
                                                headline names nothing smaller; split by a direction word
    no place named                              the headline names no place (event unplaced or at a theatre)
    place of something else                     another country or a capital read for the event: the attacker's
                                                country ("Russian helicopter"), a capital for its government
                                                ("Kiev's shelling"), the venue of talks ("ahead of Minsk summit")
    division's point                            a state named, UCDP's town more than 161 km from the state's point
    named town 161-200 km                       a town (or a state read as its capital town) just past the rim
    place named, not in gazetteer / finder misses it / namesake elsewhere / other named place chosen

    python3 scripts/ucdp_place_gap.py [--split tune|check] [--show]

Counts at s39 (main 101e4e9) are in docs/ucdp-place-gap.md.
"""

from __future__ import annotations

import argparse
import collections
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from ucdp_place_causes import SHARED, cause  # noqa: E402

from sitrep.evaluation import realnews as rn  # noqa: E402
from sitrep.model import Document, haversine_km  # noqa: E402
from sitrep.pipeline import extract_documents  # noqa: E402
from sitrep.resolve.gazetteer import get_gazetteer  # noqa: E402

NEAR = 161.0
HOME = {"tune": "Nigeria", "check": "Ukraine"}
DIRECTION = re.compile(r"\b(?:(?:north|south)?(?:east|west)(?:ern)?|north(?:ern)?|south(?:ern)?|central|"
                       r"north-east(?:ern)?|south-east(?:ern)?|NE)\b|\bE\.|\bN'East", re.I)
ELSEWHERE = {"PPLC"}
UNIT_WORDS = re.compile(r"\b(?:town|village|lga|city|community|area|state)\b")


def records(split: str) -> list[dict]:
    """One dict per precise UCDP headline: the row's place fields, status and the event places with distances."""
    cc = rn.UCDP_SPLIT[split]
    path = SHARED / "data" / "realnews" / "ucdp_ged" / f"conflict_data_{cc}.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = {f"{cc}-{r['id'].split('.')[0]}": r for r in csv.DictReader(fh)
                if (r.get("id") or "").strip() and not r["id"].startswith("#")}
    items = [it for it in rn.ucdp_items(SHARED, cc) if it.where_prec <= 3]
    docs = [Document(id=it.id, text=it.headline, title=it.headline, published=it.published) for it in items]
    events = {d.id: evs for d, evs, _err in extract_documents(docs)}
    gz = get_gazetteer()
    out = []
    for it in items:
        evs = events.get(it.id) or []
        ev = [(e.place.name, e.place.feature, haversine_km(e.place.latitude, e.place.longitude, it.latitude,
                                                            it.longitude)) for e in evs if e.place is not None]
        rec = {"headline": it.headline, "wp": it.where_prec, "wc": rows[it.id]["where_coordinates"],
               "lat": it.latitude, "lon": it.longitude, "ev": ev, "cause": ""}
        if not evs:
            rec["status"] = "not detected"
        elif any(km <= NEAR for *_x, km in ev):
            rec["status"] = "near"
        else:
            rec["status"] = "miss"
            rec["cause"] = cause(it, evs, gz)[0]
        out.append(rec)
    return out


def hit_kind(r: dict) -> str:
    """What placed a hit within 161 km."""
    hits = [(n, f) for n, f, km in r["ev"] if km <= NEAR]
    low = r["headline"].lower()
    if any(f != "PCLI" and n.lower()[:5] in low for n, f in hits):
        return "named place (as written)"
    if any(f == "PCLI" for _n, f in hits):
        return "country point, " + ("direction-qualified" if DIRECTION.search(r["headline"]) else "bare")
    return f"not written as the gazetteer's name: {hits[0][0]}"


def _country_kind(r: dict, split: str) -> str:
    feats = {f for _n, f, _k in r["ev"]}
    foreign = {n for n, f, _k in r["ev"] if (f == "PCLI" and n != HOME[split]) or f in ELSEWHERE}
    if foreign:
        return "place of something else (other country / capital)"
    if feats & {"ADM1", "PPL"}:
        return "no place named (event at a theatre)"
    return "country point, " + ("direction-qualified" if DIRECTION.search(r["headline"]) else "bare")


def miss_kind(r: dict, split: str) -> str:
    """The kind of one miss (the first that applies)."""
    c, ev = r["cause"], r["ev"]
    feats = {f for _n, f, _k in ev}
    if c == "country only" or (c == "no toponym" and feats == {"PCLI"}):
        return _country_kind(r, split)
    if c == "no toponym":
        words = UNIT_WORDS.sub("", r["wc"]).split()
        if any(len(w) >= 4 and w[:5].lower() in r["headline"].lower() for w in words):
            return "place named, not in gazetteer"
        return "no place named (event at a theatre)" if feats == {"ADM1"} else "no place named"
    simple = {"name missed": "place named, in gazetteer, finder misses it",
              "division named": "division's point vs UCDP town", "wrong reading": "namesake elsewhere"}
    if c in simple:
        return simple[c]
    names = {n for n, _f, _k in ev}
    if feats & ELSEWHERE or (names - {HOME[split]} and feats <= {"PCLI", "PPLC"}):
        return "place of something else (other country / capital)"
    if feats == {"PCLI"}:
        return "country point, " + ("direction-qualified" if DIRECTION.search(r["headline"]) else "bare")
    if ev and min(km for *_x, km in ev) <= 200:
        return "named town 161-200 km (state read as its town, list)"
    if feats == {"ADM1"}:
        return "division's point vs UCDP town"
    return "other named place chosen"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--split", default="", choices=["", *sorted(rn.UCDP_SPLIT)], help="default: both")
    ap.add_argument("--show", action="store_true", help="print each miss with its kind")
    args = ap.parse_args()
    for split in [args.split] if args.split else ["tune", "check"]:
        recs = records(split)
        det = [r for r in recs if r["status"] != "not detected"]
        hits = collections.Counter(hit_kind(r) for r in det if r["status"] == "near")
        misses = collections.Counter(miss_kind(r, split) for r in det if r["status"] == "miss")
        near = sum(hits.values())
        print(f"{split} ({HOME[split]}): {len(recs)} precise, detected {len(det)}, placed {near} "
              f"({near / max(len(det), 1):.3f} of detected)")
        for title, counts in (("hits", hits), ("misses", misses)):
            print(f"  {title}:")
            for k, v in counts.most_common():
                print(f"    {v:5d} {v / max(len(det), 1):.3f}  {k}")
        if args.show:
            for r in det:
                if r["status"] == "miss":
                    print(f"  [{miss_kind(r, split)}] {r['headline']} | UCDP {r['wc']} p{r['wp']} | "
                          + "; ".join(f"{n}[{f},{km:.0f}km]" for n, f, km in r["ev"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
