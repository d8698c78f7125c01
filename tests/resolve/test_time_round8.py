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
