"""Issue 13, eighth round (TimeBank's remaining value errors grouped by kind, ``benchmarks/timex.py --kinds`` and
``--focus``): the kinds found wrong on sentences written here, one behaviour each."""
from __future__ import annotations

from datetime import date

from conftest import timexes_found as _found

WEDNESDAY = date(1998, 8, 12)


def test_a_day_between_a_verb_of_saying_and_the_clause_it_tells_is_the_telling(nlp):
    # the parser hangs "on Tuesday" on the told verb ("honor"), whose "would" looks ahead; the day is the saying's
    assert _found("Egypt said on Tuesday it would honor the treaty.", WEDNESDAY, nlp=nlp) == [
        ("Tuesday", "DATE", "1998-08-11")]
    assert _found("Officials told reporters on Monday the suspect will be flown to New York.", WEDNESDAY,
                  nlp=nlp) == [("Monday", "DATE", "1998-08-10")]
    # a day inside the told clause, after its "that" or its subject, is the told verb's
    assert _found("Officials said that on Friday they will reopen the embassy.", WEDNESDAY, nlp=nlp) == [
        ("Friday", "DATE", "1998-08-14")]
    assert _found("He said the talks will resume on Friday.", WEDNESDAY, nlp=nlp) == [
        ("Friday", "DATE", "1998-08-14")]


def test_a_clock_time_with_a_second_zone_in_brackets_takes_the_day_written_after_it():
    # wire style: "at 10:40 a.m. (0740 GMT) Friday": both clock times are Friday's, not the report's day
    assert _found("Bombs exploded at the two embassies at about 10:40 a.m. (0740 GMT) Friday.", WEDNESDAY) == [
        ("about 10:40 a.m.", "TIME", "1998-08-07T10:40"), ("0740 GMT", "TIME", "1998-08-07T07:40"),
        ("Friday", "DATE", "1998-08-07")]
    # the day before the clock: the bracketed zone takes it too (the day and "noon" two expressions, "at" a
    # preposition outside both, as TimeML 1.2.1 draws them)
    assert _found("The truce began on Sunday at noon (1000 GMT).", WEDNESDAY) == [
        ("Sunday", "DATE", "1998-08-09"), ("noon", "TIME", "1998-08-09T12:00"), ("1000 GMT", "TIME", "1998-08-09T10:00")]
    # no day written: the report's
    assert _found("The talks open at 9 a.m. (0600 GMT).", WEDNESDAY) == [
        ("9 a.m.", "TIME", "1998-08-12T09:00"), ("0600 GMT", "TIME", "1998-08-12T06:00")]


def test_an_event_timed_by_a_bracketed_clock_is_dated_by_the_day_after_it():
    from sitrep.ingest.text import document_from_text
    from sitrep.pipeline import extract_document

    text = ("NAIROBI, Kenya (AP) _ A bomb exploded outside the U.S. embassy in Nairobi at about 10:40 a.m. "
            "(0740 GMT) Friday, killing at least 80 people.")
    events = extract_document(document_from_text(text, "t", published=date(1998, 8, 8)))
    assert events and all(m.date == date(1998, 8, 7) for m in events), [(m.date, m.notes) for m in events]
