"""Draw the pool of candidate negative sentences for benchmarks/data/realnews_negatives.csv: sentences of real
texts in ../shared that pass sitrep's screen (a trigger or weapon word), from sources whose topic is not violence
(LGL, TimeBank, TE3, ECB+ topics about other things, RAMS windows whose event is not attack/die/injure, news pages).
Each was then read and labelled by hand; the ones that do report violence were dropped. Prints
``source<TAB>doc<TAB>start<TAB>end<TAB>split<TAB>text`` (a fixed seed, so the pool is the same each time).

    python3 scripts/realnews_negatives_pool.py > /tmp/pool.tsv
    python3 scripts/realnews_negatives_pool.py --hard > /tmp/hard.tsv

``--hard`` draws the second block of the file (issue 11, everyday news): every screened sentence of the TUNE-split
documents that the file does not hold yet, with the clause model's highest probability among its clauses (an armed
clause counts as 1), where that is at least the model's ``report_threshold`` (0.19 then): the hard cases, each then
read and labelled by hand (``p`` is printed before the text).
"""
from __future__ import annotations

import json
import random
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sitrep.evaluation import realnews as rn  # noqa: E402
from sitrep.nlp.screen import screen  # noqa: E402
from sitrep.nlp.sentences import split_sentences  # noqa: E402

SHARED = (Path(__file__).resolve().parents[1] / ".." / "shared").resolve()
# ECB+ topics about other things than violence (celebrities, sport, business, elections, earthquakes, fires)
ECB_TOPICS = (1, 2, 4, 5, 6, 7, 9, 10, 11, 14, 20, 23, 25, 27, 28, 29, 30, 31, 34, 37, 38, 39, 40, 42, 43, 44)
CAPS = {"lgl": 170, "timebank": 170, "te3": 30, "ecb": 180, "rams": 150, "pages": 70}


def split_of(source: str, doc: str) -> str:
    """tune / check by source document, fixed."""
    return "tune" if zlib.crc32(f"{source}#{doc}".encode()) % 2 == 0 else "check"


def documents():
    """(group, source, doc, text) of every candidate document."""
    for doc, text in rn._lgl(SHARED).items():
        yield "lgl", "data/geoparsing/lgl.xml", doc, text
    for p in sorted((SHARED / "data/timeml/TimeBank").glob("*.tml")):
        yield "timebank", str(p.relative_to(SHARED)), "", rn.source_text(SHARED, str(p.relative_to(SHARED)), "")
    for p in sorted((SHARED / "data/timeml/te3-platinum").glob("*.tml")):
        yield "te3", str(p.relative_to(SHARED)), "", rn.source_text(SHARED, str(p.relative_to(SHARED)), "")
    for t in ECB_TOPICS:
        for p in sorted((SHARED / f"data/realnews/ecbplus/{t}").glob("*.xml")):
            yield "ecb", str(p.relative_to(SHARED)), "", rn.source_text(SHARED, str(p.relative_to(SHARED)), "")
    for split in ("dev", "test"):
        src = f"data/realnews/rams/{split}.jsonlines"
        with open(SHARED / src, encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                etype = d["evt_triggers"][0][2][0][0]
                if not etype.startswith(rn.FAMILIES + ("conflict.", "justice.")):
                    yield "rams", src, d["doc_key"], rn.source_text(SHARED, src, d["doc_key"])
    for p in sorted((SHARED / "data/ingestion/newspaper4k/txt").glob("*.txt")):
        yield "pages", str(p.relative_to(SHARED)), "", p.read_text(encoding="utf-8")


def hard() -> None:
    import csv

    from sitrep.extract import candidates
    from sitrep.extract.clause_model import armed, clause_features, clause_model
    from sitrep.model import Document
    from sitrep.nlp import analyze_many

    data = Path(__file__).resolve().parents[1] / "benchmarks" / "data"
    have = set()
    for path in (data / "realnews_negatives.csv", data / "realnews_hard_negatives.csv"):
        with open(path, encoding="utf-8", newline="") as fh:
            have |= {(r["source"], r["doc"], int(r["start"]))
                     for r in csv.DictReader(line for line in fh if not line.startswith("#"))}
    items = [(source, doc, s.start, s.end, " ".join(s.text.split())) for _, source, doc, text in documents()
             if split_of(source, doc) == "tune" for s in split_sentences(text)
             if 5 <= len(s.text.split()) <= 60 and screen(s.text) and (source, doc, s.start) not in have]
    model = clause_model()
    for a in analyze_many([Document(id=str(i), text=it[4]) for i, it in enumerate(items)]):
        probs = [1.0 if armed(c) else model.probability(clause_features(c)) for c in candidates(a)
                 if not c.mention.generic]
        if max(probs, default=0.0) >= model.report_threshold:
            source, doc, start, end, text = items[int(a.doc.id)]
            print("\t".join([source, doc, str(start), str(end), "tune", f"{max(probs):.3f}", text]))


def main() -> None:
    if "--hard" in sys.argv[1:]:
        hard()
        return
    pools: dict[str, list] = {g: [] for g in CAPS}
    for group, source, doc, text in documents():
        for s in split_sentences(text):
            if 5 <= len(s.text.split()) <= 60 and screen(s.text):
                pools[group].append((source, doc, s.start, s.end, s.text))
    rng = random.Random(11)
    for group, cap in CAPS.items():
        pool = pools[group]
        rng.shuffle(pool)
        for source, doc, a, b, text in sorted(pool[:cap]):
            print("\t".join([source, doc, str(a), str(b), split_of(source, doc), " ".join(text.split())]))


if __name__ == "__main__":
    main()
