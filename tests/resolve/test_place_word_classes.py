"""Issue 12 (s35): classes of wrong readings found in event reports, in sentences written for these tests: "state"
after a name is no province's word ("a Gulf state" is no province of Papua New Guinea)."""
from __future__ import annotations

from sitrep.resolve.place import geocode_text


def _by_text(text: str) -> dict[str, object]:
    return {text[p.span.start:p.span.end]: p for p in geocode_text(text) if p.span is not None}


def test_state_after_a_name_is_no_province_known_by_another_word():
    from sitrep.nlp import Entity

    text = "Oil prices rose after the Gulf state cut its output, traders in London said."
    start = text.index("Gulf state")
    ents = [Entity("LOC", start, start + len("Gulf state")), Entity("GPE", text.index("London"), text.index("London") + 6)]
    places = {text[p.span.start:p.span.end]: p for p in geocode_text(text, ents=ents) if p.span is not None}
    assert all(p.country_code != "PG" for p in places.values())


def test_state_after_a_town_named_division_still_names_it():
    text = "Floods killed nine people in Sinaloa state, Mexico's civil protection agency said."
    places = _by_text(text)
    sinaloa = next(p for k, p in places.items() if k.startswith("Sinaloa"))
    assert sinaloa.feature == "ADM1" and sinaloa.country_code == "MX"


def test_an_acronym_or_a_capitalised_word_is_no_town_through_a_code_or_a_transliteration():
    # "DHQ" (a defence headquarters) and "Blast" matched GeoNames' vowel-less transliterations ("dhq" of Dehaq,
    # "blast" of Plast); "GOP" an airport code of Gorakhpur
    from sitrep.resolve.gazetteer import get_gazetteer

    gz = get_gazetteer()
    assert gz.lookup("DHQ") == [] and gz.lookup("Blast") == [] and gz.lookup("GOP") == []
    assert any(gz[i].name == "New York City" for i in gz.lookup("NYC"))  # initials of three letters stay
    text = "Blast Kills Nine At Market, Says DHQ Spokesman In Abuja"
    assert all(p.country_code in (None, "NG") for p in geocode_text(text))


def test_forests_and_mountains_of_conflict_reports_are_places():
    text = ("Soldiers destroyed a militant camp in the Sambisa Forest, and a week later gunmen killed four herders "
            "on the slopes of Mount Elgon.")
    places = _by_text(text)
    assert places["Sambisa Forest"].country_code == "NG" and places["Mount Elgon"].country_code == "UG"


def test_a_feature_written_out_is_a_place_whatever_ner_labels_it():
    from sitrep.resolve.place import mislabelled_place

    text = "Air Force Jets Pound Insurgent Hideouts In Sambisa Forest"
    s = text.index("Sambisa Forest")
    assert mislabelled_place("PERSON", text, s, s + len("Sambisa Forest"))
    assert mislabelled_place("ORG", text, s, s + len("Sambisa Forest"))
