"""A headline's count of the dead of violence with no attack word, and a strike on an armed side's hold (issue 11,
s39): each behaviour on headlines written for this test (events.toml [actors] toll_words, toll_doers, loss_verbs,
armed_holds; extract/headline.toll_triggers, extract/clause_model._armed_hold)."""
from __future__ import annotations

from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

DAY = date(2023, 3, 14)


def headline(text: str):
    return extract_document(document_from_text(text, "h", title=text, published=DAY))


def test_a_toll_of_violence_is_a_killing():
    assert len(headline("Death toll from ethnic violence in Manipur rises to 54")) == 1
    assert len(headline("Police confirm 3 deaths in Kisumu post-election unrest")) == 1


def test_a_toll_of_no_violence_is_no_event():
    assert not headline("Death toll from Turkey earthquake rises to 40,000")
    assert not headline("Minister resigns over death of student in Lusaka")
    assert not headline("Heatwave deaths in Seville reach 12")
    assert not headline("Police record 14 deaths in domestic violence in Lima this year")


def test_a_war_toll_is_no_incident():
    assert not headline("Death toll from the Tigray war passes 300,000")


def test_casualties_an_armed_side_suffers_are_a_fight():
    events = headline("Malian army suffers heavy casualties near Tessalit")
    assert len(events) == 1 and events[0].event_type == "Battles"


def test_casualties_of_no_armed_side_are_no_event():
    assert not headline("Floods cause heavy casualties in Assam")
    assert not headline("Hospital records 30 casualties after bus crash in Kandy")


def test_the_toll_is_read_in_the_title_line_only():
    doc = document_from_text("Council approves budget for 2024\n\nKISUMU, March 13 -- Three deaths in the unrest were "
                             "confirmed by the county on Monday.", "b", published=DAY)
    assert not extract_document(doc)


def test_a_strike_on_an_armed_groups_hideout_is_an_event():
    assert len(headline("MAF destroys insurgents' hideout near Kidal")) == 1  # a doer no list names
    assert len(headline("Squadron destroys jihadists camp in Menaka")) == 1


def _holds(text: str) -> list[bool]:
    from sitrep.extract import document as report
    from sitrep.extract.clause_model import _armed_hold
    from sitrep.nlp import analyze

    analysis = analyze(document_from_text(text, "h", title=text, published=DAY))
    return [_armed_hold(c.trigger_token) for c in report.candidates(analysis)]


def test_a_camp_of_no_armed_side_is_no_armed_hold():
    assert _holds("Air force destroys rebels' hideout in Cabo Delgado") == [True]
    assert _holds("Council destroys illegal camp of street vendors in Accra") == [False]
    assert not any(_holds("Soldiers destroy army base gate in Darwin"))
