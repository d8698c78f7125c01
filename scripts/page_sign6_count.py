"""Count sign 6 of extract/page_signal.py (a clause the clause model keeps on its own strength that names its
victims or counts its dead) where it is the page's ONLY sign of violence (read with [page] no_doer less the
``--extra`` words), and how many of those pages a longer
[page] no_doer list (``--extra``: words of a harm with no doer, such as "injured") would turn to no sign, every
event dropped. Pages of 8+ sentences with clause candidates after the clause model, as
scripts/page_signal_count.py reads them; groups and splits as scripts/page_sign3_count.py. A page with gold events
(our reports with events, MUC-4 DEV relevant, ECB+ violent topics, WikiEvents) is where turning it is wrong; a page
with none (our everyday pages, ECB+ topics about other things, newspaper4k) is where it is right; LGL's and
TimeBank's pages have no event gold: each is read.

    python3 scripts/page_sign6_count.py [--groups ...] [--extra injure,injured,injures,injuring] [--show]
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from page_sign2_count import pages_without_sign  # noqa: E402
from page_sign3_count import pages  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    from sitrep.extract import page_signal as ps
    from sitrep.extract.clause_model import _negated
    from sitrep.extract.lexicon import load_lexicon
    from sitrep.nlp.tokens import lemma

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--groups", default="ours_pages,ours_events,n4k,ecb_other,ecb_violent,wikievents,lgl,timebank,"
                                        "muc4dev")
    ap.add_argument("--extra", default="injure,injured,injures,injuring", help="words added to [page] no_doer")
    ap.add_argument("--show", action="store_true", help="each page where sign 6 alone fires, with its triggers")
    args = ap.parse_args(argv)
    lex = load_lexicon()
    extra = frozenset(args.extra.split(","))
    real = ps._victims_kept
    # the signs read with [page] no_doer less the --extra words (the list before they were added)
    before = dataclasses.replace(lex, page_no_doer=lex.page_no_doer - extra)
    ps.load_lexicon = lambda: before  # type: ignore[assignment]
    for group in args.groups.split(","):
        tally: dict[str, list] = {}
        for pid, _split, analysis, cands, row, others in pages_without_sign(
                group, "_victims_kept", lambda live: [], tally, 2, pages):
            live = [c for c in cands if c.trigger_token is not None and not c.mention.generic and not _negated(c)]
            kept = real(live)
            if others or ps._accident_told(analysis.text) or not kept:
                continue
            row[1] += 1
            words = [c.trigger_token.lower_ for c in kept]
            turned = all(w in extra or lemma(c.trigger_token) in extra for w, c in zip(words, kept, strict=True))
            row[2].append((pid, turned, [analysis.text[max(0, c.mention.trigger.start - 40):c.mention.trigger.end
                                                        + 30].replace("\n", " ") for c in kept]))
        for split, (n, alone, ids) in sorted(tally.items()):
            print(f"{group:12} {split:10} pages {n:4}  sign 6 alone {alone:3}  turned by --extra "
                  f"{sum(t for _, t, _ in ids):3}", flush=True)
            if args.show:
                for pid, t, ctx in ids:
                    print(f"    {pid}  turned={t}  {ctx[:4]}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
