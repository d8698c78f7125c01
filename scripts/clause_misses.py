"""Where the tune split's real events are lost, and where its negative sentences get through: for each UCDP tune
headline, RAMS dev attack/die/injure window, WikiEvents tune sentence with such an event and tune negative
sentence, the stage that decides (no sentence passes the screen, no trigger in the sentence, the clause model says
no, generic plural, not specific, wrong family, kept). Counts per cause, and examples with --show CAUSE. TUNE split only.

    python3 scripts/clause_misses.py [--only ucdp,rams,wikievents,negatives] [--show CAUSE] [--limit N]
"""
from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.evaluation import realnews as rn  # noqa: E402
from sitrep.extract import document as report  # noqa: E402
from sitrep.extract.clause_model import clause_features, clause_model, keep_violent  # noqa: E402
from sitrep.model import Document  # noqa: E402
from sitrep.nlp import analyze_many  # noqa: E402
from sitrep.pipeline import extract_analysis  # noqa: E402

SHARED = (ROOT / ".." / "shared").resolve()
NEGATIVES = ROOT / "benchmarks" / "data" / "realnews_negatives.csv"


def stage(analysis, span, family=None) -> tuple[str, str]:
    """The first stage that loses (or, for a negative, keeps) an event in the character span."""
    a, b = span
    sents = [s for s in analysis.sentences if s.start < b and s.end > a]
    if not any(s.screened for s in sents):
        return "screen", ""
    cands = [c for c in report.candidates(analysis) if a <= c.mention.trigger.start < b]
    if not cands:
        return "no_trigger", ""
    model = clause_model()
    probs = [(round(model.probability(clause_features(c)), 2), c.mention.trigger.text) for c in cands]
    kept = keep_violent(report.candidates(analysis))
    kept = [c for c in kept if a <= c.mention.trigger.start < b]
    if not kept:
        return "model_no", str(probs)
    events = extract_analysis(analysis, learned_roles=False)
    mine = [e for e in events if any(a <= t.start < b for t in e.field_spans.get("trigger", [e.trigger]))]
    if not mine:
        notes = [n for c in kept for n in c.mention.notes if n.startswith(("generic", "plural", "reported", "ref"))]
        return ("generic" if any(c.mention.generic for c in kept) else "not_specific"), f"{probs} {notes}"
    if family is not None and not any(rn.right_family(e, family) for e in mine):
        return "wrong_family", str([(e.event_type, e.trigger.text) for e in mine])
    return "kept", str(probs)


def run(name, docs, spans, families, show, counts):
    for analysis in analyze_many(docs):
        d = analysis.doc
        cause, why = stage(analysis, spans[d.id], families.get(d.id))
        counts[name][cause] += 1
        if show and cause in show:
            a, b = spans[d.id]
            print(f"[{name} {cause}] {d.text[a:b][:220]!r} {why}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="ucdp,rams,wikievents,negatives")
    ap.add_argument("--show", default="")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    show = set(filter(None, args.show.split(",")))
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    only = args.only.split(",")
    lim = args.limit or None
    if "ucdp" in only:
        items = rn.ucdp_items(SHARED, rn.UCDP_SPLIT["tune"])[:lim]
        docs = [Document(id=it.id, text=it.headline, title=it.headline, published=it.published) for it in items]
        run("ucdp", docs, {d.id: (0, len(d.text)) for d in docs}, {}, show, counts)
    if "rams" in only:
        ws = [w for w in rn.rams_windows(SHARED, rn.RAMS_SPLIT["tune"]) if rn.rams_family(w)][:lim]
        run("rams", [Document(id=w.id, text=w.text) for w in ws], {w.id: w.sentence for w in ws},
            {w.id: w.event_type for w in ws}, show, counts)
    if "wikievents" in only:  # each tune sentence with an attack / die / injure event, as a span of its document
        for d in [d for d in rn.wikievents_docs(SHARED) if d["doc_id"] in rn.WIKIEVENTS_TUNE][:lim]:
            bounds = [(s[0][0][1], s[0][-1][2] + 1) for s in d["sentences"]]
            gold = sorted({e["trigger"]["sent_idx"] for e in rn._family_events(d)})
            docs = [Document(id=f"{d['doc_id']}#{i}", text=d["text"]) for i in gold]
            run("wikievents", docs, {x.id: bounds[int(x.id.rsplit("#", 1)[1])] for x in docs}, {}, show, counts)
    if "negatives" in only:
        negs = [n for n in rn.read_negatives(NEGATIVES, SHARED) if n.split == "tune"][:lim]
        docs = [Document(id=f"neg-{i}", text=n.text) for i, n in enumerate(negs)]
        run("negatives", docs, {d.id: (0, len(d.text)) for d in docs}, {}, show, counts)
    for name, c in counts.items():
        n = sum(c.values())
        print(f"{name} (n={n}): " + ", ".join(f"{k} {v} ({v / n:.2f})" for k, v in c.most_common()))


if __name__ == "__main__":
    main()
