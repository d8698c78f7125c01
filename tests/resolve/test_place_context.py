"""Document-level context in toponym resolution: home country, subdivisions named outright, regions,
name variants; unknown names get no reading."""
from __future__ import annotations

import pytest

from sitrep.errors import KnowledgeError
from sitrep.resolve import resolve_spans
from sitrep.resolve.gazetteer import REGION, get_gazetteer, load_regions


def place_of(text: str, name: str):
    start = text.index(name)
    return resolve_spans(text, [(start, start + len(name))])[0]


def test_home_country_keeps_a_local_town_at_home():
    text = ("The Henry County commission met in Paris on Monday. Officials from Weakley County and Carroll County "
            "said the Paris plant would reopen.")
    p = place_of(text, "Paris")
    assert p.country_code == "US"
    fr = place_of("Tourists crowded the Louvre in Paris as France reopened its museums.", "Paris")
    assert fr.country_code == "FR"


def test_subdivision_named_outright_beats_a_city_sharing_its_name():
    text = "Governor Paterson said New York would cut school aid; Albany and Buffalo protested."
    p = place_of(text, "New York")
    assert p.feature == "ADM1" and p.admin1 == "New York"
    city = place_of("Commuters in New York City waited for the subway in Manhattan.", "New York City")
    assert city.feature != "ADM1"


def test_only_the_national_capital_is_pplc():
    gz = get_gazetteer()
    washingtons = [i for i in gz.lookup("Washington") if gz[i].kind == "city" and gz[i].cc == "US"]
    assert len(washingtons) > 3
    assert sum(gz[i].feature == "PPLC" for i in washingtons) == 1
    p = place_of("Lawmakers in Washington debated the bill on Tuesday.", "Washington")
    assert p.feature == "PPLC" and abs(p.latitude - 38.9) < 0.3


@pytest.mark.parametrize(("text", "name", "cc", "feature"), [
    ("Russian troops entered South Ossetia after shelling near Tskhinvali.", "South Ossetia", "GE", "RGN"),
    ("Aid convoys reached camps across Darfur this week.", "Darfur", "SD", "RGN"),
    ("Ministers of the European Union met to discuss sanctions.", "European Union", None, "ZN"),
    # (Lancashire, an ADM2 row here, is now found first as a county of many towns in geo_admin2.csv: same place)
    ("Flood warnings were issued across Yorkshire after two days of rain.", "Yorkshire", "GB", "RGN"),
])
def test_regions_file_fills_gaps_of_cities500(text, name, cc, feature):
    p = place_of(text, name)
    assert p is not None and p.country_code == cc and p.feature == feature
    assert p.source.startswith("geo_regions.csv:")
    assert p.geo_precision == 3


@pytest.mark.parametrize(("text", "name", "region", "feature"), [
    ("Cholera spread across West Africa after the rains.", "West Africa", "Western Africa", "RGN"),
    ("Trade ministers from Southeast Asia met in Hanoi.", "Southeast Asia", "Southeast Asia", "RGN"),
    ("A tanker was seized in the Strait of Hormuz on Friday.", "Strait of Hormuz", "Strait of Hormuz", "STRT"),
    ("Drones were fired at ships near the Bab al-Mandab.", "Bab al-Mandab", "Bab-el-Mandeb", "STRT"),
])
def test_sub_continental_regions_and_straits_are_their_own_places(text, name, region, feature):
    p = place_of(text, name)
    assert p is not None and p.name == region and p.feature == feature and p.country_code is None


def test_a_macro_region_sits_among_its_member_countries():
    west = place_of("Cholera spread across West Africa after the rains.", "West Africa")
    africa = place_of("Cholera spread across Africa after the rains.", "Africa")
    assert (west.latitude, west.longitude) != (africa.latitude, africa.longitude)
    assert 5 < west.latitude < 20 and -17 < west.longitude < 5  # between Senegal, Nigeria and the Sahel


@pytest.mark.parametrize(("text", "name", "expect"), [
    ("Many Ohioans drove north to Toledo for the game.", "Ohioans", "Ohio"),
    ("Militants in the Dagestani mountains clashed with police.", "Dagestani", "Dagestan"),
    ("The Town of Groton, Conn., approved the budget.", "Town of Groton", "Groton"),
])
def test_variants_of_given_names(text, name, expect):
    p = place_of(text, name)
    assert p is not None and p.name == expect


def test_unknown_name_among_known_towns_has_no_reading():
    text = ("Storms crossed Norfolk, Neb., and Battle Creek, Neb., on Sunday; farms near Zzyzxville lost roofs, "
            "and Madison, Neb., closed its schools.")
    assert place_of(text, "Zzyzxville") is None
    assert place_of(text, "Madison").admin1 == "Nebraska"


def test_broken_region_row_names_file_and_line(tmp_path):
    path = tmp_path / "geo_regions.csv"
    path.write_text("# comment\nname,aliases,feature,country,latitude,longitude,source\n"
                    "Darfur,,RGN,SD,13.5,24.0,centre\nNowhere,,RGN,SDN,95,24.0,centre\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as e:
        load_regions(path)
    assert "geo_regions.csv:4" in str(e.value)


def test_packaged_regions_have_sources():
    rows = load_regions()
    assert len(rows) > 50
    assert all(r["source"] and r["feature"] for r in rows)
    gz = get_gazetteer()
    assert any(gz[i].kind == REGION for i in gz.lookup("Abkhazia"))
