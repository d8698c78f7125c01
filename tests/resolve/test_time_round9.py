"""Issue 13, ninth round: time expressions that hold beyond TimeBank, counted over the real texts of ../shared (each
rule's count is in its lexicon section or its comment); one behaviour each, on sentences written here."""
from __future__ import annotations

from datetime import date

from conftest import timexes_found as _found

SUNDAY = date(1999, 1, 10)


def test_a_half_or_quarter_of_a_game_is_no_date():
    game = ("The Rams led 14-7 at halftime. Smith threw a touchdown pass early in the second half and kicked a field "
            "goal in the fourth quarter on Sunday.")
    assert _found(game, SUNDAY) == [("Sunday", "DATE", "1999-01-10")]
    # one word of a game is not enough: the business quarter stays
    assert _found("Sales rose in the fourth quarter, and a touchdown of the new jet is due.", SUNDAY) == [
        ("the fourth quarter", "DATE", "1998-Q4")]
    # a year written after it is the calendar's even in a game report
    assert _found("The quarterback's touchdowns in the first half of 1998 set a record.", SUNDAY) == [
        ("the first half of 1998", "DATE", "1998-H1")]


def test_a_spoken_decade_is_the_decade():
    # broadcast style, "the nineteen sixties" (ECB+: 9, none found before); the century's word gives the century
    assert _found("She became a pin-up in the nineteen fifties and was rediscovered in the late nineteen eighties.",
                  SUNDAY) == [("the nineteen fifties", "DATE", "195"), ("the late nineteen eighties", "DATE", "198")]
    assert _found("The railway was built in the eighteen nineties.", SUNDAY) == [
        ("the eighteen nineties", "DATE", "189")]


def test_a_decade_of_someones_life_is_an_age():
    assert _found("He was hired in his early twenties; the victims were women in their forties.", SUNDAY) == []
    assert _found("The city grew fast in the twenties.", SUNDAY) == [("the twenties", "DATE", "192")]
