"""``sitrep extract PATH... [--published YYYY-MM-DD] [--format json|jsonl|table] [--totals] [--undated]``: one record
per event.

Reported totals ("28,000 killed since 2015") are not events: they are left out unless ``--totals`` asks for them,
as records of their own (``record_kind: reported_total``) after each report's events, so that whatever reads the
output as events (the evaluation kit's ``score.py``, a spreadsheet) never counts a total as an incident. An
incident is dated (FORMAT.md: ``date`` is YYYY-MM-DD): events whose day cannot be known (no date in their sentences,
none for the report, or only a month: ``records.day_known``) are left out and counted on stderr; ``--undated``
writes them as ``record_kind: undated_event`` (a month-only one keeps its month's first day and
``date_precision: month``), and ``--published`` gives the undated ones the report's day. (The Python API, ``sitrep.pipeline``, returns
them as events with ``date`` None; the store keeps them as undated incidents.)

Reads plain text, the seed layout (title line, then ``FILE:``), JSON Lines and stdin (``-`` or no path).
A bad input gets a message on stderr and the rest of the batch goes on; the exit status is the number of
inputs that failed (capped at 100)."""
from __future__ import annotations

import argparse
import json
import sys


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", help="files, directories, JSON Lines; '-' or nothing reads stdin")
    p.add_argument("--published", help="the reports' publication date, YYYY-MM-DD (else inferred from the text)")
    p.add_argument("--format", choices=["json", "jsonl", "table"], default="jsonl",
                   help="jsonl: one JSON record per event and line (default); json: one JSON list; "
                        "table: a readable summary")
    p.add_argument("--totals", action="store_true",
                   help="also write the reports' reported totals ('28,000 killed since 2015') as records with "
                        "record_kind 'reported_total' (json/jsonl); they are never events")
    p.add_argument("--undated", action="store_true",
                   help="also write events whose day cannot be known (no date in the text and no --published, or only "
                        "a month) as records with record_kind 'undated_event' (json/jsonl); they are not incidents")
    p.add_argument("--quiet", action="store_true", help="no progress or per-input messages on stderr")


def run(args: argparse.Namespace) -> int:
    from sitrep.commands.progress import DocumentProgress, count_inputs, prepare_places
    from sitrep.ingest import ReadFailure, read_paths
    from sitrep.ingest.language import screen_language
    from sitrep.ingest.text import parse_date_arg
    from sitrep.pipeline import event_record, extract_documents
    from sitrep.records import day_known, undated_record

    published = parse_date_arg(args.published)
    if args.published and published is None:
        print(f"sitrep extract: --published {args.published!r} is not YYYY-MM-DD", file=sys.stderr)
        return 2
    failures = left_out = 0
    records = []
    paths = args.paths or ["-"]
    if "-" in paths and sys.stdin.isatty() and not args.quiet:
        print("sitrep extract: reading a report from standard input; end it with Ctrl-D "
              "(or give files: sitrep extract PATH...)", file=sys.stderr)

    def documents():
        nonlocal failures
        for item in read_paths(paths, published=published):
            if not isinstance(item, ReadFailure):
                item = screen_language(item)  # as ingest does: other languages are E108, not silence
            if isinstance(item, ReadFailure):
                failures += 1
                print(f"sitrep extract: skipped {item}", file=sys.stderr)
                continue
            yield item

    prepare_places("extract", quiet=args.quiet)
    with DocumentProgress("extracting", count_inputs(paths), quiet=args.quiet) as bar:
        for doc, events, error in bar.track(extract_documents(documents())):
            if error:
                failures += 1
                print(f"sitrep extract: {doc.id}: {error}", file=sys.stderr)
                continue
            extra = args.format != "table"
            totals = doc.meta.get("reported_totals", []) if args.totals and extra else []
            dated = [ev for ev in events if day_known(ev)]
            undated = [undated_record(ev) for ev in events if not day_known(ev)] if args.undated and extra else []
            left_out += 0 if args.undated else len(events) - len(dated)
            # record_kind "reported_total" / "undated_event": never read as incidents
            for rec in [event_record(ev) for ev in dated] + undated + totals:
                if args.format == "jsonl":
                    sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
                else:
                    records.append(rec)
    if left_out and not args.quiet:
        print(f"sitrep extract: {left_out} event(s) with no knowable day left out (no date in the text and no "
              "--published, or only a month; --undated writes them as undated_event records)", file=sys.stderr)
    if args.format == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.format == "table":
        _table(records)
    return min(failures, 100)


def _table(records: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"{len(records)} events")
    for col in ("document", "date", "type", "weapons", "actor1", "target", "location", "fatal.", "claimed"):
        t.add_column(col, overflow="fold")
    for r in records:
        loc = r.get("location") or {}
        t.add_row(r["document"], r["date"] or "", r["sub_event_type"], ", ".join(r["weapons"]), r["actor1"] or "",
                  r["target"] or "", f"{loc.get('name', '')} ({loc.get('country', '')})" if loc else "",
                  "" if r["fatalities"] is None else str(r["fatalities"]), str(r["claimed"]))
    Console().print(t)
