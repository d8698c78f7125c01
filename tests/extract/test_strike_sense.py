"""The senses of "strike" / "struck" (issue 11 kinds 2 and 5, session 41): the verb an air strike only with an air
word or a state as the doer (events.toml, the strike verb's ``weapon_cue``), an attack by other means otherwise; the
noun keeps its air strike; the stoppage words (off in the shipped events.toml) tested on a knowledge of their own. Sentences written for these tests (invented places)."""
from __future__ import annotations

from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document


def events(text: str):
    return extract_document(document_from_text(text, "t", published=date(2024, 3, 6)))


def test_labour_strike_is_no_event_with_the_stoppage_words(tmp_path):
    from sitrep.knowledge import Knowledge, knowledge_path, use_knowledge

    text = knowledge_path("events.toml").read_text(encoding="utf-8")
    assert "stoppage_triggers = []" in text
    (tmp_path / "events.toml").write_text(text.replace("stoppage_triggers = []", 'stoppage_triggers = ["strike"]'),
                                          encoding="utf-8")
    sentence = ("Dock workers began a strike at the port of Valdora on Monday, and the union said the walkout would "
                "last until pay rises.")
    with use_knowledge(Knowledge(tmp_path)):
        assert events(sentence) == []


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


def test_raiders_that_strike_are_no_air_strike():
    found = events("Masked raiders strike again in Kelmar, kill three traders")
    assert found and not any(e.sub_event_type == "Air/drone strike" or "airstrike" in e.weapons for e in found)


def test_jets_that_struck_are_an_air_strike():
    (e,) = events("Government jets struck a rebel depot near Kelmar on Tuesday, killing four fighters.")
    assert e.sub_event_type == "Air/drone strike"
