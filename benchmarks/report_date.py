"""The report's date inferred from its text, on real documents whose date is known.

    python3 benchmarks/report_date.py [--errors N] [--no-pipeline] [--yearless]

Each document's metadata date is taken away and only the body is read, as a user would paste it:

- TUNE: TimeBank (``../shared/data/timeml/TimeBank``), the document creation time (DCT) as the truth; the rules of
  ``infer_report_date`` are chosen on this set only;
- TUNE: MUC-4 DEV (``../shared/data/muc4/docs/dev-*``, 1,300 FBIS reports): the dateline ("SAN SALVADOR, 3 JAN 90
  (ACAN-EFE) --") gives the truth and the whole header up to ``[TEXT]`` (or the dateline's ``--``) is taken away;
- CHECK: TE3-platinum (``../shared/data/timeml/te3-platinum``, DCT), the English newspaper4k pages
  (``../shared/data/ingestion/newspaper4k``: ``txt/`` body text, ``metadata/`` publication date), MUC-4 TST1 and TST2
  (as DEV; TST3 and TST4 are not in ../shared) and ECB+ (``../shared/data/realnews/ecbplus``, the ``*ecbplus``
  articles, all topics): an article's date is read from its own head, the publication line under the title
  ("Published: March 13, 2013", "Updated Thu 6 May 2010"), else a dated dateline, else a day in the address of its
  first line; the address line and the line that gave the date are taken away (the ``*ecb`` articles have none of
  these and are left out). Reported only.

Per set: the share of documents given a date, and of all documents the share exact, within 1 day (the scorer's
tolerance for an event), within 7 days and in the right year; then the error kinds: no answer, a wrong year, an
earlier date in the right year (an event's date taken for the report's), a later one (a plan, a due date).

``--yearless`` puts a wire dateline with the true month and day but no year before each body ("LONDON, May 26
(Reuters) - ..."), as Reuters and AP write them, and scores the same way: how often the year of such a report is
found from its body (the weekdays it tells, the years it names), on the same tune and check sets.

Then the pipeline on our own reports without ``--published``: the evaluation kit's scorer (``score.py``) on the
seed, ``tests/data/seed_variants`` (the seed's gold), ``tests/data/dev_reports`` and ``tests/data/undated_reports``
(reports written here, no date line, never tuned on), with the report date each was given.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from sitrep.resolve.time import infer_report_date  # noqa: E402
from timex import read_tml  # noqa: E402

SHARED = Path(os.environ.get("SITREP_SHARED") or ROOT / ".." / "shared").resolve()
TIMEML = SHARED / "data" / "timeml"
NEWSPAPER = SHARED / "data" / "ingestion" / "newspaper4k"
MUC4 = SHARED / "data" / "muc4" / "docs"
ECBPLUS = SHARED / "data" / "realnews" / "ecbplus"
SEED = SHARED / "seed" / "000_ae200f296289012f.txt"
SEED_GOLD = SHARED / "eval" / "seed-gold.json"
SCORE = SHARED / "eval" / "score.py"
DATA = ROOT / "tests" / "data"
KINDS = ("right", "no answer", "wrong year", "earlier date told", "later date told")


@dataclass
class Item:
    name: str
    text: str
    truth: date


def timeml_items(corpus: str) -> list[Item]:
    out = []
    for path in sorted((TIMEML / corpus).glob("*.tml")):
        doc = read_tml(path)
        if doc.dct is not None:
            out.append(Item(path.stem, doc.text, doc.dct))
    return out


def newspaper_items() -> list[Item]:
    """English pages with a publication date in their metadata; the body text of ``txt/`` (no title, no date)."""
    out = []
    for meta in sorted((NEWSPAPER / "metadata").glob("*.json")):
        info = json.loads(meta.read_text(encoding="utf-8"))
        body = NEWSPAPER / "txt" / f"{meta.stem}.txt"
        published = str(info.get("publish_date") or "")[:10]
        if info.get("language") != "en" or not published or not body.exists():
            continue
        out.append(Item(meta.stem, body.read_text(encoding="utf-8"), date.fromisoformat(published)))
    return out


def muc4_items(pattern: str) -> list[Item]:
    """MUC-4 reports whose dateline has a full date; the text after the header (``[TEXT]`` or the dateline's
    ``--``), so that no part of the dateline is read."""
    from sitrep.evaluation.muc4 import read_docs

    out = []
    for path in sorted(MUC4.glob(pattern)):
        for doc in read_docs(path):
            if doc.report_date is not None and doc.body_start:
                out.append(Item(doc.id, doc.text[doc.body_start:], doc.report_date))
    return out


def ecbplus_items() -> list[Item]:
    """ECB+ articles dated by their own head (publication line, else dated dateline, else the address's day),
    with the address line and the dated line taken away."""
    from sitrep.evaluation.ecbplus import read_article
    from sitrep.resolve.timex.dateline import _head_url, parse_dateline, parse_posted, url_date

    out = []
    for path in sorted(ECBPLUS.glob("*/*ecbplus.xml"), key=lambda p: (int(p.parent.name), p.stem)):
        text = read_article(path, int(path.parent.name), set()).text
        posted, dl = parse_posted(text), parse_dateline(text)
        url = _head_url(text)
        truth = posted.date if posted else dl.date if dl and dl.date else url_date(url)
        if truth is None:
            continue
        drop = [line.span for line in (posted, dl) if line is not None]
        lines = []
        pos = 0
        for line in text.split("\n"):
            end = pos + len(line)
            if not (url and url in line) and not any(s.start < end and pos < s.end for s in drop):
                lines.append(line)
            pos = end + 1
        out.append(Item(path.stem, "\n".join(lines), truth))
    return out


# the months as wires write them in a dateline ("SOUSSE, Tunisia, June 27 (Reuters) -", "BAGHDAD, Dec 8 (Reuters) -")
_WIRE_MONTHS = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")


def yearless(items: list[Item]) -> list[Item]:
    """Each body behind a wire dateline that gives the true month and day but no year ("LONDON, May 26 (Reuters) -
    ..."), as Reuters and AP write them: how well the year (and so the day) of such a report is found from its
    body. The dateline is written in capitals before an ALL-CAPS body."""
    out = []
    for it in items:
        line = f"LONDON, {_WIRE_MONTHS[it.truth.month - 1]} {it.truth.day} (Reuters) - "
        body = it.text.lstrip()
        letters = [ch for ch in body[:2000] if ch.isalpha()]
        if letters and sum(ch.isupper() for ch in letters) > 0.8 * len(letters):
            line = line.upper()
        out.append(Item(it.name, line + body, it.truth))
    return out


def kind(got: date | None, truth: date) -> str:
    if got is None:
        return "no answer"
    if abs((got - truth).days) <= 1:
        return "right"
    if got.year != truth.year:
        return "wrong year"
    return "earlier date told" if got < truth else "later date told"


# the rule that gave an answer, read off its reason
RULES = (("told as today", "today"), ("after a date label", "date label"), ("on a line of its own", "date line"),
         ("publication line", "publication line"), ("report's address", "address"),
         ("the year nearest", "dateline day, told year"), ("latest year in which", "dateline day, latest year"),
         ("from the text", "dateline day, year of a told date"), ("dateline", "dateline"),
         ("then the", "latest day told, then weekday"), ("(a lower bound)", "latest day told, lower bound"),
         ("latest day-precision", "latest day told"))


def rule_of(why: str) -> str:
    return next((name for cue, name in RULES if cue in why), "other")


def _rate(k: int, n: int) -> str:
    return f"{k / n:.3f}" if n else "-"


def score_set(items: list[Item]) -> tuple[Counter, list[tuple[str, date, date | None, str]]]:
    c: Counter = Counter()
    wrong = []
    for it in items:
        got, why = infer_report_date(it.text)
        c["n"] += 1
        c["answered"] += got is not None
        if got is not None:
            off = abs((got - it.truth).days)
            c["exact"] += off == 0
            c["day"] += off <= 1
            c["week"] += off <= 7
            c["year"] += got.year == it.truth.year
        k = kind(got, it.truth)
        c[k] += 1
        if got is not None:
            c[("rule", rule_of(why), k == "right")] += 1
        if k != "right":
            wrong.append((it.name, it.truth, got, why))
    return c, wrong


def print_set(label: str, items: list[Item], errors: int) -> Counter:
    c, wrong = score_set(items)
    n = c["n"] or 1
    print(f"{label}: {c['n']} documents  answered {c['answered'] / n:.3f} ({c['answered']})  exact {c['exact'] / n:.3f}"
          f"  within 1 day {c['day'] / n:.3f} ({c['day']})  within 7 days {c['week'] / n:.3f}  right year "
          f"{c['year'] / n:.3f}")
    kinds = "  ".join(f"{k} {c[k]}" for k in KINDS)
    right = c["right"] / c["answered"] if c["answered"] else 0.0
    print(f"  kinds: {kinds}   (of the answers, right within 1 day: {right:.3f})")
    rules = sorted({key[1] for key in c if isinstance(key, tuple)})
    if rules:
        print("  by rule (right / wrong): " + ", ".join(f"{r} {c[('rule', r, True)]}/{c[('rule', r, False)]}"
                                                      for r in rules))
    for name, truth, got, why in wrong[:errors]:
        if got is not None or errors > 50:
            print(f"    {name}: true {truth} got {got}: {why[:110]}")
    return c


# ---- the pipeline on our own reports, no publication date -----------------------------------------------------------
def _seed_like_gold(stems: list[str]) -> dict:
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    seed = gold["documents"][0]
    return {"documents": [dict(seed, id=s) for s in stems]}


def _score(paths: list[Path], gold: dict, label: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        out, gold_file = Path(tmp) / "out.json", Path(tmp) / "gold.json"
        gold_file.write_text(json.dumps(gold), encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
        with open(out, "w", encoding="utf-8") as fh:
            subprocess.run([sys.executable, "-m", "sitrep.cli", "extract", *map(str, paths), "--format", "json",
                            "--quiet"], stdout=fh, check=False, env=env)
        res = subprocess.run([sys.executable, str(SCORE), "--gold", str(gold_file), "--system", str(out)],
                             capture_output=True, text=True, check=False)
    last = (res.stdout.strip().splitlines() or ["(no output)"])[-1]
    print(f"  {label:<34} {last}")
    return last


def _dates_given(paths: list[Path]) -> None:
    from sitrep.ingest import read_paths
    from sitrep.resolve.event_time import report_date

    for doc in read_paths([str(p) for p in paths]):
        got, why = report_date(doc)  # type: ignore[arg-type]
        print(f"    {Path(doc.id).name if doc.id else '?':<28} {got}  ({why[:90]})")


def pipeline() -> None:
    if not SCORE.exists():
        print("pipeline: skipped (needs ../shared/eval/score.py)")
        return
    print("\npipeline without --published (score.py: events matched when the date is within one day):")
    groups = []
    if SEED.exists():
        groups.append(("seed", [SEED], json.loads(SEED_GOLD.read_text(encoding="utf-8"))))
        variants = sorted((DATA / "seed_variants").glob("*.txt"))
        groups.append(("seed_variants", variants, _seed_like_gold([p.stem for p in variants])))
    for name in ("dev_reports", "undated_reports"):
        gold = DATA / f"{name}_gold.json"
        if gold.exists():
            groups.append((name, sorted((DATA / name).glob("*.txt")), json.loads(gold.read_text(encoding="utf-8"))))
    for label, paths, gold in groups:
        _score(paths, gold, label)
        if label in ("seed_variants", "undated_reports"):
            _dates_given(paths)


# ---- every set of our own reports, with each file's gold publication date and without ------------------------------
SETS = ("dev_reports", "undated_reports", "fresh_reports", "fresh2_reports", "fresh3_reports", "fresh4_reports",
        "fresh5_reports")


def _records(paths: list[Path], published: dict[str, date | None]) -> list[dict]:
    from sitrep.ingest import ReadFailure, read_paths
    from sitrep.pipeline import event_record, extract_documents

    docs = []
    for p in paths:
        docs += [d for d in read_paths([str(p)], published=published.get(p.stem)) if not isinstance(d, ReadFailure)]
    return [event_record(ev) for _doc, events, _err in extract_documents(docs) for ev in events]


def _score_records(records: list[dict], gold: dict) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        out, gold_file = Path(tmp) / "out.json", Path(tmp) / "gold.json"
        gold_file.write_text(json.dumps(gold), encoding="utf-8")
        out.write_text(json.dumps(records, default=str), encoding="utf-8")
        res = subprocess.run([sys.executable, str(SCORE), "--gold", str(gold_file), "--system", str(out)],
                             capture_output=True, text=True, check=False)
    return (res.stdout.strip().splitlines() or ["(no output)"])[-1]


def sets() -> None:
    """Each set scored twice: every file with its gold ``published`` (as ``--published`` would give it), and
    with none (the date inferred from the text)."""
    groups = []
    if SEED.exists():
        groups.append(("seed", [SEED], json.loads(SEED_GOLD.read_text(encoding="utf-8"))))
    for name in SETS:
        gold = DATA / f"{name}_gold.json"
        if gold.exists():
            groups.append((name, sorted((DATA / name).glob("*.txt")), json.loads(gold.read_text(encoding="utf-8"))))
    for label, paths, gold in groups:
        given = {d["id"]: date.fromisoformat(d["published"]) for d in gold["documents"] if d.get("published")}
        for how, published in (("published", given), ("none", {})):
            print(f"  {label:<16} {how:<9} {_score_records(_records(paths, published), gold)}", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="list N wrong answers of each set")
    ap.add_argument("--no-pipeline", action="store_true", help="only the inference on the corpora")
    ap.add_argument("--sets", action="store_true", help="only our sets, with and without each file's gold date")
    ap.add_argument("--yearless", action="store_true",
                    help="each body behind a wire dateline with its true month and day but no year (no pipeline)")
    args = ap.parse_args(argv)
    wrap = yearless if args.yearless else list
    if args.sets:
        sets()
        return 0
    if not (TIMEML / "TimeBank").is_dir():
        print(f"needs {TIMEML}/TimeBank")
        return 1
    tune = print_set("TUNE TimeBank", wrap(timeml_items("TimeBank")), args.errors)
    muc_dev = print_set("TUNE MUC-4 DEV", wrap(muc4_items("dev-*")), args.errors) if MUC4.is_dir() else None
    check_te3 = print_set("CHECK TE3-platinum", wrap(timeml_items("te3-platinum")), args.errors)
    check_np = print_set("CHECK newspaper4k (English)", wrap(newspaper_items()), args.errors) if NEWSPAPER.is_dir() else None
    muc_tst = print_set("CHECK MUC-4 TST1+TST2", wrap(muc4_items("tst*")), args.errors) if MUC4.is_dir() else None
    ecb = print_set("CHECK ECB+ (dated by their head)", wrap(ecbplus_items()), args.errors) if ECBPLUS.is_dir() else None
    if not args.no_pipeline and not args.yearless:
        pipeline()
    line = f"tune day={tune['day'] / tune['n']:.3f} answered={tune['answered'] / tune['n']:.3f}"
    line += f" check_te3 day={check_te3['day'] / check_te3['n']:.3f}"
    if check_np:
        line += f" check_newspaper4k day={check_np['day'] / check_np['n']:.3f}"
    for name, c in (("tune_muc4_dev", muc_dev), ("check_muc4_tst", muc_tst), ("check_ecbplus", ecb)):
        if c:
            line += f" {name} day={_rate(c['day'], c['n'])} answered={_rate(c['answered'], c['n'])}"
    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
