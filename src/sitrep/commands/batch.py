"""``sitrep batch PATHS --out DIR``: extraction over a large corpus on Dask (a local cluster of
processes by default, or ``--scheduler ADDR``), mentions written as Parquet partitions under DIR and
merged into the store with ``--db``. Run the same command again to resume after a crash."""
from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files, folders, globs, .tar.gz/.zip archives, .html, feeds, .jsonl, or - for stdin")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the Parquet partitions")
    p.add_argument("--scheduler", metavar="ADDR", default=None,
                   help="address of a running Dask scheduler (default: start a local cluster)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="worker processes of the local cluster (default: CPUs - 1)")
    p.add_argument("--db", metavar="URL", default=None,
                   help="also merge into this store (SQLite file or postgresql://...); "
                        "default: no store, Parquet only")
    p.add_argument("--partition-size", type=int, default=250, metavar="N", help="documents per partition")
    p.add_argument("--published", metavar="YYYY-MM-DD", default=None,
                   help="report date for inputs that do not carry one")
    p.add_argument("--all-languages", action="store_true", help="do not skip non-English reports")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar, only the summary")


def run(args: argparse.Namespace) -> int:
    import sys

    from sitrep import errors
    from sitrep.batch import run_batch
    from sitrep.ingest.text import parse_date_arg

    if args.workers is not None and args.workers < 1:
        print("sitrep batch: --workers must be at least 1", file=sys.stderr)
        return 2
    from sitrep.batch import BatchError

    store = None
    try:
        if args.db:
            from sitrep.store import open_store

            store = open_store(args.db)
        stats = run_batch(args.paths, args.out, scheduler=args.scheduler, workers=args.workers, store=store,
                          partition_size=args.partition_size, published=parse_date_arg(args.published),
                          languages=None if args.all_languages else ("en",),
                          progress=not args.quiet and sys.stderr.isatty())
    except BatchError as exc:  # some partitions failed whole; the rest is written
        print(exc.stats.summary())
        print(f"sitrep batch: {exc}", file=sys.stderr)
        return 1
    except errors.SitrepError as exc:
        print(f"sitrep batch: {exc}", file=sys.stderr)
        return 1
    finally:
        if store is not None:
            store.close()
    for f in stats.read_failures[:20]:
        print(f"  skipped {f}", file=sys.stderr)
    if len(stats.read_failures) > 20:
        print(f"  ... and {len(stats.read_failures) - 20} more in {args.out}/read_failures.jsonl", file=sys.stderr)
    print(stats.summary())
    return 0
