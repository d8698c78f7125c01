""""The latest period" is the quarter the report is about (the one "a year earlier" is compared with), not the
calendar quarter before the report's date: a fiscal fourth quarter told in November stays the fourth."""
from __future__ import annotations

from datetime import date

from conftest import timexes_found as _found

NOVEMBER = date(2006, 11, 8)


def test_the_latest_period_is_the_fiscal_quarter_in_view():
    text = ("Harbor Mills reported a 20% rise in fourth-quarter profit. Revenue in the latest period was $80 "
            "million, up from $70 million a year earlier.")
    assert _found(text, NOVEMBER) == [("fourth-quarter", "DATE", "2006-Q4"), ("the latest period", "DATE", "2006-Q4"),
                                      ("a year earlier", "DATE", "2005-Q4")]


def test_the_latest_quarter_with_no_quarter_in_view_is_the_last_one_over():
    assert _found("Revenue rose 5% in the latest quarter.", NOVEMBER) == [("the latest quarter", "DATE", "2006-Q3")]
