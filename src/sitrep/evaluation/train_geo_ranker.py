"""Train the toponym ranker (``knowledge/geo_ranker.json``) on a corpus in the LGL XML layout, with k-fold
cross-validation by document.

    pip install -e '.[dev]'
    python3 scripts/train_geo_ranker.py ../shared/data/geoparsing/lgl.xml --out src/sitrep/knowledge/geo_ranker.json

Every article is resolved from its gold spans under the hand weights (``knowledge/geo_scoring.toml``); each
gold toponym's readings carry their features (``place._score``: the hand score itself, the reading's kind and
population, the context terms) and a label: within 161 km of the gold point or not. Over the toponyms with a
right and a wrong reading, a conditional logit (softmax over a toponym's readings; scipy, a development
dependency only) is fitted, its weights pulled towards the hand score alone (L2, strength 1 / C). Folds (s39): over
the even (tune) articles only, the j-th of them (corpus order) in fold ``j % k`` (``--split all``: over every
article). Each fold's articles are resolved by the real resolver with the model fitted on the other folds (so a
document is never scored by a model that saw it, and no odd article is ever fitted); the pooled accuracy@161 km
over the folds is the cross-validated figure written in the file, to compare with the hand weights' even figure.
Besides the hand score's terms, the features hold the reading's place among the document's other places of pass 1
(``place._context_features``: shares of their votes in its country and subdivision, log km to the nearest and to
their median point, population rank, dateline town), computed only when a ranker is loaded or this trainer runs. The shipped model is then fitted on the even articles
(``--split parity``, the default: the odd articles are its check figure) or on all (``--split all``). Deterministic:
the same corpus, gazetteer and knowledge give the same file.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

K_DEFAULT = 5
C_DEFAULT = 1.0


def read_corpus(path: Path) -> list[dict]:
    """[{id, text, toponyms: [{start, end, lat, lon}]}], gold toponyms with coordinates only."""
    out = []
    for a in ET.parse(path).getroot().iter("article"):
        tops = []
        for t in a.iter("toponym"):
            g = t.find("gaztag")
            if g is not None and g.findtext("lat"):
                tops.append({"start": int(t.findtext("start")), "end": int(t.findtext("end")),
                             "lat": float(g.findtext("lat")), "lon": float(g.findtext("lon"))})
        out.append({"id": a.get("docid"), "text": a.findtext("text") or "", "toponyms": tops})
    return out


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    from sitrep.model import haversine_km

    return haversine_km(lat1, lon1, lat2, lon2)


def examples(articles: list[dict]) -> list[list[tuple[list[float], bool]]]:
    """Per article, per gold toponym with scored readings: [(feature vector, within 161 km)]."""
    from sitrep.resolve import place_scoring
    from sitrep.resolve.gazetteer import get_gazetteer
    from sitrep.resolve.place import resolve_spans_traced

    place_scoring.RANKER_ENABLED = False
    gz = get_gazetteer()
    out = []
    for a in articles:
        _, readings = resolve_spans_traced(a["text"], [(t["start"], t["end"]) for t in a["toponyms"]])
        doc = []
        for t, rs in zip(a["toponyms"], readings, strict=True):
            if not rs:
                continue
            doc.append([([f.get(k, 0.0) for k in place_scoring.FEATURES],
                         _km(gz[i].lat, gz[i].lon, t["lat"], t["lon"]) <= 161) for i, f in rs])
        out.append(doc)
    place_scoring.RANKER_ENABLED = True
    return out


def fit(docs: list[list[list[tuple[list[float], bool]]]], c: float) -> dict[str, float]:
    """Conditional logit over each toponym's readings (the probability mass on its right readings is
    maximised), L2-penalised with strength 1 / c, starting from the hand score alone (weight 1 on "hand").
    Vectorised: the readings of all toponyms in one matrix, each toponym a run of rows (``np.add.reduceat``)."""
    import numpy as np
    from scipy.optimize import minimize

    from sitrep.resolve.place_scoring import FEATURES

    rows: list[list[float]] = []
    oks: list[bool] = []
    starts: list[int] = []
    for doc in docs:
        for r in doc:
            if any(ok for _, ok in r) and not all(ok for _, ok in r):
                starts.append(len(rows))
                rows.extend(f for f, _ in r)
                oks.extend(ok for _, ok in r)
    x = np.asarray(rows, dtype=np.float64).reshape(-1, len(FEATURES))
    ok = np.asarray(oks, dtype=np.float64)
    idx = np.asarray(starts, dtype=np.int64)
    group = np.repeat(np.arange(len(starts)), np.diff(np.append(idx, len(rows))))
    start = np.zeros(len(FEATURES))
    start[FEATURES.index("hand")] = 1.0

    def loss(wv: np.ndarray) -> tuple[float, np.ndarray]:
        s = x @ wv
        s = s - np.maximum.reduceat(s, idx)[group]
        e = np.exp(s)
        z_all = np.add.reduceat(e, idx)
        z_ok = np.add.reduceat(e * ok, idx)
        p_all = e / z_all[group]
        p_ok = e * ok / z_ok[group]
        d = wv - start
        total = float(np.sum(np.log(z_all) - np.log(z_ok)))
        return total + d @ d / (2 * c), -((p_ok - p_all) @ x) + d / c

    res = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return {k: round(float(v), 5) for k, v in zip(FEATURES, res.x, strict=True) if abs(v) > 1e-6}


def fit_pairwise(docs: list[list[list[tuple[list[float], bool]]]], c: float, near: float = 5.0) -> dict[str, float]:
    """A pairwise ranker (RankNet): for each toponym, its best right reading (by the hand score) against each wrong
    reading whose hand score comes within ``near`` of it (the readings the decision is between), logistic loss on
    the difference of their scores, L2-penalised towards the hand score alone with strength 1 / c."""
    import numpy as np
    from scipy.optimize import minimize

    from sitrep.resolve.place_scoring import FEATURES

    h = FEATURES.index("hand")
    diffs: list[list[float]] = []
    for doc in docs:
        for r in doc:
            right = [f for f, ok in r if ok]
            if not right or len(right) == len(r):
                continue
            best = max(right, key=lambda f: f[h])
            diffs.extend([b - w for b, w in zip(best, f, strict=True)] for f, ok in r
                         if not ok and f[h] >= best[h] - near)
    d_all = np.array(diffs, dtype=np.float64).reshape(-1, len(FEATURES))
    start = np.zeros(len(FEATURES))
    start[h] = 1.0

    def loss(wv: np.ndarray) -> tuple[float, np.ndarray]:
        m = d_all @ wv
        total = np.logaddexp(0.0, -m).sum()
        grad = -(d_all * (1.0 / (1.0 + np.exp(m)))[:, None]).sum(axis=0)
        d = wv - start
        return float(total + d @ d / (2 * c)), grad + d / c

    res = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return {k: round(float(v), 5) for k, v in zip(FEATURES, res.x, strict=True) if abs(v) > 1e-6}


def _document(weights: dict[str, float], hand_margin: float, meta: dict) -> dict:
    hand = weights.get("hand", 0.0)
    return {"about": "Linear ranker of toponym readings (sitrep.resolve.place._score); features absent = 0.",
            **meta, "abstain_margin": round(hand_margin * hand, 5) if hand > 0 else hand_margin,
            "weights": weights}


def accuracy(articles: list[dict]) -> tuple[int, int]:
    """(within 161 km, gold toponyms) resolving ``articles`` with the ranker in force now."""
    from sitrep.resolve.place import resolve_spans

    hits = total = 0
    for a in articles:
        places = resolve_spans(a["text"], [(t["start"], t["end"]) for t in a["toponyms"]])
        for t, p in zip(a["toponyms"], places, strict=True):
            total += 1
            hits += p is not None and _km(p.latitude, p.longitude, t["lat"], t["lon"]) <= 161
    return hits, total


def _fold_knowledge(doc: dict):
    """A knowledge object whose ranker is ``doc`` (a folder holding only the ranker, over the packaged files)."""
    from sitrep.knowledge import Knowledge
    from sitrep.resolve import place_scoring

    tmp = tempfile.mkdtemp(prefix="geo-ranker-")
    Path(tmp, place_scoring.RANKER_FILE).write_text(json.dumps(doc), encoding="utf-8")
    return Knowledge(tmp)


def cross_validate(articles: list[dict], docs: list, k: int, c: float, hand_margin: float) -> float:
    """Pooled accuracy@161 km over ``k`` folds (article i of ``articles`` in fold i % k), each resolved by the model
    fitted on the other folds. ``main`` passes the even (tune) articles only: no odd one is ever fitted."""
    from sitrep.knowledge import use_knowledge

    hits = total = 0
    for fold in range(k):
        train = [d for i, d in enumerate(docs) if i % k != fold]
        with use_knowledge(_fold_knowledge(_document(fit(train, c), hand_margin, {}))):
            h, n = accuracy([a for i, a in enumerate(articles) if i % k == fold])
        hits, total = hits + h, total + n
        print(f"fold {fold}: {h}/{n} = {h / n:.3f}", file=sys.stderr)
    return hits / total


def halves(articles: list[dict], weights: dict[str, float], hand_margin: float) -> tuple[float, float]:
    """Accuracy@161 km on the even (tune) and the odd (check) articles with ``weights`` in force."""
    from sitrep.knowledge import use_knowledge

    out = []
    with use_knowledge(_fold_knowledge(_document(weights, hand_margin, {}))):
        for parity in (0, 1):
            h, n = accuracy([a for i, a in enumerate(articles) if i % 2 == parity])
            out.append(h / n)
    return out[0], out[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--out", required=True)
    ap.add_argument("--folds", type=int, default=K_DEFAULT)
    ap.add_argument("--c", type=float, default=C_DEFAULT, help="inverse regularisation of the regression")
    ap.add_argument("--split", choices=("parity", "all"), default="parity",
                    help="parity: fit the shipped model on the even articles only (the odd ones check it); "
                         "all: on every article (the k-fold figure checks it)")
    args = ap.parse_args(argv)
    from sitrep.resolve.place_scoring import load_scoring

    t0 = time.perf_counter()
    articles = read_corpus(Path(args.corpus))
    docs = examples(articles)
    hand_margin = load_scoring().abstain_margin
    even_docs = [d for i, d in enumerate(docs) if i % 2 == 0]
    cv_on = (articles, docs) if args.split == "all" else ([a for i, a in enumerate(articles) if i % 2 == 0], even_docs)
    cv = cross_validate(*cv_on, args.folds, args.c, hand_margin) if args.folds > 1 else float("nan")
    weights = fit(even_docs if args.split == "parity" else docs, args.c)
    even, odd = halves(articles, weights, hand_margin)
    meta = {"trained_on": f"{Path(args.corpus).name}: {len(articles)} articles, gold spans; the shipped weights fitted "
                          f"on {'the even articles (i % 2 == 0, corpus order)' if args.split == 'parity' else 'all'}",
            "trainer": "python3 scripts/train_geo_ranker.py CORPUS --out FILE",
            "cross_validation": f"{args.folds} folds over {'the even articles' if args.split == 'parity' else 'all'}"
                                f", its article j (corpus order) in fold j % {args.folds}; each fold resolved by the "
                                f"model fitted on the others",
            "cv_accuracy_at_161km": round(cv, 4), "even_accuracy_at_161km": round(even, 4),
            "odd_accuracy_at_161km": round(odd, 4), "c": args.c}
    Path(args.out).write_text(json.dumps(_document(weights, hand_margin, meta), indent=1) + "\n", encoding="utf-8")
    print(f"cross-validated accuracy@161km {cv:.4f}; shipped model: even {even:.4f}, odd (check) {odd:.4f}; "
          f"written to {args.out} ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    return 0 if math.isfinite(even) else 1


if __name__ == "__main__":
    sys.exit(main())
