"""Denials told with a statement, and claims by a named leader of armed men (issue 11, discourse.toml
[claim.denial] and [claim.person]). Sentences written for these tests."""
from __future__ import annotations

from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

PUBLISHED = date(2011, 3, 9)


def report(text: str):
    return extract_document(document_from_text(text, "r", published=PUBLISHED))


def test_a_denial_in_a_statement_is_no_claim():
    events = report("A car bomb killed nine people outside a market in Kandy on Tuesday.\n\n"
                    "The Popular Liberation Army, a rebel group active in the hills, denied any role in a statement.")
    assert events and all(m.claimed is not True for m in events)
    assert all(m.actor1 != "Popular Liberation Army" for m in events)


def test_a_claim_in_a_statement_still_claims():
    events = report("A car bomb killed nine people outside a market in Kandy on Tuesday.\n\n"
                    "Islamic State claimed the attack in a statement.")
    assert any(m.claimed is True for m in events)


def test_a_claim_beside_a_denial_of_something_else_stands():
    events = report("A car bomb killed nine people outside a market in Kandy on Tuesday.\n\n"
                    "Islamic State claimed responsibility in a statement and denied that it had aimed at civilians.")
    assert any(m.claimed is True for m in events)


def test_a_named_rebel_leader_claiming_responsibility_is_the_claimant():
    events = report("Separatist rebel commander Ruslan Tamayev claimed responsibility on Monday for the ambush of "
                    "an army convoy near Vedeno that killed eleven soldiers.")
    claimed = [m for m in events if m.claimed]
    assert claimed and claimed[0].claimant == "Ruslan Tamayev"


def test_he_takes_up_the_rebel_leader_named_before():
    events = report("Separatist rebel commander Ruslan Tamayev claimed responsibility on Monday for the ambush of "
                    "an army convoy near Vedeno that killed eleven soldiers.\n\n"
                    "He also claimed the bombing of a police station in Shali on Saturday that wounded four officers.")
    shali = [m for m in events if any("Shali" in e.text for e in m.evidence)]
    assert shali and shali[0].claimed is True and shali[0].claimant == "Ruslan Tamayev"


def test_a_person_who_is_no_leader_of_armed_men_claims_nothing():
    events = report("Local councillor Ruslan Tamayev claimed responsibility on Monday for the closure of a road "
                    "near Vedeno after a bomb killed eleven soldiers there.\n\n"
                    "He also claimed the bombing of a police station in Shali on Saturday.")
    assert all(m.claimant != "Ruslan Tamayev" for m in events)


def test_a_state_commander_claiming_a_strike_is_no_claim():
    events = report("Army commander Ruslan Tamayev claimed responsibility on Monday for the air strike on a "
                    "rebel camp near Vedeno that killed eleven fighters.")
    assert all(m.claimed is not True for m in events)
