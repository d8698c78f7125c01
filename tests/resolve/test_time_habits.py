"""Issue 13, seventh round: TimeML conventions that TimeBank's annotators follow throughout (counted per source group
by ``benchmarks/timex.py --habits``), each on sentences written here."""
from __future__ import annotations

from datetime import date

from conftest import timexes_found as _found

WEDNESDAY = date(1999, 3, 17)


def test_uncounted_hours_before_a_relation_word_are_a_duration():
    # TimeML reads "Three days later", "A few days later" as how long (DURATION); an uncounted "hours" or "minutes"
    # of "hours after" is the same: PTXH, not the day of the last event
    assert _found("The governor resigned hours after the vote.", WEDNESDAY) == [("hours", "DURATION", "PTXH")]
    assert _found("Minutes later a second blast shook the square.", WEDNESDAY) == [
        ("Minutes", "DURATION", "PTXM")]
    # counted, the stretch keeps its count
    assert _found("The governor resigned 12 hours after the vote.", WEDNESDAY) == [("12 hours", "DURATION", "PT12H")]


def test_the_pipeline_keeps_hours_after_as_an_offset_from_the_event():
    # the pipeline (signals on) still dates the resignation by the vote: the whole phrase, relative to the event
    found = _found("The governor resigned hours after the vote.", WEDNESDAY, signals=True)
    assert found == [("hours after", "TIME", "P0D")]


def test_the_foreseeable_future_is_no_time():
    assert _found("The ferry service will stay closed for the foreseeable future.", WEDNESDAY) == []
    # the plain future is still one
    assert _found("The ferry service may reopen in the near future.", WEDNESDAY) == [
        ("the near future", "DATE", "FUTURE_REF")]


def test_a_modal_in_a_clause_told_by_a_verb_of_saying_looks_ahead(nlp):
    # the modal's own verb governs the day; the telling is past, the landfall still to come
    assert _found("Forecasters said the storm could make landfall by Friday.", WEDNESDAY, nlp=nlp) == [
        ("Friday", "DATE", "1999-03-19")]
    # a past told with "could have" stays past
    assert _found("Officials said the blaze could have started Monday.", WEDNESDAY, nlp=nlp) == [
        ("Monday", "DATE", "1999-03-15")]


def test_the_next_century_keeps_its_determiner():
    # as "the last century", "the next year": TimeML's extent holds the determiner
    assert _found("The bridge will be finished early in the next century.", WEDNESDAY) == [
        ("the next century", "DATE", "20")]


def test_the_same_month_last_year_is_the_month_named_before_a_year_back():
    assert _found("Prices in October were 2 percent higher than in the same month last year.", WEDNESDAY) == [
        ("October", "DATE", "1998-10"), ("the same month last year", "DATE", "1997-10")]
    # no month named: the year
    assert _found("Prices rose 2 percent over the same month last year.", WEDNESDAY) == [
        ("the same month last year", "DATE", "1998")]


def test_the_benchmark_names_the_month_of_a_month_offset(tmp_path):
    # TimeML values "a month earlier" as a month, counted from the month named last (TimeBank's "a month ago": a
    # month); the pipeline keeps the offset, the benchmark turns it into the TimeML value
    from conftest import timex_benchmark

    (tmp_path / "b.tml").write_text(
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1999-03-17" functionInDocument="CREATION_TIME">'
        '03/17/1999</TIMEX3></DCT><TEXT>Unemployment was 4.1 percent in <TIMEX3 tid="t1" type="DATE" '
        'value="1999-01">January</TIMEX3>, down from 4.3 percent <TIMEX3 tid="t2" type="DATE" value="1998-12">a '
        'month earlier</TIMEX3>.</TEXT></TimeML>', encoding="utf-8")
    s = timex_benchmark().score_dir(tmp_path)
    assert s["value_accuracy"] == 1.0
