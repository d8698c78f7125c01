"""Train the headline model (src/sitrep/knowledge/headline_model.json): does a headline report one specific violent
event that happened? Trained on the TUNE halves only: our Middle East sets' odd-month headlines (mideast, mideast2,
mideast3; judged attack / not), Nigeria's UCDP headlines (all events) and, with --negatives, the tune half of the
real negative sentences read as headlines (all no event). headlines2, headlines3 and headlines4 have no split and
stay out: they are the guard sets. Every headline report with a candidate clause is an example (features:
sitrep.extract.headline_model.headline_features, computed where the pipeline calls the model, under a model that
keeps all); the model only ever refuses headlines the rules kept, so its threshold and its cross-validated
figures are read on those. Needs scikit-learn (a dev dependency).

    python3 scripts/train_headline_model.py [--C 1.0] [--ucdp-weight 0.1] [--negatives] [--write] [--forms]

Cross-validation is by set (leave one of mideast / mideast2 / mideast3 / UCDP out) and by fold (5 folds by id):
the false events refused and the true events lost at each threshold, beside the rules alone (keep all).
``--forms`` lists the tune false events (kept by the rules, judged no event) by the form features they carry.

Measured (s34-hprec, on ca37af0's rules): 2,720 tune headline reports with a candidate; the rules keep 2,591
events and 13 false events (mideast 3, mideast2 6, mideast3 4). Cross-validated, `--no-kept` (the recipe of the
model written here; C 1.0, UCDP weight 0.1, threshold 0.5, the even odds, not tuned): by fold 2 of the 13 false
events refused (mideast2 1, mideast3 1) for 3 of 2,464 UCDP events lost; by set (one set held out) 0 of 13 refused
and 110 UCDP events lost. No variant did better (with the rules' verdict as a feature, with the negative sentences,
C 0.3, UCDP weight 0.03 or 0.3, refusing only headlines with a sign of other news, ``--cued``): at most 2 of 13 by
set, always for 2-4 % of UCDP. Measured once on check (`benchmarks/realnews.py --no-spacy --only
mideast,mideast2,mideast3,headlines2,headlines4,negatives` and `--only ucdp`), rules -> model: mideast3 precision
0.681 -> 0.744 (recall 0.914 =), mideast precision 0.899 -> 0.922 (recall 0.944 =), mideast2 recall 0.800 -> 0.775
and precision 0.941 -> 0.939, UCDP Ukraine detected 0.722 -> 0.716, headlines4 false 0.135 -> 0.096 (detected
0.948 =), headlines2, negatives, golden outputs and the seed unchanged. It fails the ship rule (check recall -2.5
pt on mideast2, UCDP check lower): NOT shipped (reverted in the next commit). The tune halves hold too few
headlines judged no event (13 kept, 43 refused by the rules) to learn the decision from, and the UCDP headlines
(a source of a coded event) and our sets (does the headline itself report one) judge "N flee after attack" apart.
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import zlib
from collections import Counter
from datetime import date
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.evaluation import realnews as rn  # noqa: E402
from sitrep.extract import headline_model as hm  # noqa: E402
from sitrep.model import Document  # noqa: E402

SHARED = (ROOT / ".." / "shared").resolve()
DATA = ROOT / "benchmarks" / "data"
OUT = ROOT / "src" / "sitrep" / "knowledge" / "headline_model.json"
SETS = ("mideast", "mideast2", "mideast3")


def training_documents(negatives: bool) -> list[tuple[Document, str, int]]:
    """(document, set, label) of every tune headline."""
    docs = []
    for name in SETS:
        for it in rn.read_mideast(DATA / f"realnews_{name}.csv"):
            if it.split == "tune":
                docs.append((Document(id=it.id, text=it.headline, title=it.headline, published=it.published),
                             name, int(it.attack)))
    for u in rn.ucdp_items(SHARED, rn.UCDP_SPLIT["tune"]):
        docs.append((Document(id=u.id, text=u.headline, title=u.headline, published=u.published), "ucdp", 1))
    if negatives:
        for i, n in enumerate(rn.read_negatives(DATA / "realnews_negatives.csv", SHARED)):
            if n.split == "tune":
                text = " ".join(n.text.split())
                docs.append((Document(id=f"neg-{i}", text=text, title=text, published=date(2000, 1, 1)),
                             "negatives", 0))
    return docs


def examples(negatives: bool, cache_path: Path | None) -> list[dict]:
    """One example per headline report with a candidate: its features, whether the rules kept an event, label."""
    if cache_path is not None and cache_path.exists():
        with cache_path.open("rb") as fh:
            return pickle.load(fh)
    from sitrep.extract.headline_model import headline_features
    from sitrep.pipeline import extract_documents

    docs = training_documents(negatives)
    seen: dict[str, tuple[list[str], bool]] = {}

    def observe(analysis, cands, events):
        if cands:
            seen[analysis.doc.id] = (headline_features(analysis, cands, events), bool(events))

    hm.observer = observe
    try:
        with hm.headline_model.overridden(hm.HeadlineModel({}, 0.0, 0.0, {})):  # keep every headline
            for _ in extract_documents([d for d, _, _ in docs]):
                pass
    finally:
        hm.observer = None
    out = [{"id": d.id, "set": s, "label": y, "text": d.text, "feats": seen[d.id][0], "kept": seen[d.id][1]}
           for d, s, y in docs if d.id in seen]
    if cache_path is not None:
        with cache_path.open("wb") as fh:
            pickle.dump(out, fh)
    return out


KEPT = True  # --no-kept: the rules' verdict is no feature (the refused headlines teach the forms' weights alone)


def fit(exs: list[dict], C: float, ucdp_weight: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    X = vec.fit_transform([dict.fromkeys(e["feats"] + ([f"kept={e['kept']}"] if KEPT else []), 1) for e in exs])
    y = [e["label"] for e in exs]
    w = [ucdp_weight if e["set"] == "ucdp" else 1.0 for e in exs]
    clf = LogisticRegression(C=C, max_iter=2000)
    clf.fit(X, y, sample_weight=w)
    return vec, clf


CUED = False  # --cued: only a headline with a sign of another kind of news (hm.cued) may be refused


def probabilities(vec, clf, exs: list[dict]) -> list[float]:
    """The model's probability of each example as the runtime computes it (kept=True: it judges kept headlines)."""
    weights = dict(zip(vec.feature_names_, clf.coef_[0], strict=True))
    bias = float(clf.intercept_[0]) + weights.get("kept=True", 0.0)
    return [1.0 if CUED and not hm.cued(e["feats"]) else
            hm.logistic(bias + sum(weights.get(f, 0.0) for f in set(e["feats"]))) for e in exs]


def cross_validated(exs: list[dict], C: float, ucdp_weight: float, by: str) -> list[float]:
    """Each kept example's probability under a model fitted without its set (by=set) or its fold (by=fold)."""
    def group(e):
        return e["set"] if by == "set" else zlib.crc32(e["id"].encode()) % 5

    probs: dict[str, float] = {}
    for g in sorted({group(e) for e in exs}, key=str):
        train = [e for e in exs if group(e) != g]
        test = [e for e in exs if group(e) == g and e["kept"]]
        if not test or len({e["label"] for e in train}) < 2:
            continue
        vec, clf = fit(train, C, ucdp_weight)
        probs.update(zip([e["id"] for e in test], probabilities(vec, clf, test), strict=True))
    return [probs.get(e["id"], 1.0) for e in exs]


def table(exs: list[dict], probs: list[float], thresholds: list[float]) -> None:
    kept = [(e, p) for e, p in zip(exs, probs, strict=True) if e["kept"]]
    for t in thresholds:
        row = []
        for s in (*SETS, "ucdp", "negatives"):
            part = [(e, p) for e, p in kept if e["set"] == s]
            if not part:
                continue
            fp = sum(1 for e, p in part if not e["label"] and p >= t)
            fp0 = sum(1 for e, _ in part if not e["label"])
            tp = sum(1 for e, p in part if e["label"] and p >= t)
            tp0 = sum(1 for e, _ in part if e["label"])
            row.append(f"{s} true {tp}/{tp0} false {fp}/{fp0}")
        print(f"  t={t:.2f}  " + " | ".join(row))


def show_forms(exs: list[dict]) -> None:
    """The tune false events (rules kept, judged no event) by form feature, and the same features' counts over
    the kept true events."""
    false = [e for e in exs if e["kept"] and not e["label"]]
    true = [e for e in exs if e["kept"] and e["label"]]
    fc = Counter(f for e in false for f in set(e["feats"]) if f.startswith(("form=", "label=", "gov=")))
    tc = Counter(f for e in true for f in set(e["feats"]) if f.startswith(("form=", "label=", "gov=")))
    print(f"kept headlines: {len(false)} judged no event, {len(true)} events")
    for f, n in fc.most_common():
        print(f"  {f:<22} no event {n:>3}   events {tc[f]:>4}")
    for e in false:
        forms = sorted(f for f in set(e["feats"]) if f.startswith(("form=", "label=", "gov=")) and f not in (
            "label=none", "gov=none"))
        print(f"  [{e['set']}] {e['id']}: {e['text']}   {' '.join(forms)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--ucdp-weight", type=float, default=0.1)
    ap.add_argument("--negatives", action="store_true", help="the tune negative sentences as no-event headlines")
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--cache", type=Path, default=None, help="a pickle of the examples (read if there, else written)")
    ap.add_argument("--forms", action="store_true")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--no-kept", action="store_true", help="the rules' verdict (kept or not) is no feature")
    ap.add_argument("--cued", action="store_true", help="refuse only headlines with a sign of other news")
    ap.add_argument("--only-kept", action="store_true", help="train on the headlines the rules kept only")
    args = ap.parse_args(argv)
    global KEPT, CUED
    KEPT, CUED = not args.no_kept, args.cued
    exs = examples(args.negatives, args.cache)
    if not args.negatives:
        exs = [e for e in exs if e["set"] != "negatives"]
    if args.only_kept:
        exs = [e for e in exs if e["kept"]]
    print(f"{len(exs)} headline reports with a candidate: {Counter((e['set'], e['label'], e['kept']) for e in exs)}")
    if args.forms:
        show_forms(exs)
    thresholds = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7]
    for by in ("set", "fold"):
        print(f"cross-validated by {by} (kept headlines: events kept / false events kept)")
        table(exs, cross_validated(exs, args.C, args.ucdp_weight, by), thresholds)
    vec, clf = fit(exs, args.C, args.ucdp_weight)
    weights = {f: round(float(w), 4) for f, w in zip(vec.feature_names_, clf.coef_[0], strict=True) if abs(w) >= 1e-4}
    bias = round(float(clf.intercept_[0]) + weights.pop("kept=True", 0.0), 4)
    weights.pop("kept=False", None)
    top = sorted(weights.items(), key=lambda kv: kv[1])
    print("most 'no event':", ", ".join(f"{f} {w:+.2f}" for f, w in top[:12]))
    print("most 'event':", ", ".join(f"{f} {w:+.2f}" for f, w in top[-12:][::-1]))
    if args.write:
        meta = {"script": "scripts/train_headline_model.py", "C": args.C, "ucdp_weight": args.ucdp_weight,
                "negatives": args.negatives, "data": "tune halves: mideast, mideast2, mideast3 (odd months), UCDP "
                "Nigeria" + (", negatives tune" if args.negatives else ""), "examples": len(exs)}
        OUT.write_text(json.dumps({"meta": meta, "bias": bias, "threshold": args.threshold,
                                   "weights": dict(sorted(weights.items()))}, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
