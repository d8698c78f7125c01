"""Issue 13, session 40: readings right by the text that TimeBank's tune errors showed (counts in
docs/timex-errors.md, "Session 40"), each on sentences written here."""
from __future__ import annotations

from datetime import date

from conftest import timexes_found as _found

FRIDAY = date(1995, 6, 16)


def test_an_elided_last_takes_the_unit_this_named():
    # "this year as last": the unit "this" named before it in the sentence, one back
    assert _found("The board expects a bigger payout this year than last.", FRIDAY) == [
        ("this year", "DATE", "1995"), ("last", "DATE", "1994")]
    assert _found("Shipments grew faster this quarter than last, the maker said.", FRIDAY) == [
        ("this quarter", "DATE", "1995-Q2"), ("last", "DATE", "1995-Q1")]


def test_last_without_a_unit_before_it_is_no_time():
    assert _found("The convoy reached the border at last.", FRIDAY) == []
    assert _found("Rebels shelled the town harder than last.", FRIDAY) == []
    assert _found("The harvest was as poor as last year.", FRIDAY) == [("last year", "DATE", "1994")]


def test_since_year_end_is_the_end_already_past():
    assert _found("The index has gained 12% since year-end.", FRIDAY) == [("year-end", "DATE", "1994")]
    assert _found("The merger should be completed by year-end.", FRIDAY) == [("year-end", "DATE", "1995")]
