"""Sentences that complete the event told before them, and combat between armed forces flagged as such."""
from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document


def run(text: str):
    return extract_document(document_from_text(text, "t", published=date(1990, 5, 3)))


def test_victims_named_in_the_next_sentence():
    (e,) = run("Gunmen killed four peasants in the village of Las Flores yesterday. The victims were identified "
               "as Jose Manuel Rivera, Pedro Cortez, Ana Maria Ordonez and policeman Leon Gomez Vigia.")
    names = [f.text for f in e.roles["victims"]]
    assert {"Jose Manuel Rivera", "Pedro Cortez", "Ana Maria Ordonez", "Leon Gomez Vigia"} <= set(names)
    assert any("identified" in s.text for s in e.evidence)


def test_a_list_far_from_the_event_is_not_its_victims():
    events = run("Gunmen killed four peasants in the village of Las Flores yesterday. The mayor spoke at length. "
                 "The council met in the morning. The budget was approved. Schools reopened on Monday. "
                 "They are Jose Manuel Rivera and Pedro Cortez.")
    assert all("Pedro Cortez" not in [f.text for f in e.roles.get("victims", [])] for e in events)


def test_a_list_after_an_event_that_harmed_no_one_is_ignored():
    events = run("Guerrillas dynamited a power pylon near Usulutan on Tuesday. The names are Jose Rivera and "
                 "Pedro Cortez.")
    assert events and all("Pedro Cortez" not in [f.text for f in e.roles.get("victims", [])] for e in events)


def test_combat_between_armed_forces_is_flagged():
    (e,) = run("Rebels ambushed an army convoy near Saravena on Monday, killing seven soldiers.")
    assert e.military


def test_an_attack_on_civilians_is_not_flagged():
    (e,) = run("Rebels ambushed a bus carrying farm workers near Saravena on Monday, killing seven peasants.")
    assert not e.military


def test_a_place_is_not_a_victim():
    events = run("Guerrillas attacked Usulutan and San Miguel on Monday, killing three peasants.")
    victims = [f.text for e in events for f in e.roles.get("victims", [])]
    assert events and "San Miguel" not in victims and "Usulutan" not in victims


def test_an_event_minutes_after_one_told_by_its_month_keeps_the_month():
    """ "Minutes after" a shooting told "in September 1989": September 1989, not its first day."""
    events = run("A gunman killed two guards at a warehouse in Denver in September 1989. Minutes after the "
                 "shooting, he shot a driver on the highway.")
    relative = [m for m in events if any("the event it follows" in n for n in m.notes)]
    assert relative, [m.notes for m in events]
    for m in relative:
        assert (m.date, m.date_precision) == (date(1989, 9, 1), "month"), (m.date, m.date_precision)
