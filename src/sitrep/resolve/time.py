"""Temporal expressions: find them, normalise them to TimeML values against the report's date, infer the
report's date when the metadata has none, and give ACLED / UCDP date precision.

Public API (the rest of ``sitrep.resolve.timex`` is internal):

    find_timexes(text, anchor, *, start=0, end=None) -> list[Timex]
    normalize(expression, anchor) -> str | None
    infer_report_date(text, today=None) -> tuple[date | None, str]
    parse_dateline(text) -> Dateline | None            Dateline(place, date, span, value, agency)
    DocumentTimes(text, anchor, *, parses, signals)     .find(start, end, parse) / .value_at(start, end), sharing
                                                        context; a sentence's parse gives a bare weekday the
                                                        tense of its governing verb
    event_date(timex, event_day) -> date | None         applies an anchor="event" offset (P1D, -P1D ...)
    chain_event_date(timex, event_day, *, event_day_relative, report_date) -> date | None
                                                        the same, refusing chains that drift from the report
    acled_time_precision(timex) -> int | None           1 day, 2 week, 3 month
    ucdp_date_prec(timex) -> int | None                 1 day ... 5 year

The recogniser is a cascade of precompiled regular expressions built from ``knowledge/time_lexicon.toml``
(see ``timex/grammar.py``); values are computed by ``timex/resolve.py``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from sitrep import codebook
from sitrep.model import Timex
from sitrep.resolve.timex.dateline import Dateline, infer_report_date, parse_dateline
from sitrep.resolve.timex.grammar import Reading, scan
from sitrep.resolve.timex.lexicon import load_lexicon
from sitrep.resolve.timex.parsed import Parses
from sitrep.resolve.timex.resolve import Resolver

__all__ = [
    "Dateline", "DocumentTimes", "acled_time_precision", "chain_event_date", "event_date", "find_timexes",
    "infer_report_date", "normalize", "parse_dateline", "ucdp_date_prec",
]


_DIRECTION_AFTER = re.compile(r"[\s-]+(?:earlier|ago|later|after|before)\b", re.I)
_RELATION_SIGNALS = ("after", "afterwards", "afterward", "later", "before", "on")


class DocumentTimes:
    """Finds and resolves the temporal expressions of one text, remembering what earlier ones established
    (the quarter or year last mentioned) so that "the quarter" or "a year earlier" can be resolved."""

    def __init__(self, text: str, anchor: date | None, *, parses: Iterable[tuple[int, object]] = (),
                 signals: bool = True):
        """``parses``: (offset, spaCy Doc) of sentences of ``text`` already parsed, to read the tense of the verb
        governing a bare weekday. ``signals=False`` leaves out event-relative phrases with no time word in them
        ("shortly after"): TimeML signals, not temporal expressions, which the pipeline still wants."""
        self.text = text
        self.anchor = anchor
        self.signals = signals
        self.parses = Parses()
        for offset, doc in parses:
            self.parses.add(offset, doc)
        self._resolver = Resolver(text, anchor, parses=self.parses)

    def add_parse(self, offset: int, doc) -> None:
        """A sentence parse (spaCy Doc of ``text[offset:...]``) for the governing-verb tense."""
        self.parses.add(offset, doc)

    def _timex(self, r: Reading) -> Timex | None:
        if not self.signals and r.kind == "ago" and r.data["dir"] in _RELATION_SIGNALS:
            # TimeML: "three days" of "three days later" is how long, the relation word a signal (TimeBank:
            # "Three days later", "90 days after", "a month after" all DURATION); the pipeline keeps the offset
            r = Reading(r.start, r.end, "dur", "DURATION", data={"n": r.data["n"], "unit": r.data["unit"]})
        elif not self.signals and r.kind == "event" and r.data.get("timeml_unit"):
            # the same for an uncounted unit: "hours" of "hours after" is PTXH, as "Days" of "Days later" is PXD
            # (TimeBank: no bare "hours/minutes after"; wire2's one, gold PTXH, was a TIME on the day)
            r = Reading(r.start, r.data["timeml_end"], "dur", "DURATION",
                        data={"n": None, "unit": r.data["timeml_unit"]})
        value, typ, label = self._resolver.value(r)
        if value is None:
            return None
        # TimeML extents leave a relation word out ("hours" of "hours after"); the pipeline keeps the phrase
        end = r.end if self.signals else r.data.get("timeml_end", r.end)
        return Timex(start=r.start, end=end, text=self.text[r.start:end], type=typ, value=value, anchor=label)

    def find(self, start: int = 0, end: int | None = None, parse=None) -> list[Timex]:
        """The expressions of ``text[start:end]``; ``parse``: the spaCy Doc of exactly that stretch, if any."""
        if parse is not None:
            self.parses.add(start, parse)
        out = []
        for r in scan(self.text, start, end):
            if not self.signals and r.data.get("signal"):
                continue
            t = self._timex(r)
            if t is not None:
                out.append(t)
        return out

    def value_at(self, start: int, end: int) -> Timex | None:
        """The reading of exactly ``text[start:end]`` (the longest expression found inside it)."""
        phrase = re.sub(r"\s+", " ", self.text[start:end].strip().lower())
        alias = load_lexicon().aliases.get(phrase)
        whole = [r for r in scan(self.text, start, end) if (r.start, r.end) == (start, end)] if alias else []
        wider = [r for r in scan(self.text, start, min(len(self.text), end + 8)) if r.start == start
                 and r.kind == "event" and r.data.get("timeml_end") == end] if alias and not whole else []
        t = self._timex(wider[0]) if wider else None
        if t is not None and t.anchor != "event":
            # "the day" of "the day after Thanksgiving" (TimeML's extent) counts from the day named after it; one
            # before an event ("the day before the plunge") is read as the alias below reads it
            return Timex(start=start, end=end, text=self.text[start:end], type=t.type, value=t.value, anchor=t.anchor)
        if alias is not None and not whole:  # "the year" alone is "this year"; "the year ended March 31" is read
            resolver = Resolver(alias, self._resolver.anchor)
            resolver.ctx = self._resolver.ctx
            for r in scan(alias):
                value, typ, label = resolver.value(r)
                if value is not None:
                    return Timex(start=start, end=end, text=self.text[start:end], type=typ, value=value, anchor=label)
        readings = scan(self.text, start, end)
        after = _DIRECTION_AFTER.match(self.text, end)
        if after and all(r.kind == "dur" for r in readings):
            # "a year" cut from "a year earlier", "a week" from "a week after": read with its direction word, keep
            # the span asked for
            wider = [r for r in scan(self.text, start, after.end()) if r.kind in ("ago", "yearago")]
            if wider:
                t = self._timex(wider[0])
                return None if t is None else Timex(start=start, end=end, text=self.text[start:end], type=t.type,
                                                    value=t.value, anchor=t.anchor)
        if not readings:
            return None
        best = max(readings, key=lambda r: r.length)
        return self._timex(best)


def find_timexes(text: str, anchor: date | None, *, start: int = 0, end: int | None = None) -> list[Timex]:
    """Temporal expressions in ``text[start:end]`` (offsets absolute into ``text``) with TimeML values.

    ``anchor`` is the report's date; with None, values that need it are underspecified (``XXXX-12-08``,
    ``XXXX-XX-XX``). Expressions relative to another event ("hours after", "the next day") come back with
    ``anchor="event"`` and an offset value (``P0D``, ``P1D``, ``-P1D``) for ``event_date``. Impossible dates
    ("31 February") give no Timex."""
    return DocumentTimes(text, anchor).find(start, end)


def normalize(expression: str, anchor: date | None) -> str | None:
    """The TimeML value of one expression ("2 DAYS AGO", "on 3 December", "last week"), or None."""
    t = DocumentTimes(expression, anchor).value_at(0, len(expression))
    return t.value if t else None


_OFFSET = re.compile(r"^(?P<sign>-?)P(?P<n>\d+)(?P<unit>[DWMY])$")


def event_date(timex: Timex, event_day: date, *, back: bool = False) -> date | None:
    """The day an event-relative expression points to, given the day of the event it refers to. ``back``: the
    day it is counted back to instead ("thirty years after X" on the day of the clause: X's day), by the calendar
    (years and months as such, so a span of years keeps the day across leap years)."""
    m = _OFFSET.match(timex.value)
    if timex.anchor != "event" or not m:
        return None
    n = int(m.group("n")) * (-1 if m.group("sign") else 1) * (-1 if back else 1)
    unit = m.group("unit")
    if unit in ("D", "W"):
        return event_day + timedelta(days=n * (7 if unit == "W" else 1))
    months = n * (12 if unit == "Y" else 1)
    k = event_day.year * 12 + event_day.month - 1 + months
    y, mo = k // 12, k % 12 + 1
    for day in range(event_day.day, 27, -1):
        try:
            return date(y, mo, day)
        except ValueError:
            continue
    return date(y, mo, min(event_day.day, 28))


CHAIN_WINDOW_DAYS = 366  # an event dated from another event stays within a year before the report
CHAIN_SLACK_DAYS = 3  # and no more than a few days after it (time zones, late filing)


def chain_event_date(timex: Timex, event_day: date, *, event_day_relative: bool = False,
                     report_date: date | None = None) -> date | None:
    """The day an event-relative expression ("the next day", "hours after", "a week later") gives when counted
    from another event's day, or None when it must not be chained (the caller then leaves the date to the
    report's date or to nothing):

    - ``event_day_relative``: the other event was itself dated only from a third event; chaining relative to
      relative is how dates drift ("the next day" after "the day before" after "two weeks later" ...);
    - the day would fall after the report (beyond a few days) or more than a year before it.

    For the lead's ``_attach_dates``: call this instead of ``event_date(m.timex, base) or base``."""
    if event_day_relative:
        return None
    d = event_date(timex, event_day)
    if d is None:
        return None
    if report_date is not None:
        if d > report_date + timedelta(days=CHAIN_SLACK_DAYS):
            return None
        if (report_date - d).days > CHAIN_WINDOW_DAYS:
            return None
    return d


def acled_time_precision(timex: Timex | None) -> int | None:
    """ACLED time_precision: 1 the day is known, 2 the week (or a few days), 3 the month. None otherwise."""
    if timex is None:
        return None
    p = timex.precision
    if p is None and re.match(r"^\d{4}-\d{2}-\d{2}T", timex.value):
        return 1
    if p is None and re.match(r"^\d{4}-W\d{2}-WE$", timex.value):
        return 2
    return codebook.ACLED_TIME_PRECISION.get(p or "") if p != "year" else None


def ucdp_date_prec(timex: Timex | None) -> int | None:
    """UCDP GED date_prec: 1 exact day, 2 within 2-6 days, 3 the week, 4 the month, 5 the year."""
    if timex is None:
        return None
    v = timex.value
    if re.match(r"^\d{4}-\d{2}-\d{2}", v):
        return 1
    if re.match(r"^\d{4}-W\d{2}-WE$", v):
        return codebook.UCDP_FEW_DAYS
    return codebook.UCDP_DATE_PREC.get(timex.precision or "")
