"""``sitrep export --format csv|acled|ucdp|geojson|jsonl|parquet [-o FILE] [filters]``."""
from __future__ import annotations

import argparse
import sys

from sitrep.commands.incidents import add_filter_arguments, open_filtered
from sitrep.commands.ingest import add_db_argument

FORMATS = ("csv", "acled", "ucdp", "geojson", "jsonl", "parquet")  # = sitrep.export.FORMATS


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", "-f", choices=FORMATS, default="csv",
                   help="csv; acled / ucdp (those datasets' columns and codes); geojson; jsonl; parquet")
    p.add_argument("-o", "--output", metavar="FILE", default=None, help="write here (default stdout; parquet needs it)")
    add_db_argument(p)
    add_filter_arguments(p)


def run(args: argparse.Namespace) -> int:
    from sitrep.export import BINARY_FORMATS, write

    if args.format in BINARY_FORMATS and not args.output:
        print(f"sitrep export: --format {args.format} is binary; give -o FILE", file=sys.stderr)
        return 2
    opened = open_filtered(args, "export")
    if opened is None:
        return 2
    store, filters = opened
    try:
        if args.output:
            mode = "wb" if args.format in BINARY_FORMATS else "w"
            kw = {} if mode == "wb" else {"encoding": "utf-8", "newline": ""}
            with open(args.output, mode, **kw) as out:
                n = write(store, args.format, out, **filters)
            print(f"{n} incidents -> {args.output}", file=sys.stderr)
        else:
            write(store, args.format, sys.stdout, **filters)
    finally:
        store.close()
    return 0

