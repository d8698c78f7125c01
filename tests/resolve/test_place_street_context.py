"""A street named after a state or a country ("Texas Avenue") is no sign of where the text is: the scan that gives
``resolve_spans`` its context skips such a name (geo_cues.toml street_after); the state named as itself still is."""
from __future__ import annotations

from sitrep.resolve import resolve_spans


def place_of(text: str, name: str):
    start = text.index(name)
    return resolve_spans(text, [(start, start + len(name))])[0]


def test_a_street_named_after_a_state_does_not_move_the_town_there():
    p = place_of("Police in Portland closed Texas Avenue after a water main broke on Monday.", "Portland")
    assert p.admin1 != "Texas"


def test_a_street_named_after_a_state_leaves_the_town_as_it_is_without_it():
    with_street = place_of("Police in Portland closed Texas Avenue after a water main broke on Monday.", "Portland")
    without = place_of("Police in Portland closed a road after a water main broke on Monday.", "Portland")
    assert (with_street.admin1, with_street.latitude) == (without.admin1, without.latitude)


def test_the_state_named_as_itself_still_places_the_town():
    p = place_of("Firefighters in Springfield put out a kitchen fire late on Sunday, Illinois officials said.",
                 "Springfield")
    assert p.admin1 == "Illinois"
