"""Headline detection in other outlets' styles (issue 11, s32-detect): each behaviour on headlines written for this
test, of countries in no headline set."""
from __future__ import annotations

from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

DAY = date(2023, 3, 14)


def headline(text: str):
    return extract_document(document_from_text(text, "h", title=text, published=DAY))


def test_a_disaster_named_by_its_kind_is_no_doer():
    assert not headline("Cyclone Freddy kills 190 in southern Malawi")
    assert not headline("Hurricane Otis kills 27 in Acapulco")
    assert not headline("Typhoon Rai kills 375 in central Visayas")


def test_an_armed_doer_before_the_same_verb_still_kills():
    assert len(headline("Gunmen kill 12 in attack on village in Burkina Faso")) == 1
    assert len(headline("Rebels storm Gao army camp, killing nine soldiers")) == 1


def test_the_dead_a_disaster_leaves_are_no_event():
    assert not headline("Floods leave 40 dead in western Kenya")
    assert not headline("Landslide leaves 12 dead in Nepal's Sindhupalchok")
    assert not headline("Cyclone Mocha leaves 145 dead in Myanmar's Rakhine")


def test_the_dead_an_attack_leaves_are_still_its_toll():
    assert len(headline("Car bomb leaves 12 dead in Mogadishu market")) == 1
    assert len(headline("Militant attack leaves 9 dead in Kashmir's Kupwara")) == 1
