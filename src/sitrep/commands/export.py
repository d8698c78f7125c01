"""``sitrep export --format FORMAT [-o FILE] [--bom] [filters]``; the formats come from the export
registry (``sitrep.export.registry``)."""
from __future__ import annotations

import argparse
import sys

from sitrep.commands.incidents import add_filter_arguments, open_filtered
from sitrep.commands.ingest import add_db_argument


def add_arguments(p: argparse.ArgumentParser) -> None:
    from sitrep.export import FORMATS

    p.add_argument("--format", "-f", choices=list(FORMATS), default="csv",
                   help="; ".join(f"{f.name}: {f.description}" for f in FORMATS.values()))
    p.add_argument("-o", "--output", metavar="FILE", default=None,
                   help="write here (default stdout; binary formats need it)")
    p.add_argument("--bom", action="store_true",
                   help="start csv/acled/ucdp with a UTF-8 byte order mark, so spreadsheet programs read "
                        "non-Latin text (Arabic, Cyrillic) right")
    add_db_argument(p)
    add_filter_arguments(p)


def run(args: argparse.Namespace) -> int:
    from sitrep.export import get, write

    spec = get(args.format)
    if spec.binary and not args.output:
        print(f"sitrep export: --format {args.format} is binary; give -o FILE", file=sys.stderr)
        return 2
    opened = open_filtered(args, "export")
    if opened is None:
        return 2
    store, filters = opened
    try:
        if args.output:
            kw = {} if spec.binary else {"encoding": "utf-8", "newline": ""}
            with open(args.output, "wb" if spec.binary else "w", **kw) as out:
                n = write(store, args.format, out, bom=args.bom, **filters)
            print(f"{n} incidents -> {args.output}", file=sys.stderr)
        else:
            write(store, args.format, sys.stdout, bom=args.bom, **filters)
    finally:
        store.close()
    return 0
