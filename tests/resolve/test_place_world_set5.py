"""Issue 12 (s28): the fifth world toponyms set (benchmarks/data/world_toponyms5.xml, outbreak reports and web news in
GeoVirus / GeoWebNews style) keeps its floor, and the mechanisms added for it hold, in sentences written for these
tests: a country named once by a stray name does not outweigh the document's own country; a town's main name less
its linking tail ("Newcastle" for Newcastle upon Tyne) counts as its main name; a bare US county name with no other
reading is the county in a US story."""
from __future__ import annotations

from pathlib import Path

import pytest
from geo_spans import check_set_floor, near, spans_of

from sitrep.model import haversine_km
from sitrep.resolve import geocode_text, resolve_spans
from sitrep.resolve.place import _main_name_head

ROOT = Path(__file__).resolve().parents[2]
WORLD_SET5 = ROOT / "benchmarks" / "data" / "world_toponyms5.xml"
# measured 0.899 once before any change (first run, s28 at 84ebcdb); 0.909 after s28's fixes (gold points as written)
FLOOR_WORLD5_ACC161 = 0.90


@pytest.mark.slow
def test_fifth_world_set_accuracy_floor():
    check_set_floor(WORLD_SET5, FLOOR_WORLD5_ACC161, toponyms=280)


def test_a_foreign_town_named_once_does_not_take_the_documents_capital():
    # one Canadian town (Saskatoon) in a British story (Britain, Great Britain, Northern Ireland): "LONDON" and
    # "Brussels" are not Ontario's namesakes, which support each other
    text = ("LONDON - Brussels and Britain agreed on Wednesday to ease checks on goods shipped from Great Britain to "
            "Northern Ireland, officials said. Ports in Belfast and Cairnryan will share one system, and a grain "
            "shipper from Saskatoon welcomed the terms.")
    [p, q, r] = resolve_spans(text, spans_of(text, "LONDON", "Brussels", "Saskatoon"))
    assert p is not None and p.country_code == "GB"
    assert q is not None and haversine_km(q.latitude, q.longitude, 50.85, 4.35) <= 161
    assert r is not None and r.country_code == "CA"


@pytest.mark.parametrize(("text", "name", "lat", "lon"), [
    ("Members at Holyrood voted against the bill on Thursday.", "Holyrood", 55.95, -3.17),
    ("The assembly at Stormont has not sat for a year.", "Stormont", 54.6, -5.83),
    ("Shares of the two lenders fell 4% on Dalal Street after the results.", "Dalal Street", 18.93, 72.83),
])
def test_parliaments_and_markets_named_for_their_institution(text, name, lat, lon):
    assert near(text, name, lat, lon)


@pytest.mark.parametrize(("name", "key", "head"), [
    ("Frankfurt am Main", "frankfurt", True),
    ("Newcastle upon Tyne", "newcastle", True),
    ("Boulogne-sur-Mer", "boulogne", True),
    ("Frankfurt (Oder)", "frankfurt", True),
    ("Mexico City", "mexico", False),
    ("New York City", "new york", False),
    ("Newcastle", "newcastle", False),
])
def test_a_main_name_less_its_linking_tail(name, key, head):
    assert _main_name_head(name, key) is head


def test_a_bare_county_name_in_a_us_story_is_the_county():
    text = ("Flood warnings were issued for Avoyelles and Rapides parishes in Louisiana on Tuesday, and schools "
            "in Avoyelles stayed closed, the sheriff's office said.")
    spans = spans_of(text, "Louisiana")
    s = text.index("Avoyelles", text.index("schools"))
    [_, p] = resolve_spans(text, spans + [(s, s + len("Avoyelles"))])
    assert p is not None and p.feature == "ADM2" and haversine_km(p.latitude, p.longitude, 31.08, -92.05) <= 161


def test_a_bare_county_name_outside_a_us_story_stays_unresolved():
    text = "Avoyelles was the name of the ship that docked in Marseille, France, on Friday."
    [p] = resolve_spans(text, spans_of(text, "Avoyelles"))
    assert p is None


def test_names_listed_with_a_place_are_places():
    # NER finds the first town of the list; the others are known towns of the gazetteer listed with it
    text = "Heavy rain flooded homes in Larkana, Jacobabad and Dadu districts on Sunday."
    found = {p.span.text: p.country_code for p in geocode_text(text)}
    assert found.get("Jacobabad") == "PK" and found.get("Dadu") == "PK"


def test_a_list_of_people_is_not_made_places():
    text = "Smith and Jones met reporters in Paris on Monday."
    assert [p.span.text for p in geocode_text(text)] == ["Paris"]


@pytest.mark.parametrize(("text", "name"), [
    ("Kremlin says talks with envoy 'went nowhere'\nMOSCOW (AP) - The Kremlin said on Thursday that the talks had "
     "failed.", "Kremlin"),
    ("Downing Street and Brussels close in on a deal over fishing\nLONDON - Officials said on Monday that talks would "
     "go on.", "Downing Street"),
    ("Wall Street slides as rates rise\nNEW YORK - Stocks fell on Tuesday.", "Wall Street"),
    ("[1] Malawi\nThe Ministry of Health reported 214 new cases in the past week.", "Malawi"),
])
def test_a_country_or_landmark_no_entity_holds_is_found(text, name):
    assert name in {p.span.text for p in geocode_text(text)}
