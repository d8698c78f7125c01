"""Issue 12 (s26): the fourth world toponyms set (benchmarks/data/world_toponyms4.xml, web, world and outbreak news
annotated as GeoWebNews and GeoVirus annotate: metonyms, demonyms, streets and buildings) keeps its floor, and the
kinds it showed failing resolve, in sentences written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest
from geo_spans import check_set_floor, near, spans_of

from sitrep.resolve import geocode_text, resolve_spans

ROOT = Path(__file__).resolve().parents[2]
WORLD_SET4 = ROOT / "benchmarks" / "data" / "world_toponyms4.xml"
# measured 0.861 before any change (first run, b88e833), 0.927 after the fixes of s26 (gold points as written)
FLOOR_WORLD4_ACC161 = 0.91


@pytest.mark.slow
def test_fourth_world_set_accuracy_floor():
    check_set_floor(WORLD_SET4, FLOOR_WORLD4_ACC161, toponyms=280)


@pytest.mark.parametrize(("text", "name", "lat", "lon"), [
    ("Officials at Downing Street declined to say when the minister would resign.", "Downing Street", 51.5, -0.13),
    ("The Kremlin called the sanctions an act of economic war.", "Kremlin", 55.75, 37.62),
    ("A spokesman for the White House said the president would veto the bill.", "White House", 38.9, -77.04),
    ("Shares on Wall Street rose after the bank cut its rates.", "Wall Street", 40.71, -74.01),
])
def test_landmarks_named_for_a_government_or_market(text, name, lat, lon):
    assert near(text, name, lat, lon)


def test_a_regions_adjective_is_the_region():
    text = "Two Catalan politicians returned to Barcelona after six years abroad."
    [p, _] = resolve_spans(text, spans_of(text, "Catalan", "Barcelona"))
    assert p is not None and p.country_code == "ES"


def test_a_country_after_a_dateline_town_is_the_country():
    # "TOWN, Country -" is a town and its qualifier, not a list of two towns
    text = "BEIRA, Mozambique - Cyclone winds tore roofs off schools in Sofala province on Friday."
    [_, p] = resolve_spans(text, spans_of(text, "BEIRA", "Mozambique"))
    assert p is not None and p.feature in ("PCLI", "PCL")


def test_a_dateline_names_the_city_not_the_state():
    text = "NEW YORK (AP) - Subway service was suspended after a fire on Tuesday, officials said."
    [p] = resolve_spans(text, spans_of(text, "NEW YORK"))
    assert p is not None and abs(p.latitude - 40.71) < 0.5 and abs(p.longitude + 74.0) < 0.5


@pytest.mark.parametrize(("text", "name", "lat", "lon"), [
    ("Storm surges flooded harbours across Cornwall and Devon overnight.", "Devon", 50.7, -3.7),
    ("Police in Suffolk closed two roads after a lorry overturned.", "Suffolk", 52.2, 1.0),
])
def test_a_county_of_many_towns_over_a_foreign_town(text, name, lat, lon):
    # no country named: England's counties, not Devon, South Africa or Suffolk, Virginia
    assert near(text, name, lat, lon)


def test_a_home_country_keeps_its_town_over_a_county_abroad():
    text = "The Suffolk city council in Virginia met in Norfolk on Monday."
    [p] = resolve_spans(text, spans_of(text, "Suffolk"))
    assert p is not None and p.country_code == "US"


def test_a_landmark_with_its_article_is_found():
    # NER labels "the White House" an organisation, article and all; the name without it is a landmark
    names = [p.span.text for p in geocode_text("Lawmakers met at the White House on Monday to discuss the budget.")]
    assert "White House" in names


def test_two_places_in_one_entity_are_both_found():
    # NER reads "Malappuram and Kannur" as one name (a work of art); each side is a town, the whole no place
    names = {p.span.text for p in geocode_text("Health workers traced contacts in Malappuram and Kannur over the weekend.")}
    assert {"Malappuram", "Kannur"} <= names


def test_a_country_named_with_and_stays_whole():
    names = [p.span.text for p in geocode_text("Officials in Bosnia and Herzegovina said the border would reopen.")]
    assert "Bosnia" not in names and "Herzegovina" not in names


def test_a_town_named_like_a_landmark_keeps_its_state():
    text = "Whitehall police arrested a man after a chase through Columbus, Ohio, on Friday."
    [p] = resolve_spans(text, spans_of(text, "Whitehall"))
    assert p is not None and p.country_code == "US" and abs(p.latitude - 40.0) < 0.5


def test_a_division_named_after_its_town_leaves_the_name_to_the_town():
    # "Kramatorsk" is also an alternate name of Kramatorskyi Raion (a division of many towns): the town, not the raion
    text = "A missile struck the railway station in Kramatorsk on Friday as civilians waited to leave."
    [p] = resolve_spans(text, spans_of(text, "Kramatorsk"))
    assert p is not None and p.feature.startswith("PPL") and abs(p.latitude - 48.72) < 0.1
