"""ECB+ gold action mention pairs by trigger word, one chain or two (the count behind ``merge.toml [subevents]``).

Over the gold action mentions of one seminal event (a topic's 'ecb' or 'ecbplus' articles), every pair of mentions
whose first words begin with two different prefixes given is counted as one gold chain or two: how often two words
name one action (the evidence for putting them in one sub-event kind, or apart). Tune / check / other split as in
``benchmarks/merge_ecb.py``; only tune and other may choose a kind.

    PYTHONPATH=src python3 scripts/ecb_word_pairs.py --split tune|check|other PREFIX [PREFIX ...]
        [--shared ../shared] [--before NOUN]

``--before NOUN``: instead, the gold mentions whose first word is one of the words given and whose next word in the
text is NOUN ('murder' before 'trial'), by whether their chain holds an act word (merge.toml [subevents.charge]
after: apart from every act = right). Session 43: ``--before trial murder murders manslaughter homicide assault
assaults``: tune 1 right / 0 wrong, other 1 / 1, check none ('shooting trial', tune 1 more right, is no charge word).

Session 43 (issue 16): 'open' / 'shoot' tune 49 one chain / 64 two, 'gun' / 'kill' 21 / 39, 'gun' / 'shoot' 20 / 29;
other topics no such pair.
"""
from __future__ import annotations

import argparse
import itertools
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sitrep.evaluation import ecbplus as E  # noqa: E402


def prefix_of(text: str, prefixes: list[str]) -> str | None:
    """The first prefix the mention's first word begins with (lower case), or None."""
    words = text.lower().split()
    return next((p for p in prefixes if words and words[0].startswith(p)), None)


def count(root: Path, topics: tuple[int, ...], prefixes: list[str]) -> Counter:
    """(prefix, prefix, 'one' | 'two') -> pairs of gold mentions of one seminal event."""
    out: Counter = Counter()
    for t in topics:
        articles = E.read_topic(root, t)
        for event in ("ecb", "ecbplus"):
            found = [(p, g.chain) for a in articles if a.event == event for g in a.mentions
                     if (p := prefix_of(g.text, prefixes))]
            for (a, ca), (b, cb) in itertools.combinations(found, 2):
                if a != b:
                    out[(*sorted((a, b)), "one" if ca == cb else "two")] += 1
    return out


ACT_WORDS = ("kill", "murder", "slay", "slain", "dead", "death", "homicide", "shoot", "shot", "gun", "stab", "assault",
             "fatal", "die")


def before_noun(root: Path, topics: tuple[int, ...], words: list[str], noun: str) -> Counter:
    """Gold mentions of ``words`` right before ``noun``: 'right' when no other mention of their chain is an act word
    (itself not before ``noun``), else 'wrong'."""
    out: Counter = Counter()
    for t in topics:
        mentions = [(a, g) for a in E.read_topic(root, t) for g in a.mentions]

        def told(a: E.Article, g: E.GoldMention) -> bool:
            first = (g.text.lower().split() or [""])[0]
            rest = a.text[g.start + len(first):g.start + len(first) + 30].lower().split()
            return first in words and bool(rest) and rest[0].strip(".,;:") == noun

        for a, g in mentions:
            if told(a, g):
                acts = [h for b, h in mentions if h.chain == g.chain and h is not g
                        and h.text.lower().startswith(ACT_WORDS) and not told(b, h)]
                out["wrong" if acts else "right"] += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("prefixes", nargs="+")
    ap.add_argument("--split", default="tune", choices=["tune", "check", "other"])
    ap.add_argument("--shared", default=None)
    ap.add_argument("--before", default=None, metavar="NOUN")
    args = ap.parse_args()
    shared = Path(args.shared or os.environ.get("SITREP_SHARED") or Path(__file__).resolve().parents[2] / "shared")
    root = shared / "data" / "realnews" / "ecbplus"
    topics = {"tune": E.TUNE_TOPICS, "check": E.CHECK_TOPICS}.get(args.split) or E.other_topics(root)
    if args.before:
        told = before_noun(root, topics, [p.lower() for p in args.prefixes], args.before.lower())
        print(f"{args.split}  before {args.before!r}: right {told['right']}, wrong {told['wrong']}")
        return
    got = count(root, topics, [p.lower() for p in args.prefixes])
    for a, b in sorted({k[:2] for k in got}):
        print(f"{args.split}  {a} / {b}: one chain {got[(a, b, 'one')]}, two chains {got[(a, b, 'two')]}")


if __name__ == "__main__":
    main()
