"""Count the fires of clause_model.crowd_does (a crowd of events.toml [typing.crowds] as the subject of a violent
verb, kept though the clause model refuses it): every sentence of a corpus that names a crowd is extracted on its
own (as scripts/crowd_type_count.py reads them), and each clause the rule keeps that the model's threshold, an armed
doer or a clash onset would not have kept is printed, to be judged right or wrong by hand. The negative sentences
of benchmarks/data/realnews_negatives.csv (the split's half) are read whole.

    python3 scripts/crowd_doer_count.py [--split tune|check] [--corpus ucdp,ecb,muc4,rams,wiki,negatives] [--words]

Counts (s43): events.toml [typing.crowds], the note on crowd_does.
"""
from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from crowd_type_count import CROWD, _sentences, _texts  # noqa: E402

from sitrep.evaluation import realnews as rn  # noqa: E402
from sitrep.extract import clause_model as cm  # noqa: E402
from sitrep.model import Document  # noqa: E402
from sitrep.pipeline import extract_documents  # noqa: E402

SHARED = ROOT.parent / "shared"
FIRES: list[tuple[str, str]] = []
# the s43 trigger verbs (events.toml: loot, ransack, ... and lynch): with --words, the sentences that hold one and
# the events they give are printed instead
WORDS = re.compile(r"\b(loot|ransack|vandali[sz]|pillag|plunder|lynch)\w*", re.I)


def _recorded(fn):
    def wrapped(c):
        out = fn(c)
        if out:
            FIRES.append((c.mention.trigger.text, c.trigger_token.sent.text))
        return out
    return wrapped


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("tune", "check"), default="tune")
    ap.add_argument("--corpus", default="ucdp,ecb,muc4,rams,wiki,negatives")
    ap.add_argument("--words", action="store_true", help="the sentences with an s43 trigger verb and their events")
    args = ap.parse_args()
    pick = WORDS if args.words else CROWD
    cm.crowd_does = _recorded(cm.crowd_does)
    for corpus in args.corpus.split(","):
        if corpus == "negatives":
            negs = rn.read_negatives(ROOT / "benchmarks" / "data" / "realnews_negatives.csv", SHARED)
            sents = [n.text for n in negs if n.split == args.split and (not args.words or pick.search(n.text))]
        else:
            sents = sorted({s for t in _texts(corpus, args.split) for s in _sentences(t, corpus in ("ecb", "ucdp"))
                            if pick.search(s)})
        docs = [Document(f"{corpus}-{i}", s, published=date(2000, 1, 1)) for i, s in enumerate(sents)]
        FIRES.clear()
        out = [(d.text, e) for d, events, _ in extract_documents(docs) for e in events]
        n_events = len(out)
        if args.words:
            for text, e in out:
                trig = e.trigger.text if e.trigger else ""
                if WORDS.search(trig):
                    print(f"  EVENT {e.sub_event_type} [{trig}] {text[:200]}")
        print(f"== {corpus} {args.split}: {len(sents)} sentences, {n_events} events, {len(FIRES)} fires")
        for trig, sent in FIRES:
            print(f"  FIRE [{trig}] {sent[:220]}")


if __name__ == "__main__":
    main()
