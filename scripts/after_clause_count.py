"""How the day of an event relates to the day inside its own "after / before / until" clause, when the event's
clause has no day of its own (issue 16 / 11; the rule ``_in_other_time_clause`` of resolve/event_time.py).

    python3 scripts/after_clause_count.py [--timebank] [--muc DOCS... --keys KEYS...] [-v]

TimeBank (tune): every verb clause marked by "after / before / until" (``mark`` child, or a gerund ``pcomp`` of the
word) that holds a DATE / TIME TIMEX3 with a day value, hanging on a TimeML EVENT (the main event) in a sentence with
no other DATE / TIME of its own (the document's creation time aside). The main event's day against the clause's day:
a TLINK main -> clause TIMEX3 (inclusion: same day; BEFORE / AFTER), else a TLINK to another TIMEX3 with a day value
(same / later / earlier day), else only the TLINK main -> the clause's event (ordered, no day), else none.

MUC-4 (DEV = tune): the same clauses found by sitrep's parse with sitrep's own timexes (counted from the dateline);
in a report whose key has one relevant template with a day, the template's date against the clause's day.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
TIMEBANK = ROOT.parent / "shared" / "data" / "timeml" / "TimeBank"

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')
_WORDS = ("after", "before", "until", "till")
_SAME = {"IS_INCLUDED", "INCLUDES", "DURING", "DURING_INV", "SIMULTANEOUS", "IDENTITY", "BEGINS", "ENDS",
         "BEGUN_BY", "ENDED_BY"}
_INVERSE = {"BEFORE": "AFTER", "AFTER": "BEFORE", "IBEFORE": "IAFTER", "IAFTER": "IBEFORE"}


def _read(path: Path) -> tuple[str, list[tuple[int, int, dict]], list[tuple[str, str, str]]]:
    raw = path.read_text(encoding="utf-8", errors="replace")
    instance = {a["eiid"]: a["eventID"] for a in (dict(_ATTR.findall(m.group(1)))
                                                  for m in re.finditer(r"<MAKEINSTANCE([^>]*)/?>", raw))
                if "eiid" in a and "eventID" in a}
    links = []
    for m in re.finditer(r"<TLINK([^>]*)/?>", raw):
        a = dict(_ATTR.findall(m.group(1)))
        src = "e" + instance.get(a.get("eventInstanceID", ""), "") if "eventInstanceID" in a else "t" + a.get("timeID", "")
        dst = ("e" + instance.get(a.get("relatedToEventInstance", ""), "") if "relatedToEventInstance" in a
               else "t" + a.get("relatedToTime", ""))
        links.append((src, a.get("relType", ""), dst))
    tm = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    body = tm.group(1) if tm else raw
    parts: list[str] = []
    length, pos = 0, 0
    opened: dict[str, tuple[int, dict]] = {}
    spans = []
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) not in ("EVENT", "TIMEX3"):
            continue
        if not m.group(1):
            opened[m.group(2)] = (length, dict(_ATTR.findall(m.group(3))) | {"tag": m.group(2)})
        elif m.group(2) in opened:
            start, attrs = opened.pop(m.group(2))
            spans.append((start, length, attrs))
    parts.append(html.unescape(body[pos:]))
    return "".join(parts), spans, links


def _clauses(sent):
    """(word, clause verb, governor) of each "after / before / until" verb clause of a parsed sentence."""
    for w in sent:
        if w.lower_ not in _WORDS:
            continue
        if w.dep_ == "mark" and w.head.pos_ in ("VERB", "AUX") and w.head.head.i != w.head.i:
            yield w.lower_, w.head, w.head.head
        for ch in w.children:
            if ch.dep_ == "pcomp" and ch.pos_ in ("VERB", "AUX"):
                yield w.lower_, ch, w.head


def _rel(links, a: str, b: str) -> str | None:
    for s, r, d in links:
        if (s, d) == (a, b):
            return r
        if (s, d) == (b, a):
            return _INVERSE.get(r, r)
    return None


def _relation(links, spans, main: str, clause_ev: str | None, tid: str, value: str) -> str:
    r = _rel(links, main, tid)
    if r is not None:
        return "same day (TLINK to the clause's time)" if r in _SAME else f"{r} the clause's time"
    days = {a.get("tid"): a.get("value", "")[:10] for _, _, a in spans if a["tag"] == "TIMEX3"}
    for s, r, d in links:
        other = d if s == main else s if d == main else None
        if other and other.startswith("t") and other[1:] != tid and r in _SAME and re.fullmatch(
                r"\d{4}-\d\d-\d\d", days.get(other[1:], "")):
            v = days[other[1:]]
            return "same day (another time)" if v == value else ("later day" if v > value else "earlier day")
    if clause_ev is not None and (r := _rel(links, main, clause_ev)) is not None:
        return f"only ordered to the clause's event ({r})"
    return "no link"


def timebank(verbose: bool) -> Counter:
    from sitrep.nlp.spacy_model import load_spacy
    nlp = load_spacy()
    out: Counter = Counter()
    for path in sorted(TIMEBANK.glob("*.tml")):
        text, spans, links = _read(path)
        times = [(s, e, a) for s, e, a in spans if a["tag"] == "TIMEX3" and a.get("type") in ("DATE", "TIME")
                 and a.get("functionInDocument", "NONE") == "NONE"]
        events = [(s, e, a) for s, e, a in spans if a["tag"] == "EVENT"]
        for sent in nlp(text).sents:
            for word, verb, gov in _clauses(sent):
                lo = min(t.idx for t in verb.subtree)
                hi = max(t.idx + len(t) for t in verb.subtree)
                inside = [t for t in times if lo <= t[0] and t[1] <= hi and re.fullmatch(
                    r"\d{4}-\d\d-\d\d", t[2].get("value", "")[:10])]
                own = [t for t in times if sent.start_char <= t[0] < sent.end_char and not lo <= t[0] < hi]
                main = next((a["eid"] for s, e, a in events if s <= gov.idx < e), None)
                if not inside or main is None:
                    continue
                if own:
                    v, w = own[0][2].get("value", "")[:10], inside[0][2]["value"][:10]
                    rel = "same" if v == w else "later" if v > w else "earlier"
                    out[(word, f"main clause has a day of its own ({rel}: {v} / {w})")] += 1
                    continue
                cev = next((a["eid"] for s, e, a in events if s <= verb.idx < e), None)
                t = inside[0][2]
                rel = _relation(links, spans, "e" + main, None if cev is None else "e" + cev, "t" + t["tid"],
                                t["value"][:10])
                out[(word, rel)] += 1
                if verbose:
                    print(f"{path.stem}: [{word}] {rel}: {sent.text.strip()[:220]!r}")
    return out


def _muc_relation(day, ranges) -> str:
    """The clause's day against the key's incident dates (one relevant template with a date)."""
    lo, hi = ranges[0]
    lo = lo or hi
    if lo is not None and hi is not None and lo <= day <= hi:
        return "same day (within the key's range)" if lo == hi else "within the key's range"
    ref = hi if hi is not None and day > hi else lo
    diff = (ref - day).days if ref is not None else None
    if diff is None:
        return "key without a day"
    return f"incident {'later' if diff > 0 else 'earlier'} by {abs(diff) if abs(diff) < 3 else '3+'} day(s)"


def muc(doc_paths: list[str], key_paths: list[str], verbose: bool) -> Counter:
    from sitrep.evaluation import muc4
    from sitrep.nlp.spacy_model import load_spacy
    from sitrep.resolve.time import find_timexes
    nlp = load_spacy()
    templates = []
    for k in key_paths:
        templates += muc4.read_keys(k)
    by_doc = muc4.templates_by_doc(templates)
    out: Counter = Counter()
    for path in doc_paths:
        for d in muc4.read_docs(path):
            rel_t = [t for t in by_doc.get(d.id, []) if t.relevant]
            ranges = [r for t in rel_t if (r := t.date_range) is not None]
            body = d.text[d.body_start:]
            for sm in re.finditer(r"[^.]*\b(?:AFTER|BEFORE|UNTIL)\b[^.]*\.", body):
                times = [t for t in find_timexes(body, d.report_date, start=sm.start(), end=sm.end())
                         if t.type in ("DATE", "TIME") and t.anchor != "event"]
                if not any(t.precision == "day" and t.date is not None for t in times):
                    continue
                base = sm.start()
                for sent in nlp(sm.group(0).lower()).sents:
                    for word, verb, gov in _clauses(sent):
                        lo = base + min(t.idx for t in verb.subtree)
                        hi = base + max(t.idx + len(t) for t in verb.subtree)
                        inside = [t for t in times if lo <= t.start and t.end <= hi and t.precision == "day"
                                  and t.date is not None]
                        own = [t for t in times if not lo <= t.start < hi]
                        if not inside or gov.pos_ not in ("VERB", "AUX"):
                            continue
                        if own:
                            days = [t.date for t in own if t.precision == "day" and t.date is not None]
                            diff = (days[0] - inside[0].date).days if days else None
                            key = "main clause has a day of its own" + ("" if diff is None else f", {diff:+d} day(s)")
                        elif len(rel_t) != 1 or not ranges:
                            key = f"{len(rel_t)} relevant templates" if len(rel_t) != 1 else "key without a date"
                        else:
                            key = _muc_relation(inside[0].date, ranges)
                        out[(word, key)] += 1
                        if verbose:
                            print(f"{d.id}: [{word}] {key}: {gov.text} / {inside[0].text}: "
                                  f"{' '.join(sm.group(0).split())[:240]!r}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--timebank", action="store_true")
    ap.add_argument("--muc", nargs="*", default=[], help="MUC-4 document files")
    ap.add_argument("--keys", nargs="*", default=[], help="MUC-4 key files")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    if args.timebank:
        for (word, rel), n in sorted(timebank(args.verbose).items()):
            print(f"TimeBank  {word:7s} {rel}: {n}")
    if args.muc:
        for (word, rel), n in sorted(muc(args.muc, args.keys, args.verbose).items()):
            print(f"MUC-4     {word:7s} {rel}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
