"""``sitrep demo [--db PATH] [--no-serve] [--host HOST] [--port PORT]``: the bundled reports are
extracted into a SQLite file (``sitrep-demo.sqlite`` by default; re-running adds nothing twice), the
incidents are printed as a table, then the web map is served."""
from __future__ import annotations

import argparse
import sys

from sitrep.commands import place_label


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default="sitrep-demo.sqlite", help="SQLite file to fill (default sitrep-demo.sqlite)")
    p.add_argument("--no-serve", action="store_true", help="print the table and stop")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from sitrep.commands.progress import DocumentProgress, prepare_places
    from sitrep.demo import demo_index, load_demo
    from sitrep.errors import SitrepError
    from sitrep.store import open_store

    console = Console(width=None if sys.stdout.isatty() else 180)
    err = Console(stderr=True)
    try:
        store = open_store(args.db)
    except SitrepError as exc:
        print(f"sitrep demo: {exc}", file=sys.stderr)
        return 1
    try:
        err.print(f"sitrep demo: extracting the bundled reports into {args.db}")
        prepare_places("demo")
        with DocumentProgress("extracting the demo reports", len(demo_index())) as bar:
            def progress(doc, res):
                err.print(f"  {doc.id}: {res.status}, {len(res.incidents)} incident(s)")
                bar.advance()

            load_demo(store, progress=progress)
        console.print(summary_table(store))
    except BaseException:
        store.close()
        raise
    if args.no_serve:
        store.close()
        return 0
    from sitrep.commands.serve import serve

    try:
        return serve(args.db, host=args.host, port=args.port, store=store)
    finally:
        store.close()


def summary_table(store, limit: int = 200):
    """The incidents as a rich Table: date, type, place, actor, target, killed, claimed, sources."""
    from rich.table import Table

    total = store.count_incidents()
    t = Table(title=f"{total} incidents", show_lines=False)
    for col, kw in (("date", {"no_wrap": True}), ("type", {}), ("where", {}), ("actor", {}), ("target", {}),
                    ("killed", {"justify": "right"}), ("claimed", {}), ("sources", {"justify": "right"}),
                    ("id", {"style": "dim", "no_wrap": True})):
        t.add_column(col, **kw)
    for inc in store.incidents(limit=limit):
        where = place_label(inc.get("location"))
        claimed = {True: "yes", False: "no"}.get(inc.get("claimed"), "–")
        if inc.get("claimed") and inc.get("claimant"):
            claimed = f"yes ({inc['claimant']})"
        killed = inc.get("fatalities_best", inc.get("fatalities"))
        t.add_row(str(inc.get("date") or "–"), str(inc.get("sub_event_type") or inc.get("event_type") or "–"),
                  where or "–", str(inc.get("actor1") or "–"), str(inc.get("target") or "–"),
                  "–" if killed is None else str(killed), claimed, str(inc.get("n_sources") or 0), str(inc["id"]))
    return t
