"""Issue 13, session 38: the kinds timex_wire4 (a tune set of wire and broadcast stories) found wrong and TimeBank has
none of: a weekday that times a gathering called for (ahead, whatever the tense of the calling), and a quarter told
as ended in a relative clause (the year it ended in, the quarter "the year-earlier quarter" compares with). Sentences
written here; the counts are in time_lexicon.toml ([tense] calling_verbs) and grammar.py (_ENDED)."""
from __future__ import annotations

from datetime import date

from conftest import timexes_found as _found

THURSDAY = date(2001, 5, 10)


def test_a_weekday_of_a_gathering_called_for_is_ahead(nlp):
    assert _found("Student leaders called for demonstrations outside the ministry on Monday.", THURSDAY, nlp=nlp) == [
        ("Monday", "DATE", "2001-05-14")]
    assert _found("The dockers' union called for a march to the port after Saturday's shift.", THURSDAY,
                  nlp=nlp) == [("Saturday", "DATE", "2001-05-05")]  # a possessive: the shift's day, told past


def test_a_weekday_after_a_call_for_a_state_is_the_calling_day(nlp):
    assert _found("The governor called for calm on Tuesday after the riots.", THURSDAY, nlp=nlp) == [
        ("Tuesday", "DATE", "2001-05-08")]
    assert _found("Farmers held a march on Monday.", THURSDAY, nlp=nlp) == [("Monday", "DATE", "2001-05-07")]


def test_a_quarter_told_as_ended_in_a_relative_clause_takes_the_year_it_ended_in():
    text = ("Net income for the fiscal third quarter, which ended March 31, fell 8 percent from the year-earlier "
            "quarter.")
    assert _found(text, THURSDAY) == [("the fiscal third quarter", "DATE", "2001-Q3"), ("March 31", "DATE", "2001-03-31"),
                                      ("the year-earlier quarter", "DATE", "2000-Q3")]


def test_a_bare_year_ago_after_a_month_is_the_year():
    # "the same period last year" after a month is that month a year back (test_time_wire4); "a year ago" is the year
    text = "Bread prices, which jumped in February, are now lower than a year ago."
    assert _found(text, THURSDAY)[-1] == ("a year ago", "DATE", "2000")


def test_a_holiday_takes_the_year_its_sentence_opens_with(nlp):
    text = "Two years ago, rain forced the town to cancel its parade on Memorial Day."
    assert _found(text, THURSDAY, nlp=nlp) == [("Two years ago", "DATE", "1999"), ("Memorial Day", "DATE", "1999-05-31")]
