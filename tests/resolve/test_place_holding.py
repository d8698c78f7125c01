"""Round four of the resolver: the subdivision holding most of a document's names, names that are a country's or
region's own, dotted abbreviations written letter for letter, demonyms, a home subdivision sharing a country's
name, and a county's state following the towns resolved around it."""
from __future__ import annotations

from geo_spans import spans_of as _spans

from sitrep.resolve.gazetteer import get_gazetteer
from sitrep.resolve.place import _abbrev_form, _candidate_ids, resolve_spans


def test_the_subdivision_holding_all_the_names_wins_over_a_bigger_namesake():
    # Columbus, Norfolk and Platte County can all lie in Nebraska only; Columbus, Ohio is far larger
    text = ("A Columbus woman was fined on Monday. She had accused a Norfolk man of assault, the Platte County "
            "attorney said. The Columbus police closed the case.")
    places = resolve_spans(text, _spans(text, "Columbus", "Norfolk", "Platte County", "Columbus"))
    assert [p.admin1 for p in places] == ["Nebraska"] * 4
    assert "holds" in places[0].reason


def test_a_big_namesake_stays_when_no_subdivision_holds_the_other_names():
    text = "The Columbus woman moved to Seattle last year and later to Boston."
    [p] = resolve_spans(text, _spans(text, "Columbus"))
    assert p.admin1 == "Ohio"


def test_a_country_called_by_its_own_name_beats_the_towns_sharing_it():
    text = ("Farmers in Texas and Oklahoma said grain prices rose after Russia limited its exports; "
            "the county extension agent said Dallas buyers were worried.")
    [p] = resolve_spans(text, _spans(text, "Russia"))
    assert p.country_code == "RU" and p.feature in ("PCLI", "PCLS")


def test_a_region_called_by_its_own_name_beats_a_town_sharing_it():
    text = "The Columbus delegation, led by the Ohio governor, will tour the Middle East next month."
    [p] = resolve_spans(text, _spans(text, "Middle East"))
    assert p.country_code is None and p.longitude > 20


def test_dotted_initials_are_a_state_only_when_written_as_its_abbreviation():
    gz = get_gazetteer()
    assert _abbrev_form(gz, "La.") and _abbrev_form(gz, "S.C.") and _abbrev_form(gz, "W. Va.")
    assert not _abbrev_form(gz, "L.A.")
    assert gz[_candidate_ids(gz, "L.A.")[0]].name == "Los Angeles"
    assert gz[_candidate_ids(gz, "N.L.")[0]].kind == "admin1"


def test_a_demonym_is_its_country_not_a_town_of_that_name():
    gz = get_gazetteer()
    [i] = _candidate_ids(gz, "Canadian")
    assert gz[i].cc == "CA" and gz[i].kind == "country"


def test_a_home_subdivision_beats_a_foreign_country_of_the_same_name():
    text = ("The Atlanta company will open a plant in Savannah. Officials in Georgia said the Macon and "
            "Augusta sites were also considered by the county commission.")
    [p] = resolve_spans(text, _spans(text, "Georgia"))
    assert p.country_code == "US" and p.feature == "ADM1"


def test_a_foreign_country_keeps_its_name_when_the_text_supports_it():
    text = "Russian troops entered Georgia in August; fighting near Tbilisi and Gori was reported."
    [p] = resolve_spans(text, _spans(text, "Georgia"))
    assert p.country_code == "GE"


def test_a_county_lies_in_the_state_of_the_towns_resolved_around_it():
    text = ("A Paris man was arrested Sunday at Paris City Hall. He was taken to the Lamar County jail, and the "
            "Paris police chief said the case would go to a Lamar County grand jury.")
    places = resolve_spans(text, _spans(text, "Paris", "Lamar County"))
    assert places[1].admin1 == places[0].admin1
