"""A place name the gazetteer lacks, written with the place that contains it or a town it lies near
(``knowledge/place_containers.txt``, resolve/place_container.py): the event takes the container's point and
precision, its place keeps the unknown name; "near Y" and "N km north of Y" take Y's point at precision 2. The
village names are made up for these tests (no gazetteer holds them); the sentences are our own."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.errors import KnowledgeError
from sitrep.knowledge import Knowledge, use_knowledge
from sitrep.model import Document
from sitrep.pipeline import extract_document


def _place(text: str):
    events = extract_document(Document(id="t", text=text, title=None, published=date(2021, 6, 3)))
    assert events, text
    return events[0].place


def test_a_village_of_a_state_takes_the_states_point_and_precision_and_keeps_its_name():
    p = _place("Gunmen killed nine farmers in the village of Zankwobiri in Borno state on Sunday, police said.")
    assert p is not None and p.name == "Zankwobiri"
    assert p.country_code == "NG" and p.admin1 is not None and p.geo_precision == 3
    state = _place("Gunmen killed nine farmers in Borno state on Sunday, police said.")
    assert (p.latitude, p.longitude) == (state.latitude, state.longitude)


def test_a_village_in_apposition_takes_its_state():
    p = _place("Gunmen killed nine farmers in Zankwobiri, a farming village in Plateau state, on Sunday.")
    assert p is not None and p.name == "Zankwobiri" and p.geo_precision == 3
    assert "container" in (p.reason or "")


def test_kilometres_from_a_town_take_the_towns_point_at_precision_two():
    p = _place("A roadside bomb killed four soldiers on Sunday in Zankwobiri, 20 km north of Maiduguri.")
    town = _place("A roadside bomb killed four soldiers on Sunday in Maiduguri.")
    assert p is not None and p.name == "Zankwobiri" and p.geo_precision == 2
    assert (p.latitude, p.longitude) == (town.latitude, town.longitude) and town.geo_precision == 1


def test_a_town_far_from_the_one_it_is_measured_from_keeps_its_own_point():
    p = _place("A roadside bomb killed four soldiers on Sunday in Kaduna, 250 km north of Abuja.")
    assert p is not None and p.name == "Kaduna" and p.geo_precision == 1
    far = _place("A roadside bomb killed four soldiers on Sunday in Zankwobiri, 300 km north of Abuja.")
    assert far is None or far.name != "Zankwobiri"


def test_a_village_near_a_town_is_precision_two_at_the_town():
    p = _place("Gunmen killed nine farmers in the village of Zankwobiri near Maiduguri on Sunday, police said.")
    assert p is not None and p.name == "Zankwobiri" and p.geo_precision == 2


def test_near_a_town_is_precision_two_at_the_town():
    p = _place("A roadside bomb killed four soldiers near Maiduguri on Sunday.")
    assert p is not None and p.name == "Maiduguri" and p.geo_precision == 2


def test_a_known_town_of_a_list_after_a_comma_stays():
    p = _place("Gunmen killed nine farmers in Maiduguri, Borno state, on Sunday.")
    assert p is not None and p.name == "Maiduguri" and p.geo_precision == 1


def test_dictionary_words_in_title_case_are_no_name():
    p = _place("Troops Kill Nine Insurgents in Joint Operation, Borno")
    assert p is None or p.name != "Joint Operation"


def test_a_rule_without_the_name_is_a_coded_error(tmp_path):
    (tmp_path / "place_containers.txt").write_text("in \\bvillage\\s+of\\s+\n", encoding="utf-8")
    with use_knowledge(Knowledge(tmp_path)):
        from sitrep.resolve.place_container import _rules

        with pytest.raises(KnowledgeError, match="place_containers.txt:1"):
            _rules()


def test_a_town_put_in_a_country_where_the_gazetteer_has_no_such_town_is_placed_in_that_country():
    text = ("Gunmen attacked the eastern Chadian town of Toledo on Sunday, killing 12 people, officials said.\n\n"
            "Soldiers drove the gunmen out of Toledo on Monday.")
    events = extract_document(Document(id="t", text=text, title=None, published=date(2021, 6, 3)))
    assert events and all(e.place is not None and e.place.country_code == "TD" for e in events), \
        [(e.place.name, e.place.country_code) for e in events if e.place]
