"""Given spans the gazetteer has no reading of are placed at the place the text says holds them or lies beside them
(``place._by_container``: the rules of ``place_containers.txt``, as event places are)."""
from __future__ import annotations

from sitrep.resolve import resolve_spans


def place_of(text: str, name: str):
    start = text.index(name)
    return resolve_spans(text, [(start, start + len(name))])[0]


def test_a_village_the_gazetteer_lacks_takes_the_region_the_text_puts_it_in():
    p = place_of("Floods cut the road to Ngomberu, a fishing village in Mwanza region, on Monday.", "Ngomberu")
    assert p is not None and p.country_code == "TZ" and "container" in p.reason
    assert p.name == "Ngomberu"


def test_a_place_measured_from_a_town_is_near_that_town():
    p = place_of("Gunmen raided Kisumbelo, 15 km from Goma, on Friday.", "Kisumbelo")
    assert p is not None and p.country_code == "CD" and p.geo_precision == 2


def test_no_container_in_the_text_leaves_the_name_unplaced():
    assert place_of("Floods cut the road to Ngomberu on Monday, and Mwanza was dry.", "Ngomberu") is None


def test_a_name_written_before_in_and_a_place_takes_that_place():
    text = "Fishermen protested at the harbour in Trevalloc, in Cornwall, on Monday."
    village, county = resolve_spans(text, [(text.index("Trevalloc"), text.index("Trevalloc") + 9),
                                           (text.index("Cornwall"), text.index("Cornwall") + 8)])
    assert village is not None and (village.latitude, village.longitude) == (county.latitude, county.longitude)
    assert village.geo_precision >= 2 and village.geonameid is None


def test_a_river_before_in_and_its_state_is_not_put_at_the_states_point():
    text = "The Zimbarra River in Texas burst its banks on Monday."
    river = resolve_spans(text, [(4, 18), (text.index("Texas"), text.index("Texas") + 5)])[0]
    assert river is None
