"""Places a headline names without a cue before them (issue 11, hplace): a district by its own name, a division
named before a word for its people or parts or for the event ("Storm Unity Community", "Fresh Unity Violence"),
read in Title Case lines that the truecased copy writes in lower case; words for other things before an event word
("Mob attacks", "wedding attack") stay no place."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.model import Document
from sitrep.pipeline import extract_document


def _places(headline: str) -> list:
    doc = Document(id="h", text=headline, title=headline, published=date(2019, 3, 4))
    return [e.place for e in extract_document(doc)]


def test_a_district_by_its_own_name_before_an_event_word_places_the_event():
    places = [p for p in _places("Inside the Warduj killings: gunmen shot 12 villagers") if p is not None]
    assert places and places[0].name == "Warduj" and places[0].country_code == "AF"


@pytest.mark.parametrize("headline", ["Gunmen Storm Unity Community, Kill Nine",
                                      "Militants Kill Seven In Fresh Unity Violence"])
def test_a_division_before_a_community_or_event_word_in_title_case_places_the_event(headline):
    places = [p for p in _places(headline) if p is not None]
    assert places and places[0].name == "Unity" and places[0].country_code == "SS"


@pytest.mark.parametrize("headline", ["Mob Attacks Herders In Sudan", "Twelve Dead In Suspected Wedding Attack",
                                      "Gunmen Kill Ten In Central Community"])
def test_a_dictionary_word_before_an_event_word_is_no_town(headline):
    assert all(p is None or p.country_code in ("SD",) for p in _places(headline))


def test_the_unknown_words_after_title_case_verbs_are_read_as_the_name():
    from sitrep.resolve.event_place import _NAME_RUN, _name_after_title_words

    text = "Bombers Hit Beledweyne Market, Kill Five"
    runs = {m.group(0): _name_after_title_words(text, m) for m in _NAME_RUN.finditer(text)}
    inner = runs["Bombers Hit Beledweyne"]
    assert inner is not None and text[inner.start():inner.end()] == "Beledweyne"
    assert runs["Kill Five"] is None  # no word of it is a name


def test_a_title_case_lake_keeps_its_kind_word_and_is_no_country():
    places = [p for p in _places("Gunmen Kill Four Fishermen Near Lake Kivu") if p is not None]
    assert places and places[0].feature == "LK" and places[0].name == "Lake Kivu"
    places = [p for p in _places("Soldiers Kill Nine Insurgents in Lake Chad") if p is not None]
    assert places and places[0].name == "Lake Chad"


@pytest.mark.parametrize("headline, name, cc", [("Raiders Sack Nine Unity Communities", "Unity", "SS"),
                                                ("Gunmen Torch Six Plateau Villages", "Plateau", "NG")])
def test_a_division_before_a_plural_word_for_its_settlements_in_title_case_places_the_event(headline, name, cc):
    places = [p for p in _places(headline) if p is not None]
    assert places and places[0].name == name and places[0].country_code == cc


def test_a_dictionary_word_before_a_word_for_settlements_is_no_town():
    places = _places("Gunmen Kill Ten In Central Villages")
    assert places and all(p is None or p.feature == "PCLI" for p in places)  # an event, and no town for it
