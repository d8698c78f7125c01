"""Small time readings (issue 13, session 39): a time of day after "shortly after / before", a holiday whose name
holds a weekday, "a week from <weekday>". Sentences written for these tests."""
from __future__ import annotations

from datetime import date

from sitrep.resolve.time import DocumentTimes

WEDNESDAY = date(2019, 6, 12)


def values(text: str, anchor: date | None = WEDNESDAY) -> list[tuple[str, str, str]]:
    return [(t.text, t.value, t.anchor) for t in DocumentTimes(text, anchor).find()]


def test_shortly_before_a_time_of_day_is_no_event_anchor():
    out = values("A car bomb went off outside the depot shortly before noon.")
    assert not any(a == "event" for _, _, a in out)
    assert ("noon", "2019-06-12T12:00", "report") in out
    assert not any(a == "event" for _, _, a in values("The rebels withdrew shortly after dawn."))


def test_shortly_after_an_event_stays_relative():
    out = values("Troops arrived at the village. Shortly after, a mine exploded under a truck.")
    assert ("Shortly after", "P0D", "event") in out
    assert ("shortly before", "P0D", "event") in values("He left the hall shortly before the blast.")


def test_holiday_named_with_a_weekday_is_the_holiday():
    anchor = date(2019, 12, 3)
    assert ("Black Friday", "2019-11-29", "report") in values("Shops were crowded on Black Friday.", anchor)
    assert ("Cyber Monday", "2019-12-02", "report") in values("Online sales peaked on Cyber Monday.", anchor)


def test_weeks_from_a_weekday():
    assert values("The talks will resume a week from Friday.") == [("a week from Friday", "2019-06-21", "report")]
    assert values("Voting opens two weeks from Monday.") == [("two weeks from Monday", "2019-07-01", "report")]


def test_weeks_from_a_weekday_not_a_rate_or_a_stretch():
    assert not any(t.startswith("a week") for t, _, _ in values("Guards earn $40 a week from Monday."))
    assert not any(t.startswith("a week") for t, _, _ in values("The camp ran a week from Monday to Sunday."))


def test_weeks_from_a_weekday_without_a_report_date():
    assert values("The talks will resume a week from Friday.", None) == [("a week from Friday", "XXXX-WXX-5",
                                                                          "report")]
