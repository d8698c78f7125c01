"""The country and place of headline events when the headline does not name its country (issue 11's sealed figure).

    python3 benchmarks/realnews_country.py [--sets ucdp,headlines2,headlines3,mideast2] [--limit N] [--show]

Our headline sets were written by us and name the event's country more often than real local-outlet headlines do
("Gunmen kill seven in Kajuru", not "... in Kajuru, Nigeria"). Each set is scored twice: as written (plain) and
with the event's country's names and demonyms taken out wherever the rest stays grammatical
(``sitrep.evaluation.country_strip``: deterministic; a headline whose country is a subject or object keeps it).
For each set: how many headlines changed and how many still name the country; detected, country of the detected
(right / wrong / none: no country is an abstention, counted as not right) and place within 161 km (of all
headlines with a point), plain next to stripped, over all headlines and over the changed ones only; then, for the
wrong countries of each variant, which mechanism gave the country:

    town, unnamed country  a place of the event's clause read in a country the text does not name (when wrong:
                        a town's namesake abroad)
    toponym, named      a place of the event's clause in a country (or whose people) the text names
    armed group         an armed group's main country (``event_country``, kind group)
    demonym             a nationality word of the sentence (kinds actor_state, actor, victim, location, before, after)
    country/division    a country's or a division's name the parser missed (kinds named, division)
    dateline            the report's dateline place
    default             the place the report names most, a country used as an adjective

Sets: ``ucdp`` (tune = Nigeria, check = Ukraine: real headlines UCDP coders read), ``headlines2``, ``headlines3``
(ours, other countries), ``mideast2`` (ours, attack headlines with a judged country). ``--show`` prints the
changed headlines of the tune split and our sets with what each variant gave (never the check split's).
"""
from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse  # noqa: E402
import dataclasses  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from realnews import HEADLINES2, HEADLINES3, MIDEAST2, SHARED  # noqa: E402
from sitrep.evaluation import realnews as rn  # noqa: E402
from sitrep.evaluation.country_strip import country_words, strip_country  # noqa: E402
from sitrep.model import Document  # noqa: E402

MECHANISMS = ("town, unnamed country", "toponym, named", "armed group", "demonym", "country/division", "dateline",
              "default", "none")
_DEMONYM_KINDS = ("actor_state", "actor", "victim", "location", "before", "after")


@dataclasses.dataclass
class Row:
    """One headline: its id, text, date, right countries and, for scoring, the item of its set."""

    id: str
    text: str
    published: object
    countries: tuple[str, ...]
    item: object


def rows_of(name: str, limit: int) -> list[tuple[str, list[Row]]]:
    """(split name, rows) of a set."""
    if name == "ucdp":
        return [(f"ucdp {split}", [Row(it.id, it.headline, it.published, (it.country,), it)
                                   for it in rn.ucdp_items(SHARED, rn.UCDP_SPLIT[split])[: limit or None]])
                for split in ("tune", "check")]
    if name in ("headlines2", "headlines3"):
        evs, _ = rn.read_headlines2(HEADLINES2 if name == "headlines2" else HEADLINES3)
        return [(name, [Row(it.id, it.headline, it.published, (it.country,), it) for it in evs[: limit or None]])]
    if name == "mideast2":
        its = [it for it in rn.read_mideast(MIDEAST2) if it.attack and it.countries][: limit or None]
        return [(name, [Row(it.id, it.headline, it.published, it.countries, it) for it in its])]
    raise SystemExit(f"unknown set {name}")


def extract(rows: list[Row], texts: dict[str, str]) -> dict[str, list]:
    from sitrep.pipeline import extract_documents

    docs = [Document(id=r.id, text=texts[r.id], title=texts[r.id], published=r.published) for r in rows]
    return {d.id: evs for d, evs, _ in extract_documents(docs)}


def mechanism(e, text: str) -> str:
    """Which mechanism gave the event its place's country (see the module's table)."""
    from sitrep.resolve.gazetteer import norm

    p = e.place
    if p is None:
        return "none"
    why = p.reason or ""
    if "the dateline" in why:
        return "dateline"
    if "the place the report names most" in why or "named as an adjective" in why:
        return "default"
    m = re.search(r"\(([a-z_ ]+)\), no place named", why)
    if m:
        kind = m.group(1).replace(" ", "_")
        return "armed group" if kind == "group" else "demonym" if kind in _DEMONYM_KINDS else "country/division"
    if "not read as a place, no place named" in why:
        return "country/division"
    names, dems = country_words(p.country_code or "")
    normed = norm(text)
    named = any(re.search(rf"\b{re.escape(w)}\b", normed) for w in (*names, *dems))
    return "toponym, named" if named else "town, unnamed country"


def judge(r: Row, events: list) -> tuple[str, str, str]:
    """(right / wrong / none, mechanism, what was given) of a detected headline."""
    good = [e for e in events if e.place is not None and e.place.country_code in r.countries]
    placed = [e for e in events if e.place is not None]
    e = good[0] if good else placed[0] if placed else events[0]
    verdict = "right" if good else "wrong" if placed else "none"
    got = f"{e.place.country_code}:{e.place.name}" if e.place else "-"
    return verdict, mechanism(e, e.evidence[0].text if e.evidence else ""), got


def score(rows: list[Row], events: dict[str, list], texts: dict[str, str]) -> dict:
    """detected, country, place_all of the set's own scorer over ``rows`` read with ``texts``."""
    items = [dataclasses.replace(r.item, headline=texts[r.id]) for r in rows]
    if rows and isinstance(rows[0].item, rn.MideastItem):
        s = rn.score_mideast(items, events)
        return {"detected": s["recall"], "country": s["country"], "place_all": s["place_all"]}
    s = rn.score_ucdp(items, events)
    return {"detected": s["detected"], "country": s["country"], "place_all": s["place_all"]}


def verdicts(rows: list[Row], events: dict[str, list]) -> tuple[Counter, Counter, Counter]:
    """Counts of right / wrong / none among the detected, and the mechanisms of the wrong and of the right ones."""
    v: Counter = Counter()
    wrong: Counter = Counter()
    right: Counter = Counter()
    for r in rows:
        if events.get(r.id):
            verdict, mech, _ = judge(r, events[r.id])
            v[verdict] += 1
            (wrong if verdict != "right" else right)[mech] += 1
    return v, wrong, right


def run_set(name: str, rows: list[Row], show: bool) -> dict:
    plain = {r.id: r.text for r in rows}
    stripped = {r.id: strip_country(r.text, r.countries) for r in rows}
    changed = [r for r in rows if stripped[r.id] != r.text]
    ev_plain = extract(rows, plain)
    ev_strip = dict(ev_plain)
    ev_strip.update(extract(changed, stripped))
    still = sum(_names_country(stripped[r.id], r.countries) for r in rows)
    out = {"name": name, "n": len(rows), "changed": len(changed), "still": still}
    for tag, ev, texts in (("plain", ev_plain, plain), ("stripped", ev_strip, stripped)):
        out[tag] = score(rows, ev, texts)
        out[f"{tag}_changed"] = score(changed, ev, texts) if changed else None
        out[f"{tag}_verdicts"] = verdicts(rows, ev)
    if show and "check" not in name:
        for r in changed:
            a = judge(r, ev_plain[r.id]) if ev_plain.get(r.id) else ("undetected", "", "")
            b = judge(r, ev_strip[r.id]) if ev_strip.get(r.id) else ("undetected", "", "")
            print(f"  [{name}] want {'/'.join(r.countries)} plain {a[0]} {a[2]} | stripped {b[0]} {b[2]} [{b[1]}]: "
                  f"{stripped[r.id]}")
    return out


def _names_country(text: str, ccs) -> bool:
    from sitrep.resolve.gazetteer import norm

    normed = norm(text)
    return any(re.search(rf"\b{re.escape(w)}\b", normed) for cc in ccs for ws in country_words(cc) for w in ws)


def report(res: list[dict]) -> None:
    print("\ncountry-of-detected and place within 161 km (all headlines with a point), plain -> stripped")
    print(f"  {'set':<12} {'n':>5} {'changed':>8} {'named':>6} | {'detected':>15} | {'country':>15} | "
          f"{'place_all':>15} | changed only: {'country':>15} {'place_all':>15}")
    for r in res:
        p, s, pc, sc = r["plain"], r["stripped"], r["plain_changed"] or {}, r["stripped_changed"] or {}

        def pair(a: dict, b: dict, k: str) -> str:
            return f"{a[k]:.3f} -> {b[k]:.3f}" if a and b else f"{'-':>15}"

        print(f"  {r['name']:<12} {r['n']:>5} {r['changed']:>8} {r['still']:>6} | {pair(p, s, 'detected')} | "
              f"{pair(p, s, 'country')} | {pair(p, s, 'place_all')} | {'':>13} {pair(pc, sc, 'country')} "
              f"{pair(pc, sc, 'place_all')}")
    print("\nof the detected: right / wrong / none (no country: an abstention), plain -> stripped")
    for r in res:
        a, b = r["plain_verdicts"][0], r["stripped_verdicts"][0]
        print(f"  {r['name']:<12} " + "  ".join(f"{k} {a[k]:>4} -> {b[k]:>4}" for k in ("right", "wrong", "none")))
    print("\nmechanism that gave the country: wrong (or none) plain -> stripped | right plain -> stripped")
    for r in res:
        wa, wb = r["plain_verdicts"][1], r["stripped_verdicts"][1]
        ra, rb = r["plain_verdicts"][2], r["stripped_verdicts"][2]
        print(f"  {r['name']}")
        for mech in MECHANISMS:
            if wa[mech] or wb[mech] or ra[mech] or rb[mech]:
                print(f"    {mech:<18} wrong {wa[mech]:>4} -> {wb[mech]:>4}   right {ra[mech]:>5} -> {rb[mech]:>5}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="ucdp,headlines2,headlines3,mideast2")
    ap.add_argument("--limit", type=int, default=0, help="at most N headlines of each set and split")
    ap.add_argument("--show", action="store_true", help="print the changed headlines (tune split and our sets)")
    args = ap.parse_args(argv)
    if not SHARED.exists():
        raise SystemExit(f"needs the shared data at {SHARED}")
    res = [run_set(name, rows, args.show) for s in args.sets.split(",") for name, rows in rows_of(s, args.limit)]
    report(res)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
