"""Why a report scored without its publication date loses events: per report of the seed-like TUNE sets (fresh2,
fresh4, ..., fresh16), the date sitrep infers for it, what its text allows (a dateline with or without a year, days
written in full, days without a year, bare years, weekdays, "last year" / an anniversary) and how its events score
with the gold date and without; then the causes counted. ``--corpora``: the same question, counts only, on the
real tune corpora of ``benchmarks/report_date.py`` (TimeBank, MUC-4 DEV; their dates hidden, no dateline put back):
what each text allows about its own day, and what sitrep answers; with ``--yearless``, each body behind a yearless
wire dateline with its true month and day: what the text tells of the report's year.

    python3 scripts/report_date_causes.py [--sets fresh2,fresh4] [--corpora [--yearless]]

Reads the tune halves only (``benchmarks/seedlike.py`` SPLIT); the check sets are read by ``seedlike.py --split
check``, pooled, once per change.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from seedlike import SPLIT  # noqa: E402
from sitrep.resolve.timex.dateline import infer_report_date, parse_dateline  # noqa: E402
from sitrep.resolve.timex.grammar import Reading, scan  # noqa: E402

DATA = ROOT / "tests" / "data"
SCORE = ROOT.parent / "shared" / "eval" / "score.py"
_LAST_YEAR = re.compile(r"\b(?:last year|anniversary)\b", re.I)


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SCORE)
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def _day(r: Reading) -> date | None:
    try:
        return date(r.data["y"], r.data["m"], r.data["d"])
    except (KeyError, TypeError, ValueError):
        return None


def allows(body: str) -> str:
    """What the text tells that could date it: the kinds of date expression it holds, with their counts."""
    rs = scan(body)
    dl = parse_dateline(body)
    out = []
    if dl and dl.date:
        out.append("dated dateline")
    elif dl and dl.value and dl.value.startswith("XXXX"):
        out.append("yearless dateline")
    kinds = Counter()
    for r in rs:
        day = r.data["day"] if r.kind == "daytime" else r
        if r.kind == "abs" and r.data.get("y") and r.data.get("m"):
            kinds["full day" if r.data.get("d") else "month+year"] += 1
        elif r.data.get("y") and not r.data.get("m"):
            kinds["year"] += 1
        elif r.kind == "abs" and r.data.get("m") and r.data.get("d"):
            kinds["day, no year"] += 1
        if day.kind == "wd":
            kinds["weekday"] += 1
    out += [f"{k} {v}" for k, v in kinds.items()]
    if _LAST_YEAR.search(body):
        out.append("last year/anniversary")
    return ", ".join(out) or "nothing"


def kind(got: date | None, truth: date | None) -> str:
    if got is None:
        return "none"
    if truth is None:
        return "?"
    if abs((got - truth).days) <= 1:
        return "right"
    return "wrong year" if got.year != truth.year else "wrong day"


def seedlike(names: list[str]) -> None:
    from sitrep.ingest.text import document_from_text
    from sitrep.resolve.event_time import report_date

    score = _scorer()
    causes: Counter = Counter()
    lost: Counter = Counter()  # per gold event matched with the date and not without: the brief's (a) .. (e)
    for name in names:
        gold = {d["id"]: d for d in json.loads((DATA / f"{name}_reports_gold.json").read_text())["documents"]}
        for path in sorted((DATA / f"{name}_reports").glob("*.txt")):
            g = gold.get(path.stem)
            if g is None:
                continue
            text = path.read_text(encoding="utf-8")
            truth = date.fromisoformat(g["published"]) if g.get("published") else None
            got_events = {how: _matched(score, text, path.stem, g, day) for how, day in (("with", truth),
                                                                                           ("without", None))}
            doc = document_from_text(text, path.stem)
            got, why = report_date(doc)
            k = kind(got, truth)
            causes[(k, bool(g["events"]))] += 1
            (ws, wm, with_idx), (ns, nm, without_idx) = got_events["with"], got_events["without"]
            cause = {"none": "(a) no report date", "right": "(c) report date right, the event's date lost"}.get(
                k, f"(b) report date {k}")
            if k == "none" and truth is not None:
                cause += f": {_what(doc.text[doc.body_start:], truth)}"
            lost[cause] += len(with_idx - without_idx)
            lost["gained without the date (not a loss)"] += len(without_idx - with_idx)
            lost[f"extra events without the date, report date {k}"] += ns - nm
            print(f"{name:8} {path.stem:24} true {truth} got {got} [{k}] gold {len(g['events'])}: with {wm}/{ws}, "
                  f"without {nm}/{ns} matched/system\n    text: {allows(doc.text[doc.body_start:])}\n"
                  f"    why: {why[:140]}")
    print("causes (kind, the report has gold events): " + ", ".join(f"{k} {v}" for k, v in sorted(causes.items())))
    # (d), an event kept without a date, never matches: score.py pairs events only when both dates parse
    print("gold events matched with the date and lost without it, by cause (and the extra events without dates):")
    for cause, n in sorted(lost.items()):
        print(f"  {cause:<100} {n:4}")


def _matched(score, text: str, stem: str, gold: dict, day: date | None) -> tuple[int, int, set[int]]:
    """(system events with a day, matched, the gold events matched) of one report read with ``day``."""
    from sitrep.ingest.text import document_from_text
    from sitrep.pipeline import event_record, extract_documents
    from sitrep.records import day_known

    doc = document_from_text(text, stem, published=day)
    recs = [event_record(ev) for _, evs, _ in extract_documents([doc]) for ev in evs if day_known(ev)]
    pairs = score.match(gold["events"], recs)
    return len(recs), len(pairs), set(pairs)


def corpora(with_dateline: bool) -> None:
    from report_date import muc4_items, timeml_items, yearless

    for label, items in (("TimeBank", timeml_items("TimeBank")), ("MUC-4 DEV", muc4_items("dev-*"))):
        if with_dateline:
            items = yearless(items)
        c: Counter = Counter()
        for it in items:
            what = _year_what(it.text, it.truth) if with_dateline else _what(it.text, it.truth)
            c[(what, kind(infer_report_date(it.text)[0], it.truth))] += 1
        print(f"{label}: {len(items)} documents (what the text allows: sitrep right / wrong / none)")
        for what in sorted({w for w, _ in c}, key=lambda w: -sum(v for (x, _), v in c.items() if x == w)):
            n = sum(v for (x, _), v in c.items() if x == what)
            wrong = c[(what, "wrong year")] + c[(what, "wrong day")]
            print(f"  {what:<55} {n:5}: {c[(what, 'right')]} / {wrong} / {c[(what, 'none')]}")


def _what(text: str, truth: date) -> str:
    rs = scan(text)
    full = [d for r in rs if r.kind == "abs" for d in [_day(r)] if d is not None]
    near_md = [r for r in rs if r.kind == "abs" and not r.data.get("y") and r.data.get("m") and r.data.get("d")
               and any(abs((d - truth).days) <= 1 for d in [_md(truth.year, r)] if d is not None)]
    years = {r.data["y"] for r in rs if r.data.get("y")}
    weekdays = [r for r in rs if (r.data["day"] if r.kind == "daytime" else r).kind == "wd"]
    if any(abs((d - truth).days) <= 1 for d in full):
        return "the report's day written with its year"
    if near_md:
        return "the report's day without its year, " + ("the year written elsewhere" if truth.year in years
                                                        else "its year nowhere")
    if full:
        return "days of other dates in full" + (", the report's year written" if truth.year in years else "")
    if truth.year in years:
        return "the report's year written, no day near"
    if years:
        return "other years only"
    return "weekdays only" if weekdays else "nothing"


def _year_what(text: str, truth: date) -> str:
    """Behind a yearless dateline: what the text tells of the report's year."""
    rs = scan(text)
    years = sorted({r.data["y"] for r in rs if r.data.get("y")})
    weekdays = any((r.data["day"] if r.kind == "daytime" else r).kind == "wd" for r in rs)
    how = " and a weekday" if weekdays else ", no weekday"
    if not years:
        return "no year" + how
    if truth.year in years:
        return ("the report's year written, the latest" if years[-1] == truth.year else
                "the report's year written, a later one too") + how
    if years[-1] < truth.year:
        return f"only earlier years, the latest {'1' if truth.year - years[-1] == 1 else '2-4' if truth.year - years[-1] <= 4 else '5+'} " \
               "before" + how
    return "other years, a later one too" + how


def _md(year: int, r: Reading) -> date | None:
    try:
        return date(year, r.data["m"], r.data["d"])
    except ValueError:
        return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", help="comma-separated seed-like sets (default: the tune split)")
    ap.add_argument("--corpora", action="store_true", help="the real tune corpora instead, counts only")
    ap.add_argument("--yearless", action="store_true",
                    help="with --corpora: each body behind a yearless wire dateline (report_date.py --yearless)")
    args = ap.parse_args(argv)
    if args.corpora:
        corpora(args.yearless)
    else:
        seedlike(args.sets.split(",") if args.sets else list(SPLIT["tune"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
