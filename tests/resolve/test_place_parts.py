"""A part word before a place the gazetteer has no whole name for ("Northeast Iowa", "Western Ohio Fair Board":
geo_cues.toml place.part_prefixes) gives the place after it, as geoparsing corpora mark it; a whole the gazetteer
knows stays whole, and a common word after the part word is no place. And the GB register cue "0800 #" of
geo_countries.csv. Sentences written for these tests (s41, issue 12)."""
from __future__ import annotations

from sitrep.resolve import geocode_text, resolve_spans


def _spans(text: str) -> dict[str, object]:
    return {p.span.text: p for p in geocode_text(text, include_abstentions=True)}


def test_the_place_after_a_part_word_is_found():
    found = _spans("Farmers across Northeast Iowa waited on the rain before planting their corn this spring.")
    assert "Iowa" in found
    assert found["Iowa"].feature.startswith("ADM1")


def test_a_place_after_a_part_word_inside_an_organisation_name():
    found = _spans("The Western Ohio Fair Board voted on Tuesday to move the livestock show to August.")
    assert "Ohio" in found


def test_a_whole_the_gazetteer_knows_stays_whole():
    found = _spans("Delegates of the West Virginia Democratic Party met in the capitol on Monday.")
    assert "West Virginia" in found
    assert "Virginia" not in found


def test_a_peoples_word_after_a_part_word_is_no_place():
    found = _spans("The North American Snowmobile Council met its members in a hotel ballroom last winter.")
    assert "American" not in found


def test_a_common_word_after_a_part_word_is_no_place():
    found = _spans("She wired the rent through Western Union and the South Coast Air Quality office on Friday.")
    assert "Union" not in found
    assert "Coast" not in found


def test_the_uk_freephone_number_makes_a_namesake_british():
    text = ("Lancaster shop raided overnight. Thieves broke into a shop in Lancaster and took cash and cigarettes. "
            "Anyone who saw anything should ring the appeal line free on 0800 123456.")
    start = text.index("Lancaster", 40)
    place = resolve_spans(text, [(start, start + len("Lancaster"))])[0]
    assert place is not None and place.country_code == "GB"
    without = text.replace("free on 0800 123456", "on the number above")
    place = resolve_spans(without, [(start, start + len("Lancaster"))])[0]
    assert place is not None and place.country_code != "GB"


def test_a_capital_speaking_for_its_government_is_the_capital():
    text = ("Shelling went on overnight near the border of Armenia. Yerevan says the talks must resume, and Armenian "
            "officials asked for observers.")
    found = _spans(text)
    assert "Yerevan" in found
    assert found["Yerevan"].country_code == "AM"


def test_a_person_named_like_a_capital_is_no_place_without_its_country():
    found = _spans("Sofia said the bakery would open again on Monday, and her brother agreed to run the till.")
    assert "Sofia" not in found


def test_each_name_of_a_hyphenated_pair_is_found():
    found = _spans("Tickets for the Fargo-Moorhead Symphony Orchestra went on sale on Monday.")
    assert "Fargo" in found and "Moorhead" in found
    found = _spans("A Japanese-Canadian team won the relay.")
    assert "Japanese" in found and "Canadian" in found


def test_a_hyphenated_name_the_gazetteer_knows_stays_whole():
    found = _spans("Flooding closed roads across North Rhine-Westphalia and in Winston-Salem on Saturday.")
    assert "North Rhine-Westphalia" in found
    assert "Westphalia" not in found
    assert "Winston-Salem" in found


def test_a_brand_joined_by_a_hyphen_is_no_pair_of_places():
    found = _spans("He parked the Mercedes-Benz outside the Coca-Cola plant before the meeting on Friday.")
    assert "Mercedes" not in found
