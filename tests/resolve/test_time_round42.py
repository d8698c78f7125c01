"""Issue 13, session 42: the shapes 1998-2000 wire copy carries (datelines, weekdays, "earlier this month", "the
past week", fiscal quarters, "the 1990s") on sentences written here, and the comparison "a month earlier than
usual" (counts in docs/timex-errors.md, "Session 42")."""
from __future__ import annotations

from datetime import date

from conftest import timexes_found as _found

TUESDAY = date(1999, 10, 19)  # ISO week 1999-W42


def test_a_count_earlier_or_later_than_is_how_long():
    # a difference between two times, not a date counted back from one (TimeML: DURATION, the comparison outside)
    assert _found("The monsoon reached the coast a month earlier than usual.", TUESDAY) == [
        ("a month", "DURATION", "P1M")]
    assert _found("The new plant will open two years later than planned.", TUESDAY) == [
        ("two years", "DURATION", "P2Y")]
    # without "than" the count still dates: a year back from the day in view
    assert _found("The bridge fell on March 3. A month earlier, engineers had warned of cracks.", TUESDAY) == [
        ("March 3", "DATE", "1999-03-03"), ("A month earlier", "DATE", "-P1M")]


def test_earlier_this_month_and_the_past_week(nlp):
    text = "Police said Tuesday they had arrested four men over a cafe bombing earlier this month."
    assert _found(text, TUESDAY, nlp=nlp) == [("Tuesday", "DATE", "1999-10-19"),
                                              ("earlier this month", "DATE", "1999-10")]
    # "the past week" is the week before the report's (TimeBank's "the past year": the year before, 2 of 2)
    assert _found("Over the past week, the militia shelled the suburbs.", TUESDAY) == [
        ("the past week", "DATE", "1999-W41")]
    assert _found("Prices have risen over the past two weeks.", TUESDAY) == [("the past two weeks", "DURATION", "P2W")]


def test_weekdays_of_a_preview_and_of_a_report(nlp):
    assert _found("The talks resume on Monday in Geneva.", TUESDAY, nlp=nlp) == [("Monday", "DATE", "1999-10-25")]
    assert _found("The committee meets Thursday to weigh the bill.", TUESDAY, nlp=nlp) == [
        ("Thursday", "DATE", "1999-10-21")]
    assert _found("Gunmen ambushed a bus Sunday near the border.", TUESDAY, nlp=nlp) == [
        ("Sunday", "DATE", "1999-10-17")]
    assert _found("Late last week, the rebels pulled back from the ridge.", TUESDAY, nlp=nlp) == [
        ("Late last week", "DATE", "1999-W41")]


def test_fiscal_quarters_and_years():
    assert _found("Profit for the fiscal third quarter, which ended Sept. 30, rose 12 percent.", TUESDAY) == [
        ("the fiscal third quarter", "DATE", "1999-Q3"), ("Sept. 30", "DATE", "1999-09-30")]
    assert _found("The agency expects the deficit to shrink in fiscal 2000.", TUESDAY) == [
        ("fiscal 2000", "DATE", "2000")]
    assert _found("Analysts expect a loss in the first quarter of fiscal 2000.", TUESDAY) == [
        ("the first quarter of fiscal 2000", "DATE", "2000-Q1")]
    assert _found("Sales in the six months ended June 30 were flat.", TUESDAY) == [
        ("the six months", "DURATION", "P6M"), ("June 30", "DATE", "1999-06-30")]


def test_decades():
    assert _found("Sales in the 1990s more than doubled.", TUESDAY) == [("the 1990s", "DATE", "199")]
    assert _found("It was the worst violence since the 1980s.", TUESDAY) == [("the 1980s", "DATE", "198")]
    assert _found("The war of the early 1990s left thousands dead.", TUESDAY) == [("the early 1990s", "DATE", "199")]


def test_a_noun_s_day_of_the_month_after_the_report_is_the_coming_one(nlp):
    # a day that times a noun, in the month after the report's: the clause's past tells nothing of it, and eleven
    # months back would have been written with its year
    monday = date(2020, 1, 20)
    assert _found("The finalists for the prize on Feb. 9 were not named in the vote.", monday, nlp=nlp) == [
        ("Feb. 9", "DATE", "2020-02-09")]
    # a day of an earlier month keeps the past reading
    assert _found("The finalists for the prize on Dec. 9 were not named in the vote.", monday, nlp=nlp) == [
        ("Dec. 9", "DATE", "2019-12-09")]
    # a day the past verb governs keeps it too ("struck on", eleven months back)
    assert _found("Rebels struck the depot on Feb. 9 and fled.", monday, nlp=nlp) == [
        ("Feb. 9", "DATE", "2019-02-09")]


def test_a_sentence_never_parsed_is_not_read_as_one_with_no_governing_verb(nlp):
    # only the first sentence parsed (the pipeline parses what can hold an event): the second's past keeps its
    # day eleven months back, as without any parse (review s42)
    from sitrep.resolve.time import DocumentTimes

    monday = date(2020, 1, 20)
    text = "Officials met on Monday. Rebels struck the depot on Feb. 9 and fled."
    found = DocumentTimes(text, monday, parses=[(0, nlp("Officials met on Monday."))]).find()
    assert [(t.text, t.value) for t in found if t.text == "Feb. 9"] == [("Feb. 9", "2019-02-09")]
