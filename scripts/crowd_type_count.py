"""Count the fires of the crowd typing rules (events.toml [typing.crowds] clash_kinds, marcher_verbs): every
sentence of a corpus that names a crowd is extracted on its own, and each time ``_crowd_in_fight`` or
``_marchers_act`` gives a type the sentence, trigger and type are printed, to be judged right or wrong by hand; with
``--all`` every event of those sentences is printed with its type (the table of how crowd sentences are typed).

    python3 scripts/crowd_type_count.py [--split tune|check] [--corpus ucdp,ecb,muc4,rams,wiki] [--all]

Tune: UCDP Nigeria headlines, ECB+ tune topics, MUC-4 DEV, RAMS dev, WikiEvents tune half; check: UCDP Ukraine,
ECB+ check topics, MUC-4 TST1+2, RAMS test, WikiEvents check half. Counts (s42): events.toml [typing.crowds].
"""
from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.evaluation import ecbplus as E  # noqa: E402
from sitrep.evaluation import muc4  # noqa: E402
from sitrep.evaluation import realnews as rn  # noqa: E402
from sitrep.extract import mentions  # noqa: E402
from sitrep.model import Document  # noqa: E402
from sitrep.pipeline import extract_documents  # noqa: E402

SHARED = ROOT.parent / "shared"
CROWD = re.compile(r"\b(mobs?|protest\w*|riot\w*|crowds?|demonstrat\w*|marche[rd]s?|marching|rall(y|ies|ied)|"
                   r"students|looters?|loot\w*)\b", re.I)
FIRES: list[tuple[str, str, str]] = []


def _sentences(text: str, lines: bool) -> list[str]:
    """ECB+ texts hold a sentence a line; the others are cut after a full stop (MUC-4 wraps its lines)."""
    if lines:
        return [s.strip() for s in text.splitlines() if s.strip()]
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if s.strip()]


def _texts(corpus: str, split: str) -> list[str]:
    tune = split == "tune"
    if corpus == "ucdp":
        return [it.headline for it in rn.ucdp_items(SHARED, rn.UCDP_SPLIT[split])]
    if corpus == "ecb":
        root = SHARED / "data" / "realnews" / "ecbplus"
        return [a.text for t in (E.TUNE_TOPICS if tune else E.CHECK_TOPICS) for a in E.read_topic(root, t)]
    if corpus == "muc4":
        docs = SHARED / "data" / "muc4" / "docs"
        paths = sorted(docs.glob("dev-*")) if tune else [docs / "tst1-muc3", docs / "tst2-muc4"]
        return [d.text for p in paths for d in muc4.read_docs(p)]
    if corpus == "rams":
        return sorted({w.text for w in rn.rams_windows(SHARED, "dev" if tune else "test")})
    ids = set(rn.WIKIEVENTS_TUNE if tune else rn.WIKIEVENTS_CHECK)
    return [d["text"] for d in rn.wikievents_docs(SHARED) if d["doc_id"] in ids]


def _record(name: str, fn):
    def wrapped(tok, *args):
        out = fn(tok, *args)
        if out is not None:
            FIRES.append((name, tok.text, tok.sent.text))
        return out
    return wrapped


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("tune", "check"), default="tune")
    ap.add_argument("--corpus", default="ucdp,ecb,muc4,rams,wiki")
    ap.add_argument("--all", action="store_true", help="print every event of the crowd sentences with its type")
    args = ap.parse_args()
    mentions._crowd_in_fight = _record("clash", mentions._crowd_in_fight)
    mentions._marchers_act = _record("marcher", mentions._marchers_act)
    mentions._crowd_in_when_clause = _record("when", mentions._crowd_in_when_clause)
    for corpus in args.corpus.split(","):
        sents = sorted({s for t in _texts(corpus, args.split) for s in _sentences(t, corpus in ('ecb', 'ucdp')) if CROWD.search(s)})
        docs = [Document(f"{corpus}-{i}", s, published=date(2000, 1, 1)) for i, s in enumerate(sents)]
        FIRES.clear()
        typed = []
        for doc, events, _ in extract_documents(docs):
            typed += [(doc.text, e.trigger.text if e.trigger else "", e.event_type, e.sub_event_type) for e in events]
        print(f"== {corpus} {args.split}: {len(sents)} crowd sentences, {len(typed)} events, {len(FIRES)} fires")
        for name, trig, sent in FIRES:
            print(f"  FIRE {name} [{trig}] {sent[:220]}")
        if args.all:
            for sent, trig, etype, sub in typed:
                print(f"  EVENT {etype} / {sub} [{trig}] {sent[:200]}")


if __name__ == "__main__":
    main()
