"""Count the sentences behind discourse.toml [claim.denial] and [claim.person] (session 40, issue 11).

    python3 scripts/claim_denial_count.py [--what denial|person]

denial: every sentence of MUC-4 DEV 0001-1300, ECB+ (all topics), RAMS dev + test, WikiEvents dev and the seed-like
tune sets (even freshN) that holds a claim phrase of discourse.toml [claim] phrases and a denial word (deny / denied /
rejected / disowned / disavowed / repudiated / not responsible), with which comes first: read by hand, then ask the
pipeline how it reads each report (``sitrep extract``). person: every sentence with a claim verb of an act
("claimed responsibility / credit", "took responsibility", "claimed the <noun>", "claims to have") in ECB+, RAMS,
WikiEvents and all seed-like sets, with the 80 characters before the verb (its subject), and the same for MUC-4 DEV
with "admitted that"; the subjects are read by hand. Sentences are cut at a stop followed by a capital (rough: "U.S."
cuts one), which is enough to find them.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.evaluation import ecbplus, muc4  # noqa: E402
from sitrep.extract.lexicon import load_lexicon  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
DENY = re.compile(r"\b(?:den(?:y|ied|ies|ying|ial)|rejected the claim|not responsible|reject(?:s|ed|ing)?|"
                  r"disown(?:s|ed|ing)?|disavow(?:s|ed|ing)?|repudiat(?:e|es|ed|ing))\b", re.I)
CLAIM_ACT = re.compile(r"\b(?:claim(?:s|ed|ing)? (?:responsibility|credit|the \w+|to have)|(?:took|taken|takes|take|"
                       r"assumed?|accept(?:s|ed)?) (?:full )?(?:responsibility|credit)|admit(?:s|ted)? that)\b", re.I)
SPLIT = re.compile(r"\n|(?<=[.!?])\s+(?=[A-Z\"\[])")


def texts(seed_sets: range) -> Iterator[tuple[str, str, str]]:
    """(corpus, document id, text) of the corpora counted."""
    for f in sorted((SHARED / "muc4" / "docs").glob("dev-muc3-*")):
        for d in muc4.read_docs(f):
            yield "MUC", d.id, d.text[d.body_start:]
    for p in sorted((SHARED / "realnews" / "ecbplus").glob("*/*.xml")):
        a = ecbplus.read_article(p, int(p.parent.name), set())
        yield "ECB", a.id, a.text
    for name in ("dev", "test"):
        for line in open(SHARED / "realnews" / "rams" / f"{name}.jsonlines"):
            d = json.loads(line)
            yield "RAMS", d["doc_key"], "\n".join(" ".join(s) for s in d["sentences"])
    for line in open(SHARED / "realnews" / "wikievents" / "dev.jsonl"):
        d = json.loads(line)
        yield "WIKI", d["doc_id"], "\n".join(" ".join(t[0] for t in s[0]) if isinstance(s[0], list) else s
                                             for s in d["sentences"])
    for n in seed_sets:
        for p in sorted((ROOT / "tests" / "data" / f"fresh{n}_reports").glob("*.txt")):
            yield f"fresh{n}", p.stem, p.read_text()


def sentences(text: str) -> Iterator[str]:
    for s in SPLIT.split(text):
        yield " ".join(s.split())


def denials() -> int:
    claim = load_lexicon().phrases["claim"]
    n = 0
    for corpus, doc, text in texts(range(2, 27, 2)):
        for s in sentences(text):
            c, d = claim.search(s), DENY.search(s)
            if c and d:
                n += 1
                order = "deny first" if d.start() < c.start() else "claim first"
                print(f"{corpus} {doc} | {order} | {d.group(0)} / {c.group(0)} | {s[:260]}")
    return n


def persons() -> int:
    n = 0
    for corpus, doc, text in texts(range(2, 27)):
        for s in sentences(text):
            m = CLAIM_ACT.search(s)
            if m and (corpus == "MUC" or "admit" not in m.group(0).lower()):
                n += 1
                print(f"{corpus} {doc} | ...{s[max(0, m.start() - 80):m.start()]}[[{m.group(0)}]]")
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--what", choices=("denial", "person"), default="denial")
    args = ap.parse_args()
    print(denials() if args.what == "denial" else persons(), "sentences")


if __name__ == "__main__":
    main()
