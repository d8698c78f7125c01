"""actor1 of the seed-like reports against their gold (issue 11): which matched events name a wrong doer, which leave
a named one empty, and what the report-country rule (extract/document.name_national_forces) gave.

    python3 scripts/seedlike_actor1.py --split tune|check [--show]

Each report of the split's sets is extracted with its gold publication date (as ``benchmarks/seedlike.py``), its
events matched to the gold's by the evaluation kit's score.py, and actor1 judged by its ``score_field``: right
(named, or rightly left empty), wrong by a name, or wrong by leaving it empty ("Unidentified Armed Group" counts as
empty, as the scorer reads it). The name_national_forces fires that reach a matched event ("police" -> the state of
the report's country) are tallied apart. Choose on tune; check is for reading figures, not rows.

s43 (main at 58c6a24), tune: right named 67, right empty 15, wrong by a name 7, wrong empty 24; check: 49, 12, 20,
28. Named actor1 precision tune 0.905 / check 0.710: the tune/check gap of issue 11 on these sets. Report-country
forces tune 5 right / 0 wrong, check 2 / 7 (the force was the responder or the one attacked, "security forces" of
Andijan; or the place's state was not the force's, "Soviet troops" in Tbilisi 1989, Indonesian troops in Dili 1991):
no tune row to choose a narrowing on. After s43's _joined_doer (mentions: the ship's "United States" of amman_2005
left to the claim): tune 67 / 15 / 6 / 25 (named precision 0.918), check unchanged.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import seedlike as sl  # noqa: E402
from sitrep.extract import document as report  # noqa: E402

FIRED: list[tuple[str | None, str]] = []


def _scorer():
    spec = importlib.util.spec_from_file_location("score", sl.SCORE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _log_national_forces() -> None:
    old = report.name_national_forces

    def wrapped(m, home) -> None:
        before = m.actor1
        old(m, home)
        if m.actor1 != before and m.actor1 is not None:
            FIRED.append((before, m.actor1))

    report.name_national_forces = wrapped


def _records(folder: Path, doc: dict) -> list[dict]:
    from sitrep.ingest.text import document_from_text
    from sitrep.pipeline import event_record, extract_documents
    from sitrep.records import day_known

    path = folder / f"{doc['id']}.txt"
    day = doc.get("published")
    text = document_from_text(path.read_text(encoding="utf-8"), doc["id"],
                              published=date.fromisoformat(day) if day else None)
    return [event_record(ev) for _, events, _ in extract_documents([text]) for ev in events if day_known(ev)]


def judge(split: str, show: bool) -> tuple[dict[str, int], dict[str, int]]:
    """(actor1 tally, report-country forces tally) over the split's matched events."""
    sc = _scorer()
    tally = dict.fromkeys(("right named", "right empty", "wrong name", "wrong empty"), 0)
    forces = {"right": 0, "wrong": 0}
    for name, (folder, gold) in sl.sets().items():
        if name not in sl.SPLIT[split]:
            continue
        for doc in json.loads(gold.read_text())["documents"]:
            FIRED.clear()
            records = _records(folder, doc)
            states = {after: before for before, after in FIRED}
            for gi, si in sc.match(doc["events"], records).items():
                want, got = doc["events"][gi]["actor1"], records[si].get("actor1")
                ok = sc.score_field("actor1", doc["events"][gi], records[si])
                kind = ("right " if ok else "wrong ") + (
                    ("empty" if want is None else "named") if ok else ("empty" if sc.is_unknown(got) else "name"))
                tally[kind] += 1
                if got in states:
                    forces["right" if ok else "wrong"] += 1
                if show and not ok:
                    print(f"{kind:11} {name}/{doc['id']}: {got!r} | gold {want}")
    return tally, forces


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=sorted(sl.SPLIT), required=True)
    ap.add_argument("--show", action="store_true", help="print each wrong actor1")
    args = ap.parse_args(argv)
    if not sl.SCORE.exists():
        print(f"needs {sl.SCORE} (the evaluation kit beside the repository)")
        return 0
    _log_national_forces()
    tally, forces = judge(args.split, args.show)
    named = tally["right named"] + tally["wrong name"]
    print(f"{args.split}: " + ", ".join(f"{k} {v}" for k, v in tally.items())
          + f"; named precision {tally['right named'] / named if named else 0:.3f}")
    print(f"report-country forces (name_national_forces) on matched events: {forces}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
