"""Fires of ``resolve/place_container`` (issue 12 / 11, s41): every event whose place a rule of
``knowledge/place_containers.txt`` made (a name placed at its container, a town read as "near"), with the distance
to the annotated point, on the tune sets: seed-like tune (even freshN, the nearest gold event of the report) and
UCDP Nigeria headlines (UCDP's point; right = within 161 km, the benchmark's radius). ``--split check`` reads the
check sets (seed-like odd, UCDP Ukraine) once per change.

    python3 scripts/place_container_count.py [--split tune|check] [--sets seedlike,ucdp]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))
SHARED = ROOT.parent / "shared"


def _fired(e) -> str | None:
    why = (e.place.reason or "") if e.place is not None else ""
    if "container: " in why:
        return "container"
    if why.startswith("near the town: "):
        return "near"
    return None


def _seedlike(split: str, counts: Counter) -> None:
    import seedlike
    from sitrep.model import Document, haversine_km
    from sitrep.pipeline import extract_documents

    for name in seedlike.SPLIT[split]:
        folder, gold = seedlike.sets()[name]
        golds = {d["id"]: d for d in json.loads(gold.read_text())["documents"]}
        docs = []
        for path in sorted(folder.glob("*.txt")):
            g = golds.get(path.stem, {})
            pub = g.get("published")
            docs.append(Document(id=path.stem, text=path.read_text(), title=None,
                                 published=date.fromisoformat(pub[:10]) if pub else None))
        for doc, events, _ in extract_documents(docs):
            for e in events:
                kind = _fired(e)
                if kind is None:
                    continue
                pts = [(ge["location"]["latitude"], ge["location"]["longitude"], ge["location"]["names"][0])
                       for ge in golds.get(doc.id, {}).get("events", [])]
                km, gname = min(((haversine_km(e.place.latitude, e.place.longitude, a, b), n) for a, b, n in pts),
                                default=(float("nan"), "-"))
                ok = km <= 100.0
                counts[("seedlike", kind, "right" if ok else "wrong")] += 1
                print(f"seedlike {name}/{doc.id} {kind} {e.place.name} -> {km:.0f} km from {gname}: {e.place.reason}")


def _ucdp(split: str, counts: Counter) -> None:
    import realnews as bench
    from sitrep.evaluation import realnews as rn
    from sitrep.model import haversine_km
    from sitrep.pipeline import extract_documents

    country = rn.UCDP_SPLIT[split]
    items = {it.id: it for it in rn.ucdp_items(SHARED, country)}
    for doc, events, _ in extract_documents([bench.headline_doc(it) for it in items.values()]):
        it = items[doc.id]
        for e in events:
            kind = _fired(e)
            if kind is None:
                continue
            km = haversine_km(e.place.latitude, e.place.longitude, it.latitude, it.longitude)
            counts[("ucdp", kind, "right" if km <= 161 else "wrong")] += 1
            print(f"ucdp {doc.id} {kind} {e.place.name} -> {km:.0f} km: {it.headline} | {e.place.reason}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("tune", "check"), default="tune")
    ap.add_argument("--sets", default="seedlike,ucdp")
    args = ap.parse_args()
    counts: Counter = Counter()
    if "seedlike" in args.sets:
        _seedlike(args.split, counts)
    if "ucdp" in args.sets:
        _ucdp(args.split, counts)
    for k, v in sorted(counts.items()):
        print(" ".join(k), v)


if __name__ == "__main__":
    main()
