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
UCDP_EVERY = 1  # every tune headline, each with a small weight (WEAK): one country's headlines should not outweigh the annotated articles
OUT = ROOT / "src" / "sitrep" / "knowledge" / "clause_model.json"


def examples():
    """(features, label, group) of every candidate of the tune data whose label is known."""
    docs: list[tuple[Document, object]] = []
    for w in rn.rams_windows(SHARED, rn.RAMS_SPLIT["tune"]):
        if rn.rams_family(w):
            docs.append((Document(id=w.id, text=w.text), ("span", [w.sentence], [])))
    docs += _rams_other(rn.RAMS_SPLIT["tune"])
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
        group = zlib.crc32(_doc_key(analysis.doc.id).encode()) % 5  # folds by source document
        for c in report.candidates(analysis):
            label = _label(c, how)
            if label is not None:
                yield clause_features(c), label, group, _source(analysis.doc.id, label)


def _doc_key(doc_id: str) -> str:
    """The source document of a training text: a labelled sentence, a RAMS window and its weak negatives, an ECB+
    document and its labelled sentences all share one fold."""
    if doc_id.startswith("neg-"):
        doc_id = doc_id[4:].rsplit("-", 1)[0]
        src, _, doc = doc_id.partition("#")
        return doc or src
    for prefix in ("ramsneg-", "ecb-"):
        doc_id = doc_id.removeprefix(prefix)
    return doc_id


def _source(doc_id: str, label: int) -> str:
    """What kind of example: hand-labelled negative, weak negative (ECB+, RAMS other kinds, WikiEvents), positive."""
    kind = doc_id.split("-", 1)[0] if doc_id.startswith(("neg-", "ecb-", "ramsneg-", "nga-")) else "annotated"
    return f"{kind}{'+' if label else '-'}"


# RAMS events of these kinds may be told with a violent clause ("destroyed by shelling", "sentenced to death after
# the bombing"): their windows give no negatives
RAMS_NOT_NEGATIVE = ("artifactexistence.damagedestroy", "disaster.", "contact.threatencoerce", "justice.",
                     "conflict.", "contact.funeralvigil")


def _rams_other(part: str):
    """Weak negatives: the candidates in the trigger sentence of the RAMS windows whose event is of another kind
    (money, travel, talks, votes: real news with the same words used otherwise). A window whose source document is
    in the check half of the negative set is left out (that half stays unseen)."""
    from realnews_negatives_pool import split_of

    src = f"data/realnews/rams/{part}.jsonlines"
    for w in rn.rams_windows(SHARED, part):
        if rn.rams_family(w) or w.event_type.startswith(RAMS_NOT_NEGATIVE) or split_of(src, w.id) != "tune":
            continue
        yield Document(id=f"ramsneg-{w.id}", text=w.text), ("span", [], [w.sentence])


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


# sample weights: the weak negatives (labels by topic, not read), and the UCDP headlines, which are many and of one
# country (their words would otherwise teach the model Nigeria's news rather than violence)
WEAK = {"ecb-": 0.5, "ramsneg-": 0.5, "nga+": 0.1}


def load(cache: Path | None) -> list[tuple[list[str], int, int, str]]:
    """The tune examples, parsed once: ``--cache FILE`` keeps them between runs (delete it after changing the
    features or the data)."""
    import pickle

    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    data = list(examples())
    if cache is not None:
        cache.write_bytes(pickle.dumps(data))
    return data


def cv_probabilities(X, y, groups, weights, C: float):
    """Out-of-fold probabilities, folds by source document (GroupKFold, 5)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    probs = np.zeros(len(y))
    for train, test in GroupKFold(5).split(X, y, groups):
        clf = LogisticRegression(C=C, class_weight="balanced", max_iter=3000)
        clf.fit(X[train], y[train], sample_weight=weights[train])
        probs[test] = clf.predict_proba(X[test])[:, 1]
    return probs


def choose_threshold(probs, y, sources, keep: float | None) -> float:
    """The threshold on the CV probabilities: with ``keep``, the highest that keeps that share of the positives;
    else the one that best parts the annotated positives (RAMS, WikiEvents: clauses of real news read by people)
    from the hand-labelled negatives (Youden's J: kept positives less kept negatives), since the UCDP headlines
    are kept at any threshold and the weak negatives were never read. Prints the trade-off per kind of example."""
    pos = sorted(p for p, lab in zip(probs, y, strict=True) if lab == 1)
    kinds = sorted(set(sources))

    def kept(kind: str, t: float) -> float:
        ps = [p for p, s in zip(probs, sources, strict=True) if s == kind]
        return sum(p >= t for p in ps) / max(len(ps), 1)

    grid = [round(0.05 * i, 2) for i in range(1, 16)]
    if keep is not None:
        threshold = round(float(pos[int(len(pos) * (1 - keep))]), 4)
    else:
        threshold = max(grid, key=lambda t: (kept("annotated+", t) - kept("neg-", t), -t))
    print("threshold  " + "  ".join(f"{k:>11}" for k in kinds) + "   (share kept, CV)")
    for t in sorted({*grid, threshold}):
        print(f"{t:9.4f}  " + "  ".join(f"{kept(k, t):>11.3f}" for k in kinds) + ("  <-" if t == threshold else ""))
    return threshold


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--C", type=float, default=0.0, help="regularisation; 0: the best of a grid by CV log loss")
    ap.add_argument("--keep", type=float, help="share of tune positives the threshold keeps (CV); default: the "
                    "threshold that best parts annotated positives from hand-labelled negatives")
    ap.add_argument("--cache", type=Path, help="pickle of the parsed examples, reused when it exists")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss

    data = load(args.cache)
    vec = DictVectorizer()
    X = vec.fit_transform([dict.fromkeys(f, 1) for f, *_ in data]).tocsr()
    y = np.array([d[1] for d in data])
    groups = np.array([d[2] for d in data])
    sources = [d[3] for d in data]
    weights = np.array([next((w for k, w in WEAK.items() if s.startswith(k)), 1.0) for s in sources])
    grid = [args.C] if args.C else [0.03, 0.1, 0.3, 1.0, 3.0]
    losses = {C: log_loss(y, cv_probabilities(X, y, groups, weights, C), sample_weight=weights) for C in grid}
    C = min(losses, key=losses.get)
    print("CV log loss by C: " + ", ".join(f"{c}: {v:.4f}" for c, v in losses.items()) + f" -> C={C}")
    probs = cv_probabilities(X, y, groups, weights, C)
    threshold = choose_threshold(probs, y, sources, args.keep)
    rejected = float(np.mean(probs[y == 0] < threshold))
    keeps = float(np.mean(probs[y == 1] >= threshold))
    print(f"{len(y)} candidates ({y.sum()} violent, {len(y) - y.sum()} not); CV threshold {threshold}: keeps "
          f"{keeps:.3f} of violent, rejects {rejected:.3f} of the others")
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=3000).fit(X, y, sample_weight=weights)
    names = vec.get_feature_names_out()
    weights_out = {str(n): round(float(w), 4) for n, w in zip(names, clf.coef_[0], strict=True) if abs(w) >= 1e-3}
    top = sorted(weights_out.items(), key=lambda kv: kv[1])
    print("most 'other sense':", ", ".join(f"{k} {v:+.2f}" for k, v in top[:25]))
    print("most 'violent':", ", ".join(f"{k} {v:+.2f}" for k, v in top[::-1][:25]))
    model = {"meta": {"trainer": "python3 scripts/train_clause_model.py", "C": C,
                      "trained_on": "tune split: RAMS dev attack/die/injure trigger sentences, WikiEvents tune "
                                    "documents, UCDP Nigeria headlines (one in four); tune half of the real negative "
                                    "sentences, WikiEvents tune sentences with no such event; weak (weight 0.5): ECB+ "
                                    "tune documents of topics about other things, RAMS dev trigger sentences of "
                                    "non-violent event kinds (tune half)",
                      "candidates": len(y), "violent": int(y.sum()), "cv_keeps": round(keeps, 4),
                      "cv_rejects": round(rejected, 4)},
             "bias": round(float(clf.intercept_[0]), 4), "threshold": threshold, "weights": weights_out}
    if args.write:
        OUT.write_text(json.dumps(model, indent=0, sort_keys=False) + "\n", encoding="utf-8")
        print(f"wrote {OUT} ({len(weights_out)} weights)")


if __name__ == "__main__":
    main()
