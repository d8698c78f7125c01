"""Why RAMS attackers are missed, by the forms issue 11 asks about, beside the reader's judgement of each window
(``benchmarks/data/rams_dev_judged.csv``: one specific violent event, or one sitrep rightly refuses).

    python3 scripts/rams_attacker_causes.py [--split tune|check] [--show]

Each gold Attacker (attacker / killer / injurer) of an attack / die / injure window, scored as
``benchmarks/realnews.py`` scores it (its head word among the attacker values of a sitrep event whose trigger lies in
the window's trigger sentence; the argument may stand anywhere in the five-sentence window), gets the first cause
that applies: found; the event not found in that sentence; found, the attacker in another sentence of the window;
found, a passive "by X" (the parser's agent, or "by" right before it); found, a possessive ("Russia's"); found, a
country, government or its forces ("Syrian forces", "the regime", a GPE / NORP head); found, another attacker given;
found, no actor at all. The tune split runs each article under the fold model that did not see it (as the
benchmark); check is for looking, never for choosing (and has no judgements).

s37 (main at acf1029), tune: 148 gold attackers, 13 found (0.088). The event not found in the trigger's sentence 102
(86 of them in windows the reader judged sitrep should refuse: rhetoric, history, a war as a whole, a charge, a
habit; 16 in windows of one specific event). In the 46 of found events: found 13, a country / government / forces
12 (3 in specific windows), no actor 12 (3), another attacker given 4 (2), a passive "by X" 3 (3), another
sentence 2 (1), a possessive 0. Over all 148, whatever the cause (found / all): a country / government / forces
form 5 / 38, another sentence of the window 0 / 19, a passive "by X" 2 / 14, a possessive 0 / 7. Over the windows
judged specific the recall is 9 / 37 = 0.243 (all windows 0.088). So RAMS Attacker 0.09 is mostly the benchmark
counting the attackers of windows whose event sitrep does not report, most of them rightly by the reader's
judgement; of the matching itself (the head word anywhere in the window, events of the trigger's sentence only), 4
more gold attackers are named by a sitrep event of another sentence of the window. After s37's accused rule
(roles._accused): found 14 (Van Dyke; no actor 12 -> 11), specific windows 10 / 37 = 0.270.
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

import argument_misses as am  # noqa: E402

from sitrep.evaluation import realnews as rn  # noqa: E402

JUDGED = ROOT / "benchmarks" / "data" / "rams_dev_judged.csv"
STATE = re.compile(r"\b(forces|army|military|regime|government|troops|police|navy|air force|coalition|soldiers|"
                   r"officials?|authorities|jets|planes|warplanes)\b", re.I)


def forms(analysis, text: str, sent: tuple[int, int], a: int, b: int) -> dict[str, bool]:
    """The forms of one gold attacker: outside the trigger's sentence, a "by" agent, a possessive, a state."""
    tok = am._token(analysis, a, b)
    agent = tok is not None and tok.dep_ == "pobj" and tok.head.dep_ == "agent"
    by = bool(re.search(r"\bby\s+(the\s+)?$", text[max(sent[0], a - 12):a]))
    poss = tok is not None and tok.dep_ == "poss" or text[b:b + 3].lstrip().startswith(("'s", "’s"))
    state = tok is not None and tok.ent_type_ in ("GPE", "NORP") or bool(STATE.search(text[a:b]))
    return {"another sentence": not sent[0] <= a < sent[1], "by X": agent or by, "possessive": poss,
            "country / government / forces": state}


def cause(f: dict[str, bool], hit: bool, near: list, values: list[str]) -> str:
    if hit:
        return "found"
    if not near:
        return "event not found in the sentence"
    for k in ("another sentence", "by X", "possessive", "country / government / forces"):
        if f[k]:
            return f"event found: {k}"
    return "event found: another attacker given" if values else "event found: no actor"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="tune")
    ap.add_argument("--show", action="store_true", help="print each missed attacker with its sentence")
    args = ap.parse_args(argv)
    judged = rn.read_rams_judged(JUDGED) if args.split == "tune" else {}
    wins = {w.id: w for w in rn.rams_windows(am.SHARED, rn.RAMS_SPLIT[args.split])}
    causes: Counter = Counter()
    form_all: Counter = Counter()
    form_hit: Counter = Counter()
    for an, events, evs, src, _ in am.extracted(args.split):
        if src != "RAMS":
            continue
        w, text = wins[an.doc.id], an.doc.text
        label = judged.get((w.id, w.trigger[0]), "-")
        for sent, gargs in evs:
            near = am.sentence_events(events, sent)
            for _, a, b in (g for g in gargs if g[0] == "Attacker"):
                values = [v for e in near for v in rn.role_values(e, "Attacker") if not v.startswith("Unidentified")]
                hit = any(rn.head_found(rn.head_word(text[a:b]), rn.role_values(e, "Attacker")) for e in near)
                f = forms(an, text, sent, a, b)
                c = cause(f, hit, near, values)
                causes[(c, label)] += 1
                for k, v in f.items():
                    form_all[k] += v
                    form_hit[k] += v and hit
                if args.show and c != "found":
                    print(f"[{c} | {label}] {text[a:b]!r} {sorted(set(values))} | {text[sent[0]:sent[1]][:240]!r}")
    total = sum(causes.values())
    found = sum(n for (c, _), n in causes.items() if c == "found")
    print(f"RAMS {args.split}: {total} gold attackers, found {found} ({found / max(total, 1):.3f})")
    print(f"  {'cause':<48} {'all':>5} {'specific':>9} {'refuse':>7}")
    for c in sorted({c for c, _ in causes}, key=lambda c: -sum(n for (k, _), n in causes.items() if k == c)):
        n = sum(v for (k, _), v in causes.items() if k == c)
        print(f"  {c:<48} {n:>5} {causes[(c, 'specific')]:>9} {causes[(c, 'refuse')]:>7}")
    print("  forms over all gold attackers (found / all):",
          ", ".join(f"{k} {form_hit[k]}/{form_all[k]}" for k in form_all))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
