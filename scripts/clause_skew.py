"""Train / serve skew of the clause model's features: the features of the same clauses computed the trainer's way
(``scripts/train_clause_model.examples``: ``analyze_many`` with every entity, ``candidates`` outside any
``caps_text``) and the pipeline's way (``pipeline.extract_documents``: ``entities="triggers"``, the extraction inside
``caps_text`` for a report in capitals), for a sample of the trainer's tune documents; prints each clause whose
feature sets differ, and the count.

    python3 scripts/clause_skew.py [--every 40]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import train_clause_model as trainer  # noqa: E402

from sitrep.extract import document as report  # noqa: E402
from sitrep.extract.clause_model import clause_features  # noqa: E402
from sitrep.nlp import analyze_many  # noqa: E402
from sitrep.resolve import caps_text  # noqa: E402


def features(docs, runtime: bool) -> dict[tuple[str, int, int], frozenset[str]]:
    out = {}
    for a in analyze_many(docs, entities="triggers" if runtime else "all"):
        caps = a.doc.text if runtime and a.all_caps else None
        with caps_text(caps):
            for c in report.candidates(a):
                key = (a.doc.id, c.mention.trigger.start, c.sentence_index)
                out[key] = frozenset(clause_features(c, general=True, demonyms=True))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--every", type=int, default=40, help="every Nth training document")
    args = ap.parse_args()
    docs = [d for d, _ in trainer.training_documents()][::args.every]
    train, serve = features(docs, False), features(docs, True)
    differ = 0
    for key in sorted(set(train) | set(serve)):
        a, b = train.get(key), serve.get(key)
        if a != b:
            differ += 1
            print(key, "trainer only:", sorted((a or set()) - (b or set())), "pipeline only:",
                  sorted((b or set()) - (a or set())))
    print(f"{len(docs)} documents, {len(train)} / {len(serve)} clauses (trainer / pipeline), {differ} differ")


if __name__ == "__main__":
    main()
