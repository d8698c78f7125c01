"""Articles per second of ``sitrep batch`` with 1 and 2 Dask workers (a LocalCluster of processes), against
a single-process baseline in the same run, on the LGL news articles repeated to ``--count`` documents.
Also prints the peak resident memory of each worker process. Prints figures; asserts nothing.

    python benchmarks/batch_scaling.py                     # 20,000 articles (long)
    python benchmarks/batch_scaling.py --count 500 --workers 1 2 4
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import resource
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

SHARED = Path(os.environ.get("SITREP_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared")


def lgl_articles(path: Path) -> list[dict]:
    out = []
    for _, el in ET.iterparse(path, events=("end",)):
        if el.tag == "article":
            text = el.findtext("text") or ""
            if text.strip():
                out.append({"id": el.get("docid"), "title": el.findtext("title"), "text": text,
                            "published": (el.findtext("dltime") or "")[:10] or None})
            el.clear()
    return out


def write_corpus(articles: list[dict], count: int, folder: Path) -> Path:
    path = folder / "lgl_repeated.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(count):
            a = articles[i % len(articles)]
            fh.write(json.dumps({**a, "id": f"lgl-{a['id']}-{i // len(articles)}"}) + "\n")
    return path


def load_extract(spec: str):
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def _baseline(corpus: str, spec: str) -> tuple[int, int, float, int]:
    """In a fresh process: read + extract every document; (docs, events, seconds, peak RSS kB)."""
    from sitrep.ingest.sources import read_any
    from sitrep.model import Document

    extract = load_extract(spec)
    t0 = time.perf_counter()
    docs = events = 0
    for d in read_any([corpus]):
        if isinstance(d, Document):
            docs += 1
            try:
                events += len(extract(d))
            except Exception:  # counted like the batch counts it: the document fails, the run goes on
                pass
    return docs, events, time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=20_000, help="documents (LGL articles repeated), default 20000")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="Dask worker counts to time")
    ap.add_argument("--partition-size", type=int, default=100)
    ap.add_argument("--extract", default="sitrep.pipeline:extract_document",
                    help="module:function that extracts one Document (default: the real pipeline)")
    ap.add_argument("--skip-baseline", action="store_true")
    args = ap.parse_args()

    lgl = SHARED / "data" / "geoparsing" / "lgl.xml"
    if not lgl.exists():
        print(f"needs {lgl}", file=sys.stderr)
        return 2
    from distributed import Client, LocalCluster

    from sitrep.batch import run_batch

    articles = lgl_articles(lgl)
    extract = load_extract(args.extract)
    print(f"LGL: {len(articles)} articles, repeated to {args.count}; extract = {args.extract}; "
          f"CPUs: {os.cpu_count()}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_corpus(articles, args.count, Path(tmp))
        if not args.skip_baseline:
            with ProcessPoolExecutor(max_workers=1) as pool:
                docs, events, secs, rss = pool.submit(_baseline, str(corpus), args.extract).result()
            rows.append(("single process", docs, events, secs, [rss]))
        for n in args.workers:
            cluster = LocalCluster(n_workers=n, processes=True, threads_per_worker=1, host="127.0.0.1",
                                   dashboard_address=None)
            client = Client(cluster)
            try:
                out = Path(tmp) / f"out-{n}"
                stats = run_batch([str(corpus)], out, client=client, extract=extract,
                                  partition_size=args.partition_size, progress=False)
                rows.append((f"dask, {n} worker{'s' if n > 1 else ''}", stats.documents, stats.events,
                             stats.seconds, sorted(stats.worker_maxrss_kb.values())))
            finally:
                client.close()
                cluster.close()
    base = rows[0][3] / max(rows[0][1], 1) if not args.skip_baseline else None
    print(f"{'run':<18} {'docs':>7} {'events':>7} {'seconds':>9} {'articles/s':>11} {'speed-up':>9}  peak RSS per worker (MB)")
    for name, docs, events, secs, rss in rows:
        rate = docs / secs if secs else 0.0
        speed = f"{(base * docs) / secs:.2f}x" if base and secs else "-"
        mem = ", ".join(f"{r / 1024:.0f}" for r in rss)
        print(f"{name:<18} {docs:>7} {events:>7} {secs:>9.1f} {rate:>11.1f} {speed:>9}  {mem}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
