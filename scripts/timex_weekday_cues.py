"""Count, over the bare weekdays of a TimeML corpus (gold DATE spans "Wednesday", "on Friday", "Sunday night"; no
"last" / "next" / "this"), which side of the document's date TimeML's gold puts the day on, against each cue a
decision could read: the governing verb's tense in the spaCy parse, the clause's tense cue words, a modal or plan word
in the sentence ("will", "is scheduled", "plans"), a quotation around the weekday, a possessive ("Wednesday's raid"), and how many days back the most
recent such weekday is from the DCT (0 = the DCT's own weekday). Then the right / wrong counts of candidate decisions
beside ours (issue 13: "Wednesday" in a past-tense report read as the next Wednesday, "Friday" in a preview as the last
one). TimeBank is the tune corpus; --check adds TE3-platinum and the wire story sets, to be read once.

    python3 scripts/timex_weekday_cues.py [--check] [--list]
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))

import timex as bench  # noqa: E402
from sitrep.nlp.sentences import split_sentences  # noqa: E402
from sitrep.resolve.timex.parsed import Parses  # noqa: E402
from sitrep.resolve.timex.resolve import tense  # noqa: E402

_WD = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_BARE = re.compile(r"(?:(?:on|early|late)\s+)?(?P<wd>" + "|".join(_WD) + r")(?:\s+(?:morning|afternoon|evening|"
                   r"night))?", re.I)
# a modal or plan word anywhere in the sentence before or after the weekday
_PLAN = re.compile(r"\b(?:will|shall|'ll|would|scheduled|schedule|plans?|planned|planning|expected|expects?|due|"
                   r"set to|is to|are to|to be held|slated|intends?|preview|upcoming|coming)\b", re.I)
_QUOTE = re.compile(r"[\"“”]|``|''")


def sides(gold: str, dct: date) -> str:
    """'past', 'same', 'future' for a day value against the DCT, else 'other'."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", gold or "")
    if not m:
        return "other"
    d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return "past" if d < dct else "future" if d > dct else "same"


def rows(docs, nlp) -> list[dict]:
    out = []
    for doc in docs:
        if doc.dct is None:
            continue
        parses_list = bench.sentence_parses(doc.text, nlp)
        parses = Parses()
        for off, d in parses_list:
            parses.add(off, d)
        sentences = split_sentences(doc.text, 0)
        for g, value in bench.given_values(doc, nlp, parses_list):
            m = _BARE.fullmatch(" ".join(g.text.split()))
            if g.type != "DATE" or not m:
                continue
            wd = _WD.index(m.group("wd").lower()) + 1
            s = next((s for s in sentences if s.start <= g.start < s.end), None)
            lo, hi = (s.start, s.end) if s else (max(0, g.start - 200), g.end + 200)
            before = doc.text[lo:g.start]
            out.append({
                "doc": doc.name, "dct": doc.dct, "text": g.text, "gold": g.value, "ours": value,
                "gold_side": sides(g.value, doc.dct), "ours_side": sides(value or "", doc.dct),
                "parse": parses.tense(g.start, g.end) or "-",
                "cue": tense(doc.text, g.start, g.end) or "-",
                "plan": "plan" if _PLAN.search(doc.text, lo, hi) else "-",
                "quoted": "quoted" if len(_QUOTE.findall(before)) % 2 else "-",
                "back": (doc.dct.isoweekday() - wd) % 7,
                "for": "for" if re.search(r"\bfor\s+$", doc.text[max(0, g.start - 6):g.start], re.I) else "-",
                "poss": "poss" if doc.text[g.end:g.end + 2] in ("'s", "’s") else "-",
                "sentence": " ".join(doc.text[lo:hi].split()),
            })
    return out


def day(r: dict, side: str) -> str:
    """The value of the row's weekday on ``side`` of the DCT ('past': the most recent, the DCT itself included;
    'future': the next, the DCT included)."""
    back = r["back"]
    d = r["dct"] - timedelta(days=back) if side == "past" else r["dct"] + timedelta(days=(7 - back) % 7)
    return d.isoformat()


DECISIONS = {
    "ours": None,
    "always past": lambda r: "past",
    "parse, else cue, else past": lambda r: (r["parse"] if r["parse"] != "-" else r["cue"] if r["cue"] != "-"
                                             else "past"),
    "plan word -> future, else past": lambda r: "future" if r["plan"] == "plan" else "past",
    "nearest day (back <= 3 -> past)": lambda r: "past" if r["back"] <= 3 else "future",
    "parse, else cue, else nearest": lambda r: (r["parse"] if r["parse"] != "-" else r["cue"] if r["cue"] != "-"
                                                else "past" if r["back"] <= 3 else "future"),
    "possessive -> past, else parse, else cue, else past": lambda r: (
        "past" if r["poss"] == "poss" else r["parse"] if r["parse"] != "-" else r["cue"] if r["cue"] != "-" else "past"),
    "parse, else cue, else plan word": lambda r: (r["parse"] if r["parse"] != "-" else r["cue"] if r["cue"] != "-"
                                                  else "future" if r["plan"] == "plan" else "past"),
}


def table(name: str, got: list[dict]) -> list[str]:
    lines = [f"{name}: {len(got)} bare weekdays; gold sides " + ", ".join(
        f"{k} {n}" for k, n in Counter(r["gold_side"] for r in got).most_common())]
    for cue in ("parse", "cue", "plan", "quoted", "poss", "for", "back"):
        c = Counter((r[cue], r["gold_side"]) for r in got)
        for val in sorted({k for k, _ in c}, key=str):
            cells = ", ".join(f"{s} {c[(val, s)]}" for s in ("past", "same", "future", "other") if c[(val, s)])
            lines.append(f"  {cue:7s} {val!s:8s} gold: {cells}")
    for label, decide in DECISIONS.items():
        right = sum((r["ours"] if decide is None else day(r, decide(r))) == r["gold"] for r in got)
        lines.append(f"  decision {label:34s} right {right:4d} wrong {len(got) - right:4d}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="also TE3-platinum and the wire story sets (read once)")
    ap.add_argument("--list", action="store_true", help="list the weekdays ours gets wrong")
    args = ap.parse_args(argv)
    nlp = bench.load_parser(True)
    corpora = {"TimeBank (tune)": bench.read_dir(bench.DEFAULT_DIR)}
    if args.check:
        corpora["TE3-platinum (check)"] = bench.read_dir(bench.CHECK_DIR)
        corpora["wire1-3 (check)"] = (bench.read_dir(bench.WIRE1_DIR) + bench.read_dir(bench.WIRE2_DIR)
                                      + bench.read_dir(bench.WIRE3_DIR))
    for name, docs in corpora.items():
        got = rows(docs, nlp)
        print("\n".join(table(name, got)))
        if args.list:
            for r in got:
                if r["ours"] != r["gold"]:
                    print(f"    {r['doc']:22s} {r['dct']} back {r['back']} parse {r['parse']:6s} cue {r['cue']:6s} "
                          f"{r['plan']:4s} {r['quoted']:6s} gold {r['gold']} ours {r['ours']}  {r['sentence'][:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
