"""Words that are no toponyms read as places when geoparsing (issue 12, s38): a metropolitan body's word before its
town ("Metro" of "Metro Portland", geo_cues.toml metro_prefixes), a place inside a war's name (war_words), a faith's
or people's word that is only another name of a division, and a demonym before a cuisine's or music's word
(style_after). Sentences written for these tests."""
from __future__ import annotations

from sitrep.resolve import geocode_text


def _spans(text: str) -> dict[str, object]:
    return {p.span.text: p for p in geocode_text(text, include_abstentions=True)}


def test_the_town_after_metro_is_the_place_never_the_word():
    found = _spans("Buses ran late all week, say Metro Portland officials, who blamed the ice on the bridges.")
    assert "Metro" not in found
    assert "Portland" in found


def test_metro_alone_is_no_place():
    found = _spans("The crash on the ring road was reported to Metro 911 shortly after noon on Tuesday.")
    assert "Metro" not in found


def test_a_place_inside_a_wars_name_is_no_place_of_the_text():
    found = _spans("A Gulf War veteran opened a bicycle shop in Denver on Friday.")
    assert "Gulf" not in found
    assert found["Denver"].country_code == "US"


def test_a_faiths_word_is_not_the_division_named_after_it():
    found = _spans("A Jewish family opened a bakery in Leeds last spring, the council said.")
    assert "Jewish" not in found
    assert found["Leeds"].country_code == "GB"


def test_a_peoples_word_spread_over_countries_is_no_country():
    assert "Tamil" not in _spans("Tamil voters backed the opposition in the election.")


def test_a_demonym_before_a_cuisines_word_is_no_mention_but_before_officials_it_is():
    found = _spans("Visitors lined up for Greek food and Irish music at the fair on Saturday.")
    assert "Greek" not in found and "Irish" not in found
    assert _spans("Italian officials said the ferry would sail on Monday.")["Italian"].country_code == "IT"
