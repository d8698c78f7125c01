"""Issue 12: divisions of every country, GeoNames country points, demonyms of regions, and the weights file."""
from __future__ import annotations

import pytest

from sitrep.errors import KnowledgeError
from sitrep.model import haversine_km
from sitrep.resolve import resolve_spans
from sitrep.resolve.gazetteer import get_gazetteer, load_divisions
from sitrep.resolve.place_scoring import load_scoring


def _place(text: str, name: str):
    s = text.index(name)
    return resolve_spans(text, [(s, s + len(name))])[0]


@pytest.mark.parametrize("text, name, cc", [
    ("Floods swept through Sichuan after a week of rain, state media said.", "Sichuan", "CN"),
    ("Gunmen attacked a police post in Borno before dawn, the army said.", "Borno", "NG"),
    ("Farmers in Punjab, Pakistan, lost their wheat to the floods.", "Punjab", "PK"),
    # an old name of a town in it (Recife's) does not hide the state
    ("Health workers in Pernambuco, Brazil, counted new cases of the fever.", "Pernambuco", "BR"),
])
def test_a_first_order_division_of_any_country_is_the_division(text, name, cc):
    p = _place(text, name)
    assert p is not None and p.country_code == cc and p.feature == "ADM1" and p.geo_precision == 3


@pytest.mark.parametrize("text, name, cc", [
    ("Police in Suffolk arrested two men after a stabbing near Ipswich, England.", "Suffolk", "GB"),
    ("Gunmen attacked farmers in Ikwuano, Abia State, killing four.", "Ikwuano", "NG"),
    ("Wildfires spread across the Var in southern France.", "Var", "FR"),
])
def test_a_second_order_division_named_unlike_any_town_of_its_country(text, name, cc):
    p = _place(text, name)
    assert p is not None and p.country_code == cc and p.feature == "ADM2" and p.geo_precision == 2


def test_a_town_of_the_documents_country_beats_a_foreign_county_of_its_name():
    text = "Police in Kent, Washington, said the man was found near Seattle and Tacoma."
    p = _place(text, "Kent")
    assert p.country_code == "US" and p.feature.startswith("PPL")


def test_a_broken_second_order_division_row_names_file_and_line(tmp_path):
    from sitrep.resolve.gazetteer import DIVISION_COLUMNS, _read_rows

    path = tmp_path / "geo_admin2.csv"
    path.write_text("# comment\n" + ",".join(DIVISION_COLUMNS + ["places"]) + "\nGB,2,ENG,N5,Suffolk\n",
                    encoding="utf-8")
    with pytest.raises(KnowledgeError) as e:
        _read_rows(path, DIVISION_COLUMNS)
    assert "geo_admin2.csv:3" in str(e.value)


def test_a_division_named_like_its_main_town_leaves_the_bare_name_to_the_town():
    p = _place("A car bomb exploded in Kandahar on Friday.", "Kandahar")
    assert p.feature.startswith("PPL") and p.country_code == "AF"


def test_a_country_sits_at_its_geonames_point():
    p = _place("Canada sent two aircraft to help.", "Canada")
    assert haversine_km(p.latitude, p.longitude, 60.10867, -113.64258) < 1


@pytest.mark.parametrize("name, region", [("Kurdish", "Kurdistan Region"), ("Gazans", "Gaza Strip")])
def test_demonyms_of_regions_are_their_region(name, region):
    p = _place(f"Dozens of {name} gathered at the crossing on Sunday.", name)
    assert p is not None and p.name == region


def test_the_adjective_of_a_constituent_country_is_that_country_not_its_neighbour():
    p = _place("Northern Irish engineers drove south to restore power after the storm.", "Northern Irish")
    assert p is not None and p.name == "Northern Ireland" and p.country_code == "GB"


def test_divisions_file_rows_are_checked(tmp_path):
    bad = tmp_path / "geo_divisions.csv"
    bad.write_text("country,level,admin1,admin2,name,aliases,latitude,longitude,geonameid,places\n"
                   "XX,1,01,,Somewhere,,95.0,10.0,12,3\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"geo_divisions.csv:2: latitude 95.0"):
        load_divisions(bad)
    assert get_gazetteer().county_point  # the packaged file gives the US counties their points


def test_weights_file_names_the_bad_line(tmp_path):
    good = load_scoring()
    assert good.abstain_km == 161.0
    path = tmp_path / "geo_scoring.toml"
    path.write_text("[prior]\ncountry = 9.0\ncontinent = 'high'\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"geo_scoring.toml:3: prior.continent"):
        load_scoring(str(path))
    path.write_text("[prior]\ncountry = 9.0\nbogus = 1\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"unknown weight prior.bogus"):
        load_scoring(str(path))


def test_the_gazetteer_reads_the_knowledge_in_force(tmp_path):
    from sitrep.knowledge import PACKAGED, Knowledge, use_knowledge

    rows = (PACKAGED / "facilities.csv").read_text(encoding="utf-8").rstrip("\n")
    header = next(line for line in rows.splitlines() if line.startswith("name,"))
    extra = {c: "" for c in header.split(",")}
    extra.update(name="Zzyzx Test Depot", type="base", latitude="35.14", longitude="-116.10", country="United States",
                 source="test row")
    (tmp_path / "facilities.csv").write_text(rows + "\n" + ",".join(extra[c] for c in header.split(",")) + "\n",
                                             encoding="utf-8")
    with use_knowledge(Knowledge(tmp_path)):
        assert any(get_gazetteer()[i].kind == "facility" for i in get_gazetteer().lookup("Zzyzx Test Depot"))
    assert not get_gazetteer().lookup("Zzyzx Test Depot")


def test_a_division_whose_country_only_a_town_of_the_text_shows_is_not_foreign_news():
    # the text names no country, but its other place lies in England: the county, not an American town
    text = "Police in Kent said a man was arrested near Maidstone on Friday evening."
    kent, town = resolve_spans(text, [(text.index("Kent"), text.index("Kent") + 4),
                                      (text.index("Maidstone"), text.index("Maidstone") + 9)])
    assert kent.country_code == "GB" and town.country_code == "GB"
    text = "Heavy rain hit Victoria, with Melbourne recording its wettest day in a decade."
    state = _place(text, "Victoria")
    assert state.country_code == "AU" and state.feature == "ADM1"


def test_divisions_filed_under_a_region_are_each_a_division_and_none_stands_for_the_region():
    # Ireland's counties sit under four provinces in GeoNames: each county is its own division
    text = "Storms closed roads across County Mayo and County Wexford, Irish councils said on Monday."
    mayo, wexford = (_place(text, n) for n in ("County Mayo", "County Wexford"))
    assert mayo.country_code == wexford.country_code == "IE" and mayo.feature.startswith("ADM")
    assert haversine_km(mayo.latitude, mayo.longitude, wexford.latitude, wexford.longitude) > 161
    # and a town of the province is not given the first county listed under it as its division
    assert _place("Protesters marched through Dublin on Saturday.", "Dublin").admin1 != "Wicklow"


def _divisions_script():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "geo_divisions.py"
    spec = importlib.util.spec_from_file_location("geo_divisions_script", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_point_of_a_division_across_the_antimeridian_lies_between_its_places():
    G = _divisions_script()
    # islands on both sides of 180 degrees: the box around them, not around the rest of the world
    lat, lon = G._box_point(G._box([(-17.9, 179.6), (-18.4, -179.2), (-18.1, -179.9)]))
    assert abs(lat + 18.15) < 1e-9 and abs(abs(lon) - 180) < 1
    # a division far from it keeps the plain midpoint of its box
    assert G._box_point(G._box([(47.9, 37.5), (48.2, 38.1), (47.0, 37.2)])) == ((47.0 + 48.2) / 2, (37.2 + 38.1) / 2)


def test_a_division_across_the_antimeridian_is_placed_there():
    # its places lie on both sides of 180 degrees; the box around the rest of the world put it at lon 0.1
    p = _place("Storms cut power across Chukotka overnight, regional officials said.", "Chukotka")
    assert p is not None and p.country_code == "RU" and abs(p.longitude) > 160


def test_a_party_label_before_a_state_abbreviation_without_its_dot_names_the_state():
    p = _place("The senator, R-Ariz, said the vote would come on Friday.", "Ariz")
    assert p is not None and p.feature == "ADM1" and p.name == "Arizona"
    assert _place("Hikers crossed the Ariz ridge before dawn.", "Ariz") is None
