"""Issue 13, twelfth round (session 32): a clock time on the day in view, an expectation told in the past; one
behaviour each, on sentences written here (the counts behind each are in the code or lexicon comments)."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from conftest import timexes_found as _found

SATURDAY = date(2001, 3, 17)


def test_a_clock_time_is_on_the_day_in_view():
    text = "A fire swept through the market on Thursday. It broke out at 4:15 p.m. near the gate."
    assert _found(text, SATURDAY) == [("Thursday", "DATE", "2001-03-15"), ("4:15 p.m.", "TIME", "2001-03-15T16:15")]


def test_a_clock_time_with_no_day_in_view_is_on_the_report_day():
    assert _found("The market opened at 9:30 a.m. as usual.", SATURDAY) == [("9:30 a.m.", "TIME", "2001-03-17T09:30")]


def test_a_day_expected_in_a_past_clause_is_ahead(nlp):
    assert _found("The inspectors were expected in Lusaka on Tuesday.", SATURDAY, nlp=nlp) == [
        ("Tuesday", "DATE", "2001-03-20")]
    # a deed told, not an expectation: the last Tuesday
    assert _found("The inspectors were stopped in Lusaka on Tuesday.", SATURDAY, nlp=nlp) == [
        ("Tuesday", "DATE", "2001-03-13")]


def test_the_wire_stories_are_read_whole():
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    import timex

    docs = timex.read_dir(timex.WIRE1_DIR)
    assert len(docs) == 14 and all(d.dct is not None for d in docs)
    golds = [g for d in docs for g in d.timexes]
    assert len(golds) == 194 and sum(g.type == "DATE" for g in golds) == 137
    assert all(d.text[g.start:g.end] == g.text for d in docs for g in d.timexes)
