"""Extraction throughput on one core: articles/s and words/s for conflict reports (the seed, MUC-4 texts) and for
general news (LGL articles), with ``--breakdown`` where the time of the batched path goes (cProfile: its overhead
inflates the Python stages against spaCy's compiled ones); and one long document (MUC-4 and LGL texts run together into one report of 1, 2
and 4 MB, each size in its own process): seconds and peak memory, which must grow linearly. Prints figures;
asserts nothing.

    python3 benchmarks/extract_throughput.py [--muc N] [--lgl N] [--long 1,2,4] [--long-only] [--breakdown]
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


def spacy_full_rate(docs) -> float:
    """Articles/s of spaCy-sm's full pipeline (every component, ``nlp.pipe``) over the same texts in this run: the
    yardstick the speed figures are divided by (machines here differ 2x from day to day)."""
    import spacy

    from sitrep.nlp.spacy_model import MODEL_NAMES

    nlp = None
    for name in MODEL_NAMES:  # a fresh copy with every component, not sitrep's configured one
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    list(nlp.pipe(["A rocket hit the base in Baghdad on Monday."]))
    t0 = time.perf_counter()
    for _ in nlp.pipe((d.text for d in docs), batch_size=64):
        pass
    return len(docs) / (time.perf_counter() - t0)


def measure(name: str, docs) -> None:
    """One document at a time (extract_document), then the batched path (extract_documents) the CLI, ingest and
    batch use; each rate also as a ratio to spaCy-sm's full pipeline on the same texts, measured in this run."""
    from sitrep.pipeline import extract_document, extract_documents

    words = sum(len(d.text.split()) for d in docs)
    base = spacy_full_rate(docs)
    print(f"{name:<28} spaCy-sm full pipeline  {base:8.1f} articles/s  (the yardstick)")
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
        rate = len(docs) / dt
        print(f"{name:<28} {mode:<10} {len(docs):>5} articles {words:>8} words {events:>5} events  "
              f"{rate:8.1f} articles/s  {words / dt:9.0f} words/s  {rate / base:5.1f}x spaCy-sm")


# stages of the batched path: (label, [(module path, function)]); a stage's time is the cumulative time of its calls
STAGES = (
    ("split, truecase, screen", [("sitrep/nlp/__init__.py", "prepare")]),
    ("spaCy: screened sentences", [("sitrep/nlp/__init__.py", "_parse")]),
    ("spaCy: role-model sentences", [("sitrep/nlp/__init__.py", "parse_sentences")]),  # less the line above
    ("clause candidates", [("sitrep/extract/document.py", "candidates")]),
    ("clause model", [("sitrep/extract/clause_model.py", "keep_violent")]),
    ("report date", [("sitrep/resolve/event_time.py", "report_date")]),
    ("time expressions", [("sitrep/resolve/event_time.py", "event_timexes")]),
    ("places (NER, gazetteer)", [("sitrep/resolve/event_place.py", "place_entities"),
                                 ("sitrep/resolve/event_place.py", "find_places")]),
    ("roles (rules)", [("sitrep/extract/document.py", "attach_roles")]),
    ("role and argument models", [("sitrep/extract/role_model.py", "apply_role_model")]),
)


def breakdown(name: str, docs) -> None:
    """Seconds and share of each stage of the batched path (extract_documents) under cProfile."""
    import cProfile
    import pstats

    from sitrep.pipeline import extract_documents

    prof = cProfile.Profile()
    prof.enable()
    for _ in extract_documents(docs):
        pass
    prof.disable()
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    total = max(ct for (_, _, fn), (_, _, _, ct, _) in stats.items() if fn == "extract_documents")

    def cum(path: str, fn: str) -> float:
        return sum(v[3] for (f, _, n), v in stats.items() if n == fn and f.endswith(path))

    times = {label: sum(cum(p, f) for p, f in calls) for label, calls in STAGES}
    times["spaCy: role-model sentences"] -= times["spaCy: screened sentences"]
    times["other (merging, dates, records, Python)"] = total - sum(times.values())
    print(f"{name}: where the batched path's {total:.1f} s go (under cProfile)")
    for label, t in times.items():
        print(f"    {label:<40} {t:6.2f} s  {t / total:6.1%}")


def long_text(megabytes: float) -> str:
    """MUC-4 reports (truecased as the pipeline would) and LGL articles, alternating, until the size."""
    from sitrep.evaluation.muc4 import read_docs
    from sitrep.nlp.truecase import truecase

    muc = [truecase(md.text) for path in sorted((SHARED / "data" / "muc4" / "docs").glob("dev-muc3-*"))
           for md in read_docs(path)]
    lgl = [d.text for d in lgl_docs(600)]
    parts: list[str] = []
    size, i = 0, 0
    while size < megabytes * 1e6:
        t = (muc if i % 2 == 0 else lgl)[(i // 2) % len(muc if i % 2 == 0 else lgl)]
        parts.append(t)
        size += len(t) + 2
        i += 1
    return "\n\n".join(parts)[:int(megabytes * 1e6)]


def measure_long(megabytes: float) -> None:
    """One report of ``megabytes`` through the batched path (what ``sitrep ingest`` runs)."""
    import resource

    from sitrep.ingest.text import document_from_text, sections
    from sitrep.pipeline import extract_documents

    doc = document_from_text(long_text(megabytes), f"long-{megabytes:g}mb")
    list(extract_documents([document_from_text("A rocket hit the base in Baghdad on Monday.", "warmup")]))
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    parts = sections(doc)  # what ``read_any`` hands ``sitrep ingest``
    events, errors = 0, 0
    for _, evs, error in extract_documents(parts):
        events += len(evs)
        errors += bool(error)
    dt = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"long document {megabytes:>4g} MB  {len(doc.text.split()):>8} words  {len(parts):>3} sections  "
          f"{events:>5} events  {dt:7.1f} s  {len(doc.text.split()) / dt:7.0f} words/s  peak RSS {peak:6.0f} MB "
          f"(+{peak - base:.0f} MB over the loaded models)  {errors} errors", flush=True)


def run_long(sizes: str) -> None:
    import subprocess
    import sys

    for mb in sizes.split(","):
        subprocess.run([sys.executable, __file__, "--long-one", mb], check=False)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--muc", type=int, default=300)
    ap.add_argument("--lgl", type=int, default=588)
    ap.add_argument("--long", default="1,2,4", metavar="MB,MB", help="sizes of the long-document case")
    ap.add_argument("--long-only", action="store_true", help="only the long-document case")
    ap.add_argument("--breakdown", action="store_true", help="where the time goes, per stage (cProfile)")
    ap.add_argument("--long-one", type=float, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not SHARED.exists():
        raise SystemExit(f"needs the shared data at {SHARED}")
    if args.long_one is not None:
        return measure_long(args.long_one)
    if args.long_only:
        return run_long(args.long)
    from sitrep.ingest.text import document_from_text
    from sitrep.pipeline import extract_document

    t0 = time.perf_counter()
    extract_document(document_from_text("A rocket hit the base in Baghdad on Monday.", "warmup"))
    print(f"warm-up (model and gazetteer load): {time.perf_counter() - t0:.2f} s")
    measure("conflict (seed + MUC-4 dev)", conflict_docs(args.muc))
    measure("general news (LGL)", lgl_docs(args.lgl))
    if args.breakdown:
        breakdown("conflict (seed + MUC-4 dev)", conflict_docs(args.muc))
        breakdown("general news (LGL)", lgl_docs(args.lgl))
    if args.long:
        run_long(args.long)
    try:
        import resource

        print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    except ImportError:
        pass


if __name__ == "__main__":
    main()
