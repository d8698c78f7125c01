"""Places of events in headlines (issues 11 and 12): an abbreviated compass point before a country, a country
named as an adjective when nothing else is named, a division before its country, a division named with its
kind ("X state"), and a first-order division over a small foreign village of the same name."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.model import Document
from sitrep.pipeline import extract_document


def _places(headline: str) -> list:
    doc = Document(id="h", text=headline, title=headline, published=date(2019, 3, 4))
    return [e.place for e in extract_document(doc)]


def test_an_abbreviated_compass_point_is_a_part_of_the_country_not_a_us_state():
    [p] = _places("Roadside bomb kills three soldiers in NW Pakistan")
    assert p is not None and p.country_code == "PK"
    assert "northwest part of Pakistan" in p.reason


def test_a_country_named_as_an_adjective_places_an_event_that_names_nothing_else():
    [p] = _places("Four dead in Somalia market blast")
    assert p is not None and p.country_code == "SO" and p.geo_precision == 3


def test_a_division_named_with_its_kind_places_the_event_not_its_country():
    [p] = _places("Bandits kill nine villagers in Nigeria's Zamfara state")
    assert p is not None and p.name == "Zamfara" and p.feature == "ADM1"


@pytest.mark.parametrize("headline", ["Gunmen storm a church in Borno, kill six worshippers"])
def test_a_first_order_division_wins_over_a_small_foreign_village_of_its_name(headline):
    places = [p for p in _places(headline) if p is not None]
    assert places and all(p.country_code == "NG" for p in places)


def test_a_country_ner_leaves_unlabelled_in_an_event_sentence_places_the_event():
    places = [p for p in _places("Suicide bombers kill at least three in northeast Nigeria") if p is not None]
    assert places and places[0].country_code == "NG" and "northeast part of Nigeria" in places[0].reason


def test_a_victims_nationality_gives_the_country_the_attackers_does_not():
    [p] = _places("Rebels kill five Malian soldiers")
    assert p is not None and p.country_code == "ML" and p.geo_precision == 3
    assert all(p is None or p.country_code != "TR" for p in _places("Turkish drone strike kills four fighters"))
