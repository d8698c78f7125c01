"""Issue 13, eleventh round: clause cues in hard-wrapped text, a possessive weekday in capitals, "due to" as a cause;
one behaviour each, on sentences written here (the counts behind each are in the code or lexicon comments)."""
from __future__ import annotations

from datetime import date

from conftest import timexes_found as _found

THURSDAY = date(1999, 2, 25)
FRIDAY = date(1988, 5, 20)
MARCH_5 = date(1999, 3, 5)


def test_a_line_break_of_wrapped_text_does_not_end_the_clause():
    # the past verb is on the line before the date: the clause goes on over the line end
    assert _found("The rebels who shelled\nthe town on 10 March are still there.", THURSDAY) == [
        ("10 March", "DATE", "1998-03-10")]


def test_a_paragraph_break_still_ends_the_clause():
    assert _found("The rebels shelled the town.\n\n10 March is a holiday there.", THURSDAY)[0][2] != "1998-03-10"
    # a headline over a paragraph of running text (no line end within 100 characters): its cue stays out
    text = ("Government will respond, minister says\nOn 10 March rebels shelled the northern town, killing eleven "
            "people and wounding dozens more, local officials said.")
    assert _found(text, THURSDAY) == [("10 March", "DATE", "1998-03-10")]


def test_a_possessive_weekday_in_capitals_is_not_a_day_set_ahead():
    assert _found("THE ESA HAS CLAIMED RESPONSIBILITY FOR WEDNESDAY'S ATTACK.", FRIDAY) == [
        ("WEDNESDAY", "DATE", "1988-05-18")]


def test_due_to_a_cause_does_not_look_ahead():
    assert _found("On 25 February, due to heavy rains, the river rose.", MARCH_5) == [
        ("25 February", "DATE", "1999-02-25")]
    assert _found("The ship is due to arrive on 25 February.", MARCH_5) == [
        ("25 February", "DATE", "2000-02-25")]


def test_the_same_night_is_the_night_of_the_event_told():
    found = _found("Gunmen hit the police station on 3 March. The same night, rebels attacked the barracks.", THURSDAY)
    assert found == [("3 March", "DATE", "1998-03-03"), ("The same night", "TIME", "P0D")]
