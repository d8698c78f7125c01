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
