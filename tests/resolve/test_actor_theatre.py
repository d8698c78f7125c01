"""An event whose sentence names no place below its country but names an armed group whose fighting its source places
in one division (``knowledge/actor_theatres.csv``): placed at that division, not at the country's middle. A lake
across borders goes to the country its sentence points at when that country's towns reach it."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.errors import KnowledgeError
from sitrep.model import Document
from sitrep.pipeline import extract_document


def _places(headline: str) -> list:
    doc = Document(id="h", text=headline, title=headline, published=date(2021, 6, 2))
    return [e.place for e in extract_document(doc) if e.place is not None]


def test_a_group_with_a_theatre_places_an_event_with_no_place_there():
    [p] = _places("Allied Democratic Forces rebels killed eleven villagers overnight")
    assert p.country_code == "CD" and p.name == "Nord-Kivu" and p.geo_precision == 3
    assert "theatre" in (p.reason or "")


def test_the_theatre_refines_the_country_the_sentence_names():
    [p] = _places("Arakan Army fighters killed four policemen in Myanmar")
    assert p.country_code == "MM" and p.name == "Rakhine"


def test_a_theatre_in_another_country_than_the_one_named_does_not_move_it():
    [p] = _places("Arakan Army fighters killed nine soldiers in Bangladesh")
    assert p.country_code == "BD" and p.feature == "PCLI"


def test_a_part_of_the_country_that_does_not_hold_the_theatre_stands():
    [p] = _places("Boko Haram gunmen killed six traders in southern Nigeria")
    assert p.country_code == "NG" and "southern part" in (p.reason or "") and "theatre" not in (p.reason or "")


def test_a_part_of_the_country_that_holds_the_theatre_gives_way_to_it():
    [p] = _places("Boko Haram gunmen killed six traders in northern Nigeria")
    assert p.name == "Borno" and "theatre" in (p.reason or "")


def test_a_named_town_is_never_replaced_by_the_theatre():
    [p] = _places("Boko Haram gunmen killed six traders in Kano")
    assert p.name == "Kano" and p.geo_precision == 1


def test_a_group_without_a_theatre_keeps_the_country_point():
    [p] = _places("Taliban gunmen killed three policemen in Afghanistan")
    assert p.country_code == "AF" and p.feature == "PCLI"


def test_a_theatre_row_must_name_a_division_of_one_of_the_groups_countries(tmp_path):
    from sitrep.knowledge import Knowledge, use_knowledge
    from sitrep.resolve.event_country import load_theatres

    (tmp_path / "actor_theatres.csv").write_text("# a comment\nactor,country,place,source\n"
                                                 "Boko Haram,NG,Borno,https://example.org\n"
                                                 "Boko Haram,AF,Kandahar,https://example.org\n", encoding="utf-8")
    with use_knowledge(Knowledge(tmp_path)), pytest.raises(KnowledgeError, match=r"actor_theatres.csv:4"):
        load_theatres()


def test_a_lake_goes_to_the_shore_country_its_sentence_points_at():
    [p] = _places("Nigerian troops kill 19 militants on Lake Chad")
    assert p.name == "Lake Chad" and p.country_code == "NG"


def test_a_sea_far_from_the_towns_of_the_country_its_sentence_points_at_keeps_the_nearest_country():
    [p] = _places("Houthis attack ship in Red Sea")
    assert p.name == "Red Sea" and p.country_code not in (None, "YE")
