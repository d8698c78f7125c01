"""Datelines ("GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) --", "BAGHDAD, Dec 8 (Reuters) -") and the report's date
when the metadata has none."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sitrep.model import Span
from sitrep.resolve.timex.grammar import Reading, scan
from sitrep.resolve.timex.resolve import Resolver, tense

HEAD_CHARS = 600  # a dateline sits in the first lines of a report
HEAD_LINES = 6

# PLACE[, Region] , [date] [(AGENCY)] -- ; the place in capitals (or capitalised words) as wires write it
_PLACE = re.compile(
    r"[ \t]*(?P<place>(?:[A-Z][A-Z.'’\-]+(?:[ \t]+[A-Z][A-Z.'’\-]+){0,4})"
    r"(?:,[ \t]*[A-Z][A-Za-z.'’\-]+(?:[ \t]+[A-Z][A-Za-z.'’\-]+){0,3})?)"
    r"[ \t]*(?:,[ \t]*|[ \t]+(?=\())")
_AGENCY = re.compile(r"[ \t]*(?P<agency>\([A-Za-z][^()\n]{0,40}\))")
_DASH = re.compile(r"[ \t]*(?:--|—|–|-|_|:)")


@dataclass
class Dateline:
    place: Span | None
    date: date | None
    span: Span
    value: str | None = None  # TimeML value of the date part, "XXXX-12-08" when the year is missing
    agency: str | None = None


def _lines(text: str):
    pos = 0
    n = 0
    while pos < min(len(text), HEAD_CHARS) and n < HEAD_LINES:
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        if text[pos:nl].strip():
            n += 1
            yield pos, nl
        pos = nl + 1


def _date_at(text: str, pos: int, line_end: int) -> tuple[Reading | None, str | None]:
    for r in scan(text, pos, min(line_end, pos + 40)):
        if r.start - pos > 2 and text[pos:r.start].strip(" \t,"):
            return None, None
        if r.kind == "abs" and r.data.get("d"):
            value, _, _ = Resolver(text, None).value(r)
            if value is None:
                return None, None
            if r.data.get("y"):
                value = f"{r.data['y']:04d}{value[4:]}"
            return r, value
        return None, None
    return None, None


def parse_dateline(text: str) -> Dateline | None:
    """The dateline in the first lines of ``text``: place, date (None when absent or the year is missing)
    and the span of the whole dateline, up to and including its dash."""
    for lo, hi in _lines(text):
        m = _PLACE.match(text, lo, hi)
        place = None
        pos = lo
        if m:
            place = Span(m.start("place"), m.end("place"), m.group("place"))
            pos = m.end()
        reading, value = _date_at(text, pos, hi)
        end = reading.end if reading else pos
        agency = None
        am = _AGENCY.match(text, end, hi)
        if am:
            agency = am.group("agency").strip("()")
            end = am.end()
        dm = _DASH.match(text, end, hi)
        if place is None and reading is None:
            continue
        if place is not None and dm is None:
            continue
        if place is None and (dm is None and text[end:hi].strip()):
            continue
        if dm:
            end = dm.end()
        when = None
        if value and not value.startswith("X"):
            try:
                when = date.fromisoformat(value)
            except ValueError:
                when = None
        start = place.start if place else reading.start
        return Dateline(place=place, date=when, span=Span(start, end, text[start:end]), value=value, agency=agency)
    return None


def infer_report_date(text: str) -> tuple[date | None, str]:
    """The report's date from its text: the dateline, else the latest day-precision date the text tells
    (year from an explicit year in the text), else None. Returns the date and the reason."""
    dl = parse_dateline(text)
    if dl and dl.date:
        return dl.date, f"dateline {dl.span.text.strip()!r}"
    readings = [r for r in scan(text) if r.kind == "abs"]
    dated = [r for r in readings if r.data.get("y")]
    years = [r.data["y"] for r in dated]
    if dl and dl.value and dl.value.startswith("XXXX") and years:
        y = max(years)
        try:
            return date.fromisoformat(f"{y:04d}{dl.value[4:]}"), \
                f"dateline {dl.span.text.strip()!r}, year {y} from the text"
        except ValueError:
            pass
    if not years:
        return None, "no dateline and no year in the text"
    year = max(years)
    ref_reading = max(dated, key=lambda r: (r.data["y"], r.data.get("m") or 0, r.data.get("d") or 0))
    ref = date(ref_reading.data["y"], ref_reading.data.get("m") or 1, ref_reading.data.get("d") or 1)
    best: tuple[date, Reading, str] | None = None
    for r in readings:
        if not r.data.get("d") or not r.data.get("m") or r.data.get("rel"):
            continue
        if tense(text, r.start, r.end) == "future":
            continue
        y = r.data.get("y")
        how = "explicit"
        if y is None:
            y = year
            how = f"year {year} from {text[ref_reading.start:ref_reading.end]!r}"
        try:
            d = date(y, r.data["m"], r.data["d"])
        except ValueError:
            continue
        if r.data.get("y") is None and d < ref:
            try:
                d = date(y + 1, r.data["m"], r.data["d"])
            except ValueError:
                continue
        if best is None or d > best[0]:
            best = (d, r, how)
    if best is None:
        return None, "no dateline and no day-precision date in the text"
    d, r, how = best
    return d, f"latest day-precision date in the text {text[r.start:r.end]!r} ({how})"
