"""A given street, building or site the gazetteer lacks ("X Street", "X Market") is placed at the town the text
answered last before it, at precision 2 (``place._in_town``, geo_cues.toml ``inside_heads``)."""
from __future__ import annotations

from geo_spans import spans_of

from sitrep.resolve import resolve_spans


def test_a_street_the_gazetteer_lacks_lies_in_the_town_named_before_it():
    text = "Police in Bendigo closed Kelvandor Street on Tuesday after a gas leak near the station."
    town, street = resolve_spans(text, spans_of(text, "Bendigo", "Kelvandor Street"))
    assert street is not None and street.geo_precision == 2
    assert (street.latitude, street.longitude) == (town.latitude, town.longitude)
    assert street.name == "Kelvandor Street" and street.geonameid is None


def test_a_market_named_before_its_town_takes_the_town_after_it():
    text = "Traders at Okonjevu Market said on Monday that prices in Ibadan had doubled since January."
    market, town = resolve_spans(text, spans_of(text, "Okonjevu Market", "Ibadan"))
    assert market is not None and market.country_code == "NG" and market.latitude == town.latitude


def test_a_name_without_such_a_word_or_without_a_town_stays_unplaced():
    text = "Officials said Okonjevu Market and Kelvandor were closed on Monday."
    assert resolve_spans(text, spans_of(text, "Okonjevu Market", "Kelvandor")) == [None, None]
