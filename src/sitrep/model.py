"""Plain dataclasses that the stages exchange. No I/O here.

Every annotation points into the document text with character offsets (``Span``), so any
field can be traced back to the exact words it came from.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from datetime import date


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` of a document's text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Document:
    """One report. ``text`` is everything offsets refer to (title line included when present)."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None
    path: str | None = None
    body_start: int = 0  # offset where the body starts (after a title / FILE: header)
    meta: dict = field(default_factory=dict)


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    screened: bool = False  # True when the cheap screen says it may hold an event


@dataclass
class Timex:
    """A temporal expression normalised to a TimeML value."""

    start: int
    end: int
    text: str
    type: str  # DATE / TIME / DURATION / SET
    value: str  # TimeML value: 2023-12-08, 2023-W49, 2023-12, 2023, P2D, PRESENT_REF ...
    anchor: str | None = None  # what it was resolved against: "report", "event", "absolute"

    @property
    def precision(self) -> str | None:
        """``day`` / ``week`` / ``month`` / ``year`` for DATE values, else None."""
        v = self.value.split("T", 1)[0] if len(self.value) > 10 and self.value[10:11] == "T" else self.value
        if len(v) == 10 and v[4] == "-" and v[7] == "-" and v[:4].isdigit():
            return "day"
        if len(v) >= 7 and v[4:6] == "-W":
            return "week"
        if len(v) == 7 and v[4] == "-" and v[:4].isdigit():
            return "month"
        if len(v) == 4 and v.isdigit():
            return "year"
        return None

    @property
    def date(self) -> date | None:
        """The first day the value covers, when it is a calendar date of any precision."""
        p = self.precision
        try:
            if p == "day":
                return date.fromisoformat(self.value[:10])
            if p == "week":  # a weekend ("2000-W05-WE") begins on the Saturday
                first = 6 if self.value.endswith("-WE") else 1
                return date.fromisocalendar(int(self.value[:4]), int(self.value[6:8]), first)
            if p == "month":
                return date(int(self.value[:4]), int(self.value[5:7]), 1)
            if p == "year":
                return date(int(self.value), 1, 1)
        except ValueError:
            return None
        return None


@dataclass
class Place:
    """A resolved place. ``geo_precision`` follows ACLED: 1 the named town/facility, 2 a nearby
    or larger part of a region, 3 only the province / region / country is known."""

    name: str
    latitude: float
    longitude: float
    country: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    geonameid: int | None = None
    feature: str | None = None  # GeoNames feature code, or facility type (base, embassy, oilfield ...)
    geo_precision: int = 1
    source: str | None = None  # gazetteer row / facility source
    span: Span | None = None
    reason: str | None = None  # why this reading won (or why it abstained)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["span"] = self.span.to_dict() if self.span else None
        return d


@dataclass
class Count:
    low: int | None = None
    best: int | None = None
    high: int | None = None
    spans: list[Span] = field(default_factory=list)


@dataclass
class RoleFiller:
    text: str
    start: int
    end: int


@dataclass
class ReportedTotal:
    """A cumulative or statistical statement ("more than 28,000 soldiers have been killed since 2015"): how many
    were killed or wounded over a span or an area, and by whose account. Never an incident."""

    document_id: str
    casualty: str  # killed / injured
    count: Count
    span_text: Span | None = None  # the phrase that makes it a total ("since 2015", "in the war")
    area: Span | None = None  # the place it covers, when the clause names one
    reported_by: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)


# The notes an event dated only by its report's date (resolve/event_time.fill_date) or placed only by its report's
# main place (resolve/event_place.fill_place) carries: merging reads them (merge/across.date_from_report,
# place_from_report), since such a date or place may be another event's of the report
REPORT_DATE_NOTE = "date: the report's date"
# ... or dated only by the day its source said it ("X said on Sunday its men had fired the rockets": the deed was done
# on or before that day; resolve/event_time.attach_dates)
SAID_DATE_NOTE = "date: the day its source said it"
# ... or dated only by the day of an act of another type told before it (resolve/event_time.inherit_told_dates): a
# guess, often right, that a report's later acts are its lede's (the MIT officer told after the Friday shootout was
# shot on the Thursday night), so merging reads it as a bound too
OTHER_ACT_DATE_NOTE = "date: the day of an act of another type told before it"
# ... or dated by a day after "by" ("no group had claimed the attack by Friday", "By Sunday the toll had risen to
# 129"): the day by which it had happened, a bound (resolve/event_time.attach_dates)
BY_DATE_NOTE = "date: the day by which it had happened"
# ... or dated by the event a definite reference with no day of its own is taken to name ("the attack in Barcelona":
# the last dated event told before; merge/within.merge_mentions): right 2, wrong 4 in MUC-4 DEV 0001-0700 and the
# merge tune sets (scripts/event_date_causes.py), so merging reads it as a bound too
REFERENCE_DATE_NOTE = "date: that of the event"
# ... or told at an offset of weeks or more from an event whose day is not known ("A car bomb exploded ... 3 years
# later"): its day is not the report's either (merge/within; resolve/event_time.fill_date leaves it undated)
OFFSET_UNCOUNTED_NOTE = "date: unknown, counted by weeks or more from an event whose day is not known"
REPORT_PLACE_NOTE = "place: document's main place"


@dataclass
class EventMention:
    """One event as one passage of one document describes it."""

    document_id: str
    trigger: Span
    sentence_index: int
    event_type: str
    sub_event_type: str
    weapons: list[str] = field(default_factory=list)
    actor1: str | None = None
    actor2: str | None = None
    target: str | None = None
    place_text: Span | None = None
    place: Place | None = None
    timex: Timex | None = None
    date: date | None = None
    date_precision: str | None = None  # day / week / month
    fatalities: Count = field(default_factory=Count)
    injured: Count = field(default_factory=Count)
    claimed: bool | None = None
    claimant: str | None = None
    denied: bool = False
    attempted: bool = False
    reported_by: list[str] = field(default_factory=list)
    hedged: bool = False
    generic: bool = False  # a statement about events in general ("near-daily attacks"): not an event
    plural: bool = False  # the trigger is a plural noun ("the attacks"): may speak of several events
    speaks_of: int | None = None  # how many told events it names when the text says: "both / either attack(s)" 2
    split_groups: list[str] = field(default_factory=list)  # one clause naming far-apart places, split per place
    military: bool = False  # armed forces against armed forces, no civilian target or named victim
    headline: bool = False  # told in the title line of a dated report: its day is the publication date
    evidence: list[Span] = field(default_factory=list)
    field_spans: dict[str, list[Span]] = field(default_factory=dict)
    roles: dict[str, list[RoleFiller]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def hurt_people(self) -> bool:
        """Named victims, dead, wounded, or violence against civilians: the event harmed people."""
        return bool(self.roles.get("victims") or self.fatalities.best or self.injured.best
                    or self.event_type == "Violence against civilians")

    def add_span(self, name: str, span: Span | None) -> None:
        if span is None:
            return
        spans = self.field_spans.setdefault(name, [])
        if span not in spans:
            spans.append(span)
