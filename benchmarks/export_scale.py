"""Export scale (printed, never asserted): each export format on 100,000 synthetic incidents in SQLite
(``sitrep.store.synthetic.fill``), time and peak memory, each format in a fresh process so one format's
peak does not hide another's. Exports stream: memory should stay flat as the store grows.

    python3 benchmarks/export_scale.py [--incidents 100000] [--db PATH] [--formats csv,acled,...]

Peak memory is reported twice: ``tracemalloc`` (Python objects the export allocates; pyarrow is imported
before measuring) and the growth of the process's resident set (``ru_maxrss`` after the export minus
before it: pyarrow's buffers too).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
sys.path.insert(0, str(SRC))


def one(db: str, fmt: str, out: str) -> dict:
    """Export ``fmt`` from ``db`` to ``out`` in this process; figures as a dict."""
    import tracemalloc

    from sitrep.export import get, write
    from sitrep.store import open_store

    store = open_store(db)
    spec = get(fmt)
    if spec.binary:
        import pyarrow.parquet  # noqa: F401  (its import is not the export's memory)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    t0 = time.perf_counter()
    kw = {} if spec.binary else {"encoding": "utf-8", "newline": ""}
    with open(out, "wb" if spec.binary else "w", **kw) as fh:
        n = write(store, fmt, fh)
    dt = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0
    store.close()
    return {"format": fmt, "n": n, "seconds": dt, "peak_mb": peak / 2**20, "rss_mb": rss / 1024,
            "size_mb": os.path.getsize(out) / 2**20}


def main(argv: list[str] | None = None) -> int:
    from sitrep.export import names

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--incidents", type=int, default=100_000)
    ap.add_argument("--db", default=None, help="SQLite file to fill (default: a temporary one)")
    ap.add_argument("--formats", default=",".join(names()))
    ap.add_argument("--one", nargs=3, metavar=("DB", "FORMAT", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(one(*args.one)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "export.sqlite")
        from sitrep.store import open_store
        from sitrep.store.synthetic import fill

        store = open_store(db)
        have = store.count_incidents()
        if have < args.incidents:
            t0 = time.perf_counter()
            fill(store, args.incidents - have)
            print(f"fill: {args.incidents - have:,} synthetic incidents in {time.perf_counter() - t0:.1f} s")
        store.close()
        print(f"{'format':8} {'incidents':>10} {'seconds':>8} {'peak MB (tracemalloc)':>22} {'RSS growth MB':>14} "
              f"{'file MB':>8}")
        for fmt in args.formats.split(","):
            res = subprocess.run([sys.executable, __file__, "--one", db, fmt, str(Path(tmp) / f"out.{fmt}")],
                                 capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(SRC)})
            if res.returncode:
                print(f"{fmt:8} failed: {res.stderr.strip().splitlines()[-1:]}")
                continue
            r = json.loads(res.stdout.strip().splitlines()[-1])
            print(f"{fmt:8} {r['n']:>10,} {r['seconds']:>8.1f} {r['peak_mb']:>22.1f} {r['rss_mb']:>14.1f} "
                  f"{r['size_mb']:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
