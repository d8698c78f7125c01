"""Whether the parser with numpy's decoding (``sitrep.nlp.fast_parser``) annotates every sentence of MUC-4 DEV and
LGL as spaCy's own parser does. Two comparisons, each over every sentence sitrep's splitter makes of the reports
(not only those its screen passes):

- the component: the same tagged documents (sitrep's pipeline up to the parser) through spaCy's parser and through
  ``FastDependencyParser``, in ``nlp.pipe``'s batches of 256: the serialised documents (every token attribute:
  heads, labels, sentence starts, children and edges) are byte for byte the same;
- the pipeline: sitrep's spaCy (``load_spacy``) against spaCy-sm's own pipeline, every token's tag, POS,
  morphology, lemma, head, dependency, sentence start and entity (what ``benchmarks/extract_throughput.py
  --compare`` reads, over more sentences).

    python3 scripts/parser_identity.py [--sets muc4,lgl] [--limit N] [--only component|pipeline]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))


def sentences(name: str, limit: int | None) -> list[str]:
    from extract_throughput import SHARED, lgl_docs  # type: ignore[import-not-found]
    from sitrep.nlp import prepare

    if name == "muc4":
        from sitrep.evaluation.muc4 import read_docs
        from sitrep.ingest.text import document_from_text

        docs = [document_from_text(md.text, md.id) for path in sorted((SHARED / "data" / "muc4" / "docs").glob("dev-muc3-*"))
                for md in read_docs(path)]
    else:
        docs = lgl_docs(10**6)
    texts = [a.text[s.start:s.end] for a in map(prepare, docs) for s in a.sentences]
    return texts[:limit] if limit else texts


def component(texts: list[str]) -> list[str]:
    from sitrep.nlp.fast_parser import FastDependencyParser
    from sitrep.nlp.spacy_model import load_spacy

    nlp = load_spacy()
    fast = nlp.get_pipe("parser")
    if not isinstance(fast, FastDependencyParser):
        raise SystemExit("sitrep's pipeline does not run the numpy parser")
    tagged = list(nlp.pipe(texts, batch_size=256, disable=["parser", "attribute_ruler", "lemmatizer", "ner"]))
    times = []
    outputs = []
    for parser in (fast.original, fast):
        docs = [d.copy() for d in tagged]
        c0 = time.process_time()
        for _ in parser.pipe(docs, batch_size=256):
            pass
        times.append(time.process_time() - c0)
        outputs.append([d.to_bytes(exclude=["user_data"]) for d in docs])
    print(f"    parser CPU: spaCy's {times[0]:.2f} s, numpy's {times[1]:.2f} s")
    return [t for t, a, b in zip(texts, *outputs, strict=True) if a != b]


def pipeline(texts: list[str]) -> list[str]:
    import spacy
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, SENT_START, TAG

    from sitrep.nlp.spacy_model import MODEL_NAMES, load_spacy

    plain = next(spacy.load(n) for n in MODEL_NAMES if spacy.util.is_package(n))
    attrs = [ORTH, POS, TAG, DEP, HEAD, MORPH, LEMMA, ENT_TYPE, ENT_IOB, SENT_START]
    return [a.text for a, b in zip(plain.pipe(texts, batch_size=256), load_spacy().pipe(texts, batch_size=256),
                                   strict=True) if a.to_array(attrs).tolist() != b.to_array(attrs).tolist()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="muc4,lgl")
    ap.add_argument("--limit", type=int, default=None, help="the first N sentences of each set")
    ap.add_argument("--only", choices=("component", "pipeline"), default=None)
    args = ap.parse_args()
    failed = 0
    for name in args.sets.split(","):
        texts = sentences(name, args.limit)
        for check, run in (("component", component), ("pipeline", pipeline)):
            if args.only in (None, check):
                differ = run(texts)
                failed += len(differ)
                print(f"{name} {check}: {len(texts) - len(differ)} of {len(texts)} sentences the same as spaCy's",
                      *(f"    differs: {t[:100]!r}" for t in differ[:5]), sep="\n", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
