"""Count whose target it is when an attack's target holds one of the military-target words that also name civilian
places ("headquarters", "station", "post", "camp", "unit", "position(s)", "column"): the evidence behind the
``[actors] military_words_needing_qualifier`` list of ``knowledge/events.toml`` (issue 11, session 40).

    python3 scripts/military_word_count.py [--split tune|check] [--corpora muc4,ucdp,rams,wikievents,seedlike]

Runs the pipeline over each corpus of the split (MUC-4 DEV 0001-1300 / TST1+2; UCDP Nigeria / Ukraine headlines;
RAMS dev / test; WikiEvents tune / check halves; the seed-like tune / check sets) and, for every event with a
target or victim filler holding one of the words, prints one row: corpus, document, the word, the filler, the
event's type and military flag today, what the filler would be without the word (another military word left:
"the police station", "an army camp"), and the gold where the corpus says it: MUC-4 the PHYS / HUM TGT TYPE of the
template whose target strings hold the word (none: no template names it), UCDP the type of violence (1 state-based,
2 non-state, 3 one-sided). Ends with the counts by word. Reads the lexicon as the checkout has it.
"""
from __future__ import annotations

import argparse
import csv
import os
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = Path(os.environ.get("SITREP_SHARED") or ROOT.parent / "shared").resolve()
WORDS = ("headquarters", "station", "stations", "post", "posts", "camp", "camps", "unit", "units", "position",
         "positions", "column", "columns")


def _docs(corpus: str, split: str):
    """(documents, gold by document id) of one corpus half."""
    from sitrep.evaluation import muc4
    from sitrep.evaluation import realnews as rn
    from sitrep.model import Document

    if corpus == "muc4":
        names = ("dev-muc3-*",) if split == "tune" else ("tst1-muc3", "tst2-muc4")
        keys = ("key-dev-*",) if split == "tune" else ("key-tst1.v7", "key-tst2.v4")
        docs = [d for n in names for p in sorted((SHARED / "data/muc4/docs").glob(n)) for d in muc4.read_docs(p)]
        temps = muc4.templates_by_doc(t for n in keys for p in sorted((SHARED / "data/muc4/keys").glob(n))
                                      for t in muc4.read_keys(p))
        return [muc4.document_for(d) for d in docs if d.id in temps], temps
    if corpus == "ucdp":
        country = rn.UCDP_SPLIT[split]
        path = SHARED / "data/realnews/ucdp_ged" / f"conflict_data_{country}.csv"
        with open(path, encoding="utf-8", newline="") as fh:
            tov = {f"{country}-{r['id'].split('.')[0]}": r["type_of_violence"] for r in csv.DictReader(fh)
                   if (r.get("id") or "").strip() and not r["id"].startswith("#")}
        items = rn.ucdp_items(SHARED, country)
        return [Document(id=i.id, text=i.headline, title=i.headline, published=i.published) for i in items], tov
    if corpus == "rams":
        ws = [w for w in rn.rams_windows(SHARED, rn.RAMS_SPLIT[split]) if rn.rams_family(w)]
        return [Document(id=w.id, text=w.text) for w in ws], {}
    if corpus == "wikievents":
        ids = rn.WIKIEVENTS_TUNE if split == "tune" else rn.WIKIEVENTS_CHECK
        return [Document(id=d["doc_id"], text=d["text"]) for d in rn.wikievents_docs(SHARED) if d["doc_id"] in ids], {}
    return _seedlike(split), {}


def _seedlike(split: str):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import seedlike
    from sitrep.ingest.text import document_from_text

    out = []
    for name, (folder, _) in seedlike.sets().items():
        n = re.sub(r"\D", "", name)
        if not name.startswith("fresh") or not n or int(n) % 2 != (0 if split == "tune" else 1):
            continue
        out += [document_from_text(p.read_text(encoding="utf-8"), f"{name}/{p.stem}")
                for p in sorted(folder.glob("*.txt"))]
    return out


def _muc_gold(temps, word: str) -> str:
    """The target type of the first template whose target strings hold the word; 'none' where none does."""
    for t in temps:
        for slot in ("PHYS TGT: TYPE", "HUM TGT: TYPE"):
            for v in t.values(slot):
                if any(word in s.lower().split() for s in re.findall(r'"([^"]*)"', v)):
                    return v.split(":")[0].strip().lstrip("?").strip()
    return "none" if any(t.relevant for t in temps) else "irrelevant"


def rows(corpus: str, split: str):
    from sitrep.extract.lexicon import load_lexicon
    from sitrep.pipeline import extract_documents

    military = load_lexicon().military_targets
    docs, gold = _docs(corpus, split)
    for doc, events, _ in extract_documents(docs):
        for ev in events:
            for role in ("targets", "victims"):
                for f in (ev.roles or {}).get(role, []):
                    toks = re.findall(r"[a-z][a-z'-]*", f.text.lower())
                    for w in (w for w in toks if w in WORDS):
                        other = [x for x in toks if x in military and x not in WORDS]
                        g = (_muc_gold(gold.get(doc.id, []), w) if corpus == "muc4"
                             else gold.get(doc.id, "") if corpus == "ucdp" else "")
                        yield (corpus, doc.id, w, " ".join(f.text.split()), ev.event_type, ev.military,
                               ",".join(other) or "-", g)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="tune", choices=("tune", "check"))
    ap.add_argument("--corpora", default="muc4,ucdp,rams,wikievents,seedlike")
    args = ap.parse_args(argv)
    counts: Counter = Counter()
    for corpus in args.corpora.split(","):
        for r in rows(corpus, args.split):
            print("\t".join(str(x) for x in r), flush=True)
            counts[(r[2], r[6] != "-", r[5], r[7])] += 1
    print("\nword / another military word in the filler / flagged military today / gold: count")
    for k, n in sorted(counts.items()):
        print(f"  {k[0]:13s} other={k[1]!s:5s} military={k[2]!s:5s} gold={k[3] or '-':25s} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
