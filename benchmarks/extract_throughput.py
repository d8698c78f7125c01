"""Extraction throughput on one core: articles/s and words/s for conflict reports (the seed, MUC-4 texts) and for
general news (LGL articles), each also as a ratio to spaCy-sm's full pipeline on the same texts in the same run (by
the clock and by CPU time), with ``--breakdown`` the CPU time of each stage of the batched path; and one long
document (MUC-4 and LGL texts run together into one report of 1, 2 and 4 MB, each size in its own process): seconds
and peak memory, which must grow linearly. Prints figures; asserts nothing.

    python3 benchmarks/extract_throughput.py [--muc N] [--lgl N] [--long 1,2,4] [--long-only] [--breakdown] [--compare]
                                             [--batched-only]
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


# a report of our own that takes every stage's lazily loaded tables (spaCy, the gazetteer and its division
# populations, the role, argument and clause models, the truecaser's word list, the screen's phrases) out of the
# timed runs, as the yardstick's model is loaded before it is timed
WARMUP = ("Gunmen Kill Five In Attack On Plateau Village\n"
          "JOS, Nigeria, March 4 (Reuters) - Gunmen killed five villagers and wounded ten others in an attack on a "
          "village in Plateau State on Monday, police said. The attackers, suspected members of Boko Haram, set fire "
          "to houses and a mosque. A car bomb exploded near a market in Maiduguri on Sunday. The army said troops "
          "were sent to the area. Residents fled to nearby towns. A police spokesman said two suspects were arrested.")


def warm_up() -> None:
    from sitrep.ingest.text import document_from_text
    from sitrep.knowledge import freeze_tables
    from sitrep.pipeline import extract_document, extract_documents

    freeze_tables()  # as the ``sitrep`` command does: loaded tables out of the cycle collector's full passes

    title, body = WARMUP.split("\n", 1)
    docs = [document_from_text(WARMUP, "warmup"), document_from_text(body.upper(), "warmup-caps")]
    list(extract_documents(docs))
    extract_document(document_from_text(body, "warmup-one"))
    # tables the report above does not reach: division populations (a division name shared across countries),
    # the screen's whole phrase pattern (a sentence beyond ASCII), the merge module a report's notes import
    import sitrep.merge.across  # noqa: F401
    from sitrep.nlp.screen import screen
    from sitrep.resolve.gazetteer import get_gazetteer

    get_gazetteer().division_population("NG", "")
    # the towns of each country (one pass over the gazetteer), first asked for by a compass zone ("northern ...")
    from sitrep.resolve.event_place import _zone_towns

    _zone_towns("NG", None)
    screen("Gunmen fired on the car \u2013 nobody was hurt.")


def spacy_full_rate(docs) -> tuple[float, float]:
    """Articles/s of spaCy-sm's full pipeline (every component, ``nlp.pipe``) over the same texts in this run, by
    the clock and by this process's CPU time: the yardstick the speed figures are divided by (machines here differ
    2x from day to day, and on a shared machine the clock also counts the time others hold the core)."""
    nlp = _plain_spacy()
    list(nlp.pipe(["A rocket hit the base in Baghdad on Monday."]))
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in nlp.pipe((d.text for d in docs), batch_size=64):
        pass
    return len(docs) / (time.perf_counter() - t0), len(docs) / (time.process_time() - c0)


def measure(name: str, docs, modes: tuple[str, ...] = ("one by one", "batched")) -> None:
    """One document at a time (extract_document), then the batched path (extract_documents) the CLI, ingest and
    batch use; each rate also as a ratio to spaCy-sm's full pipeline on the same texts, measured in this run: by
    the clock and by CPU time (the steadier one where other work shares the machine)."""
    from sitrep.pipeline import extract_document, extract_documents

    words = sum(len(d.text.split()) for d in docs)
    base, base_cpu = spacy_full_rate(docs)
    print(f"{name:<28} spaCy-sm full pipeline  {base:8.1f} articles/s  ({base_cpu:.1f} per CPU second; the yardstick)")
    for mode in modes:
        events = 0
        t0, c0 = time.perf_counter(), time.process_time()
        if mode == "one by one":
            for d in docs:
                events += len(extract_document(d))
        else:
            for _, evs, _ in extract_documents(docs):
                events += len(evs)
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        rate = len(docs) / dt
        print(f"{name:<28} {mode:<10} {len(docs):>5} articles {words:>8} words {events:>5} events  "
              f"{rate:8.1f} articles/s  {words / dt:9.0f} words/s  {rate / base:5.1f}x spaCy-sm "
              f"({len(docs) / cpu:.1f} per CPU second: {len(docs) / cpu / base_cpu:.2f}x by CPU time)", flush=True)


# stages of the batched path: (label, [(module or module:class, function)]); a stage's time is the CPU time spent in its calls less
# the time of the other stages they call (wrappers around the module attributes the pipeline calls)
STAGES = (
    ("split, truecase, screen", [("sitrep.nlp", "prepare")]),
    ("spaCy parse (screened, role-model)", [("sitrep.nlp", "_pipe"), ("sitrep.nlp:Analysis", "name_entities")]),
    ("clause candidates", [("sitrep.extract.document", "candidates")]),
    ("clause model", [("sitrep.pipeline", "keep_violent")]),
    ("report date", [("sitrep.resolve.event_time", "report_date")]),
    ("time expressions", [("sitrep.resolve.event_time", "event_timexes")]),
    ("place entities", [("sitrep.resolve.event_place", "place_entities")]),
    ("places (gazetteer)", [("sitrep.resolve.event_place", "find_places"),
                            ("sitrep.resolve.event_place", "fallback_place")]),
    ("roles (rules)", [("sitrep.extract.document", "attach_roles")]),
    ("clause places and dates", [("sitrep.resolve.event_place", "attach_places"),
                                 ("sitrep.resolve.event_place", "split_places"),
                                 ("sitrep.resolve.event_time", "attach_dates")]),
    ("merge, report context", [("sitrep.pipeline", "merge_mentions"), ("sitrep.extract.document", "mentions_to_merge"),
                               ("sitrep.extract.document", "apply_report_context")]),
    ("role model", [("sitrep.extract.role_model", "assign_roles")]),
    ("argument model, target field", [("sitrep.extract.argument_model", "apply_argument_model"),
                                      ("sitrep.extract.target_field", "choose_targets")]),
)


def breakdown(name: str, docs) -> None:
    """CPU seconds and share of each stage of the batched path (extract_documents), each stage's own time."""
    import importlib

    from sitrep.pipeline import extract_documents

    spent: dict[str, float] = {}
    stack: list[list] = []  # [label, CPU time when it last resumed]

    def timed(label: str, fn):
        def call(*args, **kwargs):
            now = time.process_time()
            if stack:
                spent[stack[-1][0]] = spent.get(stack[-1][0], 0.0) + now - stack[-1][1]
            stack.append([label, now])
            try:
                return fn(*args, **kwargs)
            finally:
                end = time.process_time()
                spent[label] = spent.get(label, 0.0) + end - stack.pop()[1]
                if stack:
                    stack[-1][1] = end
        return call

    saved = []
    for label, calls in STAGES:
        for module, fn in calls:
            mod = importlib.import_module(module.split(":")[0])
            if ":" in module:  # a method: wrapped on its class
                mod = getattr(mod, module.split(":")[1])
            saved.append((mod, fn, getattr(mod, fn)))
            setattr(mod, fn, timed(label, getattr(mod, fn)))
    try:
        c0 = time.process_time()
        for _ in extract_documents(docs):
            pass
        total = time.process_time() - c0
    finally:
        for mod, fn, original in saved:
            setattr(mod, fn, original)
    spent["other (pipeline, dates, records, Python)"] = total - sum(spent.values())
    print(f"{name}: where the batched path's {total:.1f} CPU seconds go")
    for label, t in spent.items():
        print(f"    {label:<40} {t:6.2f} s  {t / total:6.1%}")


def compare(docs) -> None:
    """Whether sitrep's spaCy (``load_spacy``: lookup components, numpy's matrix products) annotates every token of
    every sentence of ``docs`` (all of them, not only those the screen passes) as spaCy-sm's own pipeline does:
    tag, POS, morphology, lemma, head, dependency and entity."""
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, TAG

    from sitrep.nlp import prepare
    from sitrep.nlp.spacy_model import load_spacy

    attrs = [ORTH, POS, TAG, DEP, HEAD, MORPH, LEMMA, ENT_TYPE, ENT_IOB]
    texts = [a.text[s.start:s.end] for a in map(prepare, docs) for s in a.sentences]
    differ = [a.text for a, b in zip(_plain_spacy().pipe(texts, batch_size=256), load_spacy().pipe(texts, batch_size=256),
                                     strict=True) if a.to_array(attrs).tolist() != b.to_array(attrs).tolist()]
    print(f"annotations: {len(texts) - len(differ)} of {len(texts)} sentences the same as spaCy-sm's own pipeline",
          *(f"    differs: {t[:100]!r}" for t in differ[:5]), sep="\n")


def _plain_spacy():
    import spacy

    from sitrep.nlp.spacy_model import MODEL_NAMES

    for name in MODEL_NAMES:  # a fresh copy with every component, not sitrep's configured one
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit("no spaCy English model")


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
    ap.add_argument("--compare", action="store_true", help="only: sitrep's spaCy annotates every sentence of both "
                    "sets as spaCy-sm's own pipeline does")
    ap.add_argument("--batched-only", action="store_true", help="only the batched path (what the CLI, ingest and "
                    "batch run), not also one document at a time")
    ap.add_argument("--long-one", type=float, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not SHARED.exists():
        raise SystemExit(f"needs the shared data at {SHARED}")
    if args.long_one is not None:
        return measure_long(args.long_one)
    if args.long_only:
        return run_long(args.long)
    if args.compare:
        return compare(conflict_docs(args.muc) + lgl_docs(args.lgl))
    t0 = time.perf_counter()
    warm_up()
    print(f"warm-up (model and gazetteer load): {time.perf_counter() - t0:.2f} s")
    modes = ("batched",) if args.batched_only else ("one by one", "batched")
    measure("conflict (seed + MUC-4 dev)", conflict_docs(args.muc), modes)
    measure("general news (LGL)", lgl_docs(args.lgl), modes)
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
