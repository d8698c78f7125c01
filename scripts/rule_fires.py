"""Count the fires of a role rule: the fillers the events gain with it, against the events without it (the rule's
test patched to False), each with the gold arguments of its sentence (news) or the sentence (MUC-4), to be judged
right or wrong by hand.

    python3 scripts/rule_fires.py --rule harmed_count|unread_place [--split tune|check] [--corpus news,muc4]

Rules: ``harmed_count`` (``roles._harmed_count``: a number in figures with no noun, the object of a verb of
killing or wounding, is the act's victims: "injured more than 260", "wounding 14"; role victims, gold Victim /
Target); ``unread_place`` (``argument_model.unread_place_name``: a name the gazetteer does not read in a locative
phrase of the trigger is its place; role places, gold Place).

News: WikiEvents half + RAMS attack / die / injure windows (tune = WikiEvents tune + RAMS dev; the tune texts under
the fold models, as the benchmark), a fire right when a gold Victim / Target of a gold event of the sentence has
its head in the filler. MUC-4 (DEV = tune, TST1+2 = check): the scorer's Victim is HUM TGT: NAME, which a number
never fills; each fire is printed with its sentence.

harmed_count, s41 (main at ee6f6b8): tune, news 2 fires, 1 over a gold head ("more than 260"), 1 a real count ("wounding 100"); MUC-4
DEV 4, each a real count; check, news 2 (both gold), MUC-4 TST1+2 1 (real). Details: roles._harmed_count.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import argument_misses as misses  # noqa: E402
import target_place_causes as tp  # noqa: E402

from sitrep.evaluation import realnews as rn  # noqa: E402
from sitrep.extract import argument_model, roles  # noqa: E402

# rule -> (module, function patched to False, role key it fills, gold roles it is judged against)
RULES = {"harmed_count": (roles, "_harmed_count", "victims", ("Victim", "Target")),
         "unread_place": (argument_model, "unread_place_name", "places", ("Place",))}
RULE = RULES["harmed_count"]


def _fillers(events: list) -> set[tuple[int, int, str]]:
    return {(f.start, f.end, f.text) for e in events for f in e.roles.get(RULE[2], [])}


def _without():
    return mock.patch.object(RULE[0], RULE[1], lambda tok: False)


def news(split: str) -> tuple[int, int]:
    with _without():
        before = {an.doc.id: _fillers(events) for an, events, *_ in misses.extracted(split)}
    right = fires = 0
    for an, events, evs, src, _model in misses.extracted(split):
        text = an.doc.text
        for a, _b, t in sorted(_fillers(events) - before[an.doc.id]):
            gold = [(r, text[x:y]) for sent, gargs in evs if sent[0] <= a < sent[1] for r, x, y in gargs
                    if r in RULE[3]]
            ok = any(rn.head_found(rn.head_word(g), [t]) for _, g in gold)
            fires += 1
            right += ok
            sent = next((text[s.start:s.end] for s in an.sentences if s.start <= a < s.end), "")
            print(f"[{src} {'right' if ok else 'judge'}] {t!r} | gold {gold} | {' '.join(sent.split())[:200]!r}")
    return fires, right


def muc(split: str) -> int:
    with _without():
        before = {an.doc.id: _fillers(events) for an, events, _ in tp.muc_extracted(split, 0)}
    fires = 0
    for an, events, _gold in tp.muc_extracted(split, 0):
        for a, _b, t in sorted(_fillers(events) - before[an.doc.id]):
            fires += 1
            sent = next((an.doc.text[s.start:s.end] for s in an.sentences if s.start <= a < s.end), "")
            print(f"[MUC-4 {an.doc.id}] {t!r} | {' '.join(sent.split())[:200]!r}")
    return fires


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rule", default="harmed_count", choices=sorted(RULES))
    ap.add_argument("--split", default="tune", choices=("tune", "check"))
    ap.add_argument("--corpus", default="news,muc4")
    args = ap.parse_args(argv)
    global RULE
    RULE = RULES[args.rule]
    if "news" in args.corpus:
        fires, right = news(args.split)
        print(f"news {args.split}: {fires} fires, {right} over a gold argument's head")
    if "muc4" in args.corpus:
        print(f"MUC-4 {args.split}: {muc(args.split)} fires")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
