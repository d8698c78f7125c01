"""Where sitrep loses the RAMS dev (tune) attack / die / injure windows: for every tune window, the stage that
decides (scripts/clause_misses.py ``stages``: screen, no_trigger, reference, generic, model_no, plural_no_day,
not_specific, merged_away, wrong_family, kept), with two more readings of a miss: ``elsewhere`` (an event of the
right family is found in the window, but in another sentence) and, for ``no_trigger``, whether the gold trigger
word is in events.toml at all (``lex=in`` / ``lex=out``, by its lower-cased word and a crude stem). Beside each,
the reader's judgement of the window (benchmarks/data/rams_dev_judged.csv: specific / refuse, with the reason).
TUNE split only (RAMS dev); each window is one document, given as the benchmark gives it (no date).

    python3 scripts/rams_misses.py [--sample N] [--seed S] [--limit N]

Prints the cause x judgement table over all tune windows, then ``--sample`` missed windows drawn with ``--seed``
(default 60, seed 39), each with its trigger sentence (for reading by hand; the texts stay in ../shared).
Measured: docs/rams-misses.md.
"""
from __future__ import annotations

import argparse
import collections
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from clause_misses import stages  # noqa: E402

from sitrep.evaluation import realnews as rn  # noqa: E402
from sitrep.model import Document  # noqa: E402
from sitrep.nlp import analyze_many  # noqa: E402

SHARED = (ROOT / ".." / "shared").resolve()
RAMS_JUDGED = ROOT / "benchmarks" / "data" / "rams_dev_judged.csv"
EVENTS_TOML = ROOT / "src" / "sitrep" / "knowledge" / "events.toml"


def judgements() -> dict[tuple[str, int], tuple[str, str]]:
    """(doc_key, trigger start) -> (judgement, reason) of the reader's file."""
    import csv
    with open(RAMS_JUDGED, encoding="utf-8", newline="") as fh:
        return {(r["doc_key"], int(r["trigger_start"])): (r["judgement"], r["reason"])
                for r in csv.DictReader(line for line in fh if not line.startswith("#"))}


def in_lexicon(word: str, lexicon_text: str) -> bool:
    """Crude: the word, or its stem without a common ending, as a quoted entry of events.toml."""
    w = word.lower()
    stem = re.sub(r"(ings|ing|ed|es|s|ation)$", "", w)
    return bool(re.search(rf'"{re.escape(w)}"|"{re.escape(stem)}(e|es|s|ed|ing|ings)?"', lexicon_text))


def classify(windows: list[rn.RamsWindow]) -> list[tuple[rn.RamsWindow, str, str, bool]]:
    """(window, cause, detail, found elsewhere in the window) for each window."""
    out = []
    by_id = {w.id: w for w in windows}
    lexicon_text = EVENTS_TOML.read_text(encoding="utf-8")
    for analysis in analyze_many([Document(id=w.id, text=w.text) for w in windows]):
        w = by_id[analysis.doc.id]
        sents = [(s.start, s.end) for s in analysis.sentences if s.end <= w.sentence[0] or s.start >= w.sentence[1]]
        spans = [w.sentence, *sents]
        res = stages(analysis, spans, [w.event_type] * len(spans))
        cause, why = res[0]
        elsewhere = cause != "kept" and any(c == "kept" for c, _ in res[1:])
        if cause == "no_trigger":
            why = "lex=" + ("in" if in_lexicon(w.text[w.trigger[0]:w.trigger[1]], lexicon_text) else "out")
        out.append((w, cause, why, elsewhere))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=60)
    ap.add_argument("--seed", type=int, default=39)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    ws = [w for w in rn.rams_windows(SHARED, rn.RAMS_SPLIT["tune"]) if rn.rams_family(w)][: args.limit or None]
    judged = judgements()
    rows = classify(ws)
    table: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for w, cause, _, elsewhere in rows:
        j = judged.get((w.id, w.trigger[0]), ("?", ""))[0]
        table[cause + ("+elsewhere" if elsewhere else "")][j] += 1
    print(f"RAMS dev windows: {len(rows)}; kept {sum(1 for r in rows if r[1] == 'kept')}")
    for cause, c in sorted(table.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"  {cause:28s} {sum(c.values()):4d}  specific {c['specific']:3d}  refuse {c['refuse']:3d}")
    misses = [r for r in rows if r[1] != "kept"]
    for w, cause, why, elsewhere in random.Random(args.seed).sample(misses, min(args.sample, len(misses))):
        j, reason = judged.get((w.id, w.trigger[0]), ("?", ""))
        trig = w.text[w.trigger[0]:w.trigger[1]]
        print(f"\n[{cause}{' +elsewhere' if elsewhere else ''}] {w.event_type} trigger={trig!r} {why}"
              f" | reader: {j} {reason}\n   {w.text[w.sentence[0]:w.sentence[1]]}")


if __name__ == "__main__":
    main()
