"""Count sign 2 of extract/page_signal.py (an armed actor's head word named on the page) where it is the page's ONLY
sign of violence, and how often every armed head word of such a page only describes a noun that is no armed word
("a former army instructor", "a military historian", "the rebel yell"). Pages of 8+ sentences with clause
candidates after the clause model, as scripts/page_signal_count.py reads them. A page with gold events (our reports
with events, MUC-4 relevant, ECB+ violent topics, WikiEvents) is where dropping sign 2 would be wrong; a page with
none (our everyday pages, MUC-4 irrelevant, ECB+ topics about other things, newspaper4k) is where it is right.

Two tests of "describes a noun" are counted side by side: the parse (the word is a compound or adjectival
modifier of a noun head that is no armed word, in the sentence's spaCy parse; an unparsed sentence counts as not a
modifier) and the test page_signal uses: the same in a parse of the word's own sentence, parsed or not by the
pipeline (``page_signal._describes``).

    python3 scripts/page_sign2_count.py [--groups ours_pages,ours_events,n4k,ecb_other,ecb_violent,wikievents,
                                         muc4dev,muc4] [--show]
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from page_signal_count import SHARED  # noqa: E402
from page_signal_count import pages as base_pages

_WORD = re.compile(r"[a-z][a-z'-]*")


def pages(group: str):
    """(id, split, Document) of the group's pages; muc4dev: the 1,300 MUC-4 DEV reports (relevant by their keys)."""
    if group != "muc4dev":
        yield from base_pages(group)
        return
    from sitrep.evaluation import muc4

    rel = set()
    for key in sorted((SHARED / "data/muc4/keys").glob("key-dev-*.muc4")):
        rel |= {t.doc_id for t in muc4.read_keys(key) if t.relevant}
    for folder in sorted((SHARED / "data/muc4/docs").glob("dev-muc3-*")):
        for d in muc4.read_docs(folder):
            yield d.id, "relevant" if d.id in rel else "irrelevant", muc4.document_for(d)


def _ours_split(pid: str) -> str:
    m = re.match(r"fresh(\d+)_reports/", pid)
    if m:
        return "tune" if int(m.group(1)) % 2 == 0 else "check"
    return "tune" if pid.startswith("everyday_pages/") else "other"


def pages_without_sign(group: str, sign: str, off, tally: dict, width: int, page_pages=None):
    """(id, split, analysis, candidates, row, others) of the group's pages of ``page_min_sentences`` or more with a
    violent candidate: ``others`` is whether the page signal still tells violence with ``extract.page_signal``'s
    function ``sign`` replaced by ``off``; ``row`` the split's tally (``width`` counters, then a list), its first
    counter (pages read) counted here. Split: ours by their set's parity, ECB+ topics' tune / check."""
    from sitrep.extract import document as report
    from sitrep.extract import page_signal as ps
    from sitrep.extract.clause_model import keep_violent
    from sitrep.extract.lexicon import load_lexicon
    from sitrep.nlp import analyze

    lex = load_lexicon()
    real = getattr(ps, sign)
    for pid, split, doc in (page_pages or pages)(group):
        if group.startswith("ours"):
            split = _ours_split(pid)
        if group.startswith("ecb"):
            split = "tune" if "tune" in split else split
        analysis = analyze(doc)
        cands = keep_violent(report.candidates(analysis))
        row = tally.setdefault(split, [0] * width + [[]])
        if not cands or len(analysis.sentences) < lex.page_min_sentences:
            continue
        row[0] += 1
        setattr(ps, sign, off)
        try:
            others = ps.tells_violence(cands, analysis.text, len(analysis.sentences))
        finally:
            setattr(ps, sign, real)
        yield pid, split, analysis, cands, row, others


def _parse_modifier(analysis, start: int, heads: frozenset[str]) -> bool:
    for i, s in enumerate(analysis.sentences):
        if s.start <= start < s.end:
            doc = analysis.parse(i)
            if doc is None:
                return False
            for tok in doc:
                if s.start + tok.idx == start:
                    h = tok.head
                    return (tok.dep_ in ("compound", "amod") and h.i > tok.i and h.pos_ in ("NOUN", "PROPN")
                            and h.lower_ not in heads)
    return False


def main(argv: list[str] | None = None) -> int:
    from sitrep.extract import page_signal as ps
    from sitrep.extract.lexicon import load_lexicon
    from sitrep.resolve.actor import actor_type, find_actors

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--groups", default="ours_pages,ours_events,n4k,ecb_other,ecb_violent,wikievents,muc4dev,muc4")
    ap.add_argument("--show", action="store_true", help="each page where sign 2 alone fires, with its armed words")
    args = ap.parse_args(argv)
    lex = load_lexicon()
    armed_words = ((lex.perpetrator_heads | lex.state_force_heads) - lex.law_enforcement_heads - lex.page_not_armed)
    for group in args.groups.split(","):
        tally: dict[str, list] = {}
        for pid, _split, analysis, _cands, row, others in pages_without_sign(group, "_armed_named", lambda text: False,
                                                                            tally, 5):
            low = analysis.text.lower()
            uses = [m for m in _WORD.finditer(low) if m.group() in armed_words]
            named = any(actor_type(a.canonical) in ("armed group", "state forces") for a in find_actors(analysis.text))
            if others or not (uses or named):  # sign 2 as it was: any head word, or an armed actor of actors.csv
                continue
            row[1] += 1
            if named:
                continue
            by_parse = all(_parse_modifier(analysis, m.start(), armed_words) for m in uses)
            every = armed_words | lex.law_enforcement_heads
            by_token = all(ps._describes(analysis.text, m.start(), every) for m in uses)
            row[2] += by_parse
            row[3] += by_token
            row[4] += by_parse and by_token
            row[5].append((pid, by_parse, by_token, [low[m.start():m.end() + 20].replace("\n", " ") for m in uses]))
        for split, (n, only2, parse, token, both, ids) in sorted(tally.items()):
            print(f"{group:12} {split:10} pages {n:4}  sign 2 alone {only2:3}  all modifiers: pipeline parse {parse:3}"
                  f"  own parse {token:3}  both {both:3}", flush=True)
            if args.show:
                for pid, bp, bt, uses in ids:
                    print(f"    {pid}  parse={bp} token={bt}  {uses[:6]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
