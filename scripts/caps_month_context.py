"""Count, in the mixed-case texts of ../shared, how often "may" / "march" next to a date cue is the month ("May",
"March" inside a sentence) and how often the word ("may", "march"), and write the counts to
``src/sitrep/knowledge/caps_months.json``: in ALL-CAPS text ``sitrep.nlp.truecase`` keeps MAY / MARCH as the month
only where a cue of the file makes the month the likelier reading (``keep`` true).

    python3 scripts/caps_month_context.py            # counts and writes the file
    python3 scripts/caps_month_context.py --muc4     # also: how often each cue fires in MUC-4 DEV 0001-0500 (caps)

A sentence's first word is left out (its capital tells nothing: "May I ...", "March organisers ...").
"""
from __future__ import annotations

import argparse
import collections
import glob
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
SHARED = ROOT.parent / "shared" / "data"
OUT = ROOT / "src" / "sitrep" / "knowledge" / "caps_months.json"
KEEP_SHARE = 0.95  # a cue keeps the month where the month is this share of its occurrences or more ...
KEEP_LEAST = 10    # ... over this many occurrences or more, both words together (a day before "May" or "March" is
#                    rare in these mostly US-style texts), and where neither word alone has the word's reading more often


def mixed_case_texts():
    """(corpus, text) of the mixed-case corpora: TimeBank, TE3-platinum, ECB+, RAMS, WikiEvents, UCDP headlines, LGL."""
    from caps_alias_context import mixed_case_texts as alias_texts

    for d, name in (("timeml/TimeBank", "timebank"), ("timeml/te3-platinum", "te3")):
        for f in sorted(glob.glob(str(SHARED / d / "*.tml"))):
            raw = open(f, encoding="utf-8").read()
            body = raw.split("<TEXT>", 1)[-1]
            yield name, re.sub(r"<[^>]+>", "", body)
    yield from alias_texts()


def main(argv: list[str] | None = None) -> int:
    from sitrep.nlp.truecase import MONTH_WORDS, month_cues

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--muc4", action="store_true")
    args = ap.parse_args(argv)
    counts: dict = {w: collections.defaultdict(lambda: {"month": 0, "word": 0}) for w in MONTH_WORDS}
    totals: collections.Counter = collections.Counter()
    word = re.compile(r"\b(?:" + "|".join(MONTH_WORDS) + r")\b", re.I)
    for corpus, text in mixed_case_texts():
        for m in word.finditer(text):
            written = m.group(0)
            if not (written.islower() or written == written.capitalize()):
                continue  # MAY / MARCH in a mixed-case text: a heading, no evidence either way
            before = text[max(0, m.start() - 3):m.start()].rstrip()
            if not before or before[-1] in ".!?\"\n" or text[max(0, m.start() - 2):m.start()] == "\n\n":
                continue  # a sentence's first word: its capital tells nothing
            reading = "word" if written.islower() else "month"
            totals[f"{written.lower()} {reading} {corpus}"] += 1
            for cue in month_cues(text, m.start(), m.end()):
                counts[written.lower()][cue][reading] += 1
    out = {"source": "scripts/caps_month_context.py over the mixed-case texts of ../shared (TimeBank, "
                     "TE3-platinum, ECB+, RAMS, WikiEvents, UCDP headlines, LGL): each cue of a date next to \"may\" / \"march\" "
                     "inside a sentence, as the month (capital) and as the word (small letters); a cue keeps the "
                     f"month in ALL-CAPS text when the month is {KEEP_SHARE:.0%} or more of {KEEP_LEAST} or more for both "
                     "words together (both) and for each word alone",
           "corpora": dict(sorted(totals.items())), "cues": {}}
    both: dict = collections.defaultdict(lambda: {"month": 0, "word": 0})
    for cues in counts.values():
        for cue, c in cues.items():
            both[cue]["month"] += c["month"]
            both[cue]["word"] += c["word"]

    def keeps(cue: str) -> bool:
        c = both[cue]
        n = c["month"] + c["word"]
        return n >= KEEP_LEAST and c["month"] / n >= KEEP_SHARE and all(
            cues[cue]["month"] / (cues[cue]["month"] + cues[cue]["word"]) >= KEEP_SHARE
            for cues in counts.values() if cue in cues)

    out["both"] = {cue: {**c, "keep": keeps(cue)} for cue, c in sorted(both.items(), key=lambda kv: -sum(kv[1].values()))}
    for w, cues in counts.items():
        out["cues"][w] = {cue: {**c, "keep": keeps(cue)}
                          for cue, c in sorted(cues.items(), key=lambda kv: -sum(kv[1].values()))}
    OUT.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=1))
    if args.muc4:
        from sitrep.evaluation import muc4

        fired: collections.Counter = collections.Counter()
        for f in sorted(glob.glob(str(SHARED / "muc4/docs/dev-muc3-0[0-4]*"))):
            for d in muc4.read_docs(f):
                for m in word.finditer(d.text):
                    cues = month_cues(d.text, m.start(), m.end())
                    fired[(m.group(0).lower(), ",".join(cues) or "-")] += 1
        for k, n in fired.most_common():
            print("muc4 dev 0001-0500", *k, n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
