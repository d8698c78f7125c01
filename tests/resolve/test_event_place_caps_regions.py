"""Event places in ALL-CAPS reports whose name ends in a possessive, and regions that span several countries
(issues 11, 12; s35)."""
from __future__ import annotations

from sitrep.model import Document
from sitrep.nlp import analyze
from sitrep.pipeline import extract_document
from sitrep.resolve import place_entities


def _places(text: str) -> list[str]:
    a = analyze(Document(id="t", text=text))
    ents, restored = place_entities(a)
    return [restored[e.start_char:e.end_char] for e in ents if e.label_ in ("GPE", "LOC", "FAC")]


def test_a_caps_name_before_a_possessive_keeps_all_its_words():
    text = ("GUERRILLAS BOMBED SAN SALVADOR'S POWER PLANTS ON MONDAY NIGHT, KILLING TWO GUARDS, "
            "THE ARMED FORCES PRESS OFFICE REPORTED TODAY.")
    names = _places(text)
    assert "San Salvador" in names and "San" not in names


def test_a_region_across_borders_keeps_no_country():
    doc = Document(id="r", text="Drone strikes across the Middle East killed at least 12 fighters on Sunday, "
                                "officials said.")
    places = [m.place for m in extract_document(doc) if m.place is not None]
    assert places and all(p.country_code is None for p in places if p.name == "Middle East")
    assert any(p.name == "Middle East" for p in places)


def test_a_sea_across_borders_still_takes_the_nearest_country():
    doc = Document(id="s", text="Pirates attacked a cargo ship in the Gulf of Aden on Sunday, wounding two sailors.")
    places = [m.place for m in extract_document(doc) if m.place is not None and m.place.name == "Gulf of Aden"]
    assert places and all(p.country_code for p in places)


def test_a_caps_lake_named_after_a_country_is_the_lake():
    doc = Document(id="l", text="GUNMEN KILLED NINE FISHERMEN ON AN ISLAND OF LAKE CHAD ON FRIDAY, A LOCAL OFFICIAL "
                                "TOLD REPORTERS.")
    assert {m.place.name for m in extract_document(doc) if m.place is not None} == {"Lake Chad"}


def test_a_caps_country_name_beside_a_facility_word_stays_the_country():
    assert "Us Embassy" not in _places("PROTESTERS STORMED THE US EMBASSY COMPOUND IN BAGHDAD ON TUESDAY, POLICE "
                                       "SAID.")


def test_a_region_across_borders_takes_the_country_named_before_it_in_the_possessive():
    doc = Document(id="p", text="Gunmen ambushed an army patrol in Ecuador's Andes on Monday, killing four soldiers.")
    places = [m.place for m in extract_document(doc) if m.place is not None and m.place.name == "Andes"]
    assert places and all(p.country_code == "EC" for p in places)
