"""Seed-like reports: every set of short multi-event reports of our own writing (``tests/data/*_reports`` with a
``*_gold.json`` beside it, and ``tests/data/everyday_pages``), scored by the evaluation kit's ``score.py`` the way
the sealed set is: each report with its gold publication date, and again with no date at all (the day inferred
from the text; events whose day cannot be known are left out, as ``sitrep extract`` does).

Each set was measured once before anything was fitted to it; that first figure is written in its gold's "about"
and in its commit. Every later figure of a set is a SEEN figure: it says what the fixes did, not how sitrep does on
news it never saw (that is the sealed figure in ../shared/eval/SEALED.md). Prints a table; asserts nothing.

    python3 benchmarks/seedlike.py [--sets fresh6,fresh7] [--split tune|check] [--verbose]

Split for choosing rules on these sets (fixed in session 35, before any rule was chosen on it, by parity; extended
by the same rule in sessions 36, 37, 38, 39, 40, 41 and 42): TUNE = fresh2, fresh4, ..., fresh30 (even numbers), CHECK =
fresh3, fresh5, ..., fresh29 (odd numbers). A rule is chosen on the tune sets only; the check sets are read once per
change and their figure reported beside the tune one.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "src") not in sys.path:  # measure this checkout, never an installed sitrep of another
    sys.path.insert(0, str(REPO / "src"))
DATA = REPO / "tests" / "data"
SCORE = REPO.parent / "shared" / "eval" / "score.py"
SPLIT = {"tune": tuple(f"fresh{n}" for n in range(2, 31, 2)), "check": tuple(f"fresh{n}" for n in range(3, 30, 2))}
_LINE = re.compile(r"events gold=(\d+) system=(\d+) matched=(\d+)\s+P=([\d.]+) R=([\d.]+) F1=([\d.]+) fields=([\d.]+)")


def sets() -> dict[str, tuple[Path, Path]]:
    """name -> (folder of .txt reports, gold file): dev, fresh .. freshN in the order they were written, the rest."""
    out = {}
    for gold in DATA.glob("*_gold.json"):
        folder = DATA / gold.name.removesuffix("_gold.json")
        if folder.is_dir() and any(folder.glob("*.txt")):
            out[folder.name.removesuffix("_reports")] = (folder, gold)
    return dict(sorted(out.items(), key=lambda kv: (kv[0] != "dev", _order(kv[0]), kv[0])))


def _order(name: str) -> int:
    digits = re.sub(r"\D", "", name)
    return int(digits) if digits else (1 if name.startswith("fresh") else 99)


def extract(folder: Path, gold: Path, with_dates: bool) -> list[dict]:
    from sitrep.ingest.text import document_from_text
    from sitrep.pipeline import event_record, extract_documents
    from sitrep.records import day_known

    published = {d["id"]: d.get("published") for d in json.loads(gold.read_text())["documents"]}
    docs = []
    for path in sorted(folder.glob("*.txt")):
        day = published.get(path.stem) if with_dates else None
        docs.append(document_from_text(path.read_text(encoding="utf-8"), path.stem,
                                       published=date.fromisoformat(day) if day else None))
    return [event_record(ev) for _, events, _ in extract_documents(docs) for ev in events if day_known(ev)]


def score(gold: Path, records: list[dict], verbose: bool) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(records, fh)
    res = subprocess.run([sys.executable, str(SCORE), "--gold", str(gold), "--system", fh.name, "--verbose"],
                         capture_output=True, text=True)
    Path(fh.name).unlink()
    if verbose:
        print(res.stdout)
    m = _LINE.search(res.stdout)
    if m is None:
        return {"error": (res.stdout + res.stderr)[-300:]}
    g, s, k = (int(x) for x in m.groups()[:3])
    return {"gold": g, "system": s, "matched": k, "f1": float(m.group(6)), "fields": float(m.group(7))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", help="comma-separated set names (default: all)")
    ap.add_argument("--split", choices=sorted(SPLIT), help="the tune or the check sets (SPLIT)")
    ap.add_argument("--verbose", action="store_true", help="print the scorer's per-event lines")
    ap.add_argument("--pages", action="store_true", help="also count the events (with dates) on the reports whose "
                    "gold has none (the everyday pages of the sets), and name them")
    args = ap.parse_args(argv)
    if not SCORE.exists():
        print(f"needs {SCORE} (the evaluation kit beside the repository)")
        return 0
    chosen = sets()
    if args.sets:
        chosen = {k: v for k, v in chosen.items() if k in args.sets.split(",")}
    if args.split:
        chosen = {k: v for k, v in chosen.items() if k in SPLIT[args.split]}
    print(f"{'set':16} {'gold':>4}  {'with dates: F1  fields  extra':>30}  {'without: F1  fields':>22}")
    totals = {"with": [0, 0, 0], "without": [0, 0, 0], "pages": [0, 0]}
    for name, (folder, gold) in chosen.items():
        records = extract(folder, gold, True)
        dated = score(gold, records, args.verbose)
        if args.pages:
            pages = page_false(gold, records)
            totals["pages"] = [totals["pages"][0] + pages[0], totals["pages"][1] + sum(pages[1].values())]
            print(f"  {name}: {pages[0]} pages, false events {dict(pages[1])}")
        bare = score(gold, extract(folder, gold, False), args.verbose)
        if "error" in dated or "error" in bare:
            print(f"{name:16} scorer failed: {dated.get('error') or bare.get('error')}")
            continue
        extra = dated["system"] - dated["matched"]
        print(f"{name:16} {dated['gold']:>4}  {dated['f1']:>18.3f}  {dated['fields']:.3f}  {extra:>5}  "
              f"{bare['f1']:>15.3f}  {bare['fields']:.3f}")
        for how, res in (("with", dated), ("without", bare)):
            totals[how] = [t + res[k] for t, k in zip(totals[how], ("gold", "system", "matched"), strict=True)]
    if len(chosen) > 1:
        (g, s, k), (g2, s2, k2) = totals["with"], totals["without"]
        print(f"{'all (pooled)':16} {g:>4}  {2 * k / (g + s) if g + s else 0:>18.3f}  {'':5}  {s - k:>5}  "
              f"{2 * k2 / (g2 + s2) if g2 + s2 else 0:>15.3f}   (events: with {s} sys / {k} matched; "
              f"without {s2} / {k2})")
    if args.pages:
        print(f"pages (no gold event): {totals['pages'][0]}, false events on them (with dates): {totals['pages'][1]}")
    return 0


def page_false(gold: Path, records: list[dict]) -> tuple[int, dict[str, int]]:
    """The reports of a set whose gold has no event, and the events extracted from each of them."""
    empty = {d["id"] for d in json.loads(gold.read_text())["documents"] if not d["events"]}
    false: dict[str, int] = {}
    for r in records:
        if r.get("document") in empty:
            false[r["document"]] = false.get(r["document"], 0) + 1
    return len(empty), false


if __name__ == "__main__":
    raise SystemExit(main())
