"""Fold models of the shipped clause-model recipe (498fc6b's), on the same document folds as every retrained
recipe, so that recipes are compared cross-validated on both sides (s41). The shipped model (knowledge/clause_model.json) was fitted
on the tune halves of WikiEvents, RAMS, the negatives and UCDP Nigeria: its tune figures on those sets are in-sample,
while a retrain's are cross-validated (scripts/clause_cv.py). This script refits the shipped recipe (commit 498fc6b's
candidates and features, C 0.3, its sample weights) five times, each without one fold, where a fold is the one
``scripts/train_clause_model.py --folds`` and ``scripts/clause_cv.py`` use (crc32 of the source document's key,
``train_clause_model._doc_key``, mod 5: a RAMS article, a negative sentence's source document, a UCDP headline, an
ECB+ document and its ALL-CAPS copy fall in one fold for every recipe).

    # 1. the shipped recipe's examples with their document ids (~15 min: 498fc6b's tree parses the tune data)
    python3 scripts/clause_folds.py --examples /tmp/shipped_examples.pkl --out S
    #    -> S.json (the full refit: the shipped weights, checked), S.fold0.json .. S.fold4.json
    # 2. a retrained recipe's fold models (the same folds)
    python3 scripts/train_clause_model.py --C 0.3 [recipe options] --cache C.pkl --out M.json --write --folds M
    # 3. the figures, each tune document under the model of the fold that did not see it; check under the full one
    python3 scripts/clause_cv.py S --sets wikievents,rams,negatives,ucdp,pages
    python3 scripts/clause_cv.py M --sets wikievents,rams,negatives,ucdp,pages

The fold models carry the shipped model's meta and thresholds (threshold, report_threshold, headline_threshold), so
the run-time features read them as they read the shipped model (names as written, no features that name no word);
only the weights and the bias differ. Nothing here runs at run time: the pipeline reads one clause_model.json.
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import train_clause_model as trainer  # noqa: E402

MODEL_AT = "ee6f6b8"  # a commit whose clause_model.json is the recipe of 498fc6b (the shipped model at s41)
K = 5

# run inside 498fc6b's tree: its examples, each with the id of its source document instead of its fold group
_DUMP = '''
import pickle, sys
sys.path.insert(0, "scripts")
import train_clause_model as T
ids = []
_key = T._doc_key
def _doc_key(doc_id):
    ids.append(doc_id)
    return _key(doc_id)
T._doc_key = _doc_key
out = [(feats, label, ids[-1], source) for feats, label, _, source in T.examples()]
open(sys.argv[1], "wb").write(pickle.dumps(out))
print(len(out), "examples")
'''


def shipped_examples(path: Path) -> list[tuple[list[str], int, str, str]]:
    """(features, label, document id, source) of the shipped recipe's examples: read from ``path``, or made there
    first by 498fc6b's own code over ../shared (a copy of that commit's tree in a temporary folder)."""
    if not path.exists():
        with tempfile.TemporaryDirectory(prefix="clause-folds-") as tmp:
            tree = Path(tmp) / "tree"
            tree.mkdir()
            archive = subprocess.run(["git", "archive", trainer.SHIPPED], cwd=ROOT, check=True,
                                     capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
            (Path(tmp) / "shared").symlink_to(trainer.SHARED)
            (tree / "dump_examples.py").write_text(_DUMP, encoding="utf-8")
            subprocess.run([sys.executable, "dump_examples.py", str(path.resolve())], cwd=tree, check=True,
                           env={**os.environ, "PYTHONPATH": str(tree / "src")})
    return pickle.loads(path.read_bytes())


def fold_of_document(doc_id: str) -> int:
    """The fold of a training document: as train_clause_model.examples and clause_cv.fold_of assign it."""
    return zlib.crc32(trainer._doc_key(doc_id).encode()) % K


def fit_folds(data, base: dict, out: Path, C: float) -> None:
    """Fit the full model and one model per fold without it (the shipped recipe's fit: scikit-learn's 'balanced'
    classes, trainer.WEAK sample weights), and write them as ``base`` with their weights and bias."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer

    vec = DictVectorizer()
    X = vec.fit_transform([dict.fromkeys(f, 1) for f, *_ in data]).tocsr()
    y = np.array([d[1] for d in data])
    groups = np.array([fold_of_document(d[2]) for d in data])
    weights = np.array([next((w for k, w in trainer.WEAK.items() if d[3].startswith(k)), 1.0) for d in data])
    names = vec.get_feature_names_out()
    print(f"{len(y)} examples ({int(y.sum())} violent); per fold: "
          + ", ".join(str(int((groups == k).sum())) for k in range(K)))
    for k in [None, *range(K)]:
        part = groups != k if k is not None else np.ones(len(y), dtype=bool)
        clf = trainer.classifier(C, False).fit(X[part], y[part], sample_weight=weights[part])
        model = {**base, "bias": round(float(clf.intercept_[0]), 4),
                 "weights": {str(n): round(float(w), 4) for n, w in zip(names, clf.coef_[0], strict=True)
                             if abs(w) >= 1e-3}}
        if k is None:
            same = model["weights"] == base["weights"] and model["bias"] == base["bias"]
            print(f"full refit: {len(model['weights'])} weights, bias {model['bias']}; the shipped weights "
                  f"{'reproduced' if same else 'NOT reproduced'}")
            path = Path(f"{out}.json")
        else:
            model["meta"] = {**base["meta"], "fold": k}
            path = Path(f"{out}.fold{k}.json")
        path.write_text(json.dumps(model, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {out}.json and {out}.fold0..{K - 1}.json")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=Path, required=True, help="pickle of the shipped recipe's examples (made "
                    "first when it does not exist)")
    ap.add_argument("--out", type=Path, required=True, help="prefix of the models written")
    ap.add_argument("--C", type=float, default=0.3, help="the shipped recipe's")
    args = ap.parse_args()
    base = json.loads(subprocess.run(["git", "show", f"{MODEL_AT}:src/sitrep/knowledge/clause_model.json"], cwd=ROOT,
                                     check=True, capture_output=True, text=True).stdout)
    fit_folds(shipped_examples(args.examples), base, args.out, args.C)


if __name__ == "__main__":
    main()
