"""Cross-validated tune figures of the argument model (``knowledge/argument_model.json``).

The argument model is trained on the tune split's annotated news (RAMS dev, the WikiEvents tune documents), the
very texts ``benchmarks/realnews.py`` scores as tune: with the shipped model those figures are in-sample (WikiEvents
tune Place 0.765 against 0.316 on check). ``scripts/train_argument_model.py --write`` therefore also writes one
model per fold, each fitted without the articles of its fold (``benchmarks/data/argument_model_folds.json.gz``),
and the benchmark extracts every tune article under the model of the folds that did not hold it. The check split
is scored with the shipped model, which never saw it.

    fold_of(key) -> int                               the fold of an article (RAMS source document, WikiEvents id)
    read_folds(path) -> list[ArgumentModel] | None    the fold models, None when the file is absent
    run_by_fold(run, docs, key_of, folds) -> dict     ``run(docs)`` per fold under its model, the answers together
"""
from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

FOLDS = 5


def fold_of(key: str) -> int:
    """The fold of an article, by its key: RAMS windows of one source document, and each WikiEvents or MUC-4
    document, stay in one fold."""
    return zlib.crc32(key.encode()) % FOLDS


def read_folds(path: Path) -> list[Any] | None:
    """The fold models of ``path`` (fold k's model was fitted without the articles of fold k)."""
    from sitrep.extract.argument_model import ArgumentModel

    if not path.exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    models = [ArgumentModel.from_json(m, f"{path} fold {k}") for k, m in enumerate(data["folds"])]
    if len(models) != FOLDS:
        raise ValueError(f"{path}: {len(models)} fold models, expected {FOLDS}")
    return models


def run_by_fold(run: Callable[[list], dict], docs: Sequence, key_of: Callable[[Any], str],
                folds: list[Any]) -> dict:
    """``run`` over the documents of each fold under that fold's model; the answers of all folds together."""
    from sitrep.extract.argument_model import using_argument_model

    out: dict = {}
    for k, model in enumerate(folds):
        part = [d for d in docs if fold_of(key_of(d)) == k]
        if part:
            with using_argument_model(model):
                out.update(run(part))
    return out
