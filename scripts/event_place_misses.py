"""The kinds of the event-place misses (a diagnosis for issues 11 and 12, not a gate).

    python3 scripts/event_place_misses.py [--sets ucdp-tune,wikievents] [--show KIND]

ucdp-tune (Nigeria): every DETECTED headline whose events' places are all over 161 km from UCDP's point (or
absent), where UCDP's point is precise (where_prec <= 3), put in one kind, read off UCDP's ``where_description``
("Konduga town", "Mafa lga", "Alau Dam village": the name and the kind of place it is) and the event's place:

  no place, headline names none        the headline names no place sitrep could read (country-only headlines
                                       count in "country only")
  UCDP's place in headline, not in gazetteer: <kind>   the name UCDP codes is in the headline, the gazetteer
                                       has no place of that name in the country (village, lga, forest, ...)
  UCDP's place in headline, not chosen the gazetteer has it, another (or no) place was chosen
  country only                         the event's place is the country, the headline names no finer place
                                       (", but a state named": it names a state of the country)
  admin-1 point                        the event's place is a first-order division of the right country and
                                       the headline names no finer place: a correct choice that cannot score
  namesake                             the chosen place has UCDP's name but lies elsewhere, or is in another
                                       country
  another town than UCDP's             a town of the right country that the headline names, over 161 km from
                                       the town UCDP coded (UCDP coded a place the headline does not name)

wikievents (both halves; check read as kinds only): each gold Place argument of an attack / die / injure event,
found by the benchmark's rule (any place value of an event in the gold event's sentence: the event's place or
the argument model's ``places``) or not, and by the event's own place only; the misses printed with the kind
read by hand in the report.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.evaluation import realnews as rn  # noqa: E402
from sitrep.model import Document  # noqa: E402

SHARED = (ROOT / ".." / "shared").resolve()


def _descriptions(country: str) -> dict[str, str]:
    path = SHARED / "data" / "realnews" / "ucdp_ged" / f"conflict_data_{country}.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        return {f"{country}-{r['id'].split('.')[0]}": r["where_description"] for r in csv.DictReader(fh)
                if (r.get("id") or "").strip()}


def _ucdp_kind(it, evs: list, where: str, gz) -> str:
    from sitrep.resolve.gazetteer import norm

    words = where.split()
    kind = words[-1].lower() if len(words) > 1 else "place"
    name = " ".join(words[:-1]) if len(words) > 1 else where
    named = bool(name) and norm(name) in norm(it.headline)
    known = any(gz.col_cc[j] == it.country for j in gz.lookup_key(norm(name))) if name else False
    places = [e.place for e in evs if e.place is not None]
    if named and not known:
        return f"UCDP's place in headline, not in gazetteer: {kind}"
    if not places:
        return "UCDP's place in headline, not chosen" if named else "no place, headline names none"
    p = places[0]
    if norm(p.name) == norm(name) or p.country_code != it.country and p.feature not in ("PCLI", "PCLD", "PCLS"):
        return "namesake"
    if named:
        return "UCDP's place in headline, not chosen"
    if p.feature in ("PCLI", "PCLD", "PCLS", "PCLF", "PCL"):
        return "country only, but a state named" if _state_named(it, gz) else "country only"
    if p.feature == "ADM1":
        return "admin-1 point"
    return "another town than UCDP's"


def _state_named(it, gz) -> bool:
    """The headline names a first-order division of the event's country (a word or two of it)."""
    from sitrep.resolve.gazetteer import ADMIN1, norm

    for m in re.finditer(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", it.headline):
        for key in {norm(m.group(0)), norm(m.group(0).split()[0])}:
            if any(gz.col_kind[j] == ADMIN1 and gz.col_cc[j] == it.country for j in gz.lookup_key(key)):
                return True
    return False


def ucdp(show: str) -> None:
    from sitrep.pipeline import extract_documents
    from sitrep.resolve.gazetteer import get_gazetteer

    gz = get_gazetteer()
    items = rn.ucdp_items(SHARED, rn.UCDP_SPLIT["tune"])
    where = _descriptions(rn.UCDP_SPLIT["tune"])
    docs = [Document(id=it.id, text=it.headline, title=it.headline, published=it.published) for it in items]
    out = {d.id: evs for d, evs, _ in extract_documents(docs)}
    kinds: Counter = Counter()
    det = [it for it in items if out.get(it.id) and it.where_prec <= 3]
    for it in det:
        evs = out[it.id]
        if any(e.place is not None and rn.haversine_km(e.place.latitude, e.place.longitude, it.latitude,
                                                        it.longitude) <= 161 for e in evs):
            continue
        k = _ucdp_kind(it, evs, where.get(it.id, ""), gz)
        kinds[k] += 1
        if show and show in k:
            got = ",".join(sorted({f"{e.place.country_code}:{e.place.name}:{e.place.feature}" if e.place else "-"
                                   for e in evs}))
            print(f"    [{k}] UCDP {where.get(it.id)!r} got {got}: {it.headline[:140]}")
    print(f"\nucdp-tune: {len(det)} detected with a precise point, {sum(kinds.values())} over 161 km or none")
    for k, n in kinds.most_common():
        print(f"  {n:>5}  {k}")


def wikievents() -> None:
    from sitrep.pipeline import extract_documents

    docs = rn.wikievents_docs(SHARED)
    out = {d.id: evs for d, evs, _ in extract_documents([Document(id=d["doc_id"], text=d["text"]) for d in docs])}
    for split, ids in (("tune", rn.WIKIEVENTS_TUNE), ("check", rn.WIKIEVENTS_CHECK)):
        n = hit = own = 0
        lines = []
        for doc in (d for d in docs if d["doc_id"] in ids):
            by_sent = rn._events_by_sentence(doc, out.get(doc["doc_id"], []))
            ents = {m["id"]: m for m in doc["entity_mentions"]}
            for g in rn._family_events(doc):
                near = by_sent.get(g["trigger"]["sent_idx"], [])
                for a in g["arguments"]:
                    if a["role"] != "Place" or a["entity_id"] not in ents:
                        continue
                    m = ents[a["entity_id"]]
                    head = rn.head_word(m["text"])
                    n += 1
                    found = any(rn.head_found(head, rn.role_values(e, "Place")) for e in near)
                    mine = any(e.place is not None and rn.head_found(head, [e.place.name, e.place.span.text
                                                                            if e.place.span else ""])
                               for e in near)
                    hit += found
                    own += mine
                    if not mine:
                        sent = " ".join(t[0] for t in doc["sentences"][g["trigger"]["sent_idx"]][0])
                        got = "; ".join(sorted({(e.place.name if e.place else "-") + " | " + ",".join(
                            f.text for f in e.roles.get("places", [])) for e in near})) or "NO EVENT"
                        lines.append(f"    [{split} {'arg-model' if found else 'MISS'}] gold {m['text']!r} "
                                     f"({g['event_type']}) got [{got}]: {re.sub(r'  +', ' ', sent)[:200]}")
        print(f"\nwikievents {split}: Place n={n} found={hit} ({hit / max(n, 1):.3f}) by the event's own place "
              f"{own} ({own / max(n, 1):.3f})")
        print("\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="ucdp-tune,wikievents")
    ap.add_argument("--show", default="", help="print the UCDP tune misses of kinds containing this text")
    args = ap.parse_args(argv)
    sets = args.sets.split(",")
    if "ucdp-tune" in sets:
        ucdp(args.show)
    if "wikievents" in sets:
        wikievents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
