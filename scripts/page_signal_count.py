"""Count the page-level signal of extract/page_signal.py over real pages and our own: for each page, whether its
clause candidates (after the clause model) show violence by one of the five signs. A page that shows none loses
every event. Pages about other things (ECB+ topics about celebrities, sport, quakes, technology, deaths;
newspaper4k's news pages; our everyday pages) are where it should fire; pages about violence (ECB+ violent topics,
MUC-4 reports with a relevant template, WikiEvents, our reports with gold events) are where it must not. Prints per
group and split: pages with candidates, pages the signal finds no violence on, and the latter's ids.

    python3 scripts/page_signal_count.py [--groups ecb_other,ecb_violent,n4k,muc4,wikievents,ours_events,ours_pages]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from realnews_negatives_pool import ECB_TOPICS, SHARED, split_of  # noqa: E402

from sitrep.evaluation import realnews as rn  # noqa: E402
from sitrep.evaluation.ecbplus import VIOLENT_TOPICS  # noqa: E402
from sitrep.model import Document  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def pages(group: str):
    """(id, split, Document) of the group's pages."""
    if group in ("ecb_other", "ecb_violent"):
        for t in (ECB_TOPICS if group == "ecb_other" else tuple(VIOLENT_TOPICS)):
            for p in sorted((SHARED / f"data/realnews/ecbplus/{t}").glob("*.xml")):
                src = str(p.relative_to(SHARED))
                yield src, split_of("ecb", src), Document(id=src, text=rn.source_text(SHARED, src, ""))
    elif group == "n4k":
        for p in sorted((SHARED / "data/ingestion/newspaper4k/txt").glob("*.txt")):
            src = str(p.relative_to(SHARED))
            yield src, split_of("pages", src), Document(id=src, text=p.read_text(encoding="utf-8"))
    elif group == "muc4":
        from sitrep.evaluation import muc4

        for name, key in (("tst1-muc3", "key-tst1.v7"), ("tst2-muc4", "key-tst2.v4")):
            rel = {t.doc_id for t in muc4.read_keys(SHARED / "data/muc4/keys" / key) if t.relevant}
            for d in muc4.read_docs(SHARED / "data/muc4/docs" / name):
                yield d.id, "relevant" if d.id in rel else "irrelevant", muc4.document_for(d)
    elif group == "wikievents":
        with open(SHARED / "data/realnews/wikievents/dev.jsonl", encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                yield d["doc_id"], "all", Document(id=d["doc_id"], text=d["text"])
    elif group in ("ours_events", "ours_pages"):
        for gold in sorted(DATA.glob("*_gold.json")):
            folder = DATA / gold.name.removesuffix("_gold.json")
            for doc in json.loads(gold.read_text())["documents"]:
                path = folder / f"{doc['id']}.txt"
                if path.exists() and bool(doc["events"]) == (group == "ours_events"):
                    split = "check" if folder.name == "fresh18_reports" else "tune"
                    yield str(path.relative_to(DATA)), split, Document(id=doc["id"], text=path.read_text())


def main(argv: list[str] | None = None) -> int:
    from sitrep.extract import document as report
    from sitrep.extract.clause_model import keep_violent
    from sitrep.extract.page_signal import tells_violence
    from sitrep.nlp import analyze

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--groups", default="ecb_other,n4k,ours_pages,ours_events,ecb_violent,wikievents,muc4")
    args = ap.parse_args(argv)
    for group in args.groups.split(","):
        tally: dict[str, list] = {}
        for pid, split, doc in pages(group):
            analysis = analyze(doc)
            cands = keep_violent(report.candidates(analysis))
            row = tally.setdefault(split, [0, 0, []])
            if cands:
                row[0] += 1
                if not tells_violence(cands, doc.text, len(analysis.sentences)):
                    row[1] += 1
                    row[2].append(pid)
        for split, (n, none, ids) in sorted(tally.items()):
            print(f"{group:12} {split:10} pages with candidates {n:4}  no sign of violence {none:4}  {' '.join(ids)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
