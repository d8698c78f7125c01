"""Why MUC-4 perpetrators are missed: each gold PERP entity (PerpInd, PerpOrg) of the development reports that no
predicted perpetrator matches by head noun (the scorer's ``phi_head``), sorted by kind, and the share of
predicted perpetrators that match a gold one (precision by head noun).

    python3 scripts/perp_misses_muc4.py [--docs dev-muc3-0101-0200 ...] [--show KIND]

The tune split is MUC-4 DEV 0101-1300 (the argument model is trained on it, so the model's own choices there are
in-sample: read the kinds, not the recall); DEV 0001-0100 is the CI gate's held-out set and TST3+4 a sealed set.
Kinds, first that applies: the report gives no event (or only military ones, which MUC-4 scoring skips); the gold
string is not in the text; sitrep gives the phrase another role (target, victim); a predicted perpetrator shares
words with it but has another head noun (``head-word scoring``); the string stands in a sentence with no event
trigger (claim or blame, a name, a common noun); else ``argument_misses.kind_of`` on its first occurrence in an
event's sentence (passive "by" agent, possessive, apposition, compound / relative clause, dependency).
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from argument_misses import CLAIM, kind_of  # noqa: E402

from sitrep.evaluation import muc4  # noqa: E402
from sitrep.evaluation import realnews as rn  # noqa: E402

SHARED = (ROOT / ".." / "shared").resolve()
TUNE = [f"dev-muc3-{a:04d}-{a + 99:04d}" for a in range(101, 1300, 100)]
PERP_KEYS = ("perpetrator_individuals", "perpetrator_organizations")
HIT_KEYS = ("targets", "victims")


def _find(text: str, mention: str) -> tuple[int, int] | None:
    """The first occurrence of a gold string in the text (case and white space ignored)."""
    words = [re.escape(w) for w in mention.split()]
    m = re.search(r"\b" + r"\s+".join(words) + r"\b", text, re.I) if words else None
    return (m.start(), m.end()) if m else None


def _sentence(an, offset: int) -> tuple[int, int] | None:
    s = next((s for s in an.sentences if s.start <= offset < s.end), None)
    return (s.start, s.end) if s else None


def _fillers(events, keys) -> list[str]:
    return [f.text for e in events for k in keys for f in (e.roles or {}).get(k, [])]


def kind(an, events, gold: list[str]) -> str:
    text = an.doc.text
    if not events:
        return "no event in report"
    spans = [s for s in (_find(text, m) for m in gold) if s]
    if not spans:
        return "string not in text"
    heads = {muc4.head_noun(muc4.normalize_mention(m)) for m in gold}
    if any(muc4.head_noun(muc4.normalize_mention(v)) in heads for v in _fillers(events, HIT_KEYS)):
        return "other role (target / victim)"
    words = {w for m in gold for w in muc4.normalize_mention(m).split()}
    if any(words & set(muc4.normalize_mention(v).split()) for v in _fillers(events, PERP_KEYS)):
        return "head-word scoring: a perpetrator with its words, another head"
    for a, b in spans:
        sent = _sentence(an, a)
        if sent is None:
            continue
        near = [e for e in events if any(sent[0] <= t < sent[1] for t in rn.trigger_starts(e))]
        if near:
            return kind_of(an, text, sent, "Attacker", a, b, near, [])
    a, b = spans[0]
    sent = _sentence(an, a)
    if sent is not None and CLAIM.search(text[sent[0]:sent[1]]):
        return "no event in its sentence: claim or blame"
    return "no event in its sentence: " + ("name" if text[a:a + 1].isupper() else "nominal")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", nargs="+", default=TUNE, help="MUC-4 DEV files (default: the tune split)")
    ap.add_argument("--show", default="", help="print the misses of the kinds that start with this")
    args = ap.parse_args(argv)
    from sitrep.nlp import analyze_many
    from sitrep.pipeline import extract_analysis

    base = SHARED / "data" / "muc4"
    docs = [d for name in args.docs for d in muc4.read_docs(base / "docs" / name)]
    keys = [base / "keys" / f"key-dev-{name.split('-')[2]}.muc4" for name in args.docs]
    by_doc = muc4.templates_by_doc([t for p in keys for t in muc4.read_keys(p)])
    counts: Counter = Counter()
    given = right = total = 0
    for an in analyze_many([muc4.document_for(d) for d in docs if d.id in by_doc]):
        events = [e for e in (extract_analysis(an) if not an.error else []) if not e.military]
        gold = muc4.gold_entities(by_doc[an.doc.id], an.doc.text)
        ents = gold["PerpInd"] + gold["PerpOrg"]
        gold_heads = {muc4.head_noun(muc4.normalize_mention(m)) for e in ents for m in e}
        pred = {muc4.normalize_mention(v) for v in _fillers(events, PERP_KEYS)} - {""}
        given += len(pred)
        right += sum(muc4.head_noun(v) in gold_heads for v in pred)
        for e in ents:
            total += 1
            heads = {muc4.head_noun(muc4.normalize_mention(m)) for m in e}
            if any(muc4.head_noun(v) in heads for v in pred):
                counts["found"] += 1
                continue
            k = kind(an, events, e)
            counts[k] += 1
            if args.show and (args.show == "all" or k.startswith(args.show)):
                print(f"[{an.doc.id} {k}] {e} | given {sorted(pred)}")
    print(f"\nMUC-4 PERP entities ({', '.join(args.docs)}): {total}")
    for k, n in counts.most_common():
        print(f"  {k:<58} {n:>4}")
    print(f"precision by head noun: {right} / {given} distinct predicted perpetrators = {right / max(given, 1):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
