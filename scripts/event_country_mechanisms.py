"""Which mechanism gave each detected headline's event its country, and how often it is right (a diagnosis for
issue 11's sealed country figure, not a gate).

    python3 scripts/event_country_mechanisms.py [--sets ucdp-tune,headlines2,headlines3,mideast,leads] [--show MECHANISM]

For each detected headline the event that carries the right country (else the first event) is credited to one
mechanism, read off its place's reason and notes:

  toponym, country named    a place of the event's clause, whose country (or its people) the text names
  toponym, country inferred a place of the event's clause read in a country the text never names: the
                            gazetteer's reading alone decided (the risk for an unseen country: a namesake)
  dateline / most named / adjective   the report's fall-back place (``event_place.fallback_place``)
  reading:<kind>            ``event_country`` (an armed group's main country, a nationality word, ...)
  none                      no place at all

Sets: ``ucdp-tune`` (Nigeria; ``ucdp-check``: Ukraine), ``headlines2`` and ``mideast`` (our own other-country
headlines; mideast: attack headlines with a judged country, both months), ``leads`` (the first sentence of each
seed-like report, alone, with its publication date; right = a country of the report's gold events).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.evaluation import realnews as rn  # noqa: E402
from sitrep.model import Document  # noqa: E402

SHARED = (ROOT / ".." / "shared").resolve()
BENCH = ROOT / "benchmarks" / "data"


def mechanism(e, text: str, gz) -> str:
    from sitrep.resolve.gazetteer import norm

    p = e.place
    if p is None:
        return "none"
    why = p.reason or ""
    for key, name in (("the dateline", "dateline"), ("the place the report names most", "most named"),
                      ("named as an adjective", "adjective")):
        if why.startswith(key) or key in why:
            return name
    m = re.search(r"\(([a-z_ ]+)\), no place named", why)
    if m:
        return f"reading:{m.group(1)}"
    if "not read as a place, no place named" in why:
        return "reading:division"
    cc = p.country_code
    words = {gz.country_name.get(cc or "", "")} | {d for d, c in gz.demonyms.items() if c == cc}
    normed = norm(text)
    if any(w and re.search(rf"\b{re.escape(norm(w))}\b", normed) for w in words):
        return "toponym, country named"
    return "toponym, country inferred"


def credit(events: list, right: set[str], text: str, gz) -> tuple[str, bool, str]:
    """(mechanism, right, what was given) of one detected headline."""
    good = [e for e in events if e.place is not None and e.place.country_code in right]
    e = good[0] if good else next((e for e in events if e.place is not None), events[0])
    got = f"{e.place.country_code}:{e.place.name}" if e.place else "-"
    return mechanism(e, text, gz), bool(good), got


def items(name: str) -> list[tuple[str, str, object, set[str]]]:
    """(id, headline, published, right countries) of a set."""
    if name.startswith("ucdp-"):
        split = name.split("-")[1]
        return [(it.id, it.headline, it.published, {it.country})
                for it in rn.ucdp_items(SHARED, rn.UCDP_SPLIT[split])]
    if name in ("headlines2", "headlines3"):
        evs, _ = rn.read_headlines2(BENCH / f"realnews_{name}.csv")
        return [(it.id, it.headline, it.published, {it.country}) for it in evs]
    if name == "mideast":
        return [(it.id, it.headline, it.published, set(it.countries))
                for it in rn.read_mideast(BENCH / "realnews_mideast.csv") if it.attack and it.countries]
    if name == "leads":
        return leads()
    raise SystemExit(f"unknown set {name}")


def leads() -> list[tuple[str, str, object, set[str]]]:
    """The first sentence of each seed-like report's body (after a title line, when there is one)."""
    from datetime import date

    from sitrep.resolve.gazetteer import get_gazetteer, norm

    gz = get_gazetteer()
    by_name = {norm(n): c for c, n in gz.country_name.items()}
    out = []
    for gold in sorted((ROOT / "tests" / "data").glob("*_gold.json")):
        folder = gold.with_name(gold.name.removesuffix("_gold.json"))
        if not folder.is_dir() or folder.name == "everyday_pages":
            continue
        for d in json.loads(gold.read_text())["documents"]:
            ccs = {by_name.get(norm(ev["location"]["country"])) for ev in d.get("events", [])
                   if (ev.get("location") or {}).get("country")} - {None}
            path = folder / f"{d['id']}.txt"
            if not ccs or not path.exists() or not d.get("published"):
                continue
            body = [ln.strip() for ln in path.read_text().splitlines() if ln.strip()]
            para = body[1] if len(body) > 1 and len(body[0]) < 120 and not body[0].endswith(".") else body[0]
            first = re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", para)[0]
            out.append((f"{folder.name}/{d['id']}", first, date.fromisoformat(d["published"]), ccs))
    return out


def main(argv: list[str] | None = None) -> int:
    from sitrep.pipeline import extract_documents
    from sitrep.resolve.gazetteer import get_gazetteer

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="ucdp-tune,headlines2,mideast,leads")
    ap.add_argument("--show", default="", help="print the headlines of this mechanism (any set; 'wrong' for all "
                    "wrong ones); the check split's are never printed")
    args = ap.parse_args(argv)
    gz = get_gazetteer()
    for name in args.sets.split(","):
        its = items(name)
        docs = [Document(id=i, text=h, title=h, published=p) for i, h, p, _ in its]
        out = {d.id: evs for d, evs, _ in extract_documents(docs)}
        table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        shown = []
        for i, h, _, right in its:
            evs = out.get(i)
            if not evs:
                continue
            mech, ok, got = credit(evs, right, h, gz)
            table[mech][0 if ok else 1] += 1
            if name != "ucdp-check" and (args.show == mech or args.show == "wrong" and not ok):
                shown.append(f"    [{mech}] {'ok ' if ok else 'BAD'} want {'/'.join(sorted(right))} got {got}: {h}")
        det = sum(sum(v) for v in table.values())
        ok = sum(v[0] for v in table.values())
        print(f"\n{name}: {len(its)} items, detected {det}, right country {ok} ({ok / max(det, 1):.3f} of detected)")
        for mech, (r, w) in sorted(table.items(), key=lambda kv: -sum(kv[1])):
            print(f"  {mech:<28} right {r:>5}  wrong {w:>4}  ({r / max(r + w, 1):.3f})")
        print("\n".join(shown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
