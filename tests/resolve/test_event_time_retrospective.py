"""Session 40 (issue 11 kind 6): event dates in retrospectives and anniversaries. "N years ago today" is the report's
day that many years back (not the year, nor the report's own day); an act told in a clause that hangs on a verb
dated by a year only ("became minister in 1979 after ...") keeps that year and never takes the day of another
clause; "the evening before" counts a day back, as "the night before". Sentences written for these tests; the counts
are in resolve/timex/grammar.py (_ago_on_day), resolve/event_time.py (_year_above) and time_lexicon.toml."""
from __future__ import annotations

from datetime import date

from conftest import timexes_found as _found
from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

FRIDAY = date(2010, 6, 11)


def test_years_ago_today_is_that_day_years_back():
    assert _found("Thirty years ago today, troops opened fire on the marchers.", FRIDAY) == [
        ("Thirty years ago today", "DATE", "1980-06-11")]
    assert _found("Six months ago yesterday the dam was blown up.", FRIDAY) == [
        ("Six months ago yesterday", "DATE", "2009-12-10")]


def test_years_ago_and_a_separate_today_stay_two():
    assert _found("Ten years ago, the town was a village; today it is a city.", FRIDAY) == [
        ("Ten years ago", "DATE", "2000"), ("today", "DATE", "2010-06-11")]


def test_an_anniversary_dates_the_event_it_tells():
    text = ("Veterans mark massacre anniversary\n\nTwenty years ago today, soldiers shot dead 40 villagers in the "
            "hamlet of Kibeho, survivors said.")
    events = extract_document(document_from_text(text, "t", published=FRIDAY))
    assert events and all(m.date == date(1990, 6, 11) for m in events), [(m.trigger.text, m.date) for m in events]


def test_an_act_under_a_verb_dated_by_a_year_takes_no_day_told_before():
    text = ("Police said a bomb killed six people at a market in Kaduna on Tuesday night.\n\nShe entered parliament "
            "in 1995 after her husband was killed by gunmen in Zaria.")
    events = extract_document(document_from_text(text, "t", published=date(2010, 6, 10)))
    shot = [m for m in events if "Zaria" in m.evidence[0].text]
    assert shot and all(m.date is None for m in shot), [(m.trigger.text, m.date, m.notes) for m in shot]
    bomb = [m for m in events if "Kaduna" in m.evidence[0].text]
    assert bomb and all(m.date == date(2010, 6, 8) for m in bomb), [(m.trigger.text, m.date) for m in bomb]


def test_the_evening_before_counts_a_day_back():
    assert _found("Gunmen attacked a police post the evening before the vote.", FRIDAY) == [
        ("the evening before", "TIME", "-P1D")]
