"""An event whose sentence names no place but takes one up again with "the town", "the city", "the village" or
"the area" (``knowledge/place_anaphors.txt``): the last place of that level the report named before, not the
dateline's town (resolve/event_place.py ``place_before`` -> ``_anaphor_place``). Sentences written for these
tests."""
from __future__ import annotations

from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

DATELINE = "LAGOS, June 3 (Reuters) - "


def _places(text: str) -> list[tuple[str, str]]:
    events = extract_document(document_from_text(text, "t", published=date(2021, 6, 3)))
    return [(e.evidence[0].text if e.evidence else "", e.place.name if e.place else "-") for e in events]


def test_the_town_takes_the_town_named_before_not_the_dateline():
    text = (DATELINE + "Gunmen killed five farmers near Kaduna on Wednesday, police said.\n\n"
            "It was the third attack in the town this month: two traders were shot dead there on Sunday.")
    got = _places(text)
    assert any("third attack" in s and p == "Kaduna" for s, p in got), got


def test_a_division_named_in_between_is_skipped_for_the_town():
    text = (DATELINE + "Gunmen killed five farmers in Jos on Wednesday, police said. Plateau state has seen "
            "months of raids.\n\nOn Friday soldiers clashed with the gunmen in the city centre, killing three.")
    got = _places(text)
    assert any("city centre" in s and p == "Jos" for s, p in got), got


def test_the_city_of_a_name_is_no_anaphor():
    text = (DATELINE + "Gunmen killed five farmers near Kaduna on Wednesday, police said.\n\n"
            "Soldiers clashed with bandits in the city of Zaria on Friday, killing three.")
    got = _places(text)
    assert any("Zaria" in s and p == "Zaria" for s, p in got), got


def test_no_town_before_keeps_the_fallback():
    text = (DATELINE + "Nigeria's army said on Wednesday it was sending more troops to the north.\n\n"
            "Gunmen killed three villagers in the village on Friday, police said.")
    got = _places(text)
    assert got and all(p != "Kaduna" for _, p in got), got


def test_a_division_its_sentence_names_beats_the_dateline_town_of_another():
    text = ("ABUJA, May 9, 2021 (AFP) - Gunmen killed nine traders at a market in Abuja on Saturday, police said.\n\n"
            "It was the deadliest attack in the north since March 2, when soldiers and militiamen killed at least 30 "
            "civilians, 10 of them children, in the hamlet of Tudun Kwarbai in the Zamfara state, according to "
            "Amnesty International.")
    events = extract_document(document_from_text(text, "t", published=date(2021, 5, 9)))
    got = [(e.date.isoformat() if e.date else None, e.place.name if e.place else "-") for e in events]
    assert ("2021-03-02", "Zamfara") in got, got
