"""``sitrep incidents [filters]``: list incidents from the database, newest first."""
from __future__ import annotations

import argparse
import sys

from sitrep.commands import existing_store, place_label
from sitrep.commands.ingest import add_db_argument, db_url


def add_filter_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="on or after this day")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="on or before this day")
    p.add_argument("--bbox", metavar="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT", help="inside this box")
    p.add_argument("--country", help="ISO code (IQ) or name (Iraq)")
    p.add_argument("--type", dest="event_type", help="ACLED event or sub-event type")
    p.add_argument("--actor", help="words in actor1, actor2 or the claimant")
    claimed = p.add_mutually_exclusive_group()
    claimed.add_argument("--claimed", dest="claimed", action="store_const", const=True, default=None,
                         help="only incidents a group claimed")
    claimed.add_argument("--unclaimed", dest="claimed", action="store_const", const=False,
                         help="only incidents a report says no group claimed")
    claimed.add_argument("--claim-unknown", dest="claimed", action="store_const", const="unknown",
                         help="only incidents whose reports say nothing about a claim")
    p.add_argument("-q", "--query", dest="q", help="words anywhere in the incident or its report titles")


def filters_from_args(args: argparse.Namespace) -> dict:
    from sitrep import errors
    from sitrep.ingest.text import parse_date_arg

    out: dict = {}
    for name in ("date_from", "date_to"):
        v = getattr(args, name)
        if v:
            d = parse_date_arg(v)
            if d is None:
                raise errors.SitrepError(f"--{name[5:]}: not a date: {v!r} (use YYYY-MM-DD)",
                                         code=errors.E712_BAD_FILTER)
            out[name] = d
    if args.bbox:
        from sitrep.filters import parse_bbox

        out["bbox"] = parse_bbox(args.bbox)
    for name in ("country", "event_type", "actor", "claimed", "q"):
        v = getattr(args, name)
        if v is not None:
            out[name] = v
    return out


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db_argument(p)
    add_filter_arguments(p)
    p.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")
    p.add_argument("--offset", type=int, default=0, help="skip this many (paging; default 0)")
    p.add_argument("--format", choices=("table", "json", "jsonl"), default="table",
                   help="table (default); json: {total, items}; jsonl: one incident per line")


def _table(rows: list[dict], total: int) -> str:
    cols = [("id", 16), ("date", 10), ("type", 28), ("location", 26), ("actor1", 24), ("dead", 9), ("src", 3),
            ("claimed", 7)]
    lines = ["  ".join(n.ljust(w) for n, w in cols)]
    for r in rows:
        f = r["fatalities"]
        dead = "" if f is None else (str(f) if r["fatalities_low"] == r["fatalities_high"]
                                     else f"{f} ({r['fatalities_low']}-{r['fatalities_high']})")
        claimed = {True: "yes", False: "no", None: ""}[r["claimed"]]
        vals = [r["id"], r["date"] or "", r["sub_event_type"] or r["event_type"] or "",
                place_label(r["location"]),
                r["actor1"] or "", dead, str(r["n_sources"]), claimed]
        lines.append("  ".join(_cut(v, w).ljust(w) for v, (_, w) in zip(vals, cols, strict=True)))
    lines.append(f"{len(rows)} of {total} incidents")
    return "\n".join(lines)


def _cut(s: str, w: int) -> str:
    return s if len(s) <= w else s[: w - 1] + "…"


def open_filtered(args: argparse.Namespace, prog: str):
    """(store, filters) from the command line, or None after printing why not (bad filter, no database)."""
    from sitrep import errors
    from sitrep.store import open_store

    try:
        filters = filters_from_args(args)
        return open_store(existing_store(db_url(args.db))), filters
    except errors.SitrepError as exc:
        print(f"sitrep {prog}: {exc}", file=sys.stderr)
        return None


def run(args: argparse.Namespace) -> int:
    import json

    opened = open_filtered(args, "incidents")
    if opened is None:
        return 2
    store, filters = opened
    try:
        rows = store.incidents(limit=args.limit, offset=args.offset, **filters)
        if args.format == "json":
            print(json.dumps({"total": store.count_incidents(**filters), "items": rows}, indent=2, ensure_ascii=False))
        elif args.format == "jsonl":
            for r in rows:
                print(json.dumps(r, ensure_ascii=False))
        else:
            print(_table(rows, store.count_incidents(**filters)))
    finally:
        store.close()
    return 0

