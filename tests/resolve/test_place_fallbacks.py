"""Counties at their own points, "Co." counties, and names the gazetteer lacks (no reading: None)."""
from __future__ import annotations

from sitrep.model import haversine_km
from sitrep.resolve import get_gazetteer, resolve_spans


def _span(text: str, name: str) -> tuple[int, int]:
    s = text.index(name)
    return s, s + len(name)


def test_a_county_sits_at_its_own_point_not_at_its_state_or_a_namesake_town():
    gz = get_gazetteer()
    text = "Deputies in Tarrant County, Texas, arrested a man on Tuesday."
    [p] = resolve_spans(text, [_span(text, "Tarrant County")])
    assert p.feature == "ADM2" and p.admin1 == "Texas" and p.geo_precision == 2 and p.geonameid
    a1 = gz.admin1_entry[("US", "TX")]
    assert haversine_km(p.latitude, p.longitude, gz[a1].lat, gz[a1].lon) > 161
    fort_worth = max((i for i in gz.lookup("Fort Worth") if gz[i].admin1 == "TX"), key=lambda i: gz[i].pop)
    assert haversine_km(p.latitude, p.longitude, gz[fort_worth].lat, gz[fort_worth].lon) < 40
    assert "county's point" in p.reason


def test_co_abbreviation_is_a_county():
    text = "A crash closed the highway in Loudon Co. on Monday, troopers in Tennessee said."
    [p] = resolve_spans(text, [_span(text, "Loudon Co.")])
    assert p is not None and p.feature == "ADM2" and p.admin1 == "Tennessee"


def test_an_unknown_name_abstains_instead_of_taking_a_neighbours_point():
    text = ("Georgian troops shelled Qqzzvani, a village in Georgia's breakaway region, the Georgian "
            "interior ministry said, as Tbilisi accused Russia.")
    village, tbilisi = resolve_spans(text, [_span(text, "Qqzzvani"), _span(text, "Tbilisi")])
    # never the neighbour's point; the country the text puts it in ("a village in Georgia's ...", s42: the containers
    # of place_containers.txt) at precision 3 is what the text says
    assert village is None or (village.geo_precision == 3 and village.country_code == "GE"
                               and (village.latitude, village.longitude) != (tbilisi.latitude, tbilisi.longitude))
    text = "Fire crews from Plano and Qqzzburg Heights were called to Dallas on Sunday."
    places = resolve_spans(text, [_span(text, n) for n in ("Plano", "Qqzzburg Heights", "Dallas")])
    assert places[1] is None and places[0].admin1 == places[2].admin1 == "Texas"


def test_unknown_name_with_no_context_at_all_stays_unplaced():
    text = "Qqzzvani was quiet on Monday."
    assert resolve_spans(text, [_span(text, "Qqzzvani")]) == [None]


def test_an_abbreviated_word_reads_the_towns_geonames_writes_out():
    # GeoNames gives "Mt Pleasant" as an alternate name of a few towns only; the Iowa town is "Mount Pleasant"
    text = "The county fair opened on Friday in Mt. Pleasant, Iowa, and runs through the weekend."
    [p] = resolve_spans(text, [_span(text, "Mt. Pleasant")])
    assert p is not None and p.admin1 == "Iowa" and p.feature.startswith("PPL")
