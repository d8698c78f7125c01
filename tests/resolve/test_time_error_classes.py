"""benchmarks/timex.py --classes: a wrong DATE value is classed by the two values and the document's date alone."""
from __future__ import annotations

from datetime import date

from conftest import timex_benchmark

SUNDAY = date(2004, 6, 13)


def test_each_way_a_value_can_be_wrong_has_its_class():
    cls = timex_benchmark().error_class
    assert cls("2004-06-11", None, SUNDAY) == "no value"
    assert cls("2004-WXX", "2004-W23", SUNDAY) == "gold unspecified (X)"
    assert cls("2009", "P5Y", SUNDAY) == "duration for a date"
    assert cls("PAST_REF", "PXM", SUNDAY) == "date for a duration"
    assert cls("200X", "PAST_REF", SUNDAY) == "REF against a date"
    assert cls("2003-Q2", "2003", SUNDAY) == "granularity"
    assert cls("2004-06-18", "2004-06-11", SUNDAY) == "direction"  # a Friday read back, meant ahead
    assert cls("2004-05", "2003-05", SUNDAY) == "anchor / offset"  # the same side, a year off
    assert cls("2004-W22", "2004-W23", SUNDAY) == "anchor / offset"  # the week of the report against the one before
