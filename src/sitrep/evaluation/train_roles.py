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

With news (issue 11, s38): ``--news`` adds the tune split's annotated news (the attack / die / injure windows of RAMS
dev, the WikiEvents tune documents; ``build_news_examples``), the reports the role model reads in the pipeline (an
event, at least ``ROLE_MIN_SENTENCES`` sentences), each candidate labelled with the roles of the gold arguments whose
span holds its head (an attacker: PerpInd when the phrase names a person, else PerpOrg); their folds are the argument
model's story folds. ``--domain`` caps: the ``caps=`` feature (MUC-4 is written in capitals, news is not); copy: every
news feature again under ``n|``; ``--thresholds both`` chooses each role's threshold on MUC-4 CEAF-REE plus the news
F1 of its group (out of fold). ``--out`` with ``--news`` also writes the five fold models
(``benchmarks/data/role_model_folds.json.gz``): ``benchmarks/realnews.py`` then runs each tune article under the one
that did not see it (``argument_cv.read_folds``). Run from the repository root:

    python3 -m sitrep.evaluation.train_roles --docs $M/docs/dev-muc3-0[1-9]* $M/docs/dev-muc3-1* \
        --keys $M/keys/key-dev-* --cache /tmp/muc.jsonl --news --news-cache /tmp/news.jsonl --news-weight 5 \
        --thresholds both --out /tmp/role_model.json --folds-out /tmp/role_folds.json.gz

Result (s38, main at 5dcf9a2), NOT shipped: the news the model reads are few (38 reports: 29 RAMS dev windows with
an event and 5 sentences, 9 WikiEvents tune documents; 3,486 candidates against MUC-4's 193,549; 31 gold attackers,
20 with a candidate head in their span). Out of fold on them (head in gold span; the packaged model, which never saw
them / news weight 5 with caps= and thresholds on both): Attacker F1 0.136 / 0.136 (R 0.097 both), Target+Victim
0.308 / 0.277 (R 0.254 -> 0.349), Instrument 0.214 / 0.323; MUC-4 CV micro F1 0.446 (MUC-4 alone) -> 0.429. In the
benchmark (tune by fold / check): WikiEvents Attacker 0.667 = 0.667 / 0.474 = 0.474, Target+Victim 0.548 = 0.548 /
0.550 -> 0.583; RAMS Attacker 0.095 = 0.095 / 0.093 = 0.093, Target+Victim 0.119 -> 0.130 / 0.135 -> 0.149; MUC-4
TST1+2 CEAF-REE 0.442 -> 0.430 (under the 0.437 floor), DEV 0001-0100 0.469 -> 0.440. The same model with the
MUC-4-alone thresholds: WikiEvents tune Attacker 0.667 -> 0.583, TST1+2 0.429, DEV 0.457. News weight 10 with
``--domain copy --thresholds muc4`` (out of fold only): MUC-4 CV 0.447, news Attacker F1 0.114 (R 0.065: 2 of 31,
one fewer than the packaged model), Target+Victim 0.358, Instrument 0.240. Too few news attackers to learn from.
"""
from __future__ import annotations

import argparse
import functools
import json
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
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
            out.append({"id": an.doc.id, "gold": goldn, "events": len(events), "cands": rows, "caps": an.all_caps})
            bar.advance(task)
    return out


# news arguments -> MUC-4 roles (an attacker is PerpInd when the phrase names a person, else PerpOrg)
NEWS_ROLE = {"Target": "Target", "Victim": "Victim", "Instrument": "Weapon"}
_PERSON_FEATURES = frozenset(("person_name", "ent=PERSON"))


def news_sources(shared: Path, split: str = "tune") -> Iterator[tuple]:
    """(Document, fold key, gold arguments [(role, start, end)]) of a split's annotated news: the attack / die /
    injure windows of RAMS (dev = tune) and the WikiEvents documents of the split (the arguments of all their attack /
    die / injure events). The fold key keeps an article whole (RAMS source URL, WikiEvents id)."""
    from sitrep.evaluation import realnews as rn
    from sitrep.model import Document

    keep = ("Attacker", *NEWS_ROLE)
    for w in rn.rams_windows(shared, rn.RAMS_SPLIT[split]):
        if rn.rams_family(w):
            yield Document(id=w.id, text=w.text), w.source, [a for a in w.args if a[0] in keep]
    ids = rn.WIKIEVENTS_TUNE if split == "tune" else rn.WIKIEVENTS_CHECK
    for d in rn.wikievents_docs(shared):
        if d["doc_id"] not in ids:
            continue
        args = [(role, a, b) for _e, found in rn.wikievents_arguments(d) for role, a, b, _m in found if role in keep]
        yield Document(id=d["doc_id"], text=d["text"]), d["doc_id"], args


def news_labels(head: int, features: list[str], args: list) -> list[str]:
    """The MUC-4 roles of a candidate: those of the gold arguments whose span holds its head word."""
    out = set()
    for role, a, b in args:
        if a <= head < b and role in NEWS_ROLE:
            out.add(NEWS_ROLE[role])
        elif a <= head < b and role == "Attacker":
            out.add("PerpInd" if _PERSON_FEATURES & set(features) else "PerpOrg")
    return sorted(out)


def build_news_examples(shared: Path, split: str = "tune", *, progress: bool = True) -> list[dict]:
    """One record per annotated news report that the role model reads in the pipeline (an event, at least
    ``ROLE_MIN_SENTENCES`` sentences): its candidates over the sentences the pipeline parses for it, labelled by the
    gold arguments' spans, and the gold arguments (``news_score``)."""
    from rich.progress import Progress

    from sitrep.extract.role_model import candidates, role_sentences
    from sitrep.nlp import analyze_many, parse_remaining
    from sitrep.nlp.spacy_model import load_spacy
    from sitrep.pipeline import extract_analysis

    srcs = list(news_sources(shared, split))
    meta = {d.id: (key, args) for d, key, args in srcs}
    nlp = load_spacy()
    out = []
    with Progress(disable=not progress, transient=True) as bar:
        task = bar.add_task("parsing news reports", total=len(srcs))
        for an in analyze_many((d for d, _, _ in srcs), nlp=nlp):
            bar.advance(task)
            key, args = meta[an.doc.id]
            events = extract_analysis(an, learned_roles=False) if not an.error else []
            only = role_sentences(an, events) if events else []
            if not only:
                continue
            parse_remaining(an, nlp=nlp, only=only)
            rows = [[c.text, c.head, c.features, news_labels(c.head, c.features, args)] for c in candidates(an, events)]
            out.append({"id": an.doc.id, "key": key, "source": "news", "events": len(events), "cands": rows,
                        "caps": an.all_caps, "args": [list(a) for a in args]})
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


def fit(records: Sequence[dict], C: float = 1.0, news_weight: float = 1.0):
    """(vectorizer, {role: LogisticRegression}); each news candidate weighs ``news_weight`` MUC-4 candidates."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    X, labels = _matrix(records, vec, fit=True)
    w = np.array([news_weight if rec.get("source") == "news" else 1.0 for rec in records for _ in rec["cands"]])
    models = {}
    for r in muc4.ROLES:
        y = np.array([r in lab for lab in labels])
        models[r] = LogisticRegression(C=C, solver="liblinear", max_iter=2000).fit(X, y, sample_weight=w)
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


GROUPS = {"Attacker": ("PerpInd", "PerpOrg"), "Target+Victim": ("Target", "Victim"), "Instrument": ("Weapon",)}
GROUP_OF = {r: g for g, rs in GROUPS.items() for r in rs}
NEWS_GROUP = {"Attacker": "Attacker", "Target": "Target+Victim", "Victim": "Target+Victim", "Instrument": "Instrument"}


def news_choices(rec: dict, ps: list[dict[str, float]], thresholds: dict[str, float]) -> dict[str, set[int]]:
    """The heads the pipeline gives each role group of a news record: the model's choice (``decide``) and the rules'
    fillers it keeps (``assign_roles``: at least ``RULE_FLOOR``; a victim that names people whatever its score)."""
    from sitrep.extract.role_model import RULE_FLOOR, RoleCandidate, RoleModel, _names_people, decide

    keys = list(ROLE_OF_KEY)
    chooser = RoleModel({k: {} for k in keys}, dict.fromkeys(keys, 0.0),
                        {k: thresholds[r] for k, r in ROLE_OF_KEY.items()}, {})
    cands = [RoleCandidate(0, 0, c[0], c[1], 0, scores={k: p[r] for k, r in ROLE_OF_KEY.items()})
             for c, p in zip(rec["cands"], ps, strict=True)]
    heads: dict[str, set[int]] = {g: set() for g in GROUPS}
    for k, chosen in decide(cands, chooser).items():
        heads[GROUP_OF[ROLE_OF_KEY[k]]].update(c.head for c in chosen)
    for c, p in zip(rec["cands"], ps, strict=True):
        for f in c[2]:
            r = ROLE_OF_KEY.get(f[5:]) if f.startswith("rule=") else None
            if r and (p[r] >= RULE_FLOOR or (r == "Victim" and _names_people(c[0]))):
                heads[GROUP_OF[r]].add(c[1])
    return heads


def news_score(records: Sequence[dict], probs, thresholds: dict[str, float]) -> dict[str, tuple[float, float, float]]:
    """Role group -> (precision, recall, F1) of the news records: a gold argument is found when a chosen head lies in
    its span; a chosen head in no gold span of its group is wrong (RAMS annotates one event a window: a low bound)."""
    tp = dict.fromkeys(GROUPS, 0)
    n = dict.fromkeys(GROUPS, 0)
    fp = dict.fromkeys(GROUPS, 0)
    for rec, ps in zip(records, probs, strict=True):
        heads = news_choices(rec, ps, thresholds)
        for g in GROUPS:
            spans = [(a, b) for role, a, b in rec["args"] if NEWS_GROUP[role] == g]
            n[g] += len(spans)
            tp[g] += sum(any(a <= h < b for h in heads[g]) for a, b in spans)
            fp[g] += sum(not any(a <= h < b for a, b in spans) for h in heads[g])
    out = {}
    for g in GROUPS:
        p, r = tp[g] / max(tp[g] + fp[g], 1), tp[g] / max(n[g], 1)
        out[g] = (p, r, 2 * p * r / max(p + r, 1e-9))
    return out


def tune_thresholds(records: Sequence[dict], probs, news: Sequence[dict] = (), news_probs=()) -> dict[str, float]:
    """Each role's threshold for the best CEAF-REE F1 of that role over the MUC-4 records, plus, with news records,
    the F1 of the role's group over them (``news_score``)."""
    grid = [round(0.05 * i, 2) for i in range(2, 18)]
    th = dict.fromkeys(muc4.ROLES, 0.5)

    def gain(r: str, t: float) -> tuple[float, float]:
        cand = {**th, r: t}
        f = score(records, decode(records, probs, cand)).roles[r].f1
        if news:
            f += news_score(news, news_probs, cand)[GROUP_OF[r]][2]
        return f, -abs(t - 0.3)

    for r in muc4.ROLES:
        th[r] = max(grid, key=functools.partial(gain, r))
    return th


def cross_validate(records: Sequence[dict], folds: int = 5, C: float = 1.0, news_weight: float = 1.0):
    """Out-of-fold probabilities for every record (each fold predicted by a model that never saw it): a record's
    fold is its ``fold`` (news: story folds), else its position modulo ``folds``."""
    probs: list = [None] * len(records)
    fold = [rec.get("fold", i % folds) for i, rec in enumerate(records)]
    for f in range(folds):
        train = [rec for i, rec in enumerate(records) if fold[i] != f]
        test_idx = [i for i in range(len(records)) if fold[i] == f]
        vec, models = fit(train, C, news_weight)
        for i, p in zip(test_idx, probabilities(vec, models, [records[i] for i in test_idx]), strict=True):
            probs[i] = p
    return probs


def to_json(vec, models, thresholds: dict[str, float], meta: dict, min_weight: float = 0.01) -> dict:
    names = vec.get_feature_names_out()
    roles = {}
    for key, r in ROLE_OF_KEY.items():
        m = models[r]
        w = {str(names[j]): round(float(v), 4) for j, v in enumerate(m.coef_[0]) if abs(v) >= min_weight}
        roles[key] = {"muc_role": r, "bias": round(float(m.intercept_[0]), 4), "threshold": thresholds[r],
                      "weights": dict(sorted(w.items()))}
    return {"meta": meta, "roles": roles}


SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
FOLDS_OUT = Path(__file__).resolve().parents[3] / "benchmarks" / "data" / "role_model_folds.json.gz"
ARGUMENT_FOLDS = Path(__file__).resolve().parents[3] / "benchmarks" / "data" / "argument_model_folds.json.gz"


def _cached(path: str | None, build) -> list[dict]:
    """The records of the JSON-lines file ``path`` if it exists, else ``build()`` (written to ``path`` if given)."""
    if path and Path(path).exists():
        return [json.loads(line) for line in Path(path).read_text().splitlines()]
    records = build()
    if path:
        Path(path).write_text("".join(json.dumps(r) + "\n" for r in records))
    return records


def news_records(path: str | None, shared: Path) -> list[dict]:
    """The tune split's news records, each with the fold of its article in the argument model's story folds (the
    benchmark runs each tune article under the fold models that did not see it: both models' folds must agree)."""
    import gzip

    from sitrep.evaluation.argument_cv import fold_of

    records = _cached(path, lambda: build_news_examples(shared, progress=sys.stderr.isatty()))
    table: dict[str, int] = {}
    if ARGUMENT_FOLDS.exists():
        with gzip.open(ARGUMENT_FOLDS, "rt", encoding="utf-8") as fh:
            table = json.load(fh).get("meta", {}).get("fold_of") or {}
    for rec in records:
        rec["fold"] = table.get(rec["key"], fold_of(rec["key"]))
    return records


def add_domain(records: Sequence[dict], mode: str = "caps") -> None:
    """The features that tell MUC-4 from news, as ``role_model.candidates`` and ``RoleModel.score`` give them:
    ``caps=`` whether the report was written in capitals (every MUC-4 report; news almost never); with ``mode``
    "copy", a news candidate's every feature again under the prefix ``NEWS_PREFIX`` (weights of news alone beside
    the shared ones); "none": neither."""
    from sitrep.extract.role_model import NEWS_PREFIX

    for rec in records:
        caps = bool(rec.get("caps", True))
        for c in rec["cands"]:
            feats = [x for x in c[2] if not x.startswith(("caps=", NEWS_PREFIX))]
            if mode != "none":
                feats.append(f"caps={caps}")
            if mode == "copy" and not caps:
                feats += [NEWS_PREFIX + x for x in feats]
            c[2][:] = feats


def _print_cv(records: Sequence[dict], probs, news: Sequence[dict], news_probs, th: dict[str, float],
              folds: int) -> muc4.Scores:
    cv = score(records, decode(records, probs, th))
    for r in muc4.ROLES:
        s = cv.roles[r]
        print(f"  {r:8} threshold={th[r]:.2f}  P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f}")
    print(f"{folds}-fold CV on the training reports: {cv.line()}")
    if news:
        ns = news_score(news, news_probs, th)
        print("  news out of fold (head in gold span): " + "  ".join(
            f"{g} P={p:.3f} R={r:.3f} F1={f:.3f}" for g, (p, r, f) in ns.items()))
    return cv


def shipped_news_score(news: Sequence[dict]) -> None:
    """The news figures of the packaged model (trained on MUC-4 alone, so out of sample for news)."""
    from sitrep.extract.role_model import RoleCandidate, RoleModel

    model = RoleModel.load()
    probs = [[{r: model.score(RoleCandidate(0, 0, c[0], c[1], 0, list(c[2])))[k] for k, r in ROLE_OF_KEY.items()}
              for c in rec["cands"]] for rec in news]
    th = {r: model.thresholds[k] for k, r in ROLE_OF_KEY.items()}
    print("  packaged model on the news records: " + "  ".join(
        f"{g} P={p:.3f} R={r:.3f} F1={f:.3f}" for g, (p, r, f) in news_score(news, probs, th).items()))


def write_folds(records: Sequence[dict], news: Sequence[dict], args, th: dict[str, float]) -> None:
    """One model per news fold, fitted without that fold's articles (and with every MUC-4 report), with the chosen
    thresholds: the benchmark runs each tune article under the one that did not see it."""
    import gzip

    folds = []
    for f in range(args.folds):
        vec, models = fit([*records, *(r for r in news if r["fold"] != f)], args.C, args.news_weight)
        folds.append(to_json(vec, models, th, {"fold": f, "domain": args.domain}, min_weight=0.02))
    meta = {"fold_of": {r["key"]: r["fold"] for r in news}, "trainer": "python3 -m sitrep.evaluation.train_roles"}
    with gzip.open(args.folds_out, "wt", encoding="utf-8") as fh:
        json.dump({"meta": meta, "folds": folds}, fh)
    print(f"wrote {args.folds_out}")


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
    ap.add_argument("--news", action="store_true", help="train on the tune split's annotated news too")
    ap.add_argument("--news-cache", help="JSON-lines file of the news examples: read if it exists, else written")
    ap.add_argument("--news-weight", type=float, default=1.0, help="weight of a news candidate (MUC-4: 1)")
    ap.add_argument("--domain", choices=("caps", "copy", "none"), default="caps",
                    help="features telling news from MUC-4 (see add_domain)")
    ap.add_argument("--thresholds", choices=("muc4", "both"), default="muc4",
                    help="choose each role's threshold on MUC-4 CEAF-REE alone, or plus the news F1 of its group")
    ap.add_argument("--folds-out", default=str(FOLDS_OUT), help="where --news --out writes the fold models")
    args = ap.parse_args(argv)
    if args.folds < 2:
        ap.error("--folds must be at least 2")
    t0 = time.perf_counter()
    docs = [d for p in args.docs for d in muc4.read_docs(p)]
    ids = {d.id for d in docs}  # a cache of more reports serves: only --docs are used
    records = [r for r in _cached(args.cache, lambda: build_examples(
        docs, [t for p in args.keys for t in muc4.read_keys(p)], progress=sys.stderr.isatty())) if r["id"] in ids]
    news = news_records(args.news_cache, SHARED.resolve()) if args.news else []
    add_domain([*records, *news], args.domain)
    n_cands = sum(len(r["cands"]) for r in [*records, *news])
    print(f"{len(records)} reports, {len(news)} news reports, {n_cands} candidates ({time.perf_counter() - t0:.0f} s)")
    if news:
        shipped_news_score(news)
    probs = cross_validate([*records, *news], args.folds, args.C, args.news_weight)
    probs, news_probs = probs[:len(records)], probs[len(records):]
    th = tune_thresholds(records, probs, *((news, news_probs) if args.thresholds == "both" else ()))
    cv = _print_cv(records, probs, news, news_probs, th, args.folds)
    if args.out:
        vec, models = fit([*records, *news], args.C, args.news_weight)
        meta = {"trained_on": f"{len(records)} MUC-4 reports ({', '.join(Path(p).name for p in args.docs[:3])}"
                              f"{', ...' if len(args.docs) > 3 else ''})"
                              + (f" and {len(news)} tune news reports (RAMS dev, WikiEvents tune)" if news else ""),
                "C": args.C, "news_weight": args.news_weight, "domain": args.domain, "cv_micro_f1": round(cv.micro.f1, 4),
                "features": len(vec.get_feature_names_out()), "trainer": "python3 -m sitrep.evaluation.train_roles"}
        Path(args.out).write_text(json.dumps(to_json(vec, models, th, meta), indent=0, sort_keys=False) + "\n")
        print(f"wrote {args.out}")
        if news:
            write_folds(records, news, args, th)
    return 0


if __name__ == "__main__":
    sys.exit(main())
