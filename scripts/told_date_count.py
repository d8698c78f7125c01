"""How often an event with no day in its own sentences takes another event's day (``resolve/event_time.
inherit_told_dates``: same type, "the day of the event told before it"; another type, ``OTHER_ACT_DATE_NOTE``),
and whether that day is right (issue 16 / 11, session 40; docs/ecb-check-gap.md section 4).

    python3 scripts/told_date_count.py muc DOCS... --keys KEYS...   # MUC-4 (DEV = tune): the key's incident dates
    python3 scripts/told_date_count.py seedlike --sets fresh2 fresh4 ...  # gold event dates, with report dates
    python3 scripts/told_date_count.py ecb --split tune|other|check   # gold chains: one act with its source or not

Judged: MUC-4, right when the day lies in a relevant template's date range of the report, wrong when the report has
relevant dated templates and none holds it; seed-like, right when a gold event of the report has that day, wrong
when gold events with days exist and none has it; ECB+ (no gold days), "one act" when a gold chain of the event's
trigger is one of the source event's, "another act" otherwise. Each row: the branch (same / other type), the
distance in sentences to the source, the verdict, and whether the event's own sentence holds a year or a span
counted from another event (``event_time.coarse_time_of_its_own``: such an event now takes no day; count them with
that check switched off in ``inherit_told_dates``).
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

from sitrep.model import OTHER_ACT_DATE_NOTE  # noqa: E402

SAME_NOTE = "date: the day of the event told before it ('"


def _fires(events):
    """(event, source event, branch) of each event that took another event's day."""
    told = list(events)  # the merged mention of each event
    for m in told:
        e = m
        branch = ("same type" if any(n.startswith(SAME_NOTE) for n in m.notes) else
                  "other type" if any(n.startswith(OTHER_ACT_DATE_NOTE) for n in m.notes) else None)
        if branch is None:
            continue
        span = m.field_spans["date"][-1]
        src = next((x for x in told if x is not e and span in x.field_spans.get("date", [])), None)
        yield e, src, branch


def _dist(e, src) -> str:
    if src is None:
        return "?"
    d = e.sentence_index - src.sentence_index
    return "same/adjacent" if d <= 1 else "2-3 sentences" if d <= 3 else "4+ sentences"


def _own_time(e) -> tuple[str, list[str]]:
    """Whether the event's own sentence holds a time that gave it no day (issue 16 / 11: a year, a month, a season,
    "six months prior", "this year": ``event_time.coarse_time_of_its_own``, the rule that now stops the lending)."""
    from sitrep.resolve.event_time import coarse_time_of_its_own
    t = coarse_time_of_its_own(e, e.date)
    return ("own coarse time", [f"'{t.text}'"]) if t is not None else ("no own coarse time", [])


def _show(out: Counter, key, doc_id, e, src, verbose: bool, text: str = "") -> None:
    own, coarse = _own_time(e)
    key = (*key, own)
    out[key] += 1
    if verbose:
        trig = e.field_spans.get("trigger", [])
        strig = src.field_spans.get("trigger", []) if src else []
        print(f"  {doc_id}: {key}: {e.event_type} '{trig[0].text if trig else '?'}' <- "
              f"{src.event_type if src else '?'} '{strig[0].text if strig else '?'}' {e.date} [{own} {' '.join(coarse)}]")
        if text and trig:
            at = trig[0].start
            print("     " + " ".join(text[max(0, at - 160):at + 80].split()))


def muc(docs: list[str], keys: list[str], verbose: bool) -> Counter:
    from sitrep.evaluation import muc4
    from sitrep.pipeline import extract_documents
    templates = []
    for k in keys:
        templates += muc4.read_keys(k)
    by_doc = muc4.templates_by_doc(templates)
    mdocs = [d for p in docs for d in muc4.read_docs(p) if d.id in by_doc]
    out: Counter = Counter()
    for d, (_doc, events, _err) in zip(mdocs, extract_documents(muc4.document_for(d) for d in mdocs), strict=True):
        ranges = [r for t in by_doc[d.id] if t.relevant and (r := t.date_range) is not None]
        for e, src, branch in _fires(events):
            day = e.date
            if not ranges:
                verdict = "no dated key"
            elif any((lo or hi) <= day <= (hi or lo) for lo, hi in ranges):
                verdict = "right"
            else:
                verdict = "wrong"
            if ranges and d.report_date is not None:  # the day it had without the rule: the report's
                had = any((lo or hi) <= d.report_date <= (hi or lo) for lo, hi in ranges)
                verdict += "; report's day " + ("right" if had else "wrong")
            _show(out, (branch, _dist(e, src), verdict), d.id, e, src, verbose, d.text)
    return out


def seedlike(names: list[str], verbose: bool) -> Counter:
    from sitrep.ingest.text import document_from_text
    from sitrep.pipeline import extract_documents
    data = ROOT / "tests" / "data"
    out: Counter = Counter()
    for name in names:
        gold = json.loads((data / f"{name}_reports_gold.json").read_text())["documents"]
        days = {d["id"]: {ev.get("date") for ev in d["events"] if ev.get("date")} for d in gold}
        published = {d["id"]: d.get("published") for d in gold}
        docs = [document_from_text(p.read_text(encoding="utf-8"), p.stem, published=date.fromisoformat(published[
            p.stem]) if published.get(p.stem) else None) for p in sorted((data / f"{name}_reports").glob("*.txt"))]
        for doc, events, _err in extract_documents(docs):
            gdays = days.get(doc.id, set())
            for e, src, branch in _fires(events):
                day = e.date.isoformat()
                verdict = "no gold day" if not gdays else "right" if day in gdays else "wrong"
                if gdays and doc.published is not None:  # the day it had without the rule: the report's
                    verdict += "; report's day " + ("right" if doc.published.isoformat() in gdays else "wrong")
                _show(out, (branch, _dist(e, src), verdict), f"{name}/{doc.id}", e, src, verbose, doc.text)
    return out


def _chains(x, ev) -> set[str]:
    spans = [(sp.start, sp.end) for sp in ev.field_spans.get("trigger", [])]
    return {g.chain for g in x.article.mentions if any(a <= g.start < b or g.start <= a < g.end for a, b in spans)}


def ecb(split: str, verbose: bool) -> Counter:
    from sitrep.evaluation import ecbplus as E
    root = ROOT.parent / "shared" / "data" / "realnews" / "ecbplus"
    topics = {"tune": E.TUNE_TOPICS, "check": E.CHECK_TOPICS}.get(split) or E.other_topics(root)
    out: Counter = Counter()
    for t in topics:
        for x in E.extract(E.read_topic(root, t)):
            for e, src, branch in _fires(x.events):
                a, b = _chains(x, e), _chains(x, src) if src else set()
                verdict = "no gold mention" if not a or not b else "one act" if a & b else "another act"
                _show(out, (branch, _dist(e, src), verdict), x.article.id, e, src, verbose, x.article.text)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", choices=("muc", "seedlike", "ecb"))
    ap.add_argument("docs", nargs="*")
    ap.add_argument("--keys", nargs="*", default=[])
    ap.add_argument("--sets", nargs="*", default=[])
    ap.add_argument("--split", default="tune")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    out = (muc(args.docs, args.keys, args.verbose) if args.corpus == "muc" else
           seedlike(args.sets, args.verbose) if args.corpus == "seedlike" else ecb(args.split, args.verbose))
    for key, n in sorted(out.items()):
        print(f"{n:4d}  {' / '.join(key)}")
    print(f"total {sum(out.values())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
