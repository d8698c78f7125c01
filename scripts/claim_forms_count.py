"""Missed and false claims of responsibility by their form (session 41, issue 11).

    python3 benchmarks/claims_muc4.py --split tune --errors --save RUN.json > ERRORS.txt
    python3 scripts/claim_forms_count.py --errors ERRORS.txt [--show]
    python3 scripts/claim_forms_count.py --corpora [--show]

``--errors``: reads the ``--errors`` listing of ``benchmarks/claims_muc4.py`` (each MISS / FALSE template of a
report, followed by the report's sentences that hold a claim word) and files each miss and each false claim under
the first form (the order of ``FORMS``) that one of its report's claim sentences shows, else "no claim sentence".
A report's sentences are given for the whole report, so a miss is filed by the strongest form its report tells,
not by the sentence of its own template: the counts are a rough map of where the misses lie, each largest form then
read by hand (``--show`` prints the sentence each was filed by).

``--corpora``: every sentence of the tune corpora (MUC-4 DEV 0001-1300, ECB+ tune topics, RAMS dev, WikiEvents dev
and the seed-like tune sets, even freshN) that holds a form of ``ANAPHORS``: a claim whose claimant is "the group" /
"it" / "they" ("a bombing claimed by the group", "the group claimed responsibility", "it claimed the attack"), with
the armed group named last before it in the report, for the answer read by hand.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared" / "data"

# (form, pattern) in order: a sentence is filed under the first form it shows
FORMS = [
    ("negated / no one claimed", r"\b(?:no|not|nobody|never)\b[^.]{0,40}\bclaim"),
    ("denial", r"\b(?:den(?:y|ied|ies|ying|ial)|disown|disavow|repudiat|reject)"),
    ("participle 'claimed by'", r"\bclaimed by\b"),
    ("claimant a pronoun / 'the group' + claim", r"\b(?:it|they|the (?:group|organization|organisation|movement))"
     r"\s+(?:\w+\s+){0,2}(?:claim|took|assumed|accepted|admitted)"),
    ("claimed responsibility / credit", r"\bclaim\w*\s+(?:\w+\s+){0,3}(?:responsibility|credit)"),
    ("took / assumed / accepted responsibility", r"\b(?:t[oa]ok|taken|take|assum\w+|accept\w*)\s+(?:full\s+)?"
     r"(?:the\s+)?(?:responsibility|credit)"),
    ("'responsibility' elsewhere", r"\bresponsib"),
    ("admitted", r"\badmit"),
    ("claimed the <act> / claim", r"\bclaim"),
    ("said it carried out / was behind", r"\bsaid\s+(?:it|they|that (?:it|they))\b[^.]{0,40}(?:carried out|behind|"
     r"staged|set off|planted|attacked|bombed|killed|kidnap)"),
    ("caller / telephoned", r"\bcall(?:er|ed|ing)\b|telephon"),
    ("communique / statement / letter / message", r"communiqu|statement|letter|message|bulletin|leaflet"),
    ("radio", r"\bradio\b"),
    ("blamed / accused / attributed", r"\bblam|accus|attribut"),
]
_FORMS = [(name, re.compile(p, re.I)) for name, p in FORMS]
ANAPHORS = re.compile(r"\bclaimed by (?:the|this|that) (?:group|organization|organisation|movement|militants?|"
                      r"rebels?|guerrillas?)\b|\b(?:the|this|that) (?:group|organization|organisation|movement)\s+"
                      r"(?:\w+\s+){0,2}claim\w*\b|\b(?:it|they) (?:\w+\s+){0,2}claimed\b", re.I)


def form_of(sentences: list[str]) -> tuple[str, str]:
    """The first form of ``FORMS`` some sentence shows, and that sentence."""
    for name, pattern in _FORMS:
        for s in sentences:
            if pattern.search(s):
                return name, s
    return "no claim sentence", ""


def read_errors(path: Path) -> list[tuple[str, str, list[str]]]:
    """(report, MISS / FALSE line, the report's claim sentences) of a ``claims_muc4.py --errors`` listing."""
    out: list[tuple[str, str, list[str]]] = []
    doc, lines, sents = "", [], []

    def flush() -> None:
        out.extend((doc, line, list(sents)) for line in lines)

    for raw in path.read_text().splitlines():
        if raw.startswith("  MISS") or raw.startswith("  FALSE"):
            lines.append(raw.strip())
        elif raw.startswith("    | "):
            sents.append(raw[6:])
        elif raw and not raw.startswith(" ") and re.match(r"^[A-Z0-9]+-MUC\d-\d+$", raw.strip()):
            flush()
            doc, lines, sents = raw.strip(), [], []
    flush()
    return out


def count_errors(path: Path, show: bool) -> None:
    for kind in ("MISS", "FALSE"):
        tally: Counter[str] = Counter()
        for doc, line, sents in read_errors(path):
            if not line.startswith(kind):
                continue
            form, sent = form_of(sents)
            tally[form] += 1
            if show:
                print(f"{kind:5} {doc} [{form}] {line[:90]} | {sent[:300]}")
        print(f"{kind}: {sum(tally.values())}")
        for form, n in tally.most_common():
            print(f"  {n:3}  {form}")


def count_anaphors(show: bool) -> None:
    from claim_denial_count import sentences, texts  # the corpora of session 40's counts

    from sitrep.resolve.actor import actor_type, find_actors

    rams_test = {json.loads(line)["doc_key"] for line in open(SHARED / "realnews" / "rams" / "test.jsonlines")}
    tally: Counter[str] = Counter()
    for corpus, doc, text in texts(range(2, 29, 2)):
        if corpus == "ECB" and not _ecb_tune(doc) or corpus == "RAMS" and doc in rams_test:
            continue
        groups: list[str] = []
        for s in sentences(text):
            m = ANAPHORS.search(s)
            before = [a.canonical for a in find_actors(s[:m.start()] if m else s)
                      if actor_type(a.canonical) == "armed group"]
            if m:
                last = (before or groups or ["-"])[-1]
                tally[corpus.rstrip("0123456789")] += 1
                if show:
                    print(f"{corpus} {doc} | {last} | ...{s[max(0, m.start() - 120):m.end() + 60]}")
            groups += [a.canonical for a in find_actors(s) if actor_type(a.canonical) == "armed group"]
    print("sentences with a 'the group' / pronoun claimant:", dict(tally))


def count_group_claims(show: bool) -> None:
    """The sentences of the tune corpora where ``document.share_group_claims`` may fire: a claim phrase (not a
    statement alone, no denial, no "no one claimed") with an armed group of actors.csv named before it."""
    from claim_denial_count import sentences, texts

    from sitrep.extract.attribution import claim_negated_text, denial_statements, undenied_claim
    from sitrep.extract.lexicon import load_lexicon
    from sitrep.resolve.actor import actor_type, find_actors

    lex = load_lexicon()
    rams_test = {json.loads(line)["doc_key"] for line in open(SHARED / "realnews" / "rams" / "test.jsonlines")}
    tally: Counter[str] = Counter()
    for corpus, doc, text in texts(range(2, 29, 2)):
        if corpus == "ECB" and not _ecb_tune(doc) or corpus == "RAMS" and doc in rams_test:
            continue
        for s in sentences(text):
            if lex.phrases["no_claim"].search(s) or claim_negated_text(s):
                continue
            hit = undenied_claim(lex.phrases["claim"], s)
            if hit is None or " ".join(hit.group(0).lower().split()) in denial_statements():
                continue
            groups = [a for a in find_actors(s[:hit.start()]) if actor_type(a.canonical) == "armed group"]
            if groups:
                tally[corpus.rstrip("0123456789")] += 1
                if show:
                    print(f"{corpus} {doc} | {groups[-1].canonical} | {s[:220]}")
    print("claim sentences with an armed group named before the claim:", dict(tally))


def _ecb_tune(doc: str) -> bool:
    from sitrep.evaluation import ecbplus

    m = re.match(r"\d+", doc)
    return m is not None and int(m.group(0)) in ecbplus.TUNE_TOPICS


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", type=Path, help="the --errors listing of benchmarks/claims_muc4.py")
    ap.add_argument("--corpora", action="store_true", help="the 'the group' / pronoun claimants of the tune corpora")
    ap.add_argument("--group-claims", action="store_true", help="the sentences where a claim may reach the "
                    "events of its group (document.share_group_claims)")
    ap.add_argument("--show", action="store_true", help="each one with the sentence it was filed by")
    args = ap.parse_args()
    if args.errors:
        count_errors(args.errors, args.show)
    if args.corpora:
        count_anaphors(args.show)
    if args.group_claims:
        count_group_claims(args.show)


if __name__ == "__main__":
    main()
