"""Count what the attack's gold Target is when an event's sentence names both a facility and people, and when the
target field holds a place name: the evidence behind the order of ``sitrep.extract.target_field``.

    python3 scripts/count_target_kinds.py [--split tune|check]

Over the attack events of RAMS (dev = tune, test = check) and WikiEvents (the fixed halves of
``sitrep.evaluation.realnews``) that have a gold Target in the trigger's sentence and a sitrep event there:
``facility_targets`` (facilities the grammar rules make the trigger's target) against the people the event names
(the target field's evidence and the victims whose head is a person), and the place the rules' field held. A gold
Target counts for a kind when its head word is among the words of a phrase of that kind (the realnews head-word
match). Prints the counts; the docstring of target_field.py quotes them.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = Path(os.environ.get("SITREP_SHARED") or ROOT.parent / "shared").resolve()


def attack_items(split: str) -> list[tuple[str, str, tuple[int, int], tuple[int, int], list[tuple[int, int]]]]:
    """(id, text, trigger sentence span, trigger span, gold Target spans in the sentence) per attack event."""
    from sitrep.evaluation import realnews as rn

    out = []
    for w in rn.rams_windows(SHARED, rn.RAMS_SPLIT[split]):
        if w.event_type.startswith("conflict.attack"):
            tg = [(a, b) for r, a, b in w.args if r == "Target" and w.sentence[0] <= a < w.sentence[1]]
            out.append((w.id, w.text, w.sentence, w.trigger, tg))
    ids = rn.WIKIEVENTS_TUNE if split == "tune" else rn.WIKIEVENTS_CHECK
    for d in (d for d in rn.wikievents_docs(SHARED) if d["doc_id"] in ids):
        ents = {m["id"]: m for m in d["entity_mentions"]}
        for e in (e for e in d["event_mentions"] if e["event_type"].startswith("Conflict.Attack")):
            toks = d["sentences"][e["trigger"]["sent_idx"]][0]
            sent = (toks[0][1], toks[-1][2] + 1)
            tg = [rn._wiki_span(d, ents[a["entity_id"]]["start"], ents[a["entity_id"]]["end"])
                  for a in e["arguments"] if a["role"] == "Target" and a["entity_id"] in ents]
            trig = rn._wiki_span(d, e["trigger"]["start"], e["trigger"]["end"])
            out.append((d["doc_id"], d["text"], sent, trig, [s for s in tg if sent[0] <= s[0] < sent[1]]))
    return out


def kinds_named(sentence: str, trigger: tuple[int, int]) -> dict[str, list[str]]:
    """What the grammar rules of roles.py read off the trigger's sentence, by kind of head: 'facility' (targets
    whose head is a facility or object), 'person' (victims and targets headed by a person, and the people any harm
    verb of the sentence killed or wounded), 'place' (place names and place nouns of the sentence)."""
    from sitrep.extract.roles import _HURT, extract_roles
    from sitrep.extract.target_field import head_kind
    from sitrep.nlp.spacy_model import load_spacy
    from sitrep.nlp.tokens import lemma

    doc = load_spacy()(sentence)
    span = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if span is None:
        return {}
    roles = extract_roles(doc[:], span.root, sentence)
    out: dict[str, list[str]] = {}
    for f in [*roles["targets"], *roles["victims"]]:
        fs = doc.char_span(f.start, f.end, alignment_mode="expand")
        if fs is not None:
            out.setdefault(head_kind(fs.root), []).append(f.text)
    out.setdefault("place", []).extend(e.text for e in doc.ents if e.label_ in ("GPE", "LOC"))
    for v in (t for t in doc if t.pos_ == "VERB" and lemma(t) in _HURT):  # "killing 168 people": victims named
        out.setdefault("person", []).extend(
            c.text for c in v.children if c.dep_ in ("dobj", "nsubjpass") and head_kind(c) == "person")
    return {k: v for k, v in out.items() if v}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="tune", choices=("tune", "check"))
    ap.add_argument("--show", action="store_true", help="print each counted sentence")
    args = ap.parse_args(argv)
    from sitrep.evaluation import realnews as rn

    named_n: Counter = Counter()
    named_hit: Counter = Counter()
    both: Counter = Counter()
    for _doc_id, text, sent, trigger, gold in attack_items(args.split):
        if not gold:
            continue
        named = kinds_named(text[sent[0]:sent[1]], (trigger[0] - sent[0], trigger[1] - sent[0]))
        heads = [rn.head_word(text[a:b]) for a, b in gold]
        hits = {k for k, vs in named.items() if any(rn.head_found(h, vs) for h in heads)}
        for k in named:
            named_n[k] += 1
            named_hit[k] += k in hits
        for label, need in (("a facility and people", ("facility", "person")),
                            ("a place and people", ("place", "person")),
                            ("a place and a facility", ("place", "facility"))):
            if all(named.get(k) for k in need):
                both[(label, "/".join(sorted(hits)) or "neither")] += 1
                if args.show:
                    print(f"[{label}] {text[sent[0]:sent[1]]!r} {named} gold={heads}")
    print(f"{args.split}: attack events with a gold Target in the trigger's sentence, by what the rules name there")
    for k in sorted(named_n):
        print(f"  {k:<9} named in {named_n[k]:3d}; the gold Target is one of them in {named_hit[k]:3d} "
              f"({named_hit[k] / named_n[k]:.2f})")
    for (label, hit), v in sorted(both.items()):
        print(f"  {v:3d}  {label} named: the gold Target is {hit}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
