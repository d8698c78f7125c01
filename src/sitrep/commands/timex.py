"""``sitrep timex [PATH ...] [--anchor YYYY-MM-DD]``: text in, one JSON line per temporal expression out.

The anchor (the report's date) is ``--anchor``, else the input's own publication date (JSON Lines
``published``), else the date inferred from the text (dateline, or the latest dated day it tells); the
anchor used and why go to stderr. ``--no-infer`` leaves values that need an anchor underspecified."""
from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH", default=["-"],
                   help="text files, folders, .jsonl, or - for stdin (default: stdin)")
    p.add_argument("--anchor", metavar="YYYY-MM-DD", default=None,
                   help="the report's date, which relative expressions are resolved against")
    p.add_argument("--no-infer", action="store_true",
                   help="do not infer the report's date from the text when no anchor is given")


def run(args: argparse.Namespace) -> int:
    import json
    import sys
    from datetime import date

    from sitrep import errors
    from sitrep.ingest.text import read_paths
    from sitrep.resolve.time import acled_time_precision, find_timexes, infer_report_date

    anchor = None
    if args.anchor:
        try:
            anchor = date.fromisoformat(args.anchor)
        except ValueError:
            print(f"sitrep timex: --anchor {args.anchor!r} is not a date (YYYY-MM-DD)", file=sys.stderr)
            return 2
    failures = 0
    try:
        for item in read_paths(args.paths):
            if not hasattr(item, "text"):
                print(f"sitrep timex: skipped {item}", file=sys.stderr)
                failures += 1
                continue
            doc = item
            from_text = doc.meta.get("published_from") == "dateline"  # a date the reader took from the dateline
            when, how = anchor or (None if from_text and args.no_infer else doc.published), "given"
            if not anchor and when and from_text:
                how = "the report's dateline"
            if when is None:
                when, how = (None, "not inferred: --no-infer") if args.no_infer else infer_report_date(doc.text)
            print(f"{doc.id}: anchor {when.isoformat() if when else 'none'} ({how})", file=sys.stderr)
            for t in find_timexes(doc.text, when):
                row = {"document": doc.id, "start": t.start, "end": t.end, "text": t.text, "type": t.type,
                       "value": t.value, "anchor": t.anchor, "precision": t.precision,
                       "acled_time_precision": acled_time_precision(t)}
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    except errors.SitrepError as exc:
        print(f"sitrep timex: {exc}", file=sys.stderr)
        return 1
    return 1 if failures and failures == len(args.paths) else 0
