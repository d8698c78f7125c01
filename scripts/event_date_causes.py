"""Where event days come from, and how often each source is right: the cause behind an event's day (its date notes:
the report's day fall-back, a day inherited from an event of its type or of another type told before, a day after
"by", the day a source said it, a reference's day, a relative day, or a time expression of its own sentences).

Two sources, each by its fixed split (benchmarks/merge_rewrites.py's and the MUC-4 DEV / TST halves):

- the merge rewrite sets (``--merge tune|check``): each event whose trigger's paragraph names gold events of its
  report (benchmarks/merge_rewrites.keys_of) is right when its day is one of theirs; the wrong ones are listed;
- MUC-4 (``--muc4 DEV-RANGE ...``, e.g. ``0001-0100 0101-0200``, or ``tst1-muc3 tst2-muc4``): an event is right when
  its day lies in the date range of one of its report's keyed incidents (as benchmarks/muc4.py's incident date),
  "no key" when its report has no dated incident.

    python3 scripts/event_date_causes.py --merge tune
    python3 scripts/event_date_causes.py --muc4 0001-0100 0101-0200 0201-0300 0301-0400 0401-0500 0501-0600 0601-0700

Measured at s36, before -> after its change (the day of an act of another type told before, and a day after "by",
both marked weak): merge tune events whose day is none of their gold events' 10 -> 7 of 40 (the report's day 3 right
/ 5 wrong -> 2 / 1, another type's day 4 / 1, "by" 0 / 2 (before: a time expression of its sentences), a reference's
day 0 / 2 =, the day said 0 / 1 =); MUC-4 DEV 0001-0700 (right / wrong / no key): the report's day 151 / 25 / 81 ->
137 / 15 / 80, another type's day 0 -> 21 / 3 / 1, its type's day 45 / 5 / 10 =, a time expression of its sentences
277 / 45 / 78 =, relative 14 / 6 / 4 =.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

_CAUSES = (  # (cause, words of its date note); the first that a note of the event holds wins
    ("the report's day", "date: the report's date"),
    ("another type's day told before", "date: the day of an act of another type"),
    ("its type's day told before", "date: the day of the event told before"),
    ("a time of day: the day told before", "names no day"),
    ("a day after 'by'", "date: the day by which"),
    ("the day its source said it", "date: the day its source said"),
    ("a reference's day", "date: that of the event"),
    ("relative", "the event it follows"),
    ("relative", "counted"),
)


def cause(date_notes: list[str], has_day: bool) -> str:
    """The source of an event's day, by its date notes."""
    if not has_day:
        return "no day"
    for name, words in _CAUSES:
        if any(words in n for n in date_notes):
            return name
    return "a time expression of its sentences"


def _notes(ev) -> list[str]:
    return [n for n in ev.notes if n.startswith("date")]


def merge_sets(split: str) -> None:
    import merge_rewrites as mr

    counts: Counter = Counter()
    for name in mr.SPLITS[split]:
        mr.HERE = mr.DATA / name
        reports, _ = mr.load()
        for doc, events, entry in reports:
            for ev in events:
                days = {entry.get("dates", {}).get(k) for k in mr.keys_of(doc, ev, entry)} - {None}
                if not days:
                    continue
                day = ev.date.isoformat() if ev.date else None
                c = cause(_notes(ev), ev.date is not None)
                counts[(c, day in days)] += 1
                if day not in days:
                    print(f"{name} {entry['file']} {ev.trigger.text!r} {day} (gold {sorted(days)}): {c}")
    _table(counts, ("right", "wrong"), lambda c, v: counts[(c, v == "right")])


def muc4_sets(parts: list[str]) -> None:
    from sitrep.evaluation import muc4
    from sitrep.pipeline import extract_documents

    data = ROOT.parent / "shared" / "data" / "muc4"
    docs, templates = {}, []
    for p in parts:
        folder = p if p.startswith("tst") else f"dev-muc3-{p}"
        key = {"tst1-muc3": "key-tst1.v7", "tst2-muc4": "key-tst2.v4"}.get(p, f"key-dev-{p.split('-')[0]}.muc4")
        docs.update({d.id: d for d in muc4.read_docs(data / "docs" / folder)})
        templates += muc4.read_keys(data / "keys" / key)
    by_doc = muc4.templates_by_doc(templates)
    ids = [i for i in docs if i in by_doc]
    counts: Counter = Counter()
    for sdoc, events, _ in extract_documents(muc4.document_for(docs[i]) for i in ids):
        ranges = [t.date_range for t in by_doc[sdoc.id] if t.relevant and not t.optional and t.date_range]
        for ev in events:
            if ev.military:
                continue
            c = cause(_notes(ev), ev.date is not None)
            if not ranges:
                v = "no key"
            elif ev.date is None:
                v = "no day"
            else:
                v = "right" if any((lo is None or lo <= ev.date) and (hi is None or ev.date <= hi)
                                   for lo, hi in ranges) else "wrong"
            counts[(c, v)] += 1
    _table(counts, ("right", "wrong", "no key", "no day"), lambda c, v: counts[(c, v)])


def _table(counts: Counter, columns: tuple[str, ...], get) -> None:
    names = sorted({c for c, _ in counts})
    print(f"{'cause':38} " + " ".join(f"{v:>7}" for v in columns))
    for c in names:
        print(f"{c:38} " + " ".join(f"{get(c, v):7d}" for v in columns))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--merge", choices=("tune", "check"), help="the merge rewrite sets of one split")
    ap.add_argument("--muc4", nargs="+", help="MUC-4 parts: DEV ranges (0001-0100 ...) or tst1-muc3 tst2-muc4")
    args = ap.parse_args(argv)
    if args.merge:
        merge_sets(args.merge)
    if args.muc4:
        muc4_sets(args.muc4)
    return 0


if __name__ == "__main__":
    sys.exit(main())
