"""A crowd's own deed is an event though the clause model, which weighs an armed doer, refuses it
(clause_model.crowd_does), and looting, ransacking, vandalising and lynching are trigger verbs (events.toml); what a
crowd burns as a sign ([typing.crowds] protest_burnings) is no event. Sentences written for these tests."""
from datetime import date

import pytest

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

MONDAY = date(2025, 3, 10)


def types(body: str) -> list[tuple[str, str]]:
    events = extract_document(document_from_text("Kisumu news\n\n" + body, "t", published=MONDAY))
    return [(e.event_type, e.sub_event_type) for e in events]


VIOLENT_DEMO, MOB = ("Riots", "Violent demonstration"), ("Riots", "Mob violence")


@pytest.mark.parametrize("body,want", [
    ("Protesters set fire to a bank in Kisumu on Saturday, witnesses said.", VIOLENT_DEMO),
    ("Demonstrators torched a police station in Kisumu on Saturday, witnesses said.", VIOLENT_DEMO),
    ("Rioters looted shops in Kisumu on Saturday, police said.", MOB),
    ("A mob ransacked the offices of the electoral commission in Kisumu on Saturday, police said.", MOB),
    ("Protesters vandalised a police station in Kisumu on Saturday, witnesses said.", VIOLENT_DEMO),
])
def test_a_crowds_deed_on_property_is_a_riot(body, want):
    assert types(body) == [want]


def test_armed_men_looting_is_property_destruction():
    assert types("Gunmen looted shops in Kisumu on Saturday, police said.") == [
        ("Strategic developments", "Looting/property destruction")]


def test_a_mob_lynching_a_man_is_mob_violence():
    assert types("A mob lynched a suspected thief in Kisumu on Saturday, police said.") == [MOB]


@pytest.mark.parametrize("body", [
    "Protesters burned flags outside the embassy in Kisumu on Saturday.",
    "Demonstrators burned effigies of the governor in Kisumu on Saturday.",
])
def test_what_a_crowd_burns_as_a_sign_is_no_event(body):
    assert types(body) == []


def test_a_crowd_with_no_violent_deed_is_no_event():
    assert types("Protesters marched through Kisumu on Saturday, chanting slogans, witnesses said.") == []


@pytest.mark.parametrize("body", [
    "The crowd struck a deal with police in Kisumu on Saturday.",
    "Protesters targeted the governor with a petition in Kisumu on Saturday.",
])
def test_a_crowd_verb_of_an_everyday_sense_is_no_event(body):
    assert types(body) == []


def test_what_a_crowd_sets_fire_to_as_a_sign_is_no_event():
    assert types("Protesters set fire to tyres outside the embassy in Kisumu on Saturday.") == []
