"""Issue 13, session 39: what a relative expression counts from. Sentences written here; the counts behind each
behaviour are in docs/timex-errors.md ("Session 39")."""
from __future__ import annotations

from datetime import date

from conftest import timexes_found as _found

REPORT = date(2004, 11, 18)


def test_a_year_earlier_counts_from_the_day_the_period_ended():
    # the sentence tells the day its period ended: "a year earlier" is that day a year back, not the report's year
    found = _found("For the 24 weeks ended Oct. 9, the grocer earned $41 million, against $37 million a year earlier.",
                   REPORT)
    assert ("Oct. 9", "DATE", "2004-10-09") in found
    assert found[-1] == ("a year earlier", "DATE", "2003-10-09")


def test_the_day_told_in_another_sentence_is_not_the_anchor():
    found = _found("The grocer closed its books for the 24 weeks ended Oct. 9. Profit rose 8% from a year earlier.",
                   REPORT)
    assert found[-1] == ("a year earlier", "DATE", "2003")


def test_the_adjective_keeps_the_period_in_view():
    # "year-earlier" names the period compared (here the quarter), not the day it ended
    found = _found("In the quarter ended Sept. 25, the chain lost $3 million, against year-earlier profit of $2 "
                   "million.", REPORT)
    assert found[-1] == ("year-earlier", "DATE", "2003-Q3")


def test_last_year_set_against_a_quarter_is_the_year_earlier_quarter():
    text = ("The miner reported third-quarter profit of $9 million. Copper sales brought $40 million, compared "
            "with $31 million last year.")
    assert _found(text, REPORT)[-1] == ("last year", "DATE", "2003-Q3")


def test_last_year_with_no_quarter_reported_stays_the_year():
    assert _found("Copper sales brought $40 million, compared with $31 million last year.", REPORT) == [
        ("last year", "DATE", "2003")]


def test_the_day_after_a_named_day_counts_from_it():
    found = _found("Last year, traffic on the day after Christmas fell 4 percent.", REPORT)
    assert ("the day", "DATE", "2003-12-26") in found
    assert _found("The market reopened the day before Oct. 3.", REPORT)[0] == ("the day", "DATE", "2004-10-02")


def test_the_day_after_an_event_stays_relative():
    # no day named after the preposition: the offset is left for the event's date
    assert _found("Two men were detained the day after the bombing.", REPORT) == [("the day", "DATE", "P1D")]
