"""Places of events in headlines (issues 11 and 12): an abbreviated compass point before a country, a country
named as an adjective when nothing else is named, a division before its country, a division named with its
kind ("X state"), and a first-order division over a small foreign village of the same name."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.model import Document
from sitrep.pipeline import extract_document


def _places(headline: str) -> list:
    doc = Document(id="h", text=headline, title=headline, published=date(2019, 3, 4))
    return [e.place for e in extract_document(doc)]


def test_an_abbreviated_compass_point_is_a_part_of_the_country_not_a_us_state():
    [p] = _places("Roadside bomb kills three soldiers in NW Pakistan")
    assert p is not None and p.country_code == "PK"
    assert "northwest part of Pakistan" in p.reason


@pytest.mark.parametrize(("headline", "cc", "part"), [
    ("Gunmen kill 9 traders in Northern Mali", "ML", "northern part of Mali"),
    ("Bomb kills two in Southern Somalia market", "SO", "part of Somalia"),
    ("Northeast Kenya bus station blast kills six people", "KE", "northeast part of Kenya"),
])
def test_a_capitalised_compass_word_in_the_entity_is_a_part_of_the_country_after_it(headline, cc, part):
    [p] = _places(headline)  # NER takes "Northern Mali" (LOC), "Northeast Kenya" (ORG) whole: no reading as such
    assert p is not None and p.country_code == cc and part in p.reason


def test_a_name_that_holds_a_compass_word_stays_whole():
    [p] = _places("South Sudan troops kill 5 rebels")
    assert p is not None and p.country_code == "SS"


def test_a_country_the_fire_came_from_leaves_the_small_town_it_hit():
    [p] = _places("Sderot kindergarten hit by rocket fired from Gaza")
    assert p is not None and p.country_code == "IL"
    [p] = _places("Nahariya hit by barrage from Lebanon, two hurt")
    assert p is not None and p.country_code == "IL"


def test_countries_listed_before_a_force_name_the_forces_not_the_place():
    [p] = _places("Mali, Niger troops retake Burkinabe town, 40 jihadists killed")
    assert p is not None and p.country_code == "BF"
    [p] = _places("Mali, Niger Troops Retake Burkinabe Town, 40 Jihadists Killed")  # Title Case (review s42)
    assert p is not None and p.country_code == "BF"
    [p] = _places("Houthi missile lands in central Israel, Israeli military says")
    assert p is not None and p.country_code == "IL"  # a demonym after the comma lists no country


def test_a_country_named_as_an_adjective_places_an_event_that_names_nothing_else():
    [p] = _places("Four dead in Somalia market blast")
    assert p is not None and p.country_code == "SO" and p.geo_precision == 3


def test_a_division_named_with_its_kind_places_the_event_not_its_country():
    [p] = _places("Bandits kill nine villagers in Nigeria's Zamfara state")
    assert p is not None and p.name == "Zamfara" and p.feature == "ADM1"


@pytest.mark.parametrize("headline", ["Gunmen storm a church in Borno, kill six worshippers"])
def test_a_first_order_division_wins_over_a_small_foreign_village_of_its_name(headline):
    places = [p for p in _places(headline) if p is not None]
    assert places and all(p.country_code == "NG" for p in places)


def test_a_country_ner_leaves_unlabelled_in_an_event_sentence_places_the_event():
    places = [p for p in _places("Suicide bombers kill at least three in northeast Nigeria") if p is not None]
    assert places and places[0].country_code == "NG" and "northeast part of Nigeria" in places[0].reason


def test_a_victims_nationality_gives_the_country_the_attackers_does_not():
    [p] = _places("Rebels kill five Malian soldiers")
    assert p is not None and p.country_code == "ML" and p.geo_precision == 3
    assert all(p is None or p.country_code != "TR" for p in _places("Turkish drone strike kills four fighters"))


def test_a_division_shared_with_a_foreign_one_goes_to_the_far_more_populous():
    # Plateau is a state of Nigeria and a department of Benin; Adamawa of Nigeria, Adamaoua of Cameroon
    [p] = _places("Gunmen kill four farmers in Plateau")
    assert p is not None and p.country_code == "NG" and p.feature == "ADM1"


def test_a_division_naming_the_event_word_places_it():
    [p] = _places("Insurgents kill twelve herders in fresh Borno raids")
    assert p is not None and p.name == "Borno"


def test_a_title_case_headline_keeps_a_name_apart_from_the_word_after_it():
    from sitrep.nlp.truecase import truecase_title

    title = "Gunmen Burn Gwoza Market, NAF Strikes Back In Rivers State"
    out = truecase_title(Document(id="t", text=title, title=title))
    assert "Gwoza market" in out and "NAF" in out and "Rivers State" in out and " in Rivers" in out
    assert len(out) == len(title)


@pytest.mark.parametrize("headline,name", [
    ("Herders kill seven farmers in Birnin Gwari", "Gwari"),
    ("Militants attack the town of Biu, killing four", "Biu"),
    ("Gunmen shot dead two men in Ijebu-Ode", "Ijebu"),
])
def test_a_small_town_after_a_place_word_is_the_place_whatever_ner_read(headline, name):
    places = [p for p in _places(headline) if p is not None]
    assert places and places[0].country_code == "NG" and name in places[0].name and places[0].geo_precision == 1


def test_an_armed_groups_name_after_in_is_no_town():
    places = [p for p in _places("Six farmers killed in Boko Haram attacks") if p is not None]
    assert all(not p.name.startswith("Boko") for p in places)


def test_a_division_before_the_noun_the_event_happened_in_places_it():
    [p] = _places("Gunmen kill twelve in Taraba villages")
    assert p is not None and p.name == "Taraba" and p.feature == "ADM1"


def test_a_compass_word_ner_took_into_the_name_makes_a_part_of_the_country():
    places = [p for p in _places("Militants killed 14 villagers in north-east Nigeria on Sunday") if p is not None]
    assert places and places[0].country_code == "NG" and "part of Nigeria" in places[0].reason


@pytest.mark.parametrize("headline", ["Three Killed In Fresh Plateau Attack", "Gunmen Kill Two Farmers In Plateau.",
                                      "Herders Clash With Farmers, Plateau"])
def test_a_title_case_division_that_is_also_a_word_keeps_its_capital_where_a_place_is_due(headline):
    places = [p for p in _places(headline) if p is not None]
    assert places and places[0].name == "Plateau" and places[0].country_code == "NG"


def test_a_title_case_word_that_names_a_division_stays_a_word_elsewhere():
    from sitrep.nlp.truecase import truecase_title

    title = "Prices Plateau As Traders Return To Markets"
    assert "plateau" in truecase_title(Document(id="t", text=title, title=title))


def test_common_nouns_ner_took_into_a_place_name_are_left_out():
    [p] = _places("Gunmen kill 9 in raid on Borno village")
    assert p is not None and p.name == "Borno" and p.feature == "ADM1"


def test_a_town_name_with_the_word_for_a_division_is_the_division():
    # Donetsk is a town; "Donetsk region" is Donetsk Oblast, whatever the word for its kind
    [p] = _places("Shelling kills two civilians in Donetsk region")
    assert p is not None and p.feature == "ADM1" and p.country_code == "UA"


def test_a_big_town_ner_reads_as_a_nationality_is_the_place_after_a_place_word():
    [p] = _places("Drone attack on Odesa port kills one")
    assert p is not None and p.country_code == "UA" and p.geo_precision == 1


def test_a_far_bigger_town_wins_over_a_namesake_the_attackers_nationality_supports():
    # Donetsk is a city of Ukraine and a small town of Russia; "Russian" names the attacker, not the place
    [p] = _places("Russian forces shell Donetsk, killing three")
    assert p is not None and p.country_code == "UA" and p.geo_precision == 1


def test_a_title_line_name_no_dictionary_has_is_a_place_without_a_cue():
    [p] = _places("Jihadists Overrun Damasak Base, Kill Nine Soldiers")
    assert p is not None and (p.name, p.country_code) == ("Damasak", "NG")


@pytest.mark.parametrize("headline", ["Police Kill Two Robbers After Shootout", "Mobile Police Kill Two Robbers"])
def test_a_title_line_dictionary_word_is_no_place_without_a_cue(headline):
    assert all(p is None for p in _places(headline))


@pytest.mark.parametrize("headline", ["Zamfara Bandits Kill 12 Farmers", "Gunmen Attack Taraba Community, Kill Four"])
def test_a_first_order_division_named_as_an_adjective_places_the_event(headline):
    [p] = _places(headline)
    assert p is not None and p.feature == "ADM1" and p.country_code == "NG" and "division" in p.reason


def test_a_name_glued_to_an_abbreviation_is_no_town_in_the_title_line():
    assert all(p is None or p.country_code != "NO" for p in _places("Troops Kill Three B'Haram Fighters in Ambush"))


@pytest.mark.parametrize(("headline", "cc", "direction"), [
    ("Gunmen kill four soldiers in Pakistan's volatile northwest", "PK", "northwest"),
    ("Three Malian soldiers killed in rebel north", "ML", "north"),
])
def test_a_word_between_the_country_and_its_compass_point_keeps_the_part(headline, cc, direction):
    [p] = _places(headline)
    assert p is not None and p.country_code == cc and f"{direction} part of" in p.reason
