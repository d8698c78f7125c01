"""Count discourse.toml [generic] modals (mentions._possible_aux): where a trigger verb's own modal auxiliary
("might be targeted", "may attack", "should fire") would make its clause generic, and whether the clause is part of
a kept event today. Runs the pipeline with the rule off (the candidate is recorded, not marked) over our reports
(with gold events: a fire that drops a kept gold-worthy act is wrong; the everyday pages), MUC-4 DEV, WikiEvents
(its tune / check halves), RAMS dev, and prints each fire with its modal, its split, whether an event kept its
sentence, and the sentence; then the tally per group, split and modal.

    python3 scripts/modal_count.py [--groups ours_events,ours_pages,muc4dev,wikievents,rams] [--limit 100]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from history_count import pages  # noqa: E402

from sitrep.evaluation import realnews as rn  # noqa: E402
from sitrep.extract import mentions  # noqa: E402


def _flat(text: str) -> str:
    """Compared in lower case with white space folded: MUC-4's ALL-CAPS text is parsed in a truecased copy."""
    return " ".join(text.lower().split())


def main(argv: list[str] | None = None) -> int:
    from sitrep.pipeline import extract_documents

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--groups", default="ours_events,ours_pages,muc4dev,wikievents,rams")
    ap.add_argument("--limit", type=int, default=100, help="at most N documents per file (MUC-4: per file of 100)")
    args = ap.parse_args(argv)
    real = mentions._possible_aux
    fired: list[tuple[int, str, str]] = []

    def record(tok, lex):
        modal = real(tok, lex)
        if modal is not None:
            fired.append((tok.sent.start_char, tok.sent.text, modal))
        return None  # the rule off: count what it would drop

    mentions._possible_aux = record  # type: ignore[assignment]
    tally: Counter = Counter()
    for group in args.groups.split(","):
        for pid, split, doc in pages(group, args.limit):
            if group == "muc4dev" and not any(pid.startswith(f"DEV-MUC3-0{n}") for n in ("0", "1", "2")):
                continue
            if group == "wikievents":
                split = "tune" if pid in rn.WIKIEVENTS_TUNE else "check"
            fired.clear()
            (_, events, _), = extract_documents([doc])
            kept_text = {_flat(doc.text[s.start:s.end]) for ev in events for s in ev.evidence}
            for _, sent, modal in fired:
                kept = any(_flat(sent) in k or k in _flat(sent) for k in kept_text)
                tally[(group, split, modal, kept)] += 1
                print(f"{group:10} {split:6} {modal:6} {'KEPT' if kept else 'gone'}  {pid}: {sent.strip()[:220]!r}")
    print("\ngroup      split  modal  kept-today dropped-by-rule")
    for (group, split, modal, kept), n in sorted(tally.items()):
        print(f"{group:10} {split:6} {modal:6} {'kept' if kept else 'not kept'}: {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
