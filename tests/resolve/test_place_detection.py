"""Toponym detection when geoparsing (issue 12): news conventions that name a place outside NER's place labels
(datelines, a politician's state, local bodies, a town's people), and person names that are no place."""
from __future__ import annotations

from sitrep.resolve import geocode_text


def _spans(text: str, **kw) -> dict[str, object]:
    return {p.span.text: p for p in geocode_text(text, include_abstentions=True, **kw)}


def test_a_dateline_in_capitals_is_a_mention_with_its_state():
    text = ("Water main breaks downtown. SPRINGFIELD, Ill. -- Crews worked through the night on Tuesday to "
            "repair a broken pipe under the square, the water department said.")
    found = _spans(text)
    assert found["SPRINGFIELD"].admin1 == "Illinois"
    assert found["Ill."].feature == "ADM1"


def test_a_dateline_after_a_colon_and_a_word_that_is_no_place():
    found = _spans("Ministers meet on grain. NAIROBI: Kenya's cabinet met on Monday to discuss grain prices. "
                   "UPDATE: the meeting ended late.")
    assert found["NAIROBI"].country_code == "KE"
    assert "UPDATE" not in found


def test_a_politicians_party_and_state():
    text = "The bill was backed by Sen. Alma Ruiz, D-Ore., and opposed by the rest of the committee."
    assert _spans(text)["Ore."].admin1 == "Oregon"


def test_a_town_before_the_word_of_a_local_body_is_a_mention_whatever_its_size():
    text = ("Members of the Harrodsburg Board of Education voted on Monday to delay the budget, and the "
            "Danville Police Department said the road would stay closed.")
    found = _spans(text)
    assert found["Harrodsburg"].country_code == "US"
    assert found["Danville"].country_code == "US"


def test_a_county_inside_an_institutions_name():
    text = "The suspect was taken to the Knox County Detention Center in Tennessee after the chase on Friday."
    assert "Knox County" in _spans(text)


def test_a_town_before_a_word_for_its_people():
    text = "Two Harrodsburg residents said the storm tore the roof off a barn near the river on Sunday."
    assert _spans(text)["Harrodsburg"].country_code == "US"


def test_a_first_name_is_no_place():
    text = "David Okafor said the shop had been broken into twice. Mary Ellen Ortiz, a neighbour, agreed."
    found = _spans(text)
    assert "David" not in found and "Mary" not in found


def test_a_compass_adjective_and_a_car_make_are_no_places():
    text = ("Gardeners planted Eastern Redbud trees along the river, and a 1998 Toyota parked near the gate was "
            "towed; troops of Central Command stood by.")
    found = _spans(text)
    assert "Eastern" not in found and "Toyota" not in found and "Central" not in found
    # the division named by the compass word with its kind after it stays a place
    text = "Cholera spread in Eastern Province, Zambia, health officials said."
    assert _spans(text)["Eastern Province"].country_code == "ZM"


def test_a_street_named_after_a_place_is_no_event_place():
    # the street is found whole and abstains: an incident on Memphis Street is not placed in Tennessee
    text = "Officers were called to a house on Memphis Street in Alexandria, La., late on Sunday."
    found = _spans(text)
    assert (found["Memphis Street"].reason or "").startswith("abstain: a street")
    assert "Memphis Street" not in {p.span.text for p in geocode_text(text)}
    assert "Alexandria" in {p.span.text for p in geocode_text(text)}


def test_a_saint_after_a_place_is_no_street():
    found = _spans("Paris St. Germain beat Lyon on Sunday in front of 40,000 fans.")
    assert not any((p.reason or "").startswith("abstain: a street") for p in found.values())
