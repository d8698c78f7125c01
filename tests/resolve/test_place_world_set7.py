"""Issue 12 (s32): the seventh world toponyms set (benchmarks/data/world_toponyms7.xml: local news of the UK, Ireland,
Australia, India, Nigeria and Canada, towns named with their country's adjective) keeps its floor, and the mechanisms
added with it hold, in sentences written for these tests: a country's adjective before the kind of place ("the
northern Mozambican town of X") or the country with a compass word after the name ("X, in northern Bolivia", "X in
Bolivia's north") puts the name in that country, and with no reading there the resolver abstains rather than take a
namesake abroad; the plural of a division word closing a list ("Katsina, Sokoto and Niger states") makes each name
of the list that division of a country the text names."""
from __future__ import annotations

from pathlib import Path

import pytest
from geo_spans import check_set_floor

from sitrep.resolve import resolve_spans

ROOT = Path(__file__).resolve().parents[2]
WORLD_SET7 = ROOT / "benchmarks" / "data" / "world_toponyms7.xml"
# measured 0.842 once before any change (first run, s32 at 2fcf537; gold points as written)
FLOOR_WORLD7_ACC161 = 0.82


@pytest.mark.slow
def test_seventh_world_set_accuracy_floor():
    check_set_floor(WORLD_SET7, FLOOR_WORLD7_ACC161, toponyms=270)


def _one(text: str, name: str):
    start = text.index(name)
    return resolve_spans(text, [(start, start + len(name))])[0]


@pytest.mark.parametrize(("text", "name", "cc"), [
    ("Flood water rose through the streets of the Bolivian city of Trinidad overnight.", "Trinidad", "BO"),
    ("Police used tear gas on students in the Venezuelan city of Barcelona.", "Barcelona", "VE"),
    ("Rebels shelled the eastern Colombian town Florencia before dawn.", "Florencia", "CO"),
    ("Hundreds queued for water in Trinidad, in northern Bolivia, on Sunday.", "Trinidad", "BO"),
    ("The river burst its banks at Trinidad in Bolivia's north on Sunday.", "Trinidad", "BO"),
])
def test_a_country_adjective_or_a_country_with_a_compass_word_places_the_name_there(text, name, cc):
    p = _one(text, name)
    assert p is not None and p.country_code == cc and not p.reason.startswith("abstain")


def test_with_no_reading_in_that_country_the_resolver_abstains():
    # no Palma of Mozambique in cities500: Mallorca's Palma is not taken instead (s42: the country the words around
    # it give, at precision 3, as place_container does for event places, is what the text says)
    p = _one("Gunmen stormed the hotel in the northern Mozambican town of Palma on Friday.", "Palma")
    assert p is None or p.reason.startswith("abstain") or (p.country_code == "MZ" and p.geo_precision == 3)


def test_a_country_is_not_qualified_by_the_country_after_it():
    p = _one("He spoke of the war with Russia in eastern Ukraine.", "Russia")
    assert p is not None and p.country_code == "RU" and not p.reason.startswith("abstain")


def test_the_plural_division_word_closing_a_list_makes_each_name_a_division():
    text = ("KANO, Nigeria - Gunmen have raided villages in Nigeria's north-west, in Katsina, Sokoto and Niger "
            "states, officials in Abuja said.")
    p = _one(text, "Niger")
    assert p is not None and p.country_code == "NG" and p.feature.startswith("ADM")


def test_a_lone_name_before_a_plural_division_word_is_no_list():
    text = "The campaign tried to win Southern states in the election."
    p = _one(text, "Southern")
    assert p is None or p.reason.startswith("abstain") or p.country_code not in ("BW", "ZM")
