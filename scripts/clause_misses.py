"""Where the tune split's real events are lost, and where its negative sentences get through: for each UCDP tune
headline, RAMS dev attack/die/injure window (``--judged specific``: only those a reader judged to tell one specific
violent event, benchmarks/data/rams_dev_judged.csv), WikiEvents tune sentence with such an event and tune negative
sentence, the stage that decides (``stages``: screen, no_trigger, reference, generic, model_no, plural_no_day,
not_specific, merged_away, wrong_family, kept). Counts per cause, and examples with --show CAUSE (or all). TUNE
split only; each document is extracted once.

Measured (s33-recall, cd7f167): WikiEvents tune (54 gold sentences): kept 42, reference 4 ("after the bombing",
"in the wake of the van-and-knife attack": the event told before), no_trigger 4 (3 hypothetical drones, one
misspelt "explosive decides"), screen 2 (injuries from glass, a suicide), plural_no_day 2 (both general);
RAMS dev judged specific (58): kept 34, screen 9 (rape x3, a poisoning, a beating, a coup attempt x2, a
fatalities list x2), not_specific 5, plural_no_day 4, no_trigger 4, generic 2; model_no 0 in both: the clause
model refuses none of the missed events.

    python3 scripts/clause_misses.py [--only ucdp,rams,wikievents,negatives] [--judged specific] [--show CAUSE|all]
                                     [--limit N]
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
from sitrep.extract.mentions import REFERENCE_NOTE  # noqa: E402
from sitrep.model import Document  # noqa: E402
from sitrep.nlp import analyze_many  # noqa: E402
from sitrep.pipeline import extract_analysis  # noqa: E402

SHARED = (ROOT / ".." / "shared").resolve()
NEGATIVES = ROOT / "benchmarks" / "data" / "realnews_negatives.csv"
RAMS_JUDGED = ROOT / "benchmarks" / "data" / "rams_dev_judged.csv"


def stage(analysis, span, family=None) -> tuple[str, str]:
    """The first stage that loses (or, for a negative, keeps) an event in the character span."""
    return stages(analysis, [span], [family])[0]


def stages(analysis, spans, families=None) -> list[tuple[str, str]]:
    """``stage`` of each span of one analysed document (the document is extracted once): screen (no sentence of
    the span passes the screen), no_trigger (no candidate), reference (its candidates name an earlier event: "after
    the bombing"), generic (a habit, a plan, a span: a cue of discourse.toml), model_no (the clause model refuses
    them), plural_no_day (a plural trigger with no day: many events), not_specific (no place, day, target, count
    or named actor), merged_away (another cause: the merge or a later rule), wrong_family, kept."""
    families = families or [None] * len(spans)
    cands = report.candidates(analysis)
    model = clause_model()
    probs = {id(c): round(model.probability(clause_features(c)), 2) for c in cands}
    kept_ids = {id(c) for c in keep_violent(list(cands))}
    seen: dict[str, list] = {"merge": [], "unspecific": []}
    to_merge, specific = report.mentions_to_merge, report.specific

    def record_merge(cs, doc=None):
        seen["merge"] = list(cs)
        return to_merge(cs, doc)

    def record_specific(m):
        ok = specific(m)
        if not ok:
            seen["unspecific"].append(m)
        return ok

    report.mentions_to_merge, report.specific = record_merge, record_specific
    try:
        events = extract_analysis(analysis, learned_roles=False)
    finally:
        report.mentions_to_merge, report.specific = to_merge, specific
    out = []
    for (a, b), family in zip(spans, families, strict=True):
        out.append(_cause(analysis, cands, probs, kept_ids, seen, events, a, b, family))
    return out


def _cause(analysis, cands, probs, kept_ids, seen, events, a, b, family) -> tuple[str, str]:
    def here(m) -> bool:
        return a <= m.trigger.start < b

    mine = [e for e in events if any(a <= t < b for t in rn.trigger_starts(e))]
    if mine:
        if family is not None and not any(rn.right_family(e, family) for e in mine):
            return "wrong_family", str([(e.event_type, e.trigger.text) for e in mine])
        return "kept", ""
    if not any(s.screened for s in analysis.sentences if s.start < b and s.end > a):
        return "screen", ""
    cs = [c for c in cands if here(c.mention)]
    if not cs:
        return "no_trigger", ""
    why = str([(probs[id(c)], c.mention.trigger.text) for c in cs])
    if all(c.mention.generic for c in cs):
        if all(REFERENCE_NOTE in c.mention.notes for c in cs):
            return "reference", why
        return "generic", why + " " + str([n for c in cs for n in c.mention.notes if n.startswith("generic")])
    if not any(id(c) in kept_ids for c in cs):
        return "model_no", why
    later = [c for c in seen["merge"] if here(c.mention)]
    if later and all(c.mention.generic for c in later):
        notes = [n for c in later for n in c.mention.notes if n.startswith("generic")]
        return ("plural_no_day" if any("plural trigger with no day" in n for n in notes) else "generic"), \
            why + " " + str(notes)
    if any(a <= t < b for m in seen["unspecific"] for t in rn.trigger_starts(m)):
        return "not_specific", why
    return "merged_away", why


def run(name, docs, spans, families, show, counts):
    """``spans``: document id -> the spans scored in it (one extraction per document)."""
    for analysis in analyze_many(docs):
        d = analysis.doc
        fams = [families.get(d.id) for _ in spans[d.id]]
        for (a, b), (cause, why) in zip(spans[d.id], stages(analysis, spans[d.id], fams), strict=True):
            counts[name][cause] += 1
            if show and cause in show:
                print(f"[{name} {cause}] {d.text[a:b][:220]!r} {why}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="ucdp,rams,wikievents,negatives")
    ap.add_argument("--show", default="", help="comma-separated causes whose spans are printed ('all': every miss)")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--judged", default="", help="RAMS: only the windows of this reader judgement (specific, "
                    "refuse; benchmarks/data/rams_dev_judged.csv)")
    args = ap.parse_args()
    show = set(filter(None, args.show.split(",")))
    if "all" in show:
        show = {"screen", "no_trigger", "reference", "generic", "model_no", "plural_no_day", "not_specific",
                "merged_away", "wrong_family"}
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    only = args.only.split(",")
    lim = args.limit or None
    if "ucdp" in only:
        items = rn.ucdp_items(SHARED, rn.UCDP_SPLIT["tune"])[:lim]
        docs = [Document(id=it.id, text=it.headline, title=it.headline, published=it.published) for it in items]
        run("ucdp", docs, {d.id: [(0, len(d.text))] for d in docs}, {}, show, counts)
    if "rams" in only:
        ws = [w for w in rn.rams_windows(SHARED, rn.RAMS_SPLIT["tune"]) if rn.rams_family(w)]
        name = "rams"
        if args.judged:
            judged = rn.read_rams_judged(RAMS_JUDGED)
            ws, name = [w for w in ws if judged.get((w.id, w.trigger[0])) == args.judged], f"rams {args.judged}"
        ws = ws[:lim]
        run(name, [Document(id=w.id, text=w.text) for w in ws], {w.id: [w.sentence] for w in ws},
            {w.id: w.event_type for w in ws}, show, counts)
    if "wikievents" in only:  # each tune sentence with an attack / die / injure event, as a span of its document
        docs, spans = [], {}
        for d in [d for d in rn.wikievents_docs(SHARED) if d["doc_id"] in rn.WIKIEVENTS_TUNE][:lim]:
            bounds = [(s[0][0][1], s[0][-1][2] + 1) for s in d["sentences"]]
            docs.append(Document(id=d["doc_id"], text=d["text"]))
            spans[d["doc_id"]] = [bounds[i] for i in sorted({e["trigger"]["sent_idx"] for e in rn._family_events(d)})]
        run("wikievents", docs, spans, {}, show, counts)
    if "negatives" in only:
        negs = [n for n in rn.read_negatives(NEGATIVES, SHARED) if n.split == "tune"][:lim]
        docs = [Document(id=f"neg-{i}", text=n.text) for i, n in enumerate(negs)]
        run("negatives", docs, {d.id: [(0, len(d.text))] for d in docs}, {}, show, counts)
    for name, c in counts.items():
        n = sum(c.values())
        print(f"{name} (n={n}): " + ", ".join(f"{k} {v} ({v / n:.2f})" for k, v in c.most_common()))


if __name__ == "__main__":
    main()
