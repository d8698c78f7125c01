"""A headline's killing verb that the parser reads as a noun or an adjective (extract/headline.py), on headlines
written for this test: read as the verb when people stand beside it on the side its form points to."""
from __future__ import annotations

from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

DAY = date(2022, 3, 9)


def headline(text: str):
    return extract_document(document_from_text(text, "h", title=text, published=DAY))


def test_a_past_form_takes_its_victims_before_it():
    events = headline("12 shot dead by masked attackers near the border: officials")
    assert len(events) == 1 and events[0].event_type == "Violence against civilians"


def test_a_present_form_takes_its_victims_after_it():
    events = headline("Militia hacks to death 8 in river town")
    assert len(events) == 1 and events[0].fatalities.best == 8


def test_a_title_case_die_counts_its_dead():
    events = headline("Again 9 Die, Many Hurt As Raiders Invade Farming Villages")
    assert len(events) == 1 and events[0].fatalities.best == 9


def test_a_verb_form_with_no_people_on_its_side_is_no_killing():
    assert not headline("Crowds flock to see Dead Sea scrolls in museum")
    assert not headline("Striker kills off title hopes of 10 rivals")


def test_only_a_dated_title_line_is_read_so():
    text = "Militia hacks to death 8 in river town"
    assert not extract_document(document_from_text(text, "h"))


def test_a_deadly_doer_that_claims_lives_is_a_killing():
    events = headline("Land feud claims seven lives in Kano")
    assert len(events) == 1 and events[0].fatalities.best == 7 and events[0].target is None


def test_claimed_lives_of_another_doer_or_a_total_are_no_event():
    assert not headline("Cholera outbreak claims 14 lives in two districts")
    assert not headline("Road crash claims five lives on the expressway")
    assert not headline("The insurgency, which has claimed 30,000 lives, enters its tenth year")


def test_a_rescue_from_an_armed_group_is_an_operation():
    events = headline("Soldiers rescue 40 farmers from kidnappers in Kaduna forest")
    assert len(events) == 1 and events[0].event_type == "Battles"


def test_a_rescue_from_no_armed_group_is_no_event():
    assert not headline("Firefighters rescue 12 from collapsed building")
    assert not headline("Coast guard rescues 200 migrants from sinking boat")
    assert not headline("Court frees activist from detention")
