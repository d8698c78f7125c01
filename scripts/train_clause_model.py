"""Train the clause classifier (src/sitrep/knowledge/clause_model.json): does a sitrep clause candidate report a
violent event? Trained on the TUNE split only (sitrep.evaluation.realnews): positives are the candidates in the
trigger sentences of RAMS dev attack/die/injure windows, in the sentences of the WikiEvents tune documents with an
attack/die/injure event, and in Nigeria's UCDP headlines; negatives are the candidates in the tune half of the real
negative sentences, in the WikiEvents tune sentences with no event of those kinds and (weak labels) in the tune
documents of the ECB+ topics about other things. The threshold is chosen on
cross-validated probabilities (folds by document). Needs scikit-learn (a dev dependency).

    python3 scripts/train_clause_model.py [--C 0.3] [--write]
"""
from __future__ import annotations

import argparse
import json
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from sitrep.evaluation import realnews as rn  # noqa: E402
from sitrep.extract import document as report  # noqa: E402
from sitrep.extract.clause_model import clause_features  # noqa: E402
from sitrep.model import Document  # noqa: E402
from sitrep.nlp import analyze_many  # noqa: E402

SHARED = (ROOT / ".." / "shared").resolve()
NEGATIVES = ROOT / "benchmarks" / "data" / "realnews_negatives.csv"
UCDP_EVERY = 4  # one headline in four: the headlines of one country should not outweigh the annotated articles
OUT = ROOT / "src" / "sitrep" / "knowledge" / "clause_model.json"


def examples():
    """(features, label, group) of every candidate of the tune data whose label is known."""
    docs: list[tuple[Document, object]] = []
    for w in rn.rams_windows(SHARED, rn.RAMS_SPLIT["tune"]):
        if rn.rams_family(w):
            docs.append((Document(id=w.id, text=w.text), ("span", [w.sentence], [])))
    for d in rn.wikievents_docs(SHARED):
        if d["doc_id"] not in rn.WIKIEVENTS_TUNE:
            continue
        bounds = [(s[0][0][1], s[0][-1][2] + 1) for s in d["sentences"]]
        gold = {e["trigger"]["sent_idx"] for e in rn._family_events(d)}
        pos = [bounds[i] for i in gold]
        neg = [b for i, b in enumerate(bounds) if i not in gold]
        docs.append((Document(id=d["doc_id"], text=d["text"]), ("span", pos, neg)))
    for it in rn.ucdp_items(SHARED, rn.UCDP_SPLIT["tune"])[::UCDP_EVERY]:
        docs.append((Document(id=it.id, text=it.headline, title=it.headline, published=it.published),
                     ("all", 1)))
    for i, n in enumerate(rn.read_negatives(NEGATIVES, SHARED)):
        if n.split == "tune":
            docs.append((Document(id=f"neg-{n.source}#{n.doc}-{i}", text=n.text), ("all", 0)))
    # weak negatives: every candidate of the tune documents of ECB+ topics about other things (earthquakes, sport,
    # business, celebrities), beside the hand-labelled ones; the check documents stay out
    from realnews_negatives_pool import ECB_TOPICS, split_of

    for t in ECB_TOPICS:
        for p in sorted((SHARED / f"data/realnews/ecbplus/{t}").glob("*.xml")):
            src = str(p.relative_to(SHARED))
            if split_of(src, "") == "tune":
                docs.append((Document(id=f"ecb-{src}", text=rn.source_text(SHARED, src, "")), ("all", 0)))
    by_id = {d.id: how for d, how in docs}
    for analysis in analyze_many([d for d, _ in docs]):
        how = by_id[analysis.doc.id]
        key = analysis.doc.id.rsplit("-", 1)[0] if analysis.doc.id.startswith("neg-") else analysis.doc.id
        key = key.replace("neg-", "ecb-")  # a labelled ECB+ sentence and its document share a fold
        group = zlib.crc32(key.encode()) % 5  # folds by source document
        for c in report.candidates(analysis):
            label = _label(c, how)
            if label is not None:
                yield clause_features(c), label, group


def _label(c, how):
    if how[0] == "all":
        return how[1]
    _, pos, neg = how
    at = c.mention.trigger.start
    if any(a <= at < b for a, b in pos):
        return 1
    if any(a <= at < b for a, b in neg):
        return 0
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--C", type=float, default=0.3)
    ap.add_argument("--keep", type=float, default=0.97, help="share of tune positives the threshold keeps (CV)")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_predict

    data = list(examples())
    X_dicts = [dict.fromkeys(f, 1) for f, _, _ in data]
    y = [lab for _, lab, _ in data]
    groups = [g for _, _, g in data]
    vec = DictVectorizer()
    X = vec.fit_transform(X_dicts)
    clf = LogisticRegression(C=args.C, class_weight="balanced", max_iter=2000)
    probs = cross_val_predict(clf, X, y, groups=groups, cv=GroupKFold(5), method="predict_proba")[:, 1]
    pos = sorted(p for p, lab in zip(probs, y, strict=True) if lab == 1)
    threshold = round(float(pos[int(len(pos) * (1 - args.keep))]), 4)
    neg = [p for p, lab in zip(probs, y, strict=True) if lab == 0]
    rejected = sum(p < threshold for p in neg) / max(len(neg), 1)
    print(f"{len(y)} candidates ({sum(y)} violent, {len(y) - sum(y)} not); CV threshold {threshold}: keeps "
          f"{args.keep:.2f} of violent, rejects {rejected:.3f} of the others")
    clf.fit(X, y)
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 4) for n, w in zip(names, clf.coef_[0], strict=True) if abs(w) >= 1e-3}
    top = sorted(weights.items(), key=lambda kv: kv[1])
    print("most 'other sense':", ", ".join(f"{k} {v:+.2f}" for k, v in top[:20]))
    print("most 'violent':", ", ".join(f"{k} {v:+.2f}" for k, v in top[::-1][:20]))
    model = {"meta": {"trainer": "python3 scripts/train_clause_model.py", "C": args.C,
                      "trained_on": "tune split: RAMS dev attack/die/injure trigger sentences, WikiEvents tune "
                                    "documents, UCDP Nigeria headlines (one in four); tune half of the real negative "
                                    "sentences, WikiEvents tune sentences with no such event, ECB+ tune documents "
                                    "of topics about other things (weak)",
                      "candidates": len(y), "violent": sum(y), "cv_keeps": args.keep,
                      "cv_rejects": round(rejected, 4)},
             "bias": round(float(clf.intercept_[0]), 4), "threshold": threshold, "weights": weights}
    if args.write:
        OUT.write_text(json.dumps(model, indent=0, sort_keys=False) + "\n", encoding="utf-8")
        print(f"wrote {OUT} ({len(weights)} weights)")


if __name__ == "__main__":
    main()
