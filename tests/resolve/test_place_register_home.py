"""A country's name written as a town's ("a Lebanon woman",
the dateline "MALTA –") in a story of another country is that country's town, not the foreign state; a dateline in
capitals before a dash ("WASHINGTON —") names the town, not the state."""
from __future__ import annotations

from sitrep.resolve import place as P


def _resolve(text: str, name: str):
    starts = [i for i in range(len(text)) if text.startswith(name, i)]
    return P.resolve_spans(text, [(s, s + len(name)) for s in starts])


def test_a_country_name_written_as_a_towns_is_the_home_towns():
    text = ("A Lebanon woman was charged Tuesday with theft, the county sheriff's office said. Deputies stopped "
            "her car on Interstate 65 at 3 p.m.")
    (p,) = _resolve(text, "Lebanon")
    assert p is not None and p.country_code == "US" and p.feature.startswith("PPL")


def test_a_country_name_without_a_towns_word_stays_the_country():
    text = ("The county sheriff's office said Tuesday that deputies stopped a car on Interstate 65 at 3 p.m. "
            "The driver had flown home from Lebanon last month.")
    (p,) = _resolve(text, "Lebanon")
    assert p is not None and p.country_code == "LB"


def test_a_dateline_in_capitals_names_the_town_not_the_state():
    text = ("Troops get new gear. WASHINGTON — The Pentagon said troops in Iraq will get new radios this spring, and "
            "families in Fresno, Calif., and Houston welcomed the news.")
    (p,) = _resolve(text, "WASHINGTON")
    assert p is not None and p.admin1 == "District of Columbia" and not p.reason.startswith("abstain")


def test_a_persons_surname_alone_is_the_person_not_a_town():
    text = ("Driver jailed. Gary Wilson, 45, of Columbus was sentenced Tuesday. Wilson had pled guilty in January, "
            "and Wilson will serve two years.")
    found = [p.span.text for p in P.geocode_text(text, include_abstentions=True) if p.span is not None]
    assert "Columbus" in found and "Wilson" not in found


def test_a_countrys_name_stays_a_place_beside_a_person_of_that_surname():
    text = "Talks resume. Envoy Anna Jordan met officials in Amman on Monday; Jordan will host the next round."
    found = [p.country_code for p in P.geocode_text(text, include_abstentions=True) if p.span is not None
             and p.span.text == "Jordan"]
    assert found == ["JO"]
