"""How often the argument model fills an empty attacker, and where (issue 11, perpetrator precision).

    python3 scripts/argfill_count.py [--split tune|check] [--muc4 dev-muc3-0101-0200,...] [--show]

Each attacker filler that ``argument_model.apply_argument_model`` adds is logged by the state of its event before
the model: the role model had just removed the rule-made perpetrators ("role model removed"), the event had none
from the rules ("none before"), or the argument model dropped its own ("argument model dropped"). Each is then right
or wrong as ``scripts/wrong_attackers_by_rule.py`` counts the attackers given (news: in a gold event's sentence by
head word; MUC-4: a gold PerpInd / PerpOrg head noun).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import wrong_attackers_by_rule as war  # noqa: E402

FILLS: dict[str, dict[str, str]] = {}


def _install() -> None:
    from sitrep.extract import argument_model as am

    old = am.apply_argument_model

    def apply(analysis, events, model=None, rule_made=None):
        before = [{(f.start, f.end) for k in war.PERP for f in ev.roles.get(k, [])} for ev in events]
        old(analysis, events, model, rule_made)
        for n, ev in enumerate(events):
            for k in war.PERP:
                for f in ev.roles.get(k, []):
                    if (f.start, f.end) in before[n]:
                        continue
                    state = ("argument model dropped" if before[n] else
                             "role model removed" if rule_made and rule_made[n] else "none before")
                    FILLS.setdefault(war.CURRENT[0], {})[f.text.lower()] = state

    am.apply_argument_model = apply


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="tune")
    ap.add_argument("--muc4", default="")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    _install()
    if args.muc4:
        base = war.muc4_given(args.muc4.split(","))
    else:
        folds = war.argument_cv.read_folds(war.amx.FOLDS) or []
        analyses, gold = war.abl.load(args.split)
        base = war.given(analyses, gold, args.split, folds)
    counts: Counter = Counter()
    for (doc, sent, item), ok in base.items():
        states = {FILLS.get(doc, {}).get(v.lower()) for v in item} - {None}
        for s in states or {"not an argument-model fill"}:
            counts[(s, ok)] += 1
            if args.show and states:
                print(f"[{'right' if ok else 'WRONG'}] {' / '.join(item)} <- {s} | {doc[:24]} {sent}")
    print(f"{args.split if not args.muc4 else args.muc4}: {sum(base.values())} right, "
          f"{sum(not v for v in base.values())} wrong")
    for s in sorted({s for s, _ in counts}):
        print(f"  {s:32} right {counts[(s, True)]:4} wrong {counts[(s, False)]:4}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
