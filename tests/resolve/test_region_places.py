"""A region of one country (``geo_regions.csv``) places a headline's event whatever NER labelled its name: after a
preposition, and as an adjective in the title line when nothing else is named (s31, issue 12)."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.model import Document
from sitrep.pipeline import extract_document


def _places(headline: str) -> list:
    doc = Document(id="h", text=headline, title=headline, published=date(2016, 5, 9))
    return [e.place for e in extract_document(doc)]


@pytest.mark.parametrize(("headline", "name", "cc"), [
    ("Three Somaliland soldiers killed in clashes", "Somaliland", "SO"),
    ("Five Abkhazia guards die in ambush", "Abkhazia", "GE"),
])
def test_a_region_named_as_an_adjective_in_the_title_places_the_event(headline, name, cc):
    [p] = _places(headline)
    assert p is not None and p.name == name and p.country_code == cc and p.feature == "RGN"


def test_an_acronym_of_a_one_country_region_is_a_place_whatever_ner_labels_it():
    [p] = _places("Shelling kills civilian in LPR")
    assert p is not None and p.country_code == "UA" and p.name == "Luhansk People's Republic"


def test_a_peoples_word_of_a_region_does_not_place_the_event():
    places = [p for p in _places("Two Kurdish soldiers killed in clashes") if p is not None]
    assert all(p.feature != "RGN" for p in places)


def test_foreign_troops_named_by_their_country_fight_where_the_group_is():
    [p] = _places("Kenya Troops Kill 12 al-Shabaab Fighters in Raid")
    assert p is not None and p.country_code == "SO"
