"""An earlier event named by a later sentence ("four hours after the bombing") joins the event the report told
before, never starts one (issue 11, s33-recall). Sentences written for this test."""
from __future__ import annotations

from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

DAY = date(2021, 5, 4)


def body(text: str):
    return extract_document(document_from_text(text, "r", published=DAY))


def triggers(e) -> list[str]:
    return [s.text for s in e.field_spans.get("trigger", [])]


def test_a_definite_reference_joins_the_event_told_before():
    events = body("A car bomb exploded outside the grain market in Kirkuk on Monday, killing six traders. "
                  "Shops stayed shut all week. Four hours after the bombing, police closed every road into the city.")
    assert len(events) == 1
    assert "bombing" in triggers(events[0])
    assert events[0].fatalities.best == 6


def test_a_reference_alone_makes_no_event():
    assert body("Four hours after the bombing, police closed every road into the city.") == []


def test_a_reference_to_another_victims_killing_joins_nothing():
    events = body("Gunmen shot dead judge Carlos Ruiz outside his house in Medellin on Tuesday. "
                  "Ruiz had moved to the city after the murder of the journalist Pedro Salas.")
    assert len(events) == 1
    assert "murder" not in triggers(events[0])


def test_a_cause_or_an_indefinite_event_is_no_reference_to_the_told_one():
    text = ("A suicide bomber blew himself up at a checkpoint in Mosul on Friday, killing four policemen. "
            "The group said it acted in retaliation for the killing of its commander. "
            "Hours later a guard was seen limping after a shootout near the bridge.")
    starts = {s.start for e in body(text) for s in e.field_spans.get("trigger", [])}
    assert text.index("killing of its") not in starts  # another side's act, the cause
    assert text.index("shootout") not in starts  # "a shootout": an event of its own, not the one told


def test_the_dead_of_an_earlier_act_clause_join_that_act():
    # issue 11, s39: "..., killing N" inside a "since / after X" clause tells X's dead, not an act of its own
    events = body("Army patrols were doubled in the valley on Sunday, the heaviest deployment since insurgents "
                  "ambushed a supply convoy near Tarnak on 12 March, killing 14 drivers.")
    march = [e for e in events if e.date == date(2021, 3, 12)]
    assert len(march) == 1
    assert march[0].fatalities.best == 14
