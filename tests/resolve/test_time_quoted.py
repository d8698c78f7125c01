"""Issue 13 (session 34): a quoted speaker's "today" / "tomorrow" counts from the day the attribution names, not
from the report's date; sentences written here (the counts behind the rule are in ``time_lexicon.toml`` [quoted])."""
from __future__ import annotations

from datetime import date

from conftest import timexes_found as _found

FRIDAY = date(2003, 5, 16)


def test_a_day_before_the_quotation_is_the_speakers():
    text = 'Addressing farmers in Gulu on Wednesday, the minister said: "Today we open a new road."'
    assert ("Today", "DATE", "2003-05-14") in _found(text, FRIDAY)


def test_a_day_after_the_quotation_is_the_speakers():
    text = '"We will sign the accord tomorrow," the envoy told reporters on Monday.'
    assert ("tomorrow", "DATE", "2003-05-13") in _found(text, FRIDAY)


def test_a_speech_told_in_the_sentence_before():
    text = ('The president spoke in a televised address on Tuesday evening. "Today, the siege is over," '
            "he said.")
    assert ("Today", "DATE", "2003-05-13") in _found(text, FRIDAY)


def test_a_quotation_whose_attribution_names_no_day_is_the_reports():
    text = 'Troops shelled the town on Monday. "Today we buried eleven people," a nurse said.'
    assert ("Today", "DATE", "2003-05-16") in _found(text, FRIDAY)
    assert ("today", "DATE", "2003-05-16") in _found("The talks resumed today after a pause.", FRIDAY)


def test_the_wire3_stories_are_read_whole():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    import timex

    docs = timex.read_dir(timex.WIRE3_DIR)
    assert len(docs) == 10 and all(d.dct is not None for d in docs)
    golds = [g for d in docs for g in d.timexes]
    assert len(golds) == 178 and sum(g.type == "DATE" for g in golds) == 148
    assert all(d.text[g.start:g.end] == g.text for d in docs for g in d.timexes)


def test_a_day_of_another_clause_after_the_attribution_is_not_the_speakers():
    text = '"This is a sad day for the city today," said the mayor, who will attend the funeral on Tuesday.'
    assert ("today", "DATE", "2003-05-16") in _found(text, FRIDAY)
