"""Issue 12 (s24): the second world toponyms set (benchmarks/data/world_toponyms2.xml, outbreak, humanitarian and
web news written for it) keeps its floor, and the kinds it showed failing resolve, in sentences written for these
tests."""
from __future__ import annotations

from pathlib import Path

import pytest
from geo_spans import check_set_floor, near, spans_of

from sitrep.resolve import geocode_text, resolve_spans

ROOT = Path(__file__).resolve().parents[2]
WORLD_SET2 = ROOT / "benchmarks" / "data" / "world_toponyms2.xml"
# measured 0.911 before any change (first run, ccdbae7), 0.932 after the fixes of s24 (gold points as written)
FLOOR_WORLD2_ACC161 = 0.92


@pytest.mark.slow
def test_second_world_set_accuracy_floor():
    check_set_floor(WORLD_SET2, FLOOR_WORLD2_ACC161, toponyms=190)


@pytest.mark.parametrize("text", [
    "Soldiers from Mali, Chad and Niger will join the new force, the defence ministers said in Abuja, Nigeria.",
    "Refugees from Niger or Chad crossed into Nigeria's Borno state last week.",
])
def test_a_name_listed_with_countries_is_the_country(text):
    # Nigeria has a Niger State; listed with countries, "Niger" is the country
    assert near(text, "Niger", 17.6, 8.1)


def test_a_name_listed_with_states_stays_the_state():
    text = "Flooding in Kogi, Benue and Niger states of Nigeria left 40,000 homeless."
    [p] = resolve_spans(text, spans_of(text, "Niger"))
    assert p is not None and p.country_code == "NG"


@pytest.mark.parametrize(("text", "name", "lat", "lon"), [
    ("Landslides buried 12 homes in West Pasaman regency, the disaster agency said.", "West Pasaman", 0.2, 99.7),
    ("Floods hit villages in South Tangerang and in North Lombok this week.", "North Lombok", -8.35, 116.3),
])
def test_second_order_division_by_its_english_name(text, name, lat, lon):
    # GeoNames writes "Kabupaten Pasaman Barat"; English news drops the generic word and puts the compass first
    assert near(text, name, lat, lon)


@pytest.mark.parametrize(("text", "name", "lat", "lon"), [
    ("Heavy rain is forecast across Central Europe for the weekend.", "Central Europe", 49.0, 15.2),
    ("Tensions in the South Caucasus rose after the border incident.", "South Caucasus", 40.9, 45.3),
])
def test_world_regions_the_first_set_lacked(text, name, lat, lon):
    assert near(text, name, lat, lon)


def test_a_title_ending_on_a_division_after_a_comma():
    # NER reads the division's name as a person's; ending the title after a comma, it is the place
    places = geocode_text("Gunmen raid a market and burn shops, Zamfara", every_mention=False)
    assert [(p.name, p.country_code) for p in places] == [("Zamfara", "NG")]


def test_a_person_after_a_comma_in_a_sentence_is_no_place():
    assert geocode_text("The award went to the singer, Madonna.") == []


def test_a_national_register_cue_names_the_country():
    # "NNPC" (Nigeria's oil company) says the story is Nigerian: Delta is the state, not the Canadian city
    text = "Gunmen attacked an NNPC pipeline in Delta on Monday."
    [p] = resolve_spans(text, spans_of(text, "Delta"))
    assert p is not None and p.country_code == "NG"
