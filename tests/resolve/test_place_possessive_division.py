"""A first-order division named in the possessive right before a town ("Hunan's provincial capital, Changsha",
"Bahia's capital Salvador", "Kerala's Wayanad") qualifies the town as "Changsha, Hunan" would (s34): the reading in
that division, not a namesake in a province the text names more often."""
from __future__ import annotations

from sitrep.resolve.place import resolve_spans


def _resolve(text: str, name: str, nth: int = 0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return resolve_spans(text, [(start, start + len(name))])[0]


def test_a_division_in_the_possessive_qualifies_the_town_after_its_capital_word():
    text = ("Storms in Guangdong flooded streets in Foshan, Jiangmen and Zhaoqing, and Guangdong officials said "
            "relief teams had been sent from Hunan's provincial capital, Changsha.")
    p = _resolve(text, "Changsha")
    assert p is not None and p.country_code == "CN" and "Hunan" in (p.admin1 or "")


def test_a_country_in_the_possessive_is_not_read_as_a_division():
    text = "Rescuers reached Georgia's capital Tbilisi after the floods."
    p = _resolve(text, "Tbilisi")
    assert p is not None and p.country_code == "GE"
