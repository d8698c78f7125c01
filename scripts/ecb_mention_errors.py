"""ECB+ mention-level errors of the sub-event CoNLL (issue 16), decomposed: missed links vs wrong links, by cause.

Over the found gold action mentions (a sitrep trigger overlaps them, as ``benchmarks/merge_ecb.py`` scores them),
every pair the sub-event scores count wrong is one of:

* a missed link (one gold chain, two sub-events), by where sitrep parts them: two action kinds of one incident
  (the sub-event mapping, ``merge.incident_action_kinds``), two incidents of one article (within-report split), or
  two incidents of two articles, by the direct comparison of the two sitrep events (``merge.across.compare``): its
  veto (date off by days, no date, place, country, type, target), below threshold, or "would merge" (clustering /
  grouping: the store put the event elsewhere). A date veto names the day each side has and the rule that dated it
  (its ``date:`` note, or the time expression and how it was anchored); a place veto the place of each side and the
  words that placed it;
* a wrong link (two gold chains in one sub-event), by how they came together: one sitrep event over two chains
  (within-report join), two events of one article, two articles (the gold words of the two mentions), or a gold
  singleton joined to a chain;

and, apart (not in the scores: the scores are over found mentions), the gold violent mentions no trigger overlaps.
Each line counts mention pairs and, in brackets, the distinct pairs of sitrep events behind them.

    PYTHONPATH=src python3 scripts/ecb_mention_errors.py [--split tune|other|check] [--shared ../shared]
        [--cache DIR] [--details N]

``--cache DIR`` keeps each split's extraction (a pickle) so a merge change can be measured without extracting again;
delete it after any change to extraction. Session 41 (issue 16): the table in docs/ecb-check-gap.md section 5.
"""
from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import merge_ecb as M  # noqa: E402
from sitrep.evaluation import ecbplus as E  # noqa: E402
from sitrep.merge import across  # noqa: E402


def load(split: str, shared: Path, cache: Path | None) -> dict[int, list[E.Extracted]]:
    """The split's topics, extracted (from the cache when it holds them)."""
    path = cache / f"{split}.pkl" if cache else None
    if path and path.exists():
        with path.open("rb") as fh:
            return pickle.load(fh)
    root = shared / "data" / "realnews" / "ecbplus"
    ids = {"tune": E.TUNE_TOPICS, "check": E.CHECK_TOPICS}.get(split) or E.other_topics(root)
    topics = {t: E.extract(E.read_topic(root, t)) for t in ids}
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            pickle.dump(topics, fh)
    return topics


def dated_by(m) -> str:
    """The day an event has and the rule that gave it: its 'date:' note, else its time expression."""
    note = next((n for n in m.notes if n.startswith("date:")), None)
    day = m.date.isoformat() if m.date else "none"
    if note:
        return f"{day} ({note[5:60].strip()})"
    if m.timex:
        return f"{day} ('{m.timex.text}', {m.timex.anchor})"
    return f"{day} (no time)"


def placed_by(m) -> str:
    """The place an event has and the words that placed it."""
    note = next((n for n in m.notes if n.startswith("place:")), None)
    name = f"{m.place.name}, {m.place.country_code}" if m.place else "none"
    if note:
        return f"{name} ({note[6:60].strip()})"
    return f"{name} ('{m.place_text.text}')" if m.place_text else f"{name} (no place words)"


def _events(a: dict, b: dict):
    return a["x"].events[a["event"]], b["x"].events[b["event"]]


def across_cause(a: dict, b: dict, rules) -> tuple[str, str]:
    """Why two found mentions' sitrep events (of two articles) are in two incidents, and the detail."""
    ma, mb = _events(a, b)
    d = across.compare(across.features_from_mention(ma, "a"), across.features_from_mention(mb, "b"), rules)
    if d.merge:
        return "would merge directly (clustering / grouping)", ""
    if d.veto is None:
        return "below threshold", f"score {d.score:.2f}"
    cause = next((why for start, why in M._CAUSES if d.veto.startswith(start)), "other: " + d.veto[:40])
    if cause.startswith(("date", "no date")):
        return cause, " | ".join(sorted((dated_by(ma), dated_by(mb))))
    if cause.startswith("place"):
        return cause, " | ".join(sorted((placed_by(ma), placed_by(mb))))
    return cause, d.veto[:80]


def classify(a: dict, b: dict, size: dict, rules) -> tuple[str, str, str] | None:
    """(link, cause, detail) of a wrong pair of found mentions; None when the sub-event scores count it right."""
    one_chain = a["gold"].chain == b["gold"].chain
    one_sub = (a["inc"], a["kind"]) == (b["inc"], b["kind"])
    if one_chain and not one_sub:
        if a["inc"] == b["inc"]:
            return "missed", "one incident, two action kinds", " / ".join(sorted((a["kind"], b["kind"])))
        if a["doc"] == b["doc"]:
            return "missed", "one article, two incidents (within-report split)", ""
        return ("missed", *across_cause(a, b, rules))
    if not one_chain and one_sub:
        words = " / ".join(sorted((a["gold"].text.lower(), b["gold"].text.lower())))
        if 1 in (size[a["gold"].chain], size[b["gold"].chain]):
            return "wrong", "a gold singleton joined to another chain", words
        if a["doc"] == b["doc"]:
            return "wrong", ("one sitrep event over two chains (within-report join)" if a["event"] == b["event"]
                             else "two events of one article, one kind"), words
        return "wrong", f"two articles, one sub-event ({a['kind']})", words
    return None


def decompose(topics: dict[int, list[E.Extracted]], rules) -> tuple[Counter, dict, Counter]:
    """(pairs by (link, cause), detail -> (pairs, event pairs) per cause, unfound violent gold mentions)."""
    pairs: Counter = Counter()
    details: dict = defaultdict(lambda: defaultdict(lambda: [0, set()]))
    unfound: Counter = Counter()
    for extracted in topics.values():
        events = E.ingest(extracted, rules)
        found = M._found_mentions(extracted, events)
        size = Counter(f["gold"].chain for f in found)
        for i, a in enumerate(found):
            for b in found[i + 1:]:
                got = classify(a, b, size, rules)
                if got:
                    link, cause, detail = got
                    pairs[(link, cause)] += 1
                    row = details[(link, cause)][detail]
                    row[0] += 1
                    row[1].add(tuple(sorted(((a["doc"], a["event"]), (b["doc"], b["event"])))))
        for x in extracted:
            unfound.update(M._missed_mentions(x))
    return pairs, details, unfound


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("tune", "other", "check"), default="tune")
    ap.add_argument("--shared", default=str(ROOT / ".." / "shared"))
    ap.add_argument("--cache", default=None, help="folder keeping each split's extraction (pickle)")
    ap.add_argument("--details", type=int, default=6, help="details printed per cause")
    args = ap.parse_args(argv)
    topics = load(args.split, Path(args.shared), Path(args.cache) if args.cache else None)
    rules = across.default_rules()
    pairs, details, unfound = decompose(topics, rules)
    total = sum(pairs.values())
    print(f"{args.split}: {total} wrong pairs of found gold mentions; missed links "
          f"{sum(v for (k, _), v in pairs.items() if k == 'missed')}, wrong links "
          f"{sum(v for (k, _), v in pairs.items() if k == 'wrong')}")
    for (link, cause), n in sorted(pairs.items(), key=lambda kv: (kv[0][0], -kv[1])):
        rows = details[(link, cause)]
        ev = len(set().union(*(r[1] for r in rows.values())))
        print(f"  {link:6s} {n:4d} [{ev:3d}]  {cause}")
        for detail, (k, evs) in sorted(rows.items(), key=lambda kv: -kv[1][0])[:args.details]:
            if detail:
                print(f"                 {k:4d} [{len(evs):3d}]  {detail}")
    print("  not found (no trigger overlaps a violent gold mention; outside the scores): "
          + "; ".join(f"{k} {v}" for k, v in sorted(unfound.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
