"""The wrong attackers of annotated news by the rule that made them (issue 11, perpetrator precision).

    python3 scripts/wrong_attackers_by_rule.py [--split tune|check] [--show] [--no-ablation]
    python3 scripts/wrong_attackers_by_rule.py --muc4 dev-muc3-0101-0200,dev-muc3-0201-0300 [--show]

Each attacker sitrep gives in a gold event's sentence (``benchmarks/realnews.py``'s Attacker precision: WikiEvents
gold-event sentences, RAMS windows of all three families; ``rn.attacker_precision``) is right or wrong by head
word. Its source: every grammar rule of ``extract/roles.py`` that added its words as a perpetrator filler in that
report is logged (the roles.py function and line that called ``take`` / ``add``, e.g. ``_verb_roles:427`` for the
trigger's subject read as the doer); one that no grammar rule gave is put to the steps outside roles.py by switching
each off in turn (``attacker_rule_ablation.switches`` and the argument model): the step whose removal drops it. The
counts per source, right and wrong, are what a rule is kept or narrowed by.

Tune (RAMS dev + the WikiEvents tune half, each article under the fold model that did not see it) for choosing; the
check split is for reading once per change. ``--muc4`` reads MUC-4 DEV reports instead (tune: 0101-1300).

s39 (main at 46f41aa), news tune: 80 attackers given in gold sentences (one merged event's attackers count once per
gold sentence it reaches), 20 right, 60 wrong. By source (right / wrong): the report-level role model 2 / 21 (the
police searching, the suspect's friends, "member of the public"; "Police" and "man" over the 6 sentences of one
merged event); the clause's actor 1 / 8 (an "Islamic State" of a past attack told in a report of another, over 5
sentences of one merged event); grammar rules of roles.py 20 fires / 14 wrong at most in any one kind: the
perpetrator-noun sweep on a possessive ("the terrorist's access to weapons", one sentence in 4 RAMS windows) 0 / 4,
the "by" agent of a noun trigger 2 / 3 ("the deadliest attack by a gunman in our history"), the subject rule 5 / 4.
MUC-4 DEV 0101-0800: 677 perpetrators given, 454 right, 223 wrong; by function (a filler counted under each rule
that gave its words) the org sweep 123 / 73, the subject rule 81 / 48, the perpetrator-noun sweep 53 / 35, the
support-verb subject of a noun trigger 31 / 24, the passive "by" agent 40 / 18, the doer of a support / blame verb
25 / 8, the noun trigger's "by" agent 7 / 6, a noun trigger's possessive 1 / 5, the clash sides 0 / 3; the role
model and other steps 196 / 56. Kinds fixed: the subject of "die" (events.toml victim_subject_verbs) 0 / 2 and "one
of the bullets / explosives" as a subject 0 / 2 (roles._harmed_subject, _weapon_subject): 223 -> 220 wrong, 454 right
(one new wrong: "rebels" of "more than 100 people died, including ... employees and rebels", now swept); news tune 1
fire, a victim given as the attacker of a RAMS dev window gone; check 1 fire ("at least 42 ISIS fighters had died":
the dead fighters matched the window's attacker "ISIS" by head word, right only by accident). The report-level role
model's news doers in a sentence beside the event's (role_model.assign_roles): tune 1 fire, right. MUC-4 DEV
0801-1300 after both: 288 right, 160 wrong. The "families of" and arrest-verb subject forms: 0 fires on tune.

s40 (main at 16c93c4), news tune: 20 right, 58 wrong; the report-level role model 2 / 20 (its own perpetrator
choices, 13 wordings over the tune reports: in an event's sentence the police searching x6 sentences of one merged
event, the man they search for x6, "police officer", "member of the public", "high-risk militant" of "identified as"
x2, "two ethnic Chechen men" of "ties to" x2, "terrorists" of "used by"; right: "ISIS and Kurdish militants" of
"bombing campaigns by", "people" of "are involved in"), with coreference and the argument model 0 / 6 (one
"United States" over 6 sentences). Kinds of the role model's 20 wrong: police / officials as searchers or sources
7, a person named in the report but not in an act as doer 12 (the searched man 6, the suspects' friends' "two ethnic
Chechen men" 2, "high-risk militant" 2, "people" 1, "terrorists" 1), a victim or bystander 1; no past act's doer.
Fixed by the doer cue (role_model._doer_cue: in news a model-made perpetrator only as the subject / possessor / "by"
agent of a trigger or the subject / "by" agent of a doer verb of roles_lexicon.csv): 20 right, 39 wrong (19 fewer,
0 right lost). The same gate over MUC-4 DEV 0101-0800 (not applied there): 456 / 224 -> 276 / 173 (194 right lost).
s40 (pastactor, main at 024576d), news tune: 20 right, 37 wrong; the clause's actor 1 / 8. Its 5 wrong of one merged
event were the dead of a past act's "since" clause (a wave of attacks years before, its own "attacks" generic) joined
to the report's new blast; parted by merge.within._dead_of_past_act: 20 right, 32 wrong, the clause's actor 1 / 3
(the other 3 are not past acts: a name-modifier "Islamic State jihadi", a named side of a strike, a campaign's
drones). Check: 19 / 66, unchanged (0 fires). MUC-4 DEV 0001-1300: 0 fires.
s40 (argfill, main at b7c928f): the argument model's attacker fills (scripts/argfill_count.py) news tune 1 / 10, 0 / 6
where the role model had just removed the rules' doer ("American" of one event's 6 sentences); in news no longer
refilled (argument_model.removed_by_role_model): tune 20 right, 26 wrong; check 19 / 66 unchanged (0 fires).
s40 (possweep, main at c259c84): the perpetrator-noun sweep on a possessive, news tune 0 / 4 (one sentence in 4 RAMS
windows: "the terrorist's access to ... assault weapons", taken for the false "assault" of "assault weapons" and for
the sentence's "attack"), MUC-4 DEV 0101-1300 1 / 0 ("the guerrillas' plans to carry out the murders"); narrowed to
a possessive whose owned noun holds the trigger in a clause or is its "by" / "with" object (roles._clause_of):
tune 20 right, 22 wrong; MUC-4 DEV 745 / 387 unchanged; check 19 / 66 unchanged. document.share_plural_claims: news
tune 1 / 4, all in one report ("the Provisional IRA accepted responsibility for the bombings" spread to 3 shootings
told before it, one of them "right" only because "Irish Republican Army" holds the head word of the British "army";
2 IRA bombings the text gives the IRA but gold leaves without attacker); MUC-4 DEV 1 actor1 fill (FMLN, a gold
PerpOrg but wrong by head word "Front"; the MUC-4 scorer reads roles, not actor1). Narrowing it to bombings for a
"bombings" claim (tune 19 / 24) lowered WikiEvents tune Attacker recall 0.667 -> 0.583: not kept.
s42 (main at 2d3cb25), by kind, read by the text. News tune 20 right / 22 wrong: 15 of the 22 are right by the text
(measurement): the gold sentence names no attacker while the event's doer is the text's (9: the IRA of the bombings
it claimed x4, "gunman" of Orlando x2, "ISIS claimed responsibility for that massacre", "initiated by three armed
men" -> "attackers", ...) or another wording of the same doer (6: "Russia" / "Moscow", "Coalition" / "United
States-led", "Syrian forces" / "Russia or its ally", "Islamic State" / "Islamic State jihadi Omar Mateen", "ISIS" /
"ISIS and Kurdish militants", "Free Syrian Army" / "the group"); wrong by the text 7: the claimant of the bombings
spread to shootings told before the claim 2 (share_plural_claims), a bystander person the argument model took 2
("Mr. Obama", "Obama": fixed, argument_model.untied_person), the victim 1 ("not just shoot people", argument model),
the other side of a battle merged in 1 ("Japanese air forces"), "gunman" where the text names Omar Mateen 1. No
reporter / source and no state-as-location kind on tune. Check 19 / 66 (read once, kinds only): the WikiEvents check
half's 36 are 4 documents, one of them 23 (Bloody Friday: its IRA, in three wordings, over the 7 gold sentences of
one merged event that name no attacker), then 7, 4, 2 (Taliban); by the text 31 of the 36 are right (a merged
event's doer in its sentences that name none, a pronoun "They", another wording), 5 wrong ("Twenty insurgents were
killed": the attackers' own deaths 3; the victims' "American" as the doer 2). RAMS check (30 wrong), of which: the stabber, his
claimant and the police officer who shot him spread over both acts 9, "Julian Assange" of a conspiracy theory 3
(fixed by untied_person), "Turkey" 4 (3 in sentences of no Turkish act), "police" as the Pulse shooter 2 (the other 12 not sorted by kind). So check precision
is low by document skew (one report's merged event counted in each of its sentences), not by a kind tune lacks.
After untied_person: tune 20 / 20, check 19 / 63; MUC-4 DEV 0101-1300 743 / 387 -> 743 / 386.
"""
from __future__ import annotations

import argparse
import inspect
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import argument_misses as amx  # noqa: E402
import attacker_rule_ablation as abl  # noqa: E402

from sitrep.evaluation import argument_cv  # noqa: E402
from sitrep.evaluation import realnews as rn  # noqa: E402

PERP = ("perpetrator_individuals", "perpetrator_organizations")
_COLLECTOR = {"add", "take", "_victim", "role_of", "orgs_in"}
LOG: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
DETAIL: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
CURRENT = [""]
TRIGGER = [""]


def _install_log() -> None:
    """Wrap roles._Collector.add: each perpetrator filler is logged under the report being read with the first
    roles.py frame outside the collector's own methods (function:line) and the take position."""
    from sitrep.extract import roles

    roles_file = roles.__file__
    old = roles._Collector.add

    def add(self, role: str, i: int, j: int) -> None:
        old(self, role, i, j)
        if role not in PERP or i >= j:
            return
        rule = "?"
        for fr in inspect.stack()[1:12]:
            if fr.filename == roles_file and fr.function not in _COLLECTOR:
                rule = f"{fr.function}:{fr.lineno}"
                break
        words = self.doc[i:j].text.lower()
        head = next((t for t in self.doc[i:j] if not i <= t.head.i < j or t.head.i == t.i), self.doc[j - 1])
        rule += f" {head.dep_}<{head.head.lemma_.lower()}"
        LOG[CURRENT[0]][words].add(rule)
        DETAIL[CURRENT[0]][words].add(f"{rule} <{TRIGGER[0]}>")

    roles._Collector.add = add
    old_extract = roles.extract_roles

    def extract_roles(sent, trigger, text, *, offset=None):
        TRIGGER[0] = f"{trigger.lower_} | {sent.text[:200]}"
        return old_extract(sent, trigger, text, offset=offset)

    roles.extract_roles = extract_roles


def given(analyses: list, gold: dict, split: str, folds: list, mode: str = "") -> dict:
    """{(doc id, sentence, wordings): right} of every attacker given in a gold sentence."""
    from sitrep.pipeline import extract_analysis

    out = {}
    for an in analyses:
        evs, src, key = gold[an.doc.id]
        CURRENT[0] = an.doc.id
        with abl._model_for(split, key, mode, folds, None):
            events = extract_analysis(an) if not an.error else []
        for sent, args in evs:
            near = amx.sentence_events(events, sent)
            heads = [rn.head_word(an.doc.text[a:b]) for role, a, b in args if role == "Attacker"]
            right, wrong = rn.attacker_precision(near, heads)
            out.update({(an.doc.id, sent, it): True for it in right})
            out.update({(an.doc.id, sent, it): False for it in wrong})
    return out


def rules_of(doc_id: str, item: tuple[str, ...]) -> list[str]:
    log = LOG.get(doc_id, {})
    return sorted({r for v in item for w, rs in log.items() if w == v.lower() for r in rs})


def ablate(analyses: list, gold: dict, split: str, folds: list, base: dict) -> dict:
    """{(doc id, sentence, wordings): [switches whose removal drops it]} for the steps outside roles.py."""
    drops: dict = defaultdict(list)
    for name, (owner, attr, ret) in abl.switches().items():
        if name.startswith("roles."):
            continue
        old = getattr(owner, attr)
        setattr(owner, attr, lambda *a, _ret=ret, **k: _ret)
        try:
            got = given(analyses, gold, split, folds)
        finally:
            setattr(owner, attr, old)
        for k in base:
            if k not in got:
                drops[k].append(name)
    got = given(analyses, gold, split, folds, "none")
    for k in base:
        if k not in got:
            drops[k].append("argument model")
    return drops


def muc4_given(names: list[str]) -> dict:
    """{(doc id, (filler,)): right} of the distinct perpetrator fillers of each MUC-4 report's events (the military
    ones skipped, as the scorer does), right when the head noun is a gold PerpInd / PerpOrg's
    (``scripts/perp_misses_muc4.py``'s precision)."""
    from sitrep.evaluation import muc4
    from sitrep.nlp import analyze_many
    from sitrep.pipeline import extract_analysis

    base = ROOT / ".." / "shared" / "data" / "muc4"
    docs = [d for name in names for d in muc4.read_docs(base / "docs" / name)]
    keys = [base / "keys" / f"key-dev-{name.split('-')[2]}.muc4" for name in names]
    by_doc = muc4.templates_by_doc([t for p in keys for t in muc4.read_keys(p)])
    out = {}
    for an in analyze_many([muc4.document_for(d) for d in docs if d.id in by_doc]):
        CURRENT[0] = an.doc.id
        events = [e for e in (extract_analysis(an) if not an.error else []) if not e.military]
        gold = muc4.gold_entities(by_doc[an.doc.id], an.doc.text)
        heads = {muc4.head_noun(muc4.normalize_mention(m)) for e in gold["PerpInd"] + gold["PerpOrg"] for m in e}
        seen = set()
        for f in (f for e in events for k in PERP for f in e.roles.get(k, [])):
            v = muc4.normalize_mention(f.text)
            if v and v not in seen:
                seen.add(v)
                out[(an.doc.id, (0, 0), (f.text,))] = muc4.head_noun(v) in heads
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="tune")
    ap.add_argument("--show", action="store_true", help="print each attacker given with its source")
    ap.add_argument("--no-ablation", action="store_true", help="the roles.py log only")
    ap.add_argument("--muc4", default="", help="MUC-4 DEV files instead (comma-separated, e.g. dev-muc3-0101-0200): "
                    "the perpetrator fillers against the gold PerpInd / PerpOrg by head noun, the roles.py log only")
    args = ap.parse_args(argv)
    _install_log()
    if args.muc4:
        base, texts, drops = muc4_given(args.muc4.split(",")), {}, {}
    else:
        folds = argument_cv.read_folds(amx.FOLDS) or []
        analyses, gold = abl.load(args.split)
        texts = {an.doc.id: an.doc.text for an in analyses}
        base = given(analyses, gold, args.split, folds)
        drops = {} if args.no_ablation else ablate(analyses, gold, args.split, folds, base)
    counts: Counter = Counter()
    for (doc, sent, item), ok in sorted(base.items(), key=lambda kv: (kv[1], kv[0][0])):
        src = rules_of(doc, item) or [f"not roles.py: {'+'.join(drops.get((doc, sent, item), [])) or 'two sources'}"
                                      if drops else "not roles.py"]
        for s in src:
            counts[(s, ok)] += 1
        if args.show:
            snippet = texts.get(doc, "")[sent[0]:sent[1]].replace("\n", " ")[:220]
            print(f"[{'right' if ok else 'WRONG'}] {' / '.join(item)} <- {', '.join(src)} | {doc[:20]} | {snippet}")
            for v in item:
                for d in sorted(DETAIL.get(doc, {}).get(v.lower(), ())):
                    print(f"      {d}")
    print(f"\n{args.split}: {sum(base.values())} right, {sum(not v for v in base.values())} wrong attackers given")
    print(f"{'source':60} right wrong")
    for s in sorted({s for s, _ in counts}, key=lambda s: -counts[(s, False)]):
        print(f"{s:60} {counts[(s, True)]:5} {counts[(s, False)]:5}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
