"""Every clause whose triggers hold both a killing (or wounding) and an arson, over the tune corpora, with the trigger
[typing.priority] picks: the count behind the order of arson and killing there (issue 11, session 43).

    PYTHONPATH=src python3 scripts/arson_killing_count.py [--sets seed,ucdp,muc4,wiki,rams,ecb,negatives] [--split tune|check]

One TSV line per such clause: set, document, the triggers with their kinds, the picked trigger, the sentence.
A reader judges which event the clause tells (ACLED: an attack that kills outranks property destruction) against
the gold of its corpus.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import strike_sense_count as S  # noqa: E402

KILL = re.compile(r"\b(kill|killed|killing|killings|murder|murdered|dead|died|shot|wounded|injured)\b", re.I)
FIRE = re.compile(r"\b(burn|burnt|burned|burning|torch|torched|ablaze|arson|fire|set)\b", re.I)


def main(argv: list[str] | None = None) -> int:
    from sitrep.extract import mentions
    from sitrep.pipeline import extract_documents

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="seed,ucdp,muc4,wiki,rams,ecb,negatives")
    ap.add_argument("--split", default="tune", choices=["tune", "check"])
    args = ap.parse_args(argv)
    seen: list[str] = []
    original = mentions.SentenceExtractor._primary

    def logged(self, usable):
        pick = original(self, usable)
        kinds = {t.kind for _, t in usable}
        if "arson" in kinds and kinds & {"killing", "wound"}:
            words = ",".join(f"{tok.text}:{t.kind}" for tok, t in usable)
            seen.append(f"{words}\t{pick[0].text}\t{' '.join(pick[0].sent.text.split())[:220]}")
        return pick

    mentions.SentenceExtractor._primary = logged
    for name in args.sets.split(","):
        docs = [d for _, d in S.SETS[name](args.split) if FIRE.search(d.text) and KILL.search(d.text)]
        for doc, _events, _err in extract_documents(docs, batch_size=1):
            for line in seen:
                print(f"{name}\t{doc.id}\t{line}", flush=True)
            seen.clear()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
