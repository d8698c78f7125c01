"""Event dates: how often the day sitrep gives an event is the day the text gives it, by source and kind of error.

Sources (each printed on its own line; prints figures, asserts nothing):

- TimeML TLINKs (``../shared/data/timeml``): an EVENT tied to a DATE/TIME TIMEX3 with a day value by IS_INCLUDED,
  DURING or SIMULTANEOUS (or the inverse INCLUDES from the time) happened that day. Of those EVENTs, the violent ones
  (a word of sitrep's trigger lexicon: attack, kill, bomb, explode, shoot, strike, clash, fire, wound ...) are
  scored: the sitrep event whose trigger overlaps the EVENT must carry that day. TimeBank is the TUNE split (rules
  are chosen on it), TE3-platinum the CHECK split (reported, never tuned on). The report's date is the document's
  creation time, as a wire report's dateline gives it.
- The wire passages of ``tests/resolve/data/wire_timex4.txt`` (SEEN): a small gold of their violent events below,
  written by hand from the passages' own TIMEX3 values: a day, a month ("1996-03", the event within it), an ISO week,
  or a year (the event must get no day: a day of that year is as wrong as the report's day).
- The seed-like gold sets' date field: ``python3 benchmarks/seedlike.py`` (with and without publication dates); not
  repeated here.

Per source: gold events, found (an event whose trigger overlaps), right date among found, and the errors by kind:
``report-day`` (given the report's date, the text dates it otherwise), ``other-timex`` (the day of another time
expression of the text), ``none`` (no date), ``other``.

    python3 benchmarks/event_dates.py [--split tune|check|wire|all] [--verbose]

Measured first at aee8e04 (main): TimeBank 2/2 (12 violent day-linked EVENTs, 2 found), TE3-platinum 0/0 (2, none
found), wire4 11/16 = 0.688. Its errors by kind (wire4; TimeBank and TE3 had none): the day of another verb taken
for a noun event or its relative clause, nearest in the text (Boston "searched Tuesday ... bombs that exploded ...
on Monday", Charlie Hebdo "hunted ... Thursday in the attack ... Wednesday") 2; a participle or "when" clause not
given the time of the verb it hangs on (Challenger "exploded yesterday 73 seconds after liftoff, killing", Rwanda
"was killed Wednesday night when his plane was shot down", merged with the "when" clause's main-clause day) 2; an
event of another year given the report's day (Crimea "eight years ago") 1. After resolve/event_time.py's parse
attachment and year rule: wire4 16/16 (17/17 after merging main, which finds one more), TimeBank 2/2, TE3 0/0.
TimeML gives few violent events tied to a day: the tune figure is thin, and the seed-like sets carry the rest.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared" / "data" / "timeml"
WIRE4 = ROOT / "tests" / "resolve" / "data" / "wire_timex4.txt"

# wire4 gold: (words of the passage that start it, the event's word in the passage, the event's date as TimeML
# writes it: YYYY-MM-DD, YYYY-MM, YYYY-Www or YYYY). Violent events only; plural or generic mentions ("more than two
# weeks of clashes"), threats ("could strike next week") and a coup ("seized power") left out.
WIRE4_GOLD = [
    ("JERUSALEM (AP) - The bomb was", "killed", "1996-03"),
    ("JERUSALEM (AP) - The bomb was", "attack", "1999-04-15"),
    ("NAIROBI, Kenya (AP) - Rescue", "bomb", "1998-08-07"),
    ("The near-simultaneous blasts", "killed", "1998-08-07"),
    ("OMAGH, Northern Ireland", "bombing", "1998-08-15"),
    ("Clinton is to fly home", "bombed", "2000-W41"),
    ("BEIRUT, Lebanon (AP) - Rescuers", "bombing", "1983-10-23"),
    ("In April, a car bomb destroyed", "bomb", "1983-04"),
    ("BERNARD SHAW: Iraq fired Scud", "fired", "1991-01-18"),
    ("ABBOTTABAD, Pakistan (AP)", "killed", "2011-05-01"),
    ("Talks between the two sides", "seized", "2014"),
    ("LONDON (Reuters) - Police searched", "bombings", "2005-07-07"),
    ("The bombs went off on Thursday", "bombs", "2005-07-07"),
    ("BOSTON (AP) - Investigators", "bombs", "2013-04-15"),
    ("GROZNY, Russia (AP) - Rockets", "killing", "1999-10-21"),
    ("CAPE CANAVERAL, Fla. (UPI)", "exploded", "1986-01-28"),
    ("PARIS (AP) - Police hunted", "attack", "2015-01-07"),
    ("The newspaper's offices were firebombed", "firebombed", "2011-11"),
    ("KIGALI, Rwanda (Reuters)", "killed", "1994-04-06"),
]

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')
_IRREGULAR = {"shot": "shoot", "struck": "strike", "fought": "fight", "blew": "blow", "slain": "slay", "slew": "slay",
              "hit": "hit", "shelled": "shell", "stabbed": "stab", "bombs": "bomb", "killings": "killing"}
_TIES = {"IS_INCLUDED", "DURING", "SIMULTANEOUS"}
_TIES_FROM_TIME = {"INCLUDES", "DURING", "SIMULTANEOUS"}


@dataclass
class GoldEvent:
    doc: str
    start: int
    end: int
    word: str
    value: str  # TimeML value: YYYY-MM-DD, YYYY-MM, YYYY-Www, YYYY
    violent: bool = True  # a word of the trigger lexicon (TimeML EVENTs of other words count when sitrep finds one)


@dataclass
class Passage:
    name: str
    text: str
    dct: date | None
    events: list[GoldEvent] = field(default_factory=list)


def _violent(word: str, trigger_words: frozenset[str]) -> bool:
    w = word.lower()
    forms = {w, _IRREGULAR.get(w, w), w[:-1], w[:-2], w[:-3], w[:-3] + "e", w[:-2] + "e", w[:-4]}
    return any(f in trigger_words for f in forms if len(f) > 2)


def read_tml(path: Path, trigger_words: frozenset[str]) -> Passage:
    """The plain text of a TimeML document and its violent EVENTs that a TLINK puts inside a day."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    values = {a.get("tid"): a.get("value", "") for a in (dict(_ATTR.findall(m.group(1)))
                                                         for m in re.finditer(r"<TIMEX3([^>]*)>", raw))}
    dct_value = next((dict(_ATTR.findall(m.group(1))).get("value", "") for m in re.finditer(r"<TIMEX3([^>]*)>", raw)
                      if 'functionInDocument="CREATION_TIME"' in m.group(1)), "")
    try:
        dct = date.fromisoformat(dct_value[:10])
    except ValueError:
        dct = None
    instance = {a["eiid"]: a["eventID"] for a in (dict(_ATTR.findall(m.group(1)))
                                                  for m in re.finditer(r"<MAKEINSTANCE([^>]*)/?>", raw))
                if "eiid" in a and "eventID" in a}
    day_of: dict[str, str] = {}
    for m in re.finditer(r"<TLINK([^>]*)/?>", raw):
        a = dict(_ATTR.findall(m.group(1)))
        rel = a.get("relType", "")
        if "eventInstanceID" in a and "relatedToTime" in a and rel in _TIES:
            eid, tid = instance.get(a["eventInstanceID"]), a["relatedToTime"]
        elif "timeID" in a and "relatedToEventInstance" in a and rel in _TIES_FROM_TIME:
            eid, tid = instance.get(a["relatedToEventInstance"]), a["timeID"]
        else:
            continue
        value = values.get(tid, "")
        if eid and re.fullmatch(r"\d{4}-\d\d-\d\d", value[:10]):
            day_of.setdefault(eid, value[:10])
    tm = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    body = tm.group(1) if tm else raw
    parts: list[str] = []
    length, pos = 0, 0
    open_event: tuple[int, str] | None = None
    events = []
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "EVENT":
            continue
        if not m.group(1):
            open_event = (length, dict(_ATTR.findall(m.group(3))).get("eid", ""))
        elif open_event is not None:
            start, eid = open_event
            word = "".join(parts)[start:length]
            if eid in day_of:
                events.append(GoldEvent(path.stem, start, length, word, day_of[eid], _violent(word, trigger_words)))
            open_event = None
    parts.append(html.unescape(body[pos:]))
    return Passage(path.stem, "".join(parts), dct, events)


def read_wire4() -> list[Passage]:
    out = []
    lines = [ln for ln in WIRE4.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    for i, line in enumerate(lines):
        dct, tagged = line.split("\t", 1)
        text = html.unescape(re.sub(r"<[^>]+>", "", tagged))
        p = Passage(f"wire4-{i + 1}", text, date.fromisoformat(dct))
        for lead, word, value in WIRE4_GOLD:
            if text.startswith(lead):
                m = re.search(rf"\b{re.escape(word)}\b", text)
                assert m is not None, (lead, word)
                p.events.append(GoldEvent(p.name, m.start(), m.end(), word, value))
        if p.events:
            out.append(p)
    assert sum(len(p.events) for p in out) == len(WIRE4_GOLD), "a wire4 gold line matches no passage"
    return out


def right(value: str, d: date | None, precision: str | None) -> bool:
    """Whether sitrep's date (and precision) agrees with the TimeML value."""
    if re.fullmatch(r"\d{4}", value):
        return d is None  # a year: no day of it (sitrep dates days, weeks and months)
    if d is None:
        return False
    if re.fullmatch(r"\d{4}-W\d\d", value):
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}" == value
    if re.fullmatch(r"\d{4}-\d\d", value):
        return d.isoformat()[:7] == value and precision in ("month", "week", "day")
    return d.isoformat() == value[:10]


def error_kind(g: GoldEvent, p: Passage, d: date | None, timex_days: set[str]) -> str:
    if d is None:
        return "none"
    if p.dct is not None and d == p.dct:
        return "report-day"
    if d.isoformat() in timex_days:
        return "other-timex"
    return "other"


def _event_of(g: GoldEvent, events: list) -> object | None:
    """The event whose trigger overlaps the gold word, else the one of the gold word's sentence whose trigger is
    nearest it ("exploded yesterday ..., killing all seven": the killing's event is the explosion's)."""
    for e in events:
        if any(s.start < g.end and g.start < s.end for s in [e.trigger, *e.field_spans.get("trigger", [])]):
            return e
    near = [e for e in events if any(s.start <= g.start and g.end <= s.end for s in e.evidence)]
    return min(near, key=lambda e: abs(e.trigger.start - g.start), default=None)


def score(label: str, passages: list[Passage], verbose: bool) -> dict:
    from sitrep.ingest.text import document_from_text
    from sitrep.pipeline import extract_documents
    from sitrep.resolve.time import DocumentTimes

    docs = [document_from_text(p.text, p.name, published=p.dct) for p in passages]
    by_name = {p.name: p for p in passages}
    gold = found = ok = 0
    other = [0, 0]  # EVENTs of other words that sitrep makes an event of: found, right
    kinds: Counter[str] = Counter()
    for doc, events, _ in extract_documents(docs):
        p = by_name[doc.id]
        times = DocumentTimes(p.text, p.dct)
        timex_days = {t.date.isoformat() for t in times.find(0, len(p.text)) if t.date is not None}
        for g in p.events:
            hit = _event_of(g, events)
            if not g.violent:
                if hit is not None and any(s.start < g.end and g.start < s.end for s in [hit.trigger]):
                    other[0] += 1
                    other[1] += right(g.value, hit.date, hit.date_precision)
                continue
            gold += 1
            if hit is None:
                continue
            found += 1
            if right(g.value, hit.date, hit.date_precision):
                ok += 1
                continue
            kind = error_kind(g, p, hit.date, timex_days)
            kinds[kind] += 1
            if verbose:
                a = max(0, g.start - 90)
                print(f"  {kind:11s} {p.name} '{g.word}' gold {g.value} got {hit.date} {hit.date_precision} | "
                      f"{p.text[a:g.end + 60]!r} | {[n for n in hit.notes if n.startswith('date')]}")
    acc = ok / found if found else 0.0
    errs = ", ".join(f"{k} {n}" for k, n in kinds.most_common()) or "none"
    more = f"; other EVENTs sitrep makes events of: right {other[1]}/{other[0]}" if other[0] else ""
    print(f"{label}: gold {gold}, found {found}, date right {ok}/{found} = {acc:.3f}; errors: {errs}{more}")
    return {"gold": gold, "found": found, "right": ok, "accuracy": acc, "errors": dict(kinds)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("tune", "check", "wire", "all"), default="all")
    ap.add_argument("--verbose", action="store_true", help="print every wrong date with its context")
    args = ap.parse_args(argv)
    from sitrep.extract.lexicon import load_lexicon

    words = load_lexicon().trigger_words
    if args.split in ("tune", "all"):
        if (SHARED / "TimeBank").is_dir():
            score("TimeBank TLINK (tune)", [read_tml(p, words) for p in sorted((SHARED / "TimeBank").glob("*.tml"))],
                  args.verbose)
        else:
            print(f"TimeBank: skipped, {SHARED / 'TimeBank'} absent")
    if args.split in ("check", "all"):
        if (SHARED / "te3-platinum").is_dir():
            score("TE3-platinum TLINK (check)",
                  [read_tml(p, words) for p in sorted((SHARED / "te3-platinum").glob("*.tml"))], args.verbose)
        else:
            print(f"TE3-platinum: skipped, {SHARED / 'te3-platinum'} absent")
    if args.split in ("wire", "all"):
        score("wire4 violent events (seen)", read_wire4(), args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
