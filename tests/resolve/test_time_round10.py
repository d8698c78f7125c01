"""Issue 13, tenth round: the vague past and future of a plural unit with no number ("in previous years", "the past
months", "recent decades", "the coming decades"), counted over the real texts of ../shared (the count is in the
lexicon's [fuzzy] section); one behaviour each, on sentences written here."""
from __future__ import annotations

from datetime import date

from conftest import timexes_found as _found

MONDAY = date(1998, 8, 10)


def test_a_plural_unit_of_the_past_is_the_vague_past_whole():
    # before: "the past" alone (a short extent), "previous years" not found at all
    assert _found("Militias have burned dozens of villages in the past months.", MONDAY) == [
        ("the past months", "DATE", "PAST_REF")]
    assert _found("Such raids were unknown in previous years, the mayor said.", MONDAY) == [
        ("previous years", "DATE", "PAST_REF")]
    assert _found("The valley has seen little rain in recent decades.", MONDAY) == [
        ("recent decades", "DATE", "PAST_REF")]


def test_a_plural_unit_ahead_is_the_vague_future():
    assert _found("The dam will change the river in the coming decades.", MONDAY) == [
        ("the coming decades", "DATE", "FUTURE_REF")]


def test_a_counted_or_single_unit_keeps_its_reading():
    assert _found("Exports fell in the previous year and in the past two years.", MONDAY) == [
        ("the previous year", "DATE", "1997"), ("the past two years", "DURATION", "P2Y")]
