"""Why the attackers, targets and victims of annotated news are missed: each gold argument of an attack / die /
injure event that ``benchmarks/realnews.py`` counts as missed (head-word match), sorted by kind.

    python3 scripts/argument_misses.py [--split tune|check] [--roles Attacker,Target,Victim] [--show KIND]

Each role's head line gives its recall over all the gold arguments and over those of gold events whose trigger
sentence holds a sitrep event ("in found events": what the argument decisions can reach).

Kinds, first that applies: the event is not found in the trigger's sentence (``no event``); the argument stands in
another sentence (a pronoun, a common noun "the gunmen", a name); it is a pronoun of the trigger's sentence; sitrep
names a phrase over the argument's words for the role but not its head word (``head-word scoring``: "Iraq" of gold
"Iraq and Syria", whose head is "Syria"); sitrep gives the phrase another role (``other role``); an instrument
word not in weapons.toml; the "by" agent of a passive; a possessive; an apposition or the noun a relative clause
hangs on; an instrument or a place in a prepositional phrase (a place's of the trigger, of another verb or of a
noun); a sentence of claim or blame; the subject / object / other phrase of the trigger that no rule read. Each
in-sentence miss whose event gives the role another value is counted apart as well (``... given another value``).
Tune split only for choices (WikiEvents tune half + RAMS dev); the check split is for looking, never tuning.

s36, ``--causes --roles Target,Victim,Place`` on tune under the story-fold models (main at 218b82b), in found events:
Target+Victim RAMS 22 / 51 found: the event names another value 15 (a country or town RAMS annotates as what was
attacked, "a war in Chechnya", "invade Libya", 3-4; a second person of the sentence or the victim's other name,
"known as Becky", "an Army captain who was killed", the rest), no candidate 4, not chosen 5 (the target/victim model
is off: no threshold beats the rules), another sentence / pronoun 3, a value over the words with another head 2;
WikiEvents 23 / 36: "not a candidate span (NOUN)" 8, of which 6 are one quoted sentence ("deplored the slaughter and
maiming of men, women and children") that WikiEvents joins with the next one into one sentence: sitrep finds no event
in it, only in the next ("these murderous attacks"), so these are event detection misses, not role ones; a typo
("two soliders") and the gunmen of another clause the other 2. Place RAMS 35 / 54 and WikiEvents 5 / 16 found: the
event's place given as another phrase of the sentence 16 (a facility / street under the town 5: "her home", "bus
station" x2, "Cavehill Road", "posts"; a region or country 5; the person-tagged "Badia al-Sukhnah" x2), a value
over the gold words with another head 4 (the resolved "Iraq" of "in Iraq and Syria" x2, "North Little Rock" of
"..., Arkansas", "Ataturk" of "Ataturk airport": since s36 the phrase of the resolved place joins the role,
``argument_model.resolved_place_phrase``), another sentence 5, no candidate 2, another role likelier 1.
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

from sitrep.evaluation import argument_cv  # noqa: E402
from sitrep.evaluation import realnews as rn  # noqa: E402
from sitrep.model import Document  # noqa: E402

SHARED = (ROOT / ".." / "shared").resolve()
FOLDS = ROOT / "benchmarks" / "data" / "argument_model_folds.json.gz"
PRONOUNS = frozenset("he she they it him her them his their its who which that we i you this these those".split())
CLAIM = re.compile(r"\b(claim\w*|responsib\w*|blam\w*|accus\w*|behind|attribut\w*|suspect\w*)\b", re.I)
ROLE_OF_FIELD = {"Attacker": ("Target", "Victim"), "Target": ("Attacker",), "Victim": ("Attacker",),
                 "Instrument": ("Attacker", "Target"), "Place": ("Target", "Attacker")}


def items(split: str):
    """(Document, [(trigger sentence span, [(role, start, end)])], corpus, article key) per annotated report."""
    for w in rn.rams_windows(SHARED, rn.RAMS_SPLIT[split]):
        if rn.rams_family(w):
            yield Document(id=w.id, text=w.text), [(w.sentence, w.args)], "RAMS", w.source
    ids = rn.WIKIEVENTS_TUNE if split == "tune" else rn.WIKIEVENTS_CHECK
    for d in rn.wikievents_docs(SHARED):
        if d["doc_id"] not in ids:
            continue
        evs = []
        for e, found in rn.wikievents_arguments(d):
            toks = d["sentences"][e["trigger"]["sent_idx"]][0]
            args = [(role, a, b) for role, a, b, _m in found if role in rn.WIKI_ROLES]
            evs.append(((toks[0][1], toks[-1][2] + 1), args))
        yield Document(id=d["doc_id"], text=d["text"]), evs, "WikiEvents", d["doc_id"]


def extracted(split: str):
    """(analysis, sitrep's events, gold events, corpus, fold model or None) per annotated report of ``split``; the
    argument model was trained on the tune texts, so each of them runs under the fold model that did not see it."""
    from sitrep.extract.argument_model import using_argument_model
    from sitrep.nlp import analyze_many
    from sitrep.pipeline import extract_analysis

    data = list(items(split))
    gold = {d.id: (evs, src) for d, evs, src, _ in data}
    folds = argument_cv.read_folds(FOLDS) if split == "tune" else None
    fold = {d.id: argument_cv.fold_in(folds, key) for d, _, _, key in data}
    for an in analyze_many([d for d, _, _, _ in data]):
        model = folds[fold[an.doc.id]] if folds else None
        with using_argument_model(model) if model else contextlib.nullcontext():
            events = extract_analysis(an) if not an.error else []
        evs, src = gold[an.doc.id]
        yield an, events, evs, src, model


def sentence_events(events: list, sent: tuple[int, int]) -> list:
    """The events with a trigger inside the gold trigger's sentence."""
    return [e for e in events if any(sent[0] <= t < sent[1] for t in rn.trigger_starts(e))]


def _token(analysis, start: int, end: int):
    from sitrep.extract.target_field import head_at

    return head_at(analysis, start, end)


def _claim_sentence(analysis, offset: int) -> bool:
    s = next((s for s in analysis.sentences if s.start <= offset < s.end), None)
    return s is not None and bool(CLAIM.search(analysis.doc.text[s.start:s.end]))


def _weapon_word(text: str) -> bool:
    from sitrep.extract.lexicon import load_lexicon

    return bool(load_lexicon().weapon_re.search(text))


def kind_of(analysis, text: str, sent: tuple[int, int], role: str, a: int, b: int, near: list, cands) -> str:
    words = re.findall(r"\w+", text[a:b].lower())
    pron = len(words) == 1 and words[0] in PRONOUNS
    if not near:
        if any(sent[0] <= c.mention.trigger.start < sent[1] for c in cands):
            return "no event: a clause dropped"
        return "no event: no clause"
    if not (sent[0] <= a < sent[1]):
        if pron:
            return "other sentence: pronoun"
        if _claim_sentence(analysis, a):
            return "other sentence: claim or blame"
        tok = _token(analysis, a, b)
        name = tok is not None and tok.pos_ == "PROPN" or text[a:a + 1].isupper() and not text[a:b].istitle() \
            or any(w[:1].isupper() for w in text[a:b].split()[-1:])
        return "other sentence: name" if name else "other sentence: nominal"
    if pron:
        return "pronoun in sentence"
    spans = [(x, y) for e in near for x, y in rn._role_spans(e, role)]
    if any(x < b and a < y for x, y in spans):
        return "head-word scoring: a value over its words, another head"
    others = [(x, y) for e in near for r in ROLE_OF_FIELD.get(role, ()) for x, y in rn._role_spans(e, r)]
    if any(x < b and a < y for x, y in others):
        return "other role"
    tok = _token(analysis, a, b)
    if tok is None:
        return "unparsed"
    if role == "Instrument" and not _weapon_word(text[a:b]):
        return "instrument: not in weapons.toml"
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        return "passive by agent"
    if tok.dep_ == "poss":
        return "possessive"
    if tok.dep_ == "appos":
        return "apposition"
    if tok.dep_ == "compound" or any(c.dep_ in ("relcl", "acl") for c in tok.children) or tok.dep_ == "relcl":
        return "compound / relative clause"
    if role == "Instrument" and tok.dep_ == "pobj":
        return f"instrument: prepositional ({tok.head.lower_})"
    if role == "Place" and tok.dep_ == "pobj":
        return _place_prep(analysis, tok, near)
    if CLAIM.search(text[sent[0]:sent[1]]):
        return "claim or blame sentence"
    return f"in sentence: {tok.dep_}"


def _place_prep(analysis, tok, near: list) -> str:
    """A place in a prepositional phrase: of the event's trigger, of another verb, or of a noun."""
    from sitrep.extract.argument_model import trigger_tokens

    gov = tok.head.head
    if any(t.i == gov.i and t.doc is tok.doc for e in near for _, t in trigger_tokens(analysis, e)):
        return "place: prepositional phrase of the trigger"
    return "place: prepositional phrase of another " + ("verb" if gov.pos_ in ("VERB", "AUX") else "word")


DEFINITE = frozenset("the this that these those such".split())


def cause_of(analysis, text: str, sent: tuple[int, int], role: str, a: int, b: int, near: list, model) -> str:
    """Why a gold argument is missed, as the argument model sees it (first that applies): no event in the trigger's
    sentence; coreference (the argument is a pronoun, or a definite common noun "the group" outside the trigger's
    sentence, whose antecedent a reader would give); an argument of another sentence (a name); the event gives the
    role a value over the argument's words with another head; a Place given as the event's town where the gold is a
    facility or area (or the reverse); no candidate of the model's has its head in the argument (not found as a
    span: ``not a candidate``, with the head's part of speech); a candidate there that the role did not take:
    because the event already names another value for the role (by the rules or the model), or because the model
    scores it under the threshold (with its score and whether another role scores it higher)."""
    from sitrep.extract import argument_model as am

    if not near:
        return "no event in the sentence"
    words = re.findall(r"\w+", text[a:b].lower())
    if len(words) == 1 and words[0] in PRONOUNS:
        return "coreference: a pronoun"
    inside = sent[0] <= a < sent[1]
    if not inside:
        return "coreference: 'the ...' of another sentence" if words and words[0] in DEFINITE else \
            "another sentence: a name or bare noun"
    spans = [(x, y) for e in near for x, y in rn._role_spans(e, role)]
    if any(x < b and a < y for x, y in spans):
        return "chosen, wrong head (a value over its words)"
    tok = _token(analysis, a, b)
    model = model or am.default_argument_model()
    role_ = role.lower()
    cands = [c for e in near for c in am.candidates(analysis, e) if a <= c.head < b]
    if role == "Place" and any(rn.role_values(e, role) for e in near) and tok is not None:
        from sitrep.extract.target_field import head_kind
        for c in cands:
            model.score(c)
        why = "not a candidate" if not cands else "the model chose another phrase" if any(
            e.roles.get("places") for e in near) else "under threshold"
        return f"place: the event's place given elsewhere (gold a {head_kind(tok)}; {why})"
    if not cands:
        return f"not a candidate span ({tok.pos_ if tok is not None else 'unparsed'})"
    for c in cands:
        model.score(c)
    best = max(cands, key=lambda c: c.scores[role_])
    if any(am.has_role(e, role_) for e in near):
        return "candidate, role filled with another value"
    th = model.thresholds[role_]
    other = max((r for r in am.ARG_ROLES if r != role_), key=lambda r: best.scores[r])
    what = f"another role likelier ({other})" if best.scores[other] > best.scores[role_] else "under threshold"
    return f"candidate, not chosen: {what}" + (" [model off for role]" if th >= 1.0 else "")


GROUPS = {"Attacker": ("Attacker",), "Target+Victim": ("Target", "Victim"), "Instrument": ("Instrument",),
          "Place": ("Place",)}


def _precision(text: str, src: str, near: list, gargs: list, roles: list[str], given: Counter,
               right: Counter) -> None:
    """Per event of a gold sentence that names a role group: whether sitrep gives the event a value for the group
    (an 'Unidentified ...' actor is none) and whether one of its values holds a gold argument's head word (an
    event named by its canonical and its written name counts once)."""
    for group, members in GROUPS.items():
        heads = [rn.head_word(text[a:b]) for r, a, b in gargs if r in members and r in roles]
        if not heads:
            continue
        for e in near:
            values = [v for r in members for v in rn.role_values(e, r) if not v.startswith("Unidentified")]
            if values:
                given[f"{src} {group}"] += 1
                right[f"{src} {group}"] += any(rn.head_found(h, values) for h in heads)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="tune")
    ap.add_argument("--roles", default="Attacker,Target,Victim,Instrument,Place")
    ap.add_argument("--show", default="", help="print the arguments of the kinds that start with this")
    ap.add_argument("--causes", action="store_true",
                    help="sort the misses by the argument model's view instead (``cause_of``): no event, coreference, "
                         "no candidate span, a candidate not chosen, a value with another head, facility vs town")
    args = ap.parse_args(argv)
    roles = args.roles.split(",")
    counts: Counter = Counter()
    totals: Counter = Counter()
    given: Counter = Counter()
    right: Counter = Counter()
    from sitrep.extract import document as report

    for an, events, evs, src, model in extracted(args.split):
        cands = report.candidates(an) if not an.error else []
        text = an.doc.text
        for sent, gargs in evs:
            near = sentence_events(events, sent)
            for role, a, b in gargs:
                if role not in roles:
                    continue
                key = f"{src} " + ("Target+Victim" if role in ("Target", "Victim") else role)
                totals[key] += 1
                if any(rn.head_found(rn.head_word(text[a:b]), rn.role_values(e, role)) for e in near):
                    counts[(key, "found")] += 1
                    if args.show == "found":
                        print(f"[{key}/found] {text[a:b]!r} | {text[sent[0]:sent[1]].strip()[:200]!r}")
                    continue
                k = (cause_of(an, text, sent, role, a, b, near, model)
                     if args.causes else kind_of(an, text, sent, role, a, b, near, cands))
                if args.show and (args.show == "all" or k.startswith(args.show)):
                    vals = {r: sorted({v for e in near for v in rn.role_values(e, r)}) for r in ("Attacker", "Target", role)}
                    print(f"[{key}/{k}] {text[a:b]!r} | {text[sent[0]:sent[1]].strip()[:300]!r} | {vals}")
                counts[(key, k)] += 1
                if not k.startswith(("no event", "other sentence")) and any(
                        not v.startswith("Unidentified") for e in near for v in rn.role_values(e, role)):
                    counts[(key, "  ... given another value")] += 1
            _precision(text, src, near, gargs, roles, given, right)
    for key in sorted(totals):
        # the arguments of the gold events whose trigger sentence holds a sitrep event: what the role decisions can
        # reach (the rest wait on event detection)
        inside = totals[key] - sum(n for (k2, k), n in counts.items() if k2 == key and k.startswith("no event"))
        print(f"\n{key}: {totals[key]} arguments; in found events {counts[(key, 'found')]} / {inside} = "
              f"{counts[(key, 'found')] / max(inside, 1):.3f}")
        for (k2, k), n in sorted(counts.items(), key=lambda x: (x[0][1].startswith(" "), -x[1])):
            if k2 == key:
                print(f"  {k:<58} {n:>4}")
    print("\nprecision: of the events in a gold sentence that names the role and that give it a value, the share "
          "with a value holding a gold argument's head word ('Unidentified ...' actors are no value)")
    for key in sorted(given):
        print(f"  {key:<28} {right[key]:>4} / {given[key]:<4} = {right[key] / max(given[key], 1):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
