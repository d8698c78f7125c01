"""Count the fires of the headline form rules (src/sitrep/extract/headline_no_event.py) over the tune halves of our
headline sets (mideast, mideast2, mideast3: odd publication months) and every UCDP headline of ../shared (Nigeria =
tune, Ukraine = check; all coded events): which form fires, on which set, on a headline judged an event or not, and
whether the clause rules kept an event in it. The counts stand in knowledge/headline_no_event.toml.

    python3 scripts/headline_no_event_count.py [--show]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.evaluation import realnews as rn  # noqa: E402
from sitrep.extract import document as report  # noqa: E402
from sitrep.extract.clause_model import keep_violent  # noqa: E402
from sitrep.extract.headline_no_event import refused_form  # noqa: E402
from sitrep.model import Document  # noqa: E402
from sitrep.nlp import analyze_many  # noqa: E402

SHARED = (ROOT / ".." / "shared").resolve()
DATA = ROOT / "benchmarks" / "data"


def headlines() -> list[tuple[Document, str, bool]]:
    out = []
    for name in ("mideast", "mideast2", "mideast3"):
        for it in rn.read_mideast(DATA / f"realnews_{name}.csv"):
            if it.split == "tune":
                out.append((Document(id=it.id, text=it.headline, title=it.headline, published=it.published), name,
                            it.attack))
    for country in ("nga", "ukr"):
        for u in rn.ucdp_items(SHARED, country):
            out.append((Document(id=u.id, text=u.headline, title=u.headline, published=u.published),
                        f"ucdp-{country}", True))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print each headline a form fires on")
    args = ap.parse_args(argv)
    docs = headlines()
    meta = {d.id: (s, y) for d, s, y in docs}
    fires: Counter = Counter()
    for analysis in analyze_many([d for d, _, _ in docs]):
        cands = keep_violent(report.candidates(analysis))
        form = refused_form(analysis, cands) if cands else None
        if form is None:
            continue
        name, event = meta[analysis.doc.id]
        kept = any(not c.mention.generic for c in cands)
        fires[(form, name, "event" if event else "no event", "kept" if kept else "not kept")] += 1
        if args.show:
            print(f"  {form:<8} {name:<9} {'event' if event else 'no event':<8} {analysis.doc.text}")
    print(f"{len(docs)} headlines")
    for key, n in sorted(fires.items()):
        print(f"  {' / '.join(key)}: {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
