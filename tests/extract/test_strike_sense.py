"""The senses of "strike" / "struck" (issue 11 kinds 2 and 5, session 41): an air strike only with an air word or a
state's forces as the doer (events.toml, the strike trigger's ``weapon_cue``), an attack by other means otherwise, and
a stoppage of work no event (events.toml [figurative] stoppage_words, modifiers). Sentences written for these tests
(invented places)."""
from __future__ import annotations

from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document


def events(text: str):
    return extract_document(document_from_text(text, "t", published=date(2024, 3, 6)))


def test_labour_strike_is_no_event():
    assert events("Dock workers began a strike at the port of Valdora on Monday, and the union said the walkout "
                  "would last until pay rises.") == []


def test_nationwide_strike_is_no_event():
    assert events("Shops and schools in Valdora stayed shut on Monday during a nationwide strike against the new "
                  "fuel tax.") == []


def test_car_that_struck_a_cyclist_is_no_air_strike():
    found = events("A delivery van struck a cyclist on the ring road in Marsden on Tuesday, police said.")
    assert not any(e.sub_event_type == "Air/drone strike" for e in found)


def test_bullet_that_struck_a_woman_is_no_air_strike():
    found = events("A bullet struck the woman in the chest in the market of Tarvin on Monday, police said.")
    assert found and not any(e.sub_event_type == "Air/drone strike" for e in found)


def test_drone_strike():
    (e,) = events("A drone strike hit a house in the village of Kelmar on Tuesday, killing four people.")
    assert e.sub_event_type == "Air/drone strike"


def test_state_forces_strike_on_a_town_is_an_air_strike():
    (e,) = events("A Turkish strike on the town of Belvor killed six fighters on Tuesday.")
    assert e.sub_event_type == "Air/drone strike"
    (e,) = events("The army carried out a strike on the town of Belvor on Tuesday, killing six fighters.")
    assert e.sub_event_type == "Air/drone strike"


def test_strike_with_no_air_word_and_no_state_is_an_attack():
    (e,) = events("Four farmers were killed in a strike on the village of Kelmar on Tuesday.")
    assert e.sub_event_type != "Air/drone strike" and "airstrike" not in e.weapons
