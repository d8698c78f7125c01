"""A headline that lists the places of its act with commas ("in Kunar, Nangarhar", "6 in Kunar, 3 in Khost") tells
one event per place, as UCDP and ACLED code them (resolve/event_place.split_places, s38); a town and its division
("in Jalalabad, Nangarhar") is one place, and a body sentence's commas split nothing."""
from __future__ import annotations

from datetime import date

from sitrep.model import Document
from sitrep.pipeline import extract_document

DAY = date(2020, 9, 8)


def _places(headline: str, body: str = "") -> list[tuple[str, str | None]]:
    text = headline + ("\n\n" + body if body else "")
    doc = Document(id="h", text=text, title=headline, published=DAY)
    return sorted((e.place.name, e.place.feature) for e in extract_document(doc) if e.place is not None)


def test_divisions_listed_with_a_comma_are_one_event_each():
    names = [n for n, _ in _places("Militants kill 11 villagers in Kunar, Nangarhar")]
    assert len(names) == 2 and {"Kunar", "Nangarhar"} <= {n.split(" ")[0] for n in names}


def test_a_count_per_place_splits_too():
    names = [n for n, _ in _places("Gunmen kill 6 in Kunar, 3 in Khost")]
    assert len(names) == 2


def test_a_count_per_place_splits_in_a_title_case_line_too():
    names = [n for n, _ in _places("Gunmen Kill 6 In Kunar, 3 In Khost")]
    assert len(names) == 2


def test_a_town_and_its_division_are_one_place():
    assert len(_places("Gunmen kill four traders in Jalalabad, Nangarhar")) == 1
