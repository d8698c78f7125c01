"""Issue 12 (s25): the third world toponyms set (benchmarks/data/world_toponyms3.xml, wire, web and outbreak news
from Asia, Africa, Latin America and Europe written for it) keeps its floor, and the kinds it showed failing
resolve, in sentences written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest
from geo_spans import check_set_floor, near, spans_of

from sitrep.resolve import geocode_text, resolve_spans

ROOT = Path(__file__).resolve().parents[2]
WORLD_SET3 = ROOT / "benchmarks" / "data" / "world_toponyms3.xml"
# measured 0.933 before any change (first run, a78fe3d), 0.959 after the fixes of s25 (gold points as written)
FLOOR_WORLD3_ACC161 = 0.94


@pytest.mark.slow
def test_third_world_set_accuracy_floor():
    check_set_floor(WORLD_SET3, FLOOR_WORLD3_ACC161, toponyms=190)


@pytest.mark.parametrize(("text", "name", "lat", "lon"), [
    ("Two Burkinabe soldiers were wounded near the border on Tuesday.", "Burkinabe", 12.5, -1.67),
    ("A Sierra Leonean trader was among the passengers.", "Sierra Leonean", 8.5, -11.5),
    ("Burundian troops withdrew from the town last week.", "Burundian", -3.5, 30.0),
])
def test_demonyms_of_smaller_countries(text, name, lat, lon):
    assert near(text, name, lat, lon)


@pytest.mark.parametrize(("text", "name", "lat", "lon"), [
    ("Fishermen crossed Lake Albert into Uganda after the raid on their village in Congo.", "Lake Albert", 1.7, 30.9),
    ("Boats on Lake Tanganyika carried refugees south from Burundi.", "Lake Tanganyika", -6.0, 29.5),
])
def test_african_lakes_over_a_namesake_town(text, name, lat, lon):
    # cities500 has a small Lake Albert in New South Wales; the lake is the reading a Congo story means
    assert near(text, name, lat, lon)


def test_islands_named_without_the_word():
    # GeoNames names the council area "Shetland Islands"; news writes "Shetland"
    text = "Ferries from Aberdeen to Shetland were cancelled because of the gale."
    [_, p] = resolve_spans(text, spans_of(text, "Aberdeen", "Shetland"))
    assert p is not None and p.country_code == "GB" and p.latitude > 59.5


def test_a_word_without_islands_stays_a_town():
    # the fallback to "<name> Islands" is taken only when the name itself has no reading
    text = "The council in Cook met on Monday."
    [p] = resolve_spans(text, spans_of(text, "Cook"))
    assert p is None or "Islands" not in p.name


def test_southern_kaduna_is_a_region():
    text = "Gunmen killed 11 villagers in Southern Kaduna on Sunday, residents said."
    assert near(text, "Southern Kaduna", 9.7, 8.3)


def test_a_populous_division_over_a_foreign_town_when_no_country_is_named():
    # no country named, no home country: Nigeria's Delta State (millions) over Delta, British Columbia (100,000)
    [p] = geocode_text("Rival cult groups clash in Delta, three feared dead")
    assert p.country_code == "NG" and p.feature == "ADM1"


def test_a_home_country_keeps_the_town():
    text = "Vancouver and Delta councils in British Columbia agreed a new bus line."
    places = {p.name: p.country_code for p in geocode_text(text)}
    assert places.get("Delta") == "CA"


def test_a_compass_abbreviation_inside_an_organisation_is_no_state():
    # "NE" before a country in a name NER reads as an organisation: northeast, not Nebraska
    places = geocode_text("Blast hits NE Nigeria displacement camp, two dead")
    assert [p.country_code for p in places] == ["NG"]


def test_arabic_ah_ending_as_transliterations_vary():
    # GeoNames holds "Hodeida" among the port's names, not "Hodeidah"
    text = "Shipping resumed at the port of Hodeidah after the strikes, officials in Sanaa said."
    assert near(text, "Hodeidah", 14.8, 42.95)
