"""Every kind of attack MUC-4 codes, end to end through the pipeline with the learned role model: the ACLED
type, attempted / denied / claimed, and the role fillers as written. Short reports written for these tests
(invented places and people where a name is needed, in the style of 1980s-90s wire copy)."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document


def run(text: str):
    events = extract_document(document_from_text(text, "t", published=date(1990, 3, 14)))
    assert events, text
    return events


def roles(events, key: str) -> list[str]:
    return [f.text for e in events for f in e.roles.get(key, [])]


def test_bombing():
    events = run("Urban guerrillas exploded a car bomb outside the Banco Popular branch in Cali on Monday, "
                 "wounding four passers-by.")
    (e,) = events
    assert e.event_type == "Explosions/Remote violence"
    assert any("bomb" in w.lower() for w in roles(events, "weapons"))
    assert any("guerrillas" in p.lower() for p in roles(events, "perpetrator_individuals"))


def test_armed_attack_on_a_village():
    events = run("Heavily armed men attacked the village of La Esperanza on Tuesday, killing six peasants.")
    e = events[0]
    assert e.event_type in ("Violence against civilians", "Battles")
    assert e.fatalities.best == 6
    assert any("men" in p.lower() for p in roles(events, "perpetrator_individuals"))


def test_assassination_names_the_victim():
    events = run("Gunmen killed judge Mariano Castellar Ruiz as he left his home in Medellin on Wednesday.")
    e = events[0]
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")
    assert any("Castellar" in v for v in roles(events, "victims"))


def test_kidnapping():
    events = run("Rebels of the National Liberation Army kidnapped two oil engineers near Saravena on Thursday.")
    e = events[0]
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Abduction/forced disappearance")
    assert any("National Liberation Army" in o or "Rebels" in o
               for o in roles(events, "perpetrator_organizations") + roles(events, "perpetrator_individuals"))


def test_arson_is_property_destruction():
    (e,) = run("Guerrillas set fire to three buses at the Usulutan terminal on Friday.")
    assert (e.event_type, e.sub_event_type) == ("Strategic developments", "Looting/property destruction")


def test_attempted_attack():
    events = run("Police defused a bomb that had been placed at the door of the Los Andes radio station in "
                 "Bogota on Saturday.")
    assert any(e.attempted for e in events)


def test_denial():
    events = run("The army denied today that its troops attacked the San Rafael cooperative on Sunday.")
    assert any(e.denied for e in events)


def test_claim():
    events = run("A bomb exploded at the Interior Ministry in Lima on Monday. The Shining Path claimed "
                 "responsibility for the attack in a leaflet.")
    (e,) = events
    assert e.claimed is True and e.claimant and "Shining Path" in e.claimant


@pytest.mark.parametrize("caps", [False, True])
def test_all_capitals_wire_copy(caps):
    text = ("SAN SALVADOR, 14 MAR 90 (ACAN-EFE) -- [TEXT] Members of the Farabundo Marti National Liberation "
            "Front today dynamited two electric pylons in Usulutan Department, leaving the city without power. "
            "No one was hurt.")
    text = text.upper() if caps else text
    events = run(text)
    e = events[0]
    assert e.date == date(1990, 3, 14)
    assert e.place is not None and e.place.country == "El Salvador"
    targets = [t.lower() for t in roles(events, "targets")]
    assert any("pylons" in t for t in targets)
    for ev in events:
        for fillers in ev.roles.values():
            assert all(text[f.start:f.end] == f.text for f in fillers)  # as written, case and all


@pytest.mark.parametrize(("text", "expected"), [
    ("Army troops killed 14 insurgents near the town of Santa Rosa on Monday.", "Battles"),
    ("Government soldiers shot dead six rebels outside Villa Nueva on Monday.", "Battles"),
    ("Gunmen killed six peasants in the village of La Esperanza on Monday.", "Violence against civilians"),
])
def test_killing_armed_men_is_a_battle(text, expected):
    """A killing whose victims are armed men (events.toml [typing] armed_men) is an armed clash; one of
    peasants stays violence against civilians."""
    (e,) = run(text)
    assert e.event_type == expected


def _told_after_a_shooting(sentence: str):
    # a pelting alone is no sign of violence on a page (extract/page_signal): told after a shooting
    return extract_document(document_from_text("Gunmen shot dead a policeman in Kano on Saturday. " + sentence, "t",
                                               published=date(1990, 3, 14)))


def test_marchers_pelting_a_consulate_with_rocks_is_an_event():
    events = _told_after_a_shooting("On Sunday hundreds of students marched on the French consulate in Zaria, "
                                    "pelting it with rocks.")
    assert [e.place.name for e in events if e.place is not None] == ["Kano", "Zaria"]


def test_hail_pelting_a_town_is_no_event():
    events = _told_after_a_shooting("On Sunday heavy hail pelted Zaria, damaging cars and roofs.")
    assert [e.place.name for e in events if e.place is not None] == ["Kano"]
