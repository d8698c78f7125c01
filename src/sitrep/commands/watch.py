"""``sitrep watch FEEDS``: poll RSS/Atom/JSON feeds (FEEDS: a file of URLs, or OPML) and extract and
store each new item once. Conditional GET (ETag / Last-Modified), per-feed exponential backoff on
errors; seen items and feed validators are kept in a small SQLite state file (``--state``)."""
from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("feeds", metavar="FEEDS", help="a text file of feed URLs (one a line, # comments) or an OPML file")
    p.add_argument("--db", metavar="URL", default=None,
                   help="SQLite file or postgresql://... URL (default: $SITREP_DB, $DATABASE_URL, ./sitrep.sqlite)")
    p.add_argument("--interval", type=float, default=900.0, metavar="S",
                   help="seconds between polls of a feed (default 900); failures back off from this")
    p.add_argument("--once", action="store_true", help="poll every due feed once and exit (for cron)")
    p.add_argument("--state", metavar="FILE", default=None,
                   help="SQLite file of seen items and feed validators (default: FEEDS + '.state.sqlite')")
    p.add_argument("--timeout", type=float, default=20.0, metavar="S", help="deadline for one fetch (default 20)")
    p.add_argument("--all-languages", action="store_true", help="do not skip non-English items")
    p.add_argument("-q", "--quiet", action="store_true", help="print only errors and totals")


def run(args: argparse.Namespace) -> int:
    import sys

    from sitrep import errors
    from sitrep.commands.ingest import db_url
    from sitrep.ingest.watch import WatchState, load_feed_list, watch
    from sitrep.pipeline import extract_document
    from sitrep.store import open_store

    if args.interval < 1 or args.timeout <= 0:
        print("sitrep watch: --interval must be >= 1 and --timeout > 0", file=sys.stderr)
        return 2
    try:
        urls = load_feed_list(args.feeds)
    except errors.SitrepError as exc:
        print(f"sitrep watch: {exc}", file=sys.stderr)
        return 1
    state = WatchState(args.state or f"{args.feeds}.state.sqlite")
    store = open_store(db_url(args.db))
    totals = {"new": 0, "failed": 0, "item_errors": 0}

    def handle(doc):
        if store.stored(doc) is None:  # the content hash first: an item carried again is not extracted again
            store.ingest(doc, extract_document(doc))

    def report(results):
        for r in results:
            totals["new"] += r.new
            totals["item_errors"] += len(r.item_errors)
            for w in r.warnings:
                print(f"  {r.url}: warning: {w}", file=sys.stderr)
            for e in r.item_errors:
                print(f"  {r.url}: item failed (retried next poll): {e}", file=sys.stderr)
            if r.status == "failed":
                totals["failed"] += 1
                print(f"  {r.url}: {r.error} (retry in {r.retry_in:.0f}s)", file=sys.stderr)
            elif not args.quiet and r.status != "waiting":
                extra = f", {len(r.skipped)} skipped" if r.skipped else ""
                print(f"  {r.url}: {r.new} new{extra}", file=sys.stderr)

    try:
        watch(urls, state, handle, interval=args.interval, once=args.once, timeout=args.timeout,
              languages=None if args.all_languages else ("en",), report=report)
    finally:
        state.close()
        store.close()
    print(f"{totals['new']} new items stored, {totals['failed']} feed failures, {totals['item_errors']} item failures")
    return 1 if totals["failed"] or totals["item_errors"] else 0  # cron sees a failed round
