"""Count how old the events sitrep keeps are, relative to their report's date: the years between the report's day
(its publication date, or the day inferred from its text) and each kept event's day, over real news (MUC-4 DEV
and TST1+2, ECB+ with its fixed tune / check halves, WikiEvents, RAMS dev) and our own reports (tune = even
fresh sets, check = odd; the reports with gold events apart from the everyday pages). An event told with a day
more than N years before its report is history told on the page, not news: on the real news every such event a
rule drops is a fire that is wrong (their events are told as news), on the everyday pages one that is right.
Prints, per group and split, the kept events with a day, and how many lie more than N years before the report for
each N of ``--years``; ``--show`` lists the old ones; ``--off`` counts with events.toml [page] history_years
turned off (the events the rule would drop).

    python3 scripts/history_count.py --off [--groups muc4dev,muc4tst,ecb,wikievents,rams,ours_events,ours_pages]
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from realnews_negatives_pool import SHARED, split_of  # noqa: E402

from sitrep.evaluation import realnews as rn  # noqa: E402
from sitrep.model import Document  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def pages(group: str, limit: int):
    """(id, split, Document) of the group's reports."""
    if group in ("muc4dev", "muc4tst"):
        from sitrep.evaluation import muc4

        names = ([p.name for p in sorted((SHARED / "data/muc4/docs").glob("dev-*"))] if group == "muc4dev"
                 else ["tst1-muc3", "tst2-muc4"])
        for name in names:
            for d in muc4.read_docs(SHARED / "data/muc4/docs" / name)[:limit or None]:
                yield d.id, name[:4], muc4.document_for(d)
    elif group == "ecb":
        for p in sorted((SHARED / "data/realnews/ecbplus").glob("*/*.xml")):
            src = str(p.relative_to(SHARED))
            yield src, split_of("ecb", src), Document(id=src, text=rn.source_text(SHARED, src, ""))
    elif group == "wikievents":
        with open(SHARED / "data/realnews/wikievents/dev.jsonl", encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                yield d["doc_id"], "dev", Document(id=d["doc_id"], text=d["text"])
    elif group == "rams":
        src = "data/realnews/rams/dev.jsonlines"
        with open(SHARED / src, encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if limit and i >= limit:
                    break
                d = json.loads(line)
                yield d["doc_key"], "dev", Document(id=d["doc_key"], text=rn.source_text(SHARED, src, d["doc_key"]))
    elif group in ("ours_events", "ours_pages"):
        for gold in sorted(DATA.glob("fresh*_gold.json")) + [DATA / "everyday_pages_gold.json"]:
            folder = DATA / gold.name.removesuffix("_gold.json")
            digits = "".join(ch for ch in folder.name if ch.isdigit())
            split = "tune" if not digits or int(digits) % 2 == 0 else "check"  # everyday_pages: tune (seen)
            for doc in json.loads(gold.read_text())["documents"]:
                path = folder / f"{doc['id']}.txt"
                day = doc.get("published")
                if path.exists() and bool(doc["events"]) == (group == "ours_events"):
                    yield (str(path.relative_to(DATA)), split,
                           Document(id=doc["id"], text=path.read_text(encoding="utf-8"),
                                    published=date.fromisoformat(day) if day else None))


def main(argv: list[str] | None = None) -> int:
    from sitrep.pipeline import extract_documents
    from sitrep.records import day_known
    from sitrep.resolve.event_time import report_date

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--groups", default="ours_pages,ours_events,muc4dev,muc4tst,ecb,wikievents,rams")
    ap.add_argument("--years", default="2,5,10,15,20,30,50", help="comma-separated N")
    ap.add_argument("--limit", type=int, default=0, help="at most N documents per file (quick runs)")
    ap.add_argument("--show", action="store_true", help="list the events more than the smallest N years old")
    ap.add_argument("--off", action="store_true", help="count with events.toml [page] history_years turned off")
    args = ap.parse_args(argv)
    if args.off:
        from sitrep.extract.lexicon import load_lexicon

        object.__setattr__(load_lexicon(), "page_history_years", 0)  # the rule off: the events it would drop
    years = [int(y) for y in args.years.split(",")]
    for group in args.groups.split(","):
        tally: dict[str, list] = {}
        docs = list(pages(group, args.limit))
        for (pid, split, _), (doc, events, _) in zip(docs, extract_documents([d for _, _, d in docs]), strict=True):
            row = tally.setdefault(split, [0, 0, [0] * len(years), []])
            row[0] += 1
            told, _ = report_date(doc)
            for ev in events:
                if not day_known(ev) or ev.date is None:
                    continue
                row[1] += 1
                if told is None:
                    continue
                age = (told - ev.date).days / 365.25
                for i, n in enumerate(years):
                    row[2][i] += age > n
                if age > years[0]:
                    row[3].append(f"{pid} {ev.date} ({age:.0f} y)")
        for split, (n, kept, over, old) in sorted(tally.items()):
            print(f"{group:11} {split:6} reports {n:5}  events with a day {kept:5}  more than N years before: "
                  + "  ".join(f"{y}:{c}" for y, c in zip(years, over, strict=True)), flush=True)
            if args.show:
                for line in old:
                    print("   ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
