"""The light coreference of an event's doer (extract/coreference.py), through the whole pipeline, on reports
written for these tests."""
from __future__ import annotations

import pytest

from sitrep.model import Document

pytest.importorskip("spacy")


def events(text: str):
    from sitrep.pipeline import extract_document

    return extract_document(Document(id="t", text=text))


def _one(evs, word: str):
    return next(e for e in evs if e.trigger.text == word)


def test_pronoun_doer_takes_the_group_named_before():
    text = ("Islamic State militants crossed the border on Sunday. They opened fire on a crowd in the market of "
            "Tal Afar, killing six people.")
    e = _one(events(text), "opened")
    assert e.actor1 == "Islamic State"
    assert [s.text for s in e.field_spans["actor1"]] == ["They", "Islamic State"]
    assert [f.text for f in e.roles["perpetrator_organizations"]] == ["Islamic State"]
    assert any("named before 'They'" in n for n in e.notes)


def test_common_noun_doer_takes_an_armed_group_not_a_state():
    text = ("Nigerian troops left the town of Gwoza on Friday. The gunmen burned the market of Gwoza on Saturday "
            "and shot three traders.")
    e = _one(events(text), "shot")  # the shooting names the clause over the burning (events.toml [typing] outranks)
    assert e.actor1 != "Nigeria"
    assert not e.roles.get("perpetrator_organizations")


def test_an_event_that_names_its_actor_keeps_it():
    text = ("Al-Shabaab fighters massed near Afgoye on Monday. Kenyan aircraft bombed their camp near Afgoye on "
            "Tuesday, the army said.")
    e = _one(events(text), "bombed")
    assert e.actor1 != "Al-Shabaab"
    assert "Al-Shabaab" not in [f.text for f in e.roles.get("perpetrator_organizations", [])]


def test_weapon_pronoun_takes_the_weapon_named_before():
    text = ("Two bombs were hidden in rucksacks near the stadium gate. The men carried the bombs into the crowd "
            "before detonating them, killing four people.")
    evs = events(text)
    e = next(e for e in evs if any(s.text == "them" for s in e.field_spans.get("weapons", [])))
    assert "ied" in e.weapons
    assert any(n == "weapons: 'them' refers to 'bombs'" for n in e.notes)


def test_weapon_pronoun_keeps_number():
    text = ("A grenade and two mines were found in the car on Monday. It exploded as the police opened the boot, "
            "wounding two officers.")
    for e in events(text):
        assert not any("'It' refers to 'mines'" in n for n in e.notes)


def test_actor_named_by_a_perpetrator_filler_fills_an_empty_actor1():
    e = events("An Afghan soldier was shot and wounded by Taliban fighters near Kandahar on Monday.")[0]
    assert e.actor1 == "Taliban"
    assert [s.text for s in e.field_spans["actor1"]] == ["Taliban"]
    assert any("named by the perpetrator 'Taliban fighters'" in n for n in e.notes)


def test_actor1_that_names_the_victim_gives_way_to_the_perpetrator():
    text = "A Kurdish fighter killed and then beheaded by Islamic State militants near Kobani was buried on Monday."
    e = events(text)[0]
    assert [f.text for f in e.roles["victims"]] == ["Kurdish fighter"]
    assert e.actor1 == "Islamic State"


def test_a_victim_with_no_named_doer_leaves_actor1_as_it_was():
    e = events("An Armenian soldier was killed near the border village of Tegh on Monday.")[0]
    assert e.actor1 in (None, "Unidentified Armed Group")
