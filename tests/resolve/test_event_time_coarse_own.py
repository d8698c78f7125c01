"""An event whose own sentence holds a year or a span counted from another event ("In 1994", "just months after")
takes no other event's day (``event_time.coarse_time_of_its_own``, ``inherit_told_dates``); sentences written here."""
from datetime import date
from types import SimpleNamespace

from sitrep.model import EventMention, Span
from sitrep.resolve.event_time import coarse_time_of_its_own, inherit_told_dates

FRIDAY = date(2019, 6, 7)


def mention(text: str, trigger: str, at: int = 0, day: date | None = None) -> EventMention:
    start = at + text.index(trigger)
    m = EventMention(document_id="t", trigger=Span(start, start + len(trigger), trigger), sentence_index=0,
                     event_type="Violence against civilians", sub_event_type="Attack")
    m.evidence = [Span(at, at + len(text), text)]
    m.field_spans["trigger"] = [m.trigger]
    if day is not None:
        m.date, m.date_precision = day, "day"
        m.field_spans["date"] = [Span(at, at + 6, "Friday")]
    return m


def test_a_year_or_a_span_before_the_event_is_a_coarse_time_of_its_own():
    assert coarse_time_of_its_own(mention("In 1994, the gang tried to murder a judge.", "murder"), FRIDAY)
    assert coarse_time_of_its_own(mention("It came just months after a farmer shot two men.", "shot"), FRIDAY)
    assert coarse_time_of_its_own(mention("The 2011 raid freed two hostages.", "raid"), FRIDAY)


def test_a_day_a_time_since_or_a_time_from_the_report_is_not():
    assert coarse_time_of_its_own(mention("On Friday gunmen shot two men.", "shot"), FRIDAY) is None
    assert coarse_time_of_its_own(mention("Gunmen shot two men for three months.", "shot"), FRIDAY) is None
    assert coarse_time_of_its_own(mention("Threats had come since 1994 before gunmen shot two men.", "shot"),
                                  FRIDAY) is None
    assert coarse_time_of_its_own(mention("The attack was the fifth this year.", "attack"), FRIDAY) is None


def test_an_event_with_a_year_of_its_own_keeps_no_day_and_one_without_takes_the_day_told():
    first = "Friday gunmen shot dead three nurses."
    lede = mention(first, "shot", day=FRIDAY)
    old = mention("In 1994, the same gang tried to murder a judge.", "murder", at=200)
    again = mention("The gunmen shot a guard too.", "shot", at=400)
    inherit_told_dates([SimpleNamespace(merged=m) for m in (lede, old, again)])
    assert old.date is None
    assert again.date == FRIDAY
