"""Train the role model (``knowledge/role_model.json``) on MUC-4 development reports.

    M=../shared/data/muc4
    python3 -m sitrep.evaluation.train_roles --docs $M/docs/dev-muc3-0[1-9]* $M/docs/dev-muc3-1* \\
        --keys $M/keys/key-dev-* --out src/sitrep/knowledge/role_model.json

(DEV-MUC3-0001..0100 is left out: it is the CI quality gate's held-out set.)

Every report is run through sitrep (events and rule-made roles), every sentence is parsed, and each
noun-phrase candidate (``sitrep.extract.role_model.candidates``) is labelled with the MUC-4 roles whose
gold strings it matches (normalised as the CEAF-REE scorer normalises them). One logistic regression
per role (scikit-learn, a development dependency only) is fitted; each role's decision threshold is
chosen by k-fold cross-validation over the reports for the best CEAF-REE F1 of that role, then the
model is refitted on all reports. The output is JSON: per role the bias, the threshold and the
non-zero weights. Never train on the reports you measure on (TST1-TST4).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from sitrep.evaluation import muc4
from sitrep.extract.role_model import ROLE_KEYS

ROLE_OF_KEY = dict(zip(ROLE_KEYS, muc4.ROLES, strict=True))  # perpetrator_individuals -> PerpInd ...


def build_examples(docs: Sequence[muc4.MucDoc], templates: Sequence[muc4.Template], *, progress: bool = True
                   ) -> list[dict]:
    """One record per keyed report: its id, normalised gold entities, whether sitrep found events, and
    its candidates as [text, head, features, labels]."""
    from rich.progress import Progress

    from sitrep.extract.role_model import candidates
    from sitrep.nlp import analyze_many, parse_remaining
    from sitrep.nlp.spacy_model import load_spacy
    from sitrep.pipeline import extract_analysis

    by_doc = muc4.templates_by_doc(templates)
    keyed = [d for d in docs if d.id in by_doc]
    nlp = load_spacy()
    out = []
    with Progress(disable=not progress, transient=True) as bar:
        task = bar.add_task("parsing MUC-4 reports", total=len(keyed))
        for an in analyze_many((muc4.document_for(d) for d in keyed), nlp=nlp):
            events = extract_analysis(an, learned_roles=False)  # the rules' roles are features
            parse_remaining(an, nlp=nlp)
            gold = muc4.gold_entities(by_doc[an.doc.id], an.doc.text)
            goldn = {r: [[muc4.normalize_mention(m) for m in e] for e in ents] for r, ents in gold.items()}
            rows = []
            for c in candidates(an, events):
                n = muc4.normalize_mention(c.text)
                rows.append([c.text, c.head, c.features, [r for r in muc4.ROLES if any(n in e for e in goldn[r])]])
            out.append({"id": an.doc.id, "gold": goldn, "events": len(events), "cands": rows})
            bar.advance(task)
    return out


def _matrix(records: Iterable[dict], vectorizer, fit: bool = False):
    import numpy as np

    feats, labels = [], []
    for rec in records:
        for c in rec["cands"]:
            feats.append(dict.fromkeys(c[2], 1))
            labels.append(c[3])
    X = vectorizer.fit_transform(feats) if fit else vectorizer.transform(feats)
    X = X.tocsr()
    X.indices = X.indices.astype(np.int32)  # liblinear takes 32-bit indices only
    X.indptr = X.indptr.astype(np.int32)
    return X, labels


def fit(records: Sequence[dict], C: float = 1.0):
    """(vectorizer, {role: LogisticRegression})."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    X, labels = _matrix(records, vec, fit=True)
    models = {}
    for r in muc4.ROLES:
        y = np.array([r in lab for lab in labels])
        models[r] = LogisticRegression(C=C, solver="liblinear", max_iter=2000).fit(X, y)
    return vec, models


def probabilities(vec, models, records: Sequence[dict]) -> list[list[dict[str, float]]]:
    """Per record, per candidate: role -> probability."""
    X, _ = _matrix(records, vec)
    cols = {r: models[r].predict_proba(X)[:, 1] for r in muc4.ROLES}
    out, k = [], 0
    for rec in records:
        n = len(rec["cands"])
        out.append([{r: float(cols[r][k + i]) for r in muc4.ROLES} for i in range(n)])
        k += n
    return out


def decode(records: Sequence[dict], probs, thresholds: dict[str, float]) -> dict[str, muc4.Entities]:
    """Predicted entities per report, decided as the pipeline decides them (``role_model.decide``), then
    the benchmark's Victim-name filter and folding."""
    from sitrep.extract.role_model import RoleCandidate, RoleModel, decide
    from sitrep.extract.roles import is_person_name, organization_of

    keys = list(ROLE_OF_KEY)
    chooser = RoleModel({k: {} for k in keys}, dict.fromkeys(keys, 0.0),
                        {k: thresholds[r] for k, r in ROLE_OF_KEY.items()}, {})
    preds = {}
    for rec, ps in zip(records, probs, strict=True):
        fillers: dict[str, list[str]] = {r: [] for r in muc4.ROLES}
        if rec["events"]:
            cands = [RoleCandidate(0, 0, c[0], c[1], 0, scores={k: p[r] for k, r in ROLE_OF_KEY.items()})
                     for c, p in zip(rec["cands"], ps, strict=True)]
            for k, chosen in decide(cands, chooser).items():
                r = ROLE_OF_KEY[k]
                fillers[r] = [c.text for c in chosen if r != "Victim" or is_person_name(c.text)]
        preds[rec["id"]] = muc4.predictions_from_fillers(fillers, organization_of)
    return preds


def score(records: Sequence[dict], preds) -> muc4.Scores:
    return muc4.ceaf_ree(preds, {rec["id"]: rec["gold"] for rec in records}, "strict")


def tune_thresholds(records: Sequence[dict], probs) -> dict[str, float]:
    grid = [round(0.05 * i, 2) for i in range(2, 18)]
    th = dict.fromkeys(muc4.ROLES, 0.5)
    for r in muc4.ROLES:
        best = max(grid, key=lambda t: (score(records, decode(records, probs, {**th, r: t})).roles[r].f1, -abs(t - 0.3)))
        th[r] = best
    return th


def cross_validate(records: Sequence[dict], folds: int = 5, C: float = 1.0):
    """Out-of-fold probabilities for every record (each fold predicted by a model that never saw it)."""
    probs: list = [None] * len(records)
    for f in range(folds):
        train = [rec for i, rec in enumerate(records) if i % folds != f]
        test_idx = [i for i in range(len(records)) if i % folds == f]
        vec, models = fit(train, C)
        for i, p in zip(test_idx, probabilities(vec, models, [records[i] for i in test_idx]), strict=True):
            probs[i] = p
    return probs


def to_json(vec, models, thresholds: dict[str, float], meta: dict) -> dict:
    names = vec.get_feature_names_out()
    roles = {}
    for key, r in ROLE_OF_KEY.items():
        m = models[r]
        w = {str(names[j]): round(float(v), 4) for j, v in enumerate(m.coef_[0]) if abs(v) >= 0.01}
        roles[key] = {"muc_role": r, "bias": round(float(m.intercept_[0]), 4), "threshold": thresholds[r],
                      "weights": dict(sorted(w.items()))}
    return {"meta": meta, "roles": roles}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", nargs="+", required=True)
    ap.add_argument("--keys", nargs="+", required=True)
    ap.add_argument("--out", help="where to write the model JSON (default: print the CV scores only)")
    ap.add_argument("--cache", help="JSON-lines file of examples: read if it exists, else written")
    # 5-fold CV on DEV 0101-1300, micro F1: C=0.1 0.416, 0.3 0.421, 1.0 0.428, 3.0 0.413; with the candidates of
    # ac81a7f: C=0.5 0.438, 1.0 0.433, 2.0 0.430
    ap.add_argument("--C", type=float, default=0.5, help="inverse L2 regularisation strength")
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args(argv)
    if args.folds < 2:
        ap.error("--folds must be at least 2")
    t0 = time.perf_counter()
    docs = [d for p in args.docs for d in muc4.read_docs(p)]
    if args.cache and Path(args.cache).exists():  # a cache of more reports serves: only --docs are used
        ids = {d.id for d in docs}
        records = [r for r in map(json.loads, Path(args.cache).read_text().splitlines()) if r["id"] in ids]
    else:
        templates = [t for p in args.keys for t in muc4.read_keys(p)]
        records = build_examples(docs, templates, progress=sys.stderr.isatty())
        if args.cache:
            Path(args.cache).write_text("".join(json.dumps(r) + "\n" for r in records))
    n_cands = sum(len(r["cands"]) for r in records)
    print(f"{len(records)} reports, {n_cands} candidates ({time.perf_counter() - t0:.0f} s)")
    probs = cross_validate(records, args.folds, args.C)
    th = tune_thresholds(records, probs)
    cv = score(records, decode(records, probs, th))
    for r in muc4.ROLES:
        s = cv.roles[r]
        print(f"  {r:8} threshold={th[r]:.2f}  P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f}")
    print(f"{args.folds}-fold CV on the training reports: {cv.line()}")
    if args.out:
        vec, models = fit(records, args.C)
        meta = {"trained_on": f"{len(records)} MUC-4 reports ({', '.join(Path(p).name for p in args.docs[:3])}"
                              f"{', ...' if len(args.docs) > 3 else ''})",
                "C": args.C, "cv_micro_f1": round(cv.micro.f1, 4), "features": len(vec.get_feature_names_out()),
                "trainer": "python3 -m sitrep.evaluation.train_roles"}
        Path(args.out).write_text(json.dumps(to_json(vec, models, th, meta), indent=0, sort_keys=False) + "\n")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
