"""Every event sitrep makes from a strike-family trigger ("strike", "strikes", "struck", "striking"; the airstrike
words apart), with its type, over the tune corpora (and ECB+'s other topics as evidence): the count behind
events.toml's strike sense and typing rules (issue 11 kinds 2 and 5, session 41).

    PYTHONPATH=src python3 scripts/strike_sense_count.py [--sets seed,ucdp,mideast,muc4,wiki,rams,ecb,other,negatives] [--hit]
        [--split tune|check] [--out FILE.tsv]

One TSV line per such event: set, document, trigger, event type / sub-event type, weapons, actor1, the trigger's
sentence. Only documents whose text holds one of the words are extracted. A reader judges each line (air / drone /
missile strike; an attack by other means; no violent event) and writes the counts into the rule's comment.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT / "src"))  # after PYTHONPATH: a base checkout can be counted
sys.path.insert(0, str(ROOT / "benchmarks"))
SHARED = (ROOT / ".." / "shared").resolve()
WORD = re.compile(r"\b(strikes?|struck|striking)\b", re.I)
HIT = re.compile(r"\b(strikes?|struck|striking|hits?|hitting)\b", re.I)  # --hit: the verb "hit" counted too
AIR = re.compile(r"\b(air ?strikes?|air-strikes?)\b", re.I)


def seed_docs(split: str):
    import seedlike
    from sitrep.ingest.text import document_from_text

    for name, (folder, gold) in seedlike.sets().items():
        if name not in seedlike.SPLIT[split]:
            continue
        published = {d["id"]: d.get("published") for d in json.loads(gold.read_text())["documents"]}
        for path in sorted(folder.glob("*.txt")):
            day = published.get(path.stem)
            yield name, document_from_text(path.read_text(encoding="utf-8"), path.stem,
                                           published=date.fromisoformat(day) if day else None)


def ucdp_docs(split: str):
    from sitrep.evaluation import realnews as rn
    from sitrep.model import Document

    for it in rn.ucdp_items(SHARED, rn.UCDP_SPLIT[split]):
        yield "ucdp", Document(id=it.id, text=it.headline, title=it.headline, published=it.published)


def muc4_docs(split: str):
    from sitrep.evaluation import muc4

    names = ["tst1-muc3", "tst2-muc4"] if split == "check" else sorted(
        p.name for p in (SHARED / "data" / "muc4" / "docs").glob("dev-*"))
    for name in names:
        for d in muc4.read_docs(SHARED / "data" / "muc4" / "docs" / name):
            yield "muc4", muc4.document_for(d)


def wiki_docs(split: str):
    from sitrep.evaluation import realnews as rn
    from sitrep.model import Document

    ids = rn.WIKIEVENTS_TUNE if split == "tune" else rn.WIKIEVENTS_CHECK
    for d in rn.wikievents_docs(SHARED):
        if d["doc_id"] in ids:
            yield "wiki", Document(id=d["doc_id"], text=d["text"])


def rams_docs(split: str):
    from sitrep.evaluation import realnews as rn
    from sitrep.model import Document

    for w in rn.rams_windows(SHARED, rn.RAMS_SPLIT[split]):
        if rn.rams_family(w):
            yield "rams", Document(id=w.id, text=w.text)


def negative_docs(split: str):
    from sitrep.evaluation import realnews as rn
    from sitrep.model import Document

    negs = rn.read_negatives(ROOT / "benchmarks" / "data" / "realnews_negatives.csv", SHARED)
    for i, n in enumerate(negs):
        if n.split == split:
            yield "negatives", Document(id=f"neg-{i}", text=n.text)


def ecb_docs(split: str, other: bool = False):
    from sitrep.evaluation import ecbplus as E
    from sitrep.model import Document

    root = SHARED / "data" / "realnews" / "ecbplus"
    topics = E.other_topics(root) if other else (E.TUNE_TOPICS if split == "tune" else E.CHECK_TOPICS)
    for t in topics:
        for a in E.read_topic(root, t):
            yield ("ecb-other" if other else "ecb"), Document(id=a.id, text=a.text)


def mideast_docs(split: str):
    from sitrep.evaluation import realnews as rn
    from sitrep.model import Document

    for name in ("mideast", "mideast2", "mideast3", "mideast4"):
        for it in rn.read_mideast(ROOT / "benchmarks" / "data" / f"realnews_{name}.csv"):
            if it.split == split:
                yield name, Document(id=it.id, text=it.headline, title=it.headline, published=it.published)


SETS = {"mideast": mideast_docs, "seed": seed_docs, "ucdp": ucdp_docs, "muc4": muc4_docs, "wiki": wiki_docs, "rams": rams_docs,
        "ecb": ecb_docs, "other": lambda split: ecb_docs(split, other=True), "negatives": negative_docs}


def rows(docs, words=WORD):
    """The TSV rows of the strike-family events of ``docs`` ((set, Document) pairs with the word)."""
    from sitrep.pipeline import extract_documents

    names = {d.id: s for s, d in docs}
    for doc, events, _err in extract_documents([d for _, d in docs]):
        for e in events:
            word = e.trigger.text
            if not words.search(word) or AIR.search(word):
                continue
            a = max(doc.text.rfind("\n", 0, e.trigger.start), doc.text.rfind(". ", 0, e.trigger.start)) + 1
            b = min(x for x in (doc.text.find("\n", e.trigger.end), doc.text.find(". ", e.trigger.end),
                                len(doc.text)) if x >= 0)
            sentence = " ".join(doc.text[a:b + 1].split())
            yield "\t".join([names[doc.id], doc.id, word, f"{e.event_type} / {e.sub_event_type}",
                             ",".join(e.weapons), e.actor1 or "", sentence[:300]])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="seed,ucdp,mideast,muc4,wiki,rams,ecb,other,negatives")
    ap.add_argument("--split", default="tune", choices=["tune", "check"])
    ap.add_argument("--out", help="write the rows here (default stdout)")
    ap.add_argument("--hit", action="store_true", help="count events from 'hit' / 'hits' / 'hitting' too")
    args = ap.parse_args(argv)
    words = HIT if args.hit else WORD
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    for name in args.sets.split(","):
        docs = [(s, d) for s, d in SETS[name](args.split) if words.search(d.text)]
        print(f"{name}: {len(docs)} documents with the words", file=sys.stderr)
        for row in rows(docs, words):
            print(row, file=out, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
