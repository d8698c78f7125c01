"""Every object of a strike-family verb ("strike", "strikes", "struck", "striking") in the tune corpora, parsed, with
whether events.toml [figurative] sense_objects names it: the count behind that list (issue 11, session 43).

    PYTHONPATH=src python3 scripts/strike_object_count.py [--sets seed,ucdp,muc4,wiki,rams,ecb,other,negatives,lgl]
        [--split tune|check]

One TSV line per strike verb with a direct object: set, document, listed (yes/no), verb, object lemma, sentence.
A reader judges the listed lines (another sense: right; an aimed strike: wrong) and checks the unlisted ones for
everyday senses the list misses.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import strike_sense_count as S  # noqa: E402


def lgl_docs(split: str):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import geoparse
    from sitrep.model import Document

    for n, a in enumerate(geoparse.read_corpus(geoparse.DEFAULT)):
        if n % 2 == (0 if split == "tune" else 1):
            yield "lgl", Document(id=a["id"], text=a["text"])


def main(argv: list[str] | None = None) -> int:
    from sitrep.extract.lexicon import load_lexicon
    from sitrep.nlp.spacy_model import load_spacy

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="seed,ucdp,muc4,wiki,rams,ecb,other,negatives,lgl")
    ap.add_argument("--split", default="tune", choices=["tune", "check"])
    args = ap.parse_args(argv)
    listed = load_lexicon().figurative_sense_objects
    nlp = load_spacy()
    sets = dict(S.SETS, lgl=lgl_docs)
    for name in args.sets.split(","):
        docs = [(s, d) for s, d in sets[name](args.split) if S.WORD.search(d.text)]
        for (s, d), parsed in zip(docs, nlp.pipe(d.text for _, d in docs), strict=True):
            for tok in parsed:
                if tok.pos_ != "VERB" or tok.lemma_.lower() != "strike":
                    continue
                for o in tok.children:
                    if o.dep_ in ("dobj", "obj"):
                        key = f"strike {o.lemma_.lower()}"
                        sent = " ".join(tok.sent.text.split())[:200]
                        print("\t".join([s, d.id, "yes" if key in listed else "no", tok.text, o.lemma_, sent]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
