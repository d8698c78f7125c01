"""Why the Target / Victim and Place arguments of annotated news and the targets of MUC-4 are missed (issue 11):
every missed argument of a found event put in one cause, first that applies, with counts.

    python3 scripts/target_place_causes.py [--split tune|check] [--corpus news,muc4] [--show CAUSE] [--limit N]

News (WikiEvents half + RAMS attack / die / injure windows; tune = WikiEvents tune + RAMS dev): each gold Target,
Victim or Place argument whose head word no value of an event of the trigger's sentence holds (the
``benchmarks/realnews.py`` head-word match). Causes:

  event in another sentence holds it  no sitrep event in the gold trigger's sentence, but an event elsewhere in the
                                      text gives the head for the role (anchored at another sentence, or merged)
  event only in another sentence      no event in the trigger's sentence, events elsewhere that do not hold it
  no event in the text                nothing found (event detection, not argument choice)
  argument in another sentence        the gold argument stands outside the trigger's sentence (pronoun or not)
  span boundary loses the head        a value of the role overlaps the argument with another head word
  place: gazetteer lacks it           a gold Place name (capitalised) the gazetteer does not resolve
  head not in any candidate span      no argument-model candidate of the event has its head in the argument
  candidate chosen for another role   the argument's head is in a value the event gives another role
  candidate, role given another value the event names the role with another phrase (rules or model)
  candidate under threshold           a candidate the model left out, the role left empty

MUC-4 (DEV = tune, TST1+2 = check): each gold PHYS TGT (Target) and HUM TGT: NAME (Victim) entity no predicted
filler matches (any of its alternatives, ``normalize_mention``), over the reports with a sitrep event:

  no event in the report              nothing found (or only military events, which the metric leaves out)
  not in the text                     no alternative of the entity is written in the report
  in a sentence with no event         its first mention's sentence holds no trigger of a non-military event
  given, filtered / folded            a filler holds its head, but the scorer's form differs (Victim not a name)
  span boundary loses the head        a filler overlaps the mention with another head word
  head not in any candidate span      as above, over the events whose trigger is in the mention's sentence
  candidate chosen for another role   the head is in a perpetrator / weapon / target-or-victim filler
  candidate, role given another value / candidate under threshold    as above

Tune for choices; check is for looking, never tuning.

s41, tune, main at ee6f6b8 (fold models for the news): WikiEvents Target+Victim 42, found 23: head not in any
candidate span 10 (8 NOUN: 6 one quoted sentence WikiEvents joins with the next, "the slaughter and maiming of men,
women and children"; ADV "scores more", NUM "more than 260"), event only in another sentence 5, role given another
value 2, under threshold 1, event in another sentence holds it 1. WikiEvents Place 17, found 10: gazetteer lacks it 3
("Badia al-Sukhnah", "Badia al-Sham", "Rue Victor Hugo"), no candidate 1, under threshold 1, another value 1,
event only in another sentence 1. RAMS Target+Victim 185, found 23: no event in the text 113, event only in another
sentence 17, another value 12, another role 5, under threshold 4, no candidate 4, event elsewhere holds it 3, span
2, another sentence 2. RAMS Place 145, found 37: no event 68, event only elsewhere 12, event elsewhere holds it 11,
another sentence 5, another role 4, another value 4, span 2, gazetteer 2. MUC-4 DEV Target 624, found 435: in a
sentence with no event 58, not in the text (the key's spelling) 35, role given another value 33 (facilities after
"exploded in / at", "against"), given but filtered / folded 30, no event in the report 26, span 4; Victim 615, found
453: not in the text 48, no event 43, sentence with no event 24, filtered 21, another value 19, another role 5.
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

import argument_misses as misses  # noqa: E402

from sitrep.evaluation import realnews as rn  # noqa: E402

SHARED = (ROOT / ".." / "shared").resolve()
MUC = SHARED / "data" / "muc4"
OTHER_ROLES = {"Target": ("Attacker", "Place", "Instrument"), "Victim": ("Attacker", "Place", "Instrument"),
               "Place": ("Attacker", "Target", "Victim")}


def _candidate_cause(analysis, role: str, a: int, b: int, near: list, other_values: list[str], model) -> str:
    """Why an argument of the event's sentence is not taken: no candidate holds its head, another role took it,
    the role holds another value, or the model scored it under its threshold."""
    from sitrep.extract import argument_model as am

    head = rn.head_word(analysis.doc.text[a:b])
    if other_values and rn.head_found(head, other_values):
        return "candidate chosen for another role"
    cands = [c for e in near for c in am.candidates(analysis, e) if a <= c.head < b]
    if not cands:
        tok = misses._token(analysis, a, b)
        return f"head not in any candidate span ({tok.pos_ if tok is not None else 'unparsed'})"
    if any(am.has_role(e, role.lower()) for e in near):
        return "candidate, role given another value"
    return "candidate under threshold"


def _gazetteer_lacks(text: str) -> bool:
    from sitrep.resolve.gazetteer import get_gazetteer

    name = re.sub(r"^(the|in|at|near)\s+", "", text.strip(), flags=re.I)
    return bool(name[:1].isupper()) and not get_gazetteer().lookup(name)


def news_cause(analysis, events: list, sent: tuple[int, int], role: str, a: int, b: int, near: list,
               model) -> str:
    text = analysis.doc.text
    head = rn.head_word(text[a:b])
    if not near:
        if any(rn.head_found(head, rn.role_values(e, role)) for e in events):
            return "event in another sentence holds it"
        return "event only in another sentence" if events else "no event in the text"
    if not (sent[0] <= a < sent[1]):
        return "argument in another sentence"
    spans = [(x, y) for e in near for x, y in rn._role_spans(e, role)]
    if any(x < b and a < y for x, y in spans):
        return "span boundary loses the head"
    if role == "Place" and _gazetteer_lacks(text[a:b]):
        return "place: gazetteer lacks it"
    other = [v for e in near for r in OTHER_ROLES[role] for v in rn.role_values(e, r)]
    return _candidate_cause(analysis, role, a, b, near, other, model)


def news(split: str, show: str, counts: Counter) -> None:
    for an, events, evs, src, model in misses.extracted(split):
        if True:
            for sent, gargs in evs:
                near = misses.sentence_events(events, sent)
                for role, a, b in gargs:
                    if role not in OTHER_ROLES:
                        continue
                    group = f"{src} " + ("Target+Victim" if role != "Place" else "Place")
                    counts[(group, "(all)")] += 1
                    if any(rn.head_found(rn.head_word(an.doc.text[a:b]), rn.role_values(e, role)) for e in near):
                        counts[(group, "found")] += 1
                        continue
                    k = news_cause(an, events, sent, role, a, b, near, model)
                    counts[(group, k)] += 1
                    if show and k.startswith(show):
                        print(f"[{group}/{k}] {an.doc.text[a:b]!r} | {an.doc.text[sent[0]:sent[1]].strip()[:240]!r}")


def muc_extracted(split: str, limit: int):
    """(analysis, non-military events, gold entities by role) per MUC-4 report of the split."""
    from sitrep import pipeline
    from sitrep.evaluation import muc4
    from sitrep.nlp import analyze_many

    names = ["dev-muc3-*"] if split == "tune" else ["tst1-muc3", "tst2-muc4"]
    keys = ["key-dev-*"] if split == "tune" else ["key-tst1.v7", "key-tst2.v4"]
    docs = {d.id: d for n in names for p in sorted((MUC / "docs").glob(n)) for d in muc4.read_docs(str(p))}
    temps = [t for n in keys for p in sorted((MUC / "keys").glob(n)) for t in muc4.read_keys(str(p))]
    by_doc = muc4.templates_by_doc(temps)
    ids = [i for i in docs if i in by_doc][: limit or None]
    group = list(analyze_many([muc4.document_for(docs[i]) for i in ids], entities="triggers"))
    for start in range(0, len(group), 64):
        part = group[start:start + 64]
        for an, (_doc, events, _err) in zip(part, pipeline._extract_group(part, None), strict=True):
            yield an, [e for e in events if not e.military], muc4.gold_entities(by_doc[an.doc.id], an.doc.text)


def _first_mention(text: str, alternatives: list[str]) -> tuple[int, int] | None:
    for alt in alternatives:
        m = re.search(r"\b" + re.escape(alt.strip()) + r"\b", text, re.I)
        if m:
            return m.start(), m.end()
    return None


def _context(an, events: list, entity: list[str], key: str) -> str:
    """The sentence of the entity's first mention and the role's fillers of the events there."""
    at = _first_mention(an.doc.text, entity)
    if at is None:
        return ""
    sent = next(((s.start, s.end) for s in an.sentences if s.start <= at[0] < s.end), at)
    near = misses.sentence_events(events, sent)
    values = sorted({f.text for e in near for f in e.roles.get(key, [])})
    return f"{' '.join(an.doc.text[sent[0]:sent[1]].split())[:300]!r} | {values}"


MUC_ROLE = {"Target": ("targets", "Target"), "Victim": ("victims", "Victim")}


def muc_cause(an, events: list, role: str, entity: list[str], filler_texts: list[str]) -> str:
    from sitrep.evaluation import muc4

    if not events:
        return "no event in the report"
    at = _first_mention(an.doc.text, entity)
    if at is None:
        return "not in the text"
    a, b = at
    head = muc4.head_noun(muc4.normalize_mention(an.doc.text[a:b]))
    if rn.head_found(head, filler_texts):
        return "given, filtered / folded"
    sent = next(((s.start, s.end) for s in an.sentences if s.start <= a < s.end), (a, b))
    near = misses.sentence_events(events, sent)
    if not near:
        return "in a sentence with no event"
    key = MUC_ROLE[role][0]
    if any(f.start < b and a < f.end for e in near for f in e.roles.get(key, [])):
        return "span boundary loses the head"
    other = [f.text for e in near for k in ("perpetrator_individuals", "perpetrator_organizations", "weapons",
                                            "victims" if role == "Target" else "targets") for f in e.roles.get(k, [])]
    return _candidate_cause(an, role, a, b, near, other, None)


def muc(split: str, show: str, limit: int, counts: Counter) -> None:
    from sitrep.evaluation import muc4

    for an, events, gold in muc_extracted(split, limit):
        for role in ("Target", "Victim"):
            key = MUC_ROLE[role][0]
            texts = [f.text for e in events for f in e.roles.get(key, [])]
            got = {muc4.normalize_mention(t) for t in texts}
            for entity in gold.get(role, []):
                counts[(f"MUC-4 {role}", "(all)")] += 1
                if any(muc4.normalize_mention(m) in got for m in entity):
                    counts[(f"MUC-4 {role}", "found")] += 1
                    continue
                k = muc_cause(an, events, role, entity, texts)
                counts[(f"MUC-4 {role}", k)] += 1
                if show and k.startswith(show):
                    print(f"[MUC-4 {role}/{k}] {an.doc.id} {entity[0]!r} | {_context(an, events, entity, key)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="tune", choices=("tune", "check"))
    ap.add_argument("--corpus", default="news,muc4")
    ap.add_argument("--show", default="", help="print the arguments of the causes that start with this")
    ap.add_argument("--limit", type=int, default=0, help="MUC-4: the first N keyed reports only")
    args = ap.parse_args(argv)
    counts: Counter = Counter()
    if "news" in args.corpus:
        news(args.split, args.show, counts)
    if "muc4" in args.corpus:
        muc(args.split, args.show, args.limit, counts)
    for group in sorted({g for g, _ in counts}):
        print(f"\n{group}: {counts[(group, '(all)')]} arguments, found {counts[(group, 'found')]}")
        for (g, k), n in sorted(counts.items(), key=lambda x: -x[1]):
            if g == group and k not in ("(all)", "found"):
                print(f"  {k:<52} {n:>4}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
