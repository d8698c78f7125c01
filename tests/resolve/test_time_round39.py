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
