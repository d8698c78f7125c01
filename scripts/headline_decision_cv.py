"""Does ONE learned decision over the rules' outputs beat the rules on headlines (issue 11)? A logistic model per
headline report (is it one specific violent event?) over what the rules compute: the clause model's best logit,
whether the rules keep an event, the best trigger's kind, tag and dependency, plural, the class of the headline's
root (the trigger itself, another trigger word, a report verb, else its part of speech), the preposition the
trigger hangs on, a number, a word of death or wounding, a colon, a question mark, the number of candidates.
Trained on the TUNE halves only (UCDP Nigeria, all events; mideast1-4 and headlines2-4, odd publication months)
and cross-validated leaving one set out; printed per set as the change against the rules (events found / false
events) at each C, UCDP weight and threshold. Needs scikit-learn (a dev dependency). Check halves never read.

    python3 scripts/headline_decision_cv.py [--cache /tmp/x.json]

Measured (s35, on this branch's rules with headline.voiced_form; 2,964 tune headline reports with a non-generic
candidate: UCDP 2,517, headlines3 86, headlines2 71, headlines4 68, mideast 64, mideast2 64, mideast4 58, mideast3
36), the change against the rules summed over the sets (events found / false events): C 0.1, UCDP weight 0.05,
threshold 0.5: +6 / +12; threshold 0.3: +45 / +35; threshold 0.7: -55 (UCDP -43) / +2; C 1, weight 0.05,
threshold 0.5: -38 (UCDP -37) / +2. No setting gains events without more false events, none refuses a false event
without losing UCDP events: the model does not beat the rules out of fold, and none ships.
The reaction form ("N flee after attack", "X flays govt over killings") holds 11 of the 26 tune false events and
as many UCDP events: UCDP codes the source's event, our sets judge the headline, so no weight can refuse it here.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.evaluation import realnews as rn  # noqa: E402
from sitrep.extract import document as report  # noqa: E402
from sitrep.extract.clause_model import clause_features, clause_model, keep_violent  # noqa: E402
from sitrep.extract.lexicon import load_lexicon  # noqa: E402
from sitrep.model import Document  # noqa: E402

SHARED = (ROOT / ".." / "shared").resolve()
DATA = ROOT / "benchmarks" / "data"
_PREPS = frozenset({"after", "over", "for", "on", "in", "by", "of", "against", "at", "to", "into", "from", "near"})
_HARM = frozenset({"dead", "die", "kill", "killed", "wound", "injure", "injured", "toll"})


def tune_rows() -> list[tuple[str, str, str, object, bool]]:
    rows = [("ucdp", i.id, i.headline, i.published, True) for i in rn.ucdp_items(SHARED, rn.UCDP_SPLIT["tune"])]
    for name in ("mideast", "mideast2", "mideast3", "mideast4"):
        rows += [(name, i.id, i.headline, i.published, i.attack)
                 for i in rn.read_mideast(DATA / f"realnews_{name}.csv") if i.split == "tune"]
    for name in ("headlines2", "headlines3", "headlines4"):
        events, others = rn.read_headlines2(DATA / f"realnews_{name}.csv")
        rows += [(name, i.id, i.headline, i.published, ok) for group, ok in ((events, True), (others, False))
                 for i in group if i.published.month % 2]
    return rows


def collect() -> list[dict]:
    """Per tune headline report with a non-generic candidate: its label, set and the rules' outputs."""
    from sitrep.nlp import analyze_many
    from sitrep.pipeline import extract_analysis

    rows = tune_rows()
    label = {f"{s}|{i}": (s, y) for s, i, _, _, y in rows}
    model, lex = clause_model(), load_lexicon()
    out = []
    for a in analyze_many([Document(id=f"{s}|{i}", text=h, title=h, published=p) for s, i, h, p, _ in rows]):
        cands = [c for c in report.candidates(a) if not c.mention.generic and c.trigger_token is not None]
        if not cands:
            continue
        probs = [model.probability(clause_features(c)) for c in cands]
        kept = bool(keep_violent(list(report.candidates(a))))
        best, p = max(zip(cands, probs, strict=True), key=lambda cp: cp[1])
        out.append({"set": label[a.doc.id][0], "label": label[a.doc.id][1],
                    "feats": features(best, p, kept, bool(extract_analysis(a)), len(cands), a.doc.text, lex)})
    return out


def features(c, p: float, kept: bool, found: bool, n: int, text: str, lex) -> dict[str, float]:
    tok = c.trigger_token
    p = min(max(p, 1e-3), 1 - 1e-3)
    root = tok.sent.root if hasattr(tok, "sent") else tok
    rl = root.lemma_.lower()
    rclass = "self" if root.i == tok.i else "trigger" if rl in lex.triggers else "report" if rl in \
        lex.report_verbs else root.pos_
    f = {"logit_p": math.log(p / (1 - p)), "kept": float(kept), "found": float(found), f"kind={c.kind}": 1.0,
         f"tag={tok.tag_}": 1.0, f"dep={tok.dep_}": 1.0, f"root={rclass}": 1.0, "n_cands": float(n),
         "plural": float(tok.tag_ in ("NNS", "NNPS")), "colon": float(":" in text), "question": float("?" in text),
         "num": float(any(t.tag_ == "CD" for t in tok.sent)),
         "dead": float(any(t.lemma_.lower() in _HARM or t.lower_ in _HARM for t in tok.sent))}
    prep = next((h for h in tok.ancestors if h.dep_ == "prep"), None)
    if prep is not None:
        f[f"prep={prep.lower_ if prep.lower_ in _PREPS else 'other'}"] = 1.0
    return f


def cross_validated(exs: list[dict], C: float, ucdp_weight: float) -> list[float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    probs = [0.0] * len(exs)
    for held in sorted({e["set"] for e in exs}):
        train = [e for e in exs if e["set"] != held]
        vec = DictVectorizer()
        clf = LogisticRegression(C=C, max_iter=3000).fit(
            vec.fit_transform([e["feats"] for e in train]), [int(e["label"]) for e in train],
            sample_weight=[ucdp_weight if e["set"] == "ucdp" else 1.0 for e in train])
        idx = [i for i, e in enumerate(exs) if e["set"] == held]
        for i, q in zip(idx, clf.predict_proba(vec.transform([exs[i]["feats"] for i in idx]))[:, 1], strict=True):
            probs[i] = float(q)
    return probs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, help="a JSON of the collected examples (read if there, else written)")
    args = ap.parse_args(argv)
    if args.cache and args.cache.exists():
        exs = json.loads(args.cache.read_text())
    else:
        exs = collect()
        if args.cache:
            args.cache.write_text(json.dumps(exs))
    print(f"{len(exs)} tune headline reports with a candidate")
    sets = sorted({e["set"] for e in exs})
    for C in (0.1, 1.0):
        for w in (0.05, 0.2, 1.0):
            probs = cross_validated(exs, C, w)
            for t in (0.3, 0.5, 0.7):
                row = []
                for s in sets:
                    part = [(e, q) for e, q in zip(exs, probs, strict=True) if e["set"] == s]
                    de = sum((q >= t) - e["feats"]["found"] for e, q in part if e["label"])
                    df = sum((q >= t) - e["feats"]["found"] for e, q in part if not e["label"])
                    row.append(f"{s} {int(de):+d}/{int(df):+d}")
                print(f"C={C} ucdp_weight={w} t={t}: " + " ".join(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
