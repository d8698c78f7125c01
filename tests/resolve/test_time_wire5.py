"""The 1998-2000 wire passages of ``data/wire_timex5.txt`` (issue 13, seventh round: written and measured once before
any rule was fitted to them; the first figure is in the file's header) stay above their floors, measured as
benchmarks/timex.py measures them; and the kinds that set's first run found wrong, on sentences written here."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import check_wire_floors
from conftest import timexes_found as _found

WIRE5 = Path(__file__).parent / "data" / "wire_timex5.txt"

# first run, unseen: DATE value accuracy 0.959, all types 0.948, strict F1 0.972 (two faults of the set mended after
# it: 0.960 / 0.948 / 0.977); after issue 13's seventh round: 0.993 / 0.979 / 0.988
FLOORS = {"value_accuracy": 0.99, "value_accuracy_all_types": 0.975, "strict_f1": 0.985}

WEDNESDAY = date(1999, 6, 16)


def test_wire5_floors(nlp):
    check_wire_floors(WIRE5, nlp, FLOORS, docs=100, dates=270)


def test_a_year_or_a_millennium_by_its_name():
    assert _found("Banks said their computers had passed every Y2K test.", WEDNESDAY) == [("Y2K", "DATE", "2000")]
    assert _found("The city will greet the new millennium with a concert.", WEDNESDAY) == [
        ("the new millennium", "DATE", "2")]
    # the plain "millennium" of a bug or a dome names no single period
    assert _found("The millennium dome stood empty.", WEDNESDAY) == []


def test_an_ordinal_day_takes_the_month_in_view():
    text = "Elections are due in October, most likely on the 24th, the minister said."
    assert _found(text, WEDNESDAY)[:2] == [("October", "DATE", "1999-10"), ("the 24th", "DATE", "1999-10-24")]
    # no month named: the report's month, on the side its clause looks to
    assert _found("The council will decide by the 20th.", WEDNESDAY) == [("the 20th", "DATE", "1999-06-20")]
    # an ordinal before a noun is a count, not a day
    assert _found("It was the 12th bombing on the 3rd floor since the 15th century.", WEDNESDAY)[-1:] == [
        ("the 15th century", "DATE", "14")]
    assert [t for t in _found("He finished on the 12th hole.", WEDNESDAY)] == []


def test_a_day_joined_to_another_takes_its_verb(nlp):
    assert _found("The Mets play the Braves tonight and Friday.", WEDNESDAY, nlp=nlp) == [
        ("tonight", "TIME", "1999-06-16TNI"), ("Friday", "DATE", "1999-06-18")]
    assert _found("The Mets played the Braves Monday and Tuesday.", WEDNESDAY, nlp=nlp) == [
        ("Monday", "DATE", "1999-06-14"), ("Tuesday", "DATE", "1999-06-15")]


def test_a_present_that_looks_ahead_carries_its_nouns_along(nlp):
    assert _found("Forecasters expect heavy rain over the weekend.", WEDNESDAY, nlp=nlp) == [
        ("the weekend", "DATE", "1999-W24-WE")]
    assert _found("Heavy rain fell over the weekend.", WEDNESDAY, nlp=nlp) == [("the weekend", "DATE", "1999-W23-WE")]


def test_a_month_after_since_is_over():
    day = date(1998, 12, 22)
    assert _found("The coalition has been shaky since January.", day) == [("January", "DATE", "1998-01")]
    # without "since", a bare month eleven months back in a past clause is the coming one (TimeBank's habit)
    assert _found("The ministry told the companies of a cutback in January.", day) == [("January", "DATE", "1999-01")]


def test_a_day_that_times_a_noun_is_not_put_ahead_by_another_clause(nlp):
    day = date(1998, 12, 2)
    text = "They would not hand him over to the court, which accuses him of ordering the Aug. 7 bombings."
    assert _found(text, day, nlp=nlp) == [("Aug. 7", "DATE", "1998-08-07")]
    # a day ahead stays ahead
    assert _found("Voters will decide the Dec. 20 runoff.", day, nlp=nlp) == [("Dec. 20", "DATE", "1998-12-20")]


def test_a_quarter_point_is_no_time():
    assert _found("The bank cut its main rate by a quarter point.", WEDNESDAY) == []
    assert _found("Rates rose a quarter-percentage point.", WEDNESDAY) == []
    assert _found("Profit fell in the quarter.", WEDNESDAY) != []


def test_a_unit_off_a_time_is_a_duration():
    assert _found("The celebrations came a year early.", WEDNESDAY) == [("a year", "DURATION", "P1Y")]
    assert _found("The ship docked a day late.", WEDNESDAY) == [("a day", "DURATION", "P1D")]
    # a bare "a year" with nothing around it is no time
    assert _found("It was a year of war.", WEDNESDAY) == []
