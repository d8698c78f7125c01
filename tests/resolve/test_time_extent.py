"""Issue 13, tdetect: the extent of a time expression as TimeML 1.2.1 draws it, on sentences written here."""
from __future__ import annotations

from datetime import date

from conftest import timexes_found as _found

WEDNESDAY = date(1999, 3, 17)


def test_a_day_and_a_clock_time_joined_by_at_are_two_expressions():
    # the preposition is a SIGNAL, outside any TIMEX3: the day alone, the clock time on that day
    assert _found("The ferry left the harbour Monday at 6:15 a.m. with 200 passengers.", WEDNESDAY) == [
        ("Monday", "DATE", "1999-03-15"), ("6:15 a.m.", "TIME", "1999-03-15T06:15")]


def test_a_clock_time_on_a_day_keeps_that_day():
    # the clock time comes first and is still that day's, not the report's
    assert _found("The shelling stopped at 9 p.m. on Monday, residents said.", WEDNESDAY) == [
        ("9 p.m.", "TIME", "1999-03-15T21:00"), ("Monday", "DATE", "1999-03-15")]
    assert _found("The polls closed at noon on 12 March.", WEDNESDAY) == [
        ("noon", "TIME", "1999-03-12T12:00"), ("12 March", "DATE", "1999-03-12")]


def test_a_clock_time_written_next_to_its_day_stays_one_expression():
    # no preposition between them: TimeBank tags "10 p.m. Wednesday", "noon Thursday" as one
    assert _found("The curfew begins at 10 p.m. Monday.", WEDNESDAY) == [("10 p.m. Monday", "TIME", "1999-03-15T22:00")]
    assert _found("The curfew began Monday night.", WEDNESDAY) == [("Monday night", "TIME", "1999-03-15TNI")]
