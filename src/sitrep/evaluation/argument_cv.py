"""Cross-validated tune figures of the argument model (``knowledge/argument_model.json``).

The argument model is trained on the tune split's annotated news (RAMS dev, the WikiEvents tune documents), the
very texts ``benchmarks/realnews.py`` scores as tune: with the shipped model those figures are in-sample (WikiEvents
tune Place 0.765 against 0.316 on check). ``scripts/train_argument_model.py --write`` therefore also writes one
model per fold, each fitted without the articles of its fold (``benchmarks/data/argument_model_folds.json.gz``),
and the benchmark extracts every tune article under the model of the folds that did not hold it. The check split
is scored with the shipped model, which never saw it.

The folds keep a story whole: the file holds the fold of each tune article (``fold_of`` of its ``meta``), chosen by
the trainer so that articles sharing the names of one story fall in one fold (``story_folds`` of
``scripts/train_argument_model.py``, s35); an article it does not list, and a file without the table, take
``fold_of``. Since s36 the file is written by ``train_argument_model.py --folds-only`` (story folds, the examples of
the rules of its day, the shipped model's thresholds and floor; the shipped model untouched): the older file's folds
were by article and from an older fit, and read WikiEvents tune Place 0.588 where story folds read 0.294.

    fold_of(key) -> int                               an article's fold by a hash of its key (RAMS source, WikiEvents id)
    read_folds(path) -> FoldModels | None             the fold models and their table, None when the file is absent
    fold_in(folds, key) -> int                        the article's fold under those models
    run_by_fold(run, docs, key_of, folds) -> dict     ``run(docs)`` per fold under its model, the answers together
"""
from __future__ import annotations

import contextlib
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


ROLE_FOLDS = "role_model_folds.json.gz"  # beside the argument model's fold file: the role model's fold models


class FoldModels(list):
    """The fold models (fold k's fitted without the articles of fold k) and the fold of each article they name;
    ``roles``: the report-level role model's fold models (fitted without the same articles), or None when the
    packaged role model never saw the tune news."""

    def __init__(self, models: list[Any], table: dict[str, int] | None = None, roles: list[Any] | None = None) -> None:
        super().__init__(models)
        self.table = dict(table or {})
        self.roles = roles

    def fold_of(self, key: str) -> int:
        return self.table[key] if key in self.table else fold_of(key)


def _fold_file(path: Path, from_json) -> tuple[list[Any], dict[str, int]]:
    """The FOLDS models of a gzipped fold file (each read by ``from_json``) and its ``meta.fold_of`` table."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    models = [from_json(m, f"{path} fold {k}") for k, m in enumerate(data["folds"])]
    if len(models) != FOLDS:
        raise ValueError(f"{path}: {len(models)} fold models, expected {FOLDS}")
    return models, data.get("meta", {}).get("fold_of") or {}


def read_folds(path: Path) -> FoldModels | None:
    """The fold models of ``path`` and the fold of each tune article (the file's ``meta.fold_of``)."""
    from sitrep.extract.argument_model import ArgumentModel

    if not path.exists():
        return None
    models, table = _fold_file(path, ArgumentModel.from_json)
    if any(not isinstance(f, int) or not 0 <= f < FOLDS for f in table.values()):
        raise ValueError(f"{path}: a fold of meta.fold_of is not in 0..{FOLDS - 1}")
    return FoldModels(models, table, read_role_folds(path.parent / ROLE_FOLDS, table))


def read_role_folds(path: Path, table: dict[str, int]) -> list[Any] | None:
    """The role model's fold models (``sitrep.evaluation.train_roles`` writes them when it trains on the tune news),
    None when the file is absent; their folds must be the argument model's (``table``)."""
    from sitrep.extract.role_model import RoleModel

    if not path.exists():
        return None
    models, theirs = _fold_file(path, RoleModel.from_json)
    if any(table.get(k, fold_of(k)) != f for k, f in theirs.items()):
        raise ValueError(f"{path}: its folds are not the argument model's; retrain both")
    return models


def fold_in(folds: Sequence | None, key: str) -> int:
    """The article's fold under ``folds`` (their table when they carry one, else ``fold_of``)."""
    return folds.fold_of(key) if isinstance(folds, FoldModels) else fold_of(key)


def run_by_fold(run: Callable[[list], dict], docs: Sequence, key_of: Callable[[Any], str],
                folds: list[Any]) -> dict:
    """``run`` over the documents of each fold under that fold's model; the answers of all folds together."""
    from sitrep.extract.argument_model import using_argument_model
    from sitrep.extract.role_model import default_model

    roles = getattr(folds, "roles", None)
    out: dict = {}
    for k, model in enumerate(folds):
        part = [d for d in docs if fold_in(folds, key_of(d)) == k]
        if part:
            role = default_model.overridden(roles[k]) if roles else contextlib.nullcontext()  # type: ignore[attr-defined]
            with using_argument_model(model), role:
                out.update(run(part))
    return out
