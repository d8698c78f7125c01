"""Counties at their namesake town, "Co." counties, and unknown names in a document with no resolved town."""
from __future__ import annotations

from sitrep.model import haversine_km
from sitrep.resolve.gazetteer import get_gazetteer
from sitrep.resolve.place import resolve_spans


def _span(text: str, name: str) -> tuple[int, int]:
    s = text.index(name)
    return s, s + len(name)


def test_a_county_with_no_town_of_its_state_sits_at_its_namesake_town():
    gz = get_gazetteer()
    text = "Deputies in Leavenworth County, Kan., arrested a man on Tuesday, the sheriff's office said."
    [p] = resolve_spans(text, [_span(text, "Leavenworth County")])
    assert p.feature == "ADM2" and p.admin1 == "Kansas" and p.geo_precision == 2
    town = max((i for i in gz.lookup("Leavenworth") if gz.entries_admin1[i] == "KS"), key=lambda i: gz.entries_pop[i])
    assert haversine_km(p.latitude, p.longitude, gz.entries_lat[town], gz.entries_lon[town]) < 1
    assert "sharing its name" in p.reason


def test_a_county_without_a_namesake_town_stays_at_its_state_point():
    gz = get_gazetteer()
    text = "Deputies in Tarrant County, Texas, arrested a man on Tuesday."
    [p] = resolve_spans(text, [_span(text, "Tarrant County")])
    a1 = gz.admin1_entry[("US", "TX")]
    assert p.admin1 == "Texas"
    assert haversine_km(p.latitude, p.longitude, gz.entries_lat[a1], gz.entries_lon[a1]) < 1


def test_co_abbreviation_is_a_county():
    text = "A crash closed the highway in Loudon Co. on Monday, troopers in Tennessee said."
    [p] = resolve_spans(text, [_span(text, "Loudon Co.")])
    assert p is not None and p.feature == "ADM2" and p.admin1 == "Tennessee"


def test_unknown_name_with_no_town_goes_to_the_country_the_document_is_about():
    text = ("Georgian troops shelled Qqzzvani, a village in Georgia's breakaway region, the Georgian "
            "interior ministry said, as Tbilisi accused Russia.")
    [p] = resolve_spans(text, [_span(text, "Qqzzvani")])
    assert p is not None and p.geo_precision == 3 and p.reason.startswith("unknown name")
    assert p.name == "Qqzzvani" and p.geonameid is None and p.country_code == "GE"


def test_unknown_name_with_no_context_at_all_stays_unplaced():
    text = "Qqzzvani was quiet on Monday."
    assert resolve_spans(text, [_span(text, "Qqzzvani")]) == [None]
