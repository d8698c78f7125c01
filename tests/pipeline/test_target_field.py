"""The output's target field (FORMAT.md: what or whom it hit), end to end: a facility the act hit beats the people
it killed, a place name is never the target when people are named, an abduction keeps whom it took. Short reports
written for these tests (real towns, invented facilities)."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

pytest.importorskip("spacy")


def targets(text: str) -> list[str | None]:
    events = extract_document(document_from_text(text, "t", published=date(2004, 6, 2)))
    assert events, text
    return [e.target for e in events]


def test_the_building_a_truck_bomb_was_driven_into_is_the_target():
    got = targets("Suicide bomber kills 14 in Tikrit\nTIKRIT, June 1 (Reuters) - A suicide bomber drove a van loaded "
                  "with fuel drums into the provincial council headquarters on Tuesday morning, killing at least 14 "
                  "people, police said.\n\nNo group claimed the attack.")
    assert got[0] is not None and "headquarters" in got[0]


def test_the_club_bombs_tore_through_is_the_target_not_the_island():
    got = targets("Two bombs tore through the Blue Lagoon disco on the island of Lombok late on Friday, killing more "
                  "than 40 people, officials said.")
    assert got[0] is not None and "Blue Lagoon" in got[0]


def test_a_market_hit_by_a_shell_is_the_target_not_the_capital():
    got = targets("A mortar shell exploded among the stalls of the crowded fish market in Mogadishu on Sunday, killing "
                  "31 people in the worst attack on the Somali capital this year.")
    assert got[0] is not None and "market" in got[0]


def test_a_place_is_not_the_target_when_people_are_named():
    got = targets("Rebels killed 22 villagers in an attack on the northern town of Gulu on Monday, the army said.")
    assert got[0] is not None and "villagers" in got[0]


def test_an_abduction_keeps_the_people_taken():
    got = targets("Gunmen abducted 30 pupils from a boarding school in the village of Dapchi on Wednesday, police said.")
    assert got[0] is not None and "pupils" in got[0]
