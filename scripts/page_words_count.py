"""Count a page-kind word list (events.toml [sport] and the like) over every document of ../shared and our own texts:
for each corpus, how many documents use 1, 2, ... distinct words of the list (whole words, any case, as
extract/document.py reads them), and which documents reach ``--min``. A page-kind list earns its place when no
document of news about violence reaches its minimum and the pages it is written for do.

    python3 scripts/page_words_count.py --key screen_words [--min 4]
    python3 scripts/page_words_count.py --words "firework,fireworks,bonfire,sparkler" --min 2
"""
from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.evaluation import realnews as rn  # noqa: E402
from sitrep.extract.lexicon import _sport_pattern  # noqa: E402
from sitrep.resolve.lowered import match_spans  # noqa: E402

SHARED = (ROOT / ".." / "shared").resolve()
DATA = ROOT / "tests" / "data"


def corpora():
    """(corpus, id, text) of every document of ../shared and of tests/data."""
    for doc, text in rn._lgl(SHARED).items():
        yield "LGL", doc, text
    for folder in ("TimeBank", "te3-platinum"):
        for p in sorted((SHARED / "data/timeml" / folder).glob("*.tml")):
            yield "TimeBank/TE3", p.name, rn._tml_text(p)
    for p in sorted((SHARED / "data/realnews/ecbplus").glob("*/*.xml")):
        yield "ECB+", str(p.relative_to(SHARED / "data/realnews/ecbplus")), rn._ecb_text(p)
    for split in ("dev", "test"):
        for key, text in rn._rams_texts(SHARED, f"data/realnews/rams/{split}.jsonlines").items():
            yield "RAMS", key, text
    for line in open(SHARED / "data/realnews/wikievents/dev.jsonl", encoding="utf-8"):
        d = json.loads(line)
        yield "WikiEvents", d["doc_id"], d["text"]
    from sitrep.evaluation import muc4

    for p in sorted((SHARED / "data/muc4/docs").iterdir()):
        for d in muc4.read_docs(p):
            yield "MUC-4", d.id, d.text
    for p in sorted((SHARED / "data/ingestion/newspaper4k/txt").glob("*.txt")):
        yield "newspaper4k", p.name, p.read_text(encoding="utf-8")
    for gold in sorted(DATA.glob("*_gold.json")):
        folder = DATA / gold.name.removesuffix("_gold.json")
        for doc in json.loads(gold.read_text())["documents"]:
            path = folder / f"{doc['id']}.txt"
            if path.exists():
                kind = "ours (events)" if doc.get("events") else "ours (pages)"
                yield kind, f"{folder.name}/{doc['id']}", path.read_text(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--key", help="a key of events.toml [sport] or [page] (a list of words)")
    ap.add_argument("--words", help="comma-separated words instead")
    ap.add_argument("--min", type=int, default=3, help="list the documents with at least this many distinct words")
    args = ap.parse_args(argv)
    if args.key:
        data = tomllib.loads((ROOT / "src/sitrep/knowledge/events.toml").read_text(encoding="utf-8"))
        words = data.get("sport", {}).get(args.key) or data.get("page", {}).get(args.key)
    else:
        words = args.words.split(",")
    rx = _sport_pattern(words)
    assert rx is not None, "no words"
    hist: dict[str, Counter] = {}
    over: list[str] = []
    for corpus, doc, text in corpora():
        found = sorted({text[a:b].lower() for a, b in match_spans(rx, text)})
        hist.setdefault(corpus, Counter())[len(found)] += 1
        if len(found) >= args.min:
            over.append(f"  {corpus:14} {doc}: {len(found)} {found}")
    for corpus, c in hist.items():
        print(f"{corpus:14} documents {sum(c.values()):5}  by distinct words: "
              + "  ".join(f"{k}:{v}" for k, v in sorted(c.items())))
    print(f"documents with at least {args.min}:")
    print("\n".join(over))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
