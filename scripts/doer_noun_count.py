"""The count behind events.toml ``doer_noun_heads`` (records.doer_noun): the events sitrep reads as done by an
unidentified armed group named by a noun ("militants", "gunmen", "the bomber"), against what annotators wrote.

    python3 scripts/doer_noun_count.py [--only seedlike,muc4,rams,wikievents] [--verbose]

- seedlike: every seed-like set of tests/data (with its publication dates), the events matched to a gold event as
  ../shared/eval/score.py matches them: gold actor1 null / lists the noun / names another doer, by whether the
  noun's head is one of ``doer_noun_heads`` (sitrep's output before the noun was written: read the base figures).
- muc4: MUC-4 DEV 0001-0300: the key's PERP: INDIVIDUAL ID lists the noun's head / only an organisation / empty.
- rams: RAMS dev and test, the annotated event's sentence: the attacker (killer, injurer) argument is the noun /
  another phrase / none.
- wikievents: WikiEvents dev, gold events of the noun's sentence: a doer argument (Attacker, Killer, Injurer,
  Perpetrator) is the noun / another phrase / none.
"""
from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import re
import sys
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "src") not in sys.path:
    sys.path.insert(0, str(REPO / "src"))
SHARED = REPO.parent / "shared"
DOER_ROLES = {"Attacker", "Killer", "Injurer", "Perpetrator"}


def _noun(ev) -> str | None:
    from sitrep.extract import UNIDENTIFIED

    spans = ev.field_spans.get("actor1") or []
    return spans[0].text if ev.actor1 == UNIDENTIFIED and spans else None


def _kind(noun: str) -> str:
    from sitrep.extract import load_lexicon

    head = noun.split()[-1].lower()
    return "group head" if head in load_lexicon().doer_noun_heads else "other head"


def seedlike(tally: collections.Counter, verbose: bool) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    import seedlike as sl  # type: ignore[import-not-found]
    from sitrep.ingest.text import document_from_text
    from sitrep.pipeline import extract_documents
    from sitrep.records import day_known

    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(score)  # type: ignore[union-attr]
    for name, (folder, gold_path) in sl.sets().items():
        gold = json.loads(gold_path.read_text())
        published = {d["id"]: d.get("published") for d in gold["documents"]}
        docs = [document_from_text(p.read_text(encoding="utf-8"), p.stem, published=date.fromisoformat(
            published[p.stem]) if published.get(p.stem) else None) for p in sorted(folder.glob("*.txt"))]
        events = {d.id: [e for e in evs if day_known(e)] for d, evs, _ in extract_documents(docs)}
        for doc in gold["documents"]:
            systems = events.get(score.doc_key(doc["id"]), [])
            recs = [{"date": e.date.isoformat() if e.date else None, "location": None if e.place is None else {
                "latitude": e.place.latitude, "longitude": e.place.longitude, "name": e.place.name}} for e in systems]
            for gi, si in score.match(doc["events"], recs).items():
                noun, g = _noun(systems[si]), doc["events"][gi]["actor1"]
                if noun is None:
                    continue
                verdict = "gold null" if g is None else "gold lists the noun" if score.names_match(
                    noun, g) else "gold names another"
                split = "tune" if name in sl.SPLIT["tune"] else "check" if name in sl.SPLIT["check"] else "other"
                tally[("seedlike", split, _kind(noun), verdict)] += 1
                if verbose:
                    print(f"seedlike {name} {doc['events'][gi].get('key')}: {noun!r} {verdict}")


def muc4(tally: collections.Counter, verbose: bool) -> None:
    from sitrep.evaluation import muc4 as m4
    from sitrep.pipeline import extract_documents

    docs, templates = [], {}
    for start in (1, 101, 201):
        docs += m4.read_docs(SHARED / "data" / "muc4" / "docs" / f"dev-muc3-{start:04d}-{start + 99:04d}")
        templates.update(m4.templates_by_doc(m4.read_keys(SHARED / "data" / "muc4" / "keys" / f"key-dev-{start:04d}.muc4")))
    for doc, events, _ in extract_documents([m4.document_for(d) for d in docs]):
        for ev in events:
            noun = _noun(ev)
            ts = [t for t in templates.get(doc.id, []) if t.number is not None]
            if noun is None or not ts:
                continue
            head = re.sub(r"\W+", " ", noun.upper()).split()[-1].rstrip("S")
            ind = [v for t in ts for v in t.values("PERP: INDIVIDUAL ID")]
            org = [v for t in ts for v in t.values("PERP: ORGANIZATION ID")]
            verdict = ("key lists the noun" if any(head in v.upper() for v in ind) else "key: an organisation only"
                       if org else "key: another individual" if ind else "key: no perpetrator")
            tally[("muc4", "dev", _kind(noun), verdict)] += 1
            if verbose:
                print(f"muc4 {doc.id}: {' '.join(noun.split())!r} {verdict}")


def _verdict(doers: list[tuple[int, int]], a: int, b: int) -> str:
    if any(x < b and a < y for x, y in doers):
        return "argument is the noun"
    return "argument is another phrase" if doers else "no doer argument"


def rams(tally: collections.Counter, verbose: bool) -> None:
    from sitrep.evaluation import realnews as rn
    from sitrep.model import Document
    from sitrep.pipeline import extract_documents

    for split in ("dev", "test"):
        windows = {w.id: w for w in rn.rams_windows(SHARED, split) if rn.rams_family(w)}
        for doc, events, _ in extract_documents([Document(id=w.id, text=w.text) for w in windows.values()]):
            w = windows[doc.id]
            for ev in events:
                noun = _noun(ev)
                sp = ev.field_spans.get("actor1", [None])[0]
                if noun is None or sp is None or not w.sentence[0] <= sp.start < w.sentence[1]:
                    continue
                verdict = _verdict([(a, b) for r, a, b in w.args if r == "Attacker"], sp.start, sp.end)
                tally[("rams", split, _kind(noun), verdict)] += 1
                if verbose:
                    print(f"rams {doc.id[:24]} {w.event_type}: {noun!r} {verdict}")


def wikievents(tally: collections.Counter, verbose: bool) -> None:
    from sitrep.evaluation import realnews as rn
    from sitrep.model import Document
    from sitrep.pipeline import extract_documents

    docs = {d["doc_id"]: d for d in rn.wikievents_docs(SHARED)}
    for doc, events, _ in extract_documents([Document(id=i, text=d["text"]) for i, d in docs.items()]):
        d = docs[doc.id]
        ents = {e["id"]: e for e in d["entity_mentions"]}
        for ev in events:
            noun = _noun(ev)
            if noun is None:
                continue
            sp = ev.field_spans["actor1"][0]
            sent = next(((t[0][1], t[-1][2]) for t, _ in d["sentences"] if t and t[0][1] <= sp.start < t[-1][2]),
                        (sp.start, sp.end))
            doers = [rn._wiki_span(d, ents[a["entity_id"]]["start"], ents[a["entity_id"]]["end"])
                     for ge in d["event_mentions"] if sent[0] <= rn._wiki_span(
                         d, ge["trigger"]["start"], ge["trigger"]["end"])[0] < sent[1]
                     for a in ge["arguments"] if a["role"] in DOER_ROLES]
            verdict = _verdict(doers, sp.start, sp.end)
            tally[("wikievents", "dev", _kind(noun), verdict)] += 1
            if verbose:
                print(f"wikievents {doc.id}: {noun!r} {verdict}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="seedlike,muc4,rams,wikievents")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    tally: collections.Counter = collections.Counter()
    runs = {"seedlike": seedlike, "muc4": muc4, "rams": rams, "wikievents": wikievents}
    for name in args.only.split(","):
        runs[name](tally, args.verbose)
    for key, n in sorted(tally.items()):
        print(f"{' / '.join(key):75} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
