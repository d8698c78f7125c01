"""A place in the subject of a verb of denial or reaction that governs the trigger noun is the speaker's, never where
the act fell ("An envoy in Vienna denied ... the attack"): issue 11, seed-like sets."""
from __future__ import annotations

from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document


def _places(text: str) -> set:
    events = extract_document(document_from_text(text, "t", published=date(2024, 3, 5)))
    return {e.place.country_code for e in events if e.place is not None}


def test_the_speakers_city_in_a_denial_places_no_event():
    text = ("Car bomb kills nine at police station in Kandahar\n\n"
            "KANDAHAR, Afghanistan, March 5 - A car bomb exploded outside a police station in Kandahar on Monday, "
            "killing nine people, officials said.\n\n"
            "A rebel spokesman in Vienna denied that his movement had anything to do with the attack.")
    assert "AT" not in _places(text)


def test_a_country_that_condemns_the_attack_places_no_event():
    text = ("Car bomb kills nine at police station in Kandahar\n\n"
            "KANDAHAR, Afghanistan, March 5 - A car bomb exploded outside a police station in Kandahar on Monday, "
            "killing nine people, officials said.\n\n"
            "The prime minister of Canada condemned the attack as cowardly.")
    assert "CA" not in _places(text)


def test_the_place_of_the_act_in_the_same_sentence_stays():
    text = ("A rebel spokesman denied that his movement had carried out the attack on the police station in Kandahar "
            "on Monday, in which nine people were killed.")
    assert _places(text) == {"AF"}
