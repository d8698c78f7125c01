"""A country-level event whose sentence says which part of the country it happened in (issue 11, s27): the
country's name with a compass word after it ("Kenya's north-east"), a compass word before its people
("a southern Malian village"), or a compass word alone with the country named elsewhere in the sentence ("in the
northwest") moves the event to that part of the country, as "in northeast Nigeria" already did."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.model import Document
from sitrep.pipeline import extract_document


def _places(headline: str) -> list:
    doc = Document(id="h", text=headline, title=headline, published=date(2021, 5, 6))
    return [e.place for e in extract_document(doc) if e.place is not None]


@pytest.mark.parametrize(("headline", "cc", "part"), [
    ("Militants kill six police officers in Kenya's north-east", "KE", "north-east part of"),
    ("Gunmen raid a southern Malian village, killing nine herders", "ML", "south part of"),
    ("Pakistani army says it killed eight fighters in the northwest", "PK", "northwest part of"),
])
def test_a_part_of_the_country_named_in_the_sentence_places_the_event_there(headline, cc, part):
    places = _places(headline)
    assert places and places[0].country_code == cc and part in (places[0].reason or "")


def test_a_sentence_with_no_compass_word_keeps_the_country_point():
    places = _places("Somali forces kill four militants in overnight raid")
    assert places and places[0].country_code == "SO" and "part of" not in (places[0].reason or "")
