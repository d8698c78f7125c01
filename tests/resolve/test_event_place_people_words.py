"""A word for people is no town, whatever cue or comma stands before it ("killings by Army, Police" is not Police,
Poland; "Kills Man, Lagos" is not Man, Ivory Coast): issue 11, UCDP headlines."""
from __future__ import annotations

from datetime import date

from sitrep.model import Document
from sitrep.pipeline import extract_document


def _places(headline: str) -> set:
    doc = Document(id="h", text=headline, title=headline, published=date(2020, 3, 4))
    return {(e.place.name, e.place.country_code) for e in extract_document(doc) if e.place is not None}


def test_a_word_for_people_after_a_comma_is_not_a_town():
    h = "Senators probe killings of traders by Army, Police"
    doc = Document(id="h", text=h, title=h, published=date(2020, 3, 4))
    events = extract_document(doc)
    assert events and not any(e.place is not None and e.place.country_code == "PL" for e in events)


def test_the_town_after_a_word_for_people_still_places_the_event():
    assert {cc for _, cc in _places("Gang Kills Man, Kaduna")} == {"NG"}
