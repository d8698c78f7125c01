"""Extraction throughput on one core: articles/s and words/s for conflict reports (the seed, MUC-4 texts) and for
general news (LGL articles). Prints figures; asserts nothing.

    python3 benchmarks/extract_throughput.py [--muc N] [--lgl N]
"""
from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse  # noqa: E402
import time  # noqa: E402
import xml.etree.ElementTree as ET  # noqa: E402
from pathlib import Path  # noqa: E402

SHARED = Path(os.environ.get("SITREP_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared")


def conflict_docs(n: int):
    from sitrep.ingest.text import document_from_text

    docs = [document_from_text((SHARED / "seed" / "000_ae200f296289012f.txt").read_text(), "seed")]
    from sitrep.evaluation.muc4 import read_docs

    for path in sorted((SHARED / "data" / "muc4" / "docs").glob("dev-muc3-*")):
        for md in read_docs(path):
            docs.append(document_from_text(md.text, md.id))
            if len(docs) >= n:
                return docs
    return docs


def lgl_docs(n: int):
    from sitrep.ingest.text import document_from_text

    root = ET.parse(SHARED / "data" / "geoparsing" / "lgl.xml").getroot()
    docs = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        if text.strip():
            docs.append(document_from_text(text, art.get("docid")))
        if len(docs) >= n:
            break
    return docs


def measure(name: str, docs) -> None:
    """One document at a time (extract_document), then the batched path (extract_documents) the CLI, ingest and
    batch use."""
    from sitrep.pipeline import extract_document, extract_documents

    words = sum(len(d.text.split()) for d in docs)
    for mode in ("one by one", "batched"):
        events = 0
        t0 = time.perf_counter()
        if mode == "one by one":
            for d in docs:
                events += len(extract_document(d))
        else:
            for _, evs, _ in extract_documents(docs):
                events += len(evs)
        dt = time.perf_counter() - t0
        print(f"{name:<28} {mode:<10} {len(docs):>5} articles {words:>8} words {events:>5} events  "
              f"{len(docs) / dt:8.1f} articles/s  {words / dt:9.0f} words/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--muc", type=int, default=300)
    ap.add_argument("--lgl", type=int, default=588)
    args = ap.parse_args()
    if not SHARED.exists():
        raise SystemExit(f"needs the shared data at {SHARED}")
    from sitrep.ingest.text import document_from_text
    from sitrep.pipeline import extract_document

    t0 = time.perf_counter()
    extract_document(document_from_text("A rocket hit the base in Baghdad on Monday.", "warmup"))
    print(f"warm-up (model and gazetteer load): {time.perf_counter() - t0:.2f} s")
    measure("conflict (seed + MUC-4 dev)", conflict_docs(args.muc))
    measure("general news (LGL)", lgl_docs(args.lgl))
    try:
        import resource

        print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    except ImportError:
        pass


if __name__ == "__main__":
    main()
