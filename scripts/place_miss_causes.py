"""Why the Place arguments of annotated news are missed inside found events (issue 11, args): each gold Place of an
attack / die / injure event whose trigger sentence holds a sitrep event, that ``benchmarks/realnews.py`` counts as
missed (head-word match), put in one cause, first that applies:

  head mismatch in scoring          a value of the event's overlaps the gold span with another head word ("Iraq" of
                                    "Iraq and Syria", "North Little Rock" of "North Little Rock, Arkansas")
  no candidate: dateline            the gold place is in the report's dateline
  no candidate: 'the city' anaphor  outside the trigger's sentence, a definite common noun ("the city", "the area")
  no candidate: another sentence    outside the trigger's sentence, a name or a bare noun
  no candidate: in sentence (why)   in the sentence, but no argument-model candidate heads in it (a part of a
                                    longer name: "Tiananmen Square Massacre", "Maidan protesters"; unparsed)
  candidate, another chosen: <why>  the model or the place rules name another phrase of the sentence, sorted by what
                                    that phrase is against the gold: a place of the attacker's origin ("Syrian
                                    rebels", "from Gaza"), a place of a report ("said in Washington"), the town or
                                    country where the gold is a facility / street / area / common noun ("facility vs
                                    town"), a country where the gold is a town ("country vs town"), another place of
                                    its own ("nearest vs governing preposition")
  candidate, none chosen            the gold heads a candidate under the threshold and no phrase of the sentence is
                                    named for the place (the resolved place is from another sentence or none)

    python3 scripts/place_miss_causes.py [--split tune|check] [--show]

Tune split (RAMS dev + WikiEvents tune half) for choices, each tune article under the fold model that did not see
it (as the benchmark); the check split is printed for looking, never for a choice.
"""
from __future__ import annotations

import argparse
import contextlib
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from argument_misses import FOLDS, items  # noqa: E402

from sitrep.evaluation import argument_cv  # noqa: E402
from sitrep.evaluation import realnews as rn  # noqa: E402

DEFINITE = frozenset("the this that these those same such its their".split())
REPORT = re.compile(r"\b(?:said|says|told|reported|announced|statement|according)\b", re.I)


def _kind(tok) -> str:
    from sitrep.extract.target_field import head_kind

    return head_kind(tok) if tok is not None else "unparsed"


def _prep(tok) -> str:
    top = tok
    while top is not None and top.dep_ in ("conj", "compound", "appos") and top.head.i != top.i:
        top = top.head
    return top.head.lower_ if top is not None and top.dep_ == "pobj" else "-"


def _chosen(an, e, sent) -> list[tuple[int, int, str]]:
    """The phrases of the sentence the event names for the place: the model's fillers and the resolved place."""
    out = [(f.start, f.end, "model") for f in e.roles.get("places", []) if sent[0] <= f.start < sent[1]]
    if e.place is not None and e.place.span is not None and sent[0] <= e.place.span.start < sent[1]:
        out.append((e.place.span.start, e.place.span.end, "rule"))
    return out


def _other_cause(an, text: str, gold_tok, gold_kind: str, a: int, b: int, chosen) -> str:
    from sitrep.extract.target_field import head_at

    x, y, who = chosen[0]
    tok = head_at(an, x, y)
    ck = _kind(tok)
    window = text[max(0, x - 40):x]
    if tok is not None and (tok.ent_type_ == "NORP" or _prep(tok) == "from"
                            or re.match(r"[-\u2010\u2011](?:backed|led|made)", text[y:y + 8])):
        return f"origin / attacker's people ({who})"
    if REPORT.search(window) and tok is not None and _prep(tok) in ("in", "from"):
        return f"a place of a report ({who})"
    if gold_kind in ("facility", "other") or gold_tok is not None and gold_tok.pos_ == "NOUN":
        return f"facility / area / common noun vs {ck} ({who})"
    place = getattr(tok, "ent_type_", "")
    if place in ("GPE", "LOC") and len(text[x:y]) and gold_kind == "place":
        return f"another named place ({who}; gold prep {_prep(gold_tok)}, chosen prep {_prep(tok)})"
    return f"another phrase: {ck} ({who})"


def cause(an, text: str, sent: tuple[int, int], a: int, b: int, near: list) -> tuple[str, str]:
    from sitrep.extract import argument_model as am
    from sitrep.extract.target_field import head_at

    words = re.findall(r"\w+", text[a:b].lower())
    spans = [(x, y) for e in near for x, y in rn._role_spans(e, "Place")]
    if any(x < b and a < y for x, y in spans):
        return "head mismatch in scoring", ""
    if not (sent[0] <= a < sent[1]):
        line_end = text.find("\n")
        if a < 60 and (a < line_end or re.match(r"\s*(?:\(\w+\)\s*)?[-\u2013\u2014]", text[b:b + 15])):
            return "no candidate: dateline", ""
        if words and words[0] in DEFINITE:
            return "no candidate: 'the city' anaphor", ""
        return "no candidate: another sentence", ""
    gold_tok = head_at(an, a, b)
    gk = _kind(gold_tok)
    cands = [c for e in near for c in am.candidates(an, e) if a <= c.head < b]
    if not cands:
        return f"no candidate: in sentence ({gold_tok.dep_ if gold_tok is not None else 'unparsed'})", gk
    chosen = [c for e in near for c in _chosen(an, e, sent)]
    if not chosen:
        return "candidate, none chosen", gk
    return "candidate, another chosen: " + _other_cause(an, text, gold_tok, gk, a, b, chosen), gk


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="tune")
    ap.add_argument("--show", action="store_true", help="print each miss with its sentence and the event's values")
    args = ap.parse_args(argv)
    from sitrep.extract.argument_model import using_argument_model
    from sitrep.nlp import analyze_many
    from sitrep.pipeline import extract_analysis

    data = list(items(args.split))
    gold = {d.id: (evs, src) for d, evs, src, _ in data}
    folds = argument_cv.read_folds(FOLDS) if args.split == "tune" else None
    fold = {d.id: argument_cv.fold_of(key) for d, _, _, key in data}
    counts: Counter = Counter()
    totals: Counter = Counter()
    for an in analyze_many([d for d, _, _, _ in data]):
        with using_argument_model(folds[fold[an.doc.id]]) if folds else contextlib.nullcontext():
            events = extract_analysis(an) if not an.error else []
        text = an.doc.text
        evs, src = gold[an.doc.id]
        for sent, gargs in evs:
            near = [e for e in events if any(sent[0] <= t < sent[1] for t in rn.trigger_starts(e))]
            if not near:
                continue
            for role, a, b in gargs:
                if role != "Place":
                    continue
                totals[src] += 1
                if any(rn.head_found(rn.head_word(text[a:b]), rn.role_values(e, role)) for e in near):
                    counts[(src, "found")] += 1
                    continue
                k, gk = cause(an, text, sent, a, b, near)
                counts[(src, k)] += 1
                if args.show:
                    vals = sorted({v for e in near for v in rn.role_values(e, "Place")})
                    vals += [f"chosen:{text[x:y]}/{w}" for e in near for x, y, w in _chosen(an, e, sent)]
                    print(f"[{src} {k} | gold {gk}] {text[a:b]!r} | {text[sent[0]:sent[1]].strip()[:260]!r} | {vals}")
    for src in sorted(totals):
        print(f"\n{src} Place in found events: {counts[(src, 'found')]} / {totals[src]} found")
        for (s, k), n in sorted(counts.items(), key=lambda x: -x[1]):
            if s == src and k != "found":
                print(f"  {k:<90} {n:>4}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
