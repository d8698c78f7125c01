"""Town names in ALL-CAPS wire text (issue 11): wire copy writes names without their accents and with a possessive
("MEDELLIN", "BOGOTA'S"); the copy the places are read from (``place_capitals``) gives them their capital, unless mixed-case text writes the
folded form as a common word more often (``caps_folded_common.txt``). Sentences written for these tests."""
from __future__ import annotations

import pytest

from sitrep.nlp.truecase import place_capitals, truecase


def placed(caps: str) -> str:
    return place_capitals(caps, truecase(caps))


@pytest.mark.parametrize("caps, cased", [
    ("A CAR BOMB WENT OFF IN MEDELLIN LAST NIGHT.", "in Medellin last"),   # Medellín
    ("TWO JUDGES WERE SHOT DEAD IN BOGOTA TODAY.", "in Bogota today"),     # Bogotá
    ("THE GUERRILLAS STRUCK NEAR CORDOBA.", "near Cordoba."),              # Córdoba
    ("PATROLS WERE SEEN IN SAN JOSE ON MONDAY.", "in San Jose on"),       # San José
])
def test_a_town_written_without_its_accents_keeps_its_capital(caps, cased):
    out = placed(caps)
    assert len(out) == len(caps)
    assert cased in out


@pytest.mark.parametrize("caps, cased", [
    ("THE MAYOR OF BOGOTA'S SOUTHERN DISTRICT WAS KIDNAPPED.", "of Bogota's southern"),
    ("REBELS ATTACKED COLOMBIA'S BORDER POSTS.", "attacked Colombia's border"),
    ("SHOTS WERE HEARD IN SAN SALVADOR'S NORTHERN SUBURBS.", "in San Salvador's northern"),
])
def test_a_place_before_a_possessive_keeps_its_capital(caps, cased):
    out = placed(caps)
    assert len(out) == len(caps)
    assert cased in out


def test_a_folded_name_that_is_a_common_word_stays_lower_case():
    out = placed("THEY BANNED THE SALE OF WEAPONS TO THE REBELS.")
    assert "the sale of weapons" in out


def test_the_parse_copy_is_left_as_it_was():
    caps = "A CAR BOMB WENT OFF IN MEDELLIN LAST NIGHT."
    assert "in medellin" in truecase(caps)


def test_a_nationality_keeps_its_capital_for_the_places_only():
    caps = "THE SALVADORAN ARMY SHELLED THE VILLAGE."
    assert "Salvadoran army" in placed(caps)
    assert "salvadoran army" in truecase(caps)


def test_a_common_word_that_a_town_bears_with_an_accent_stays_the_word():
    assert "the union of" in placed("THE LEADER OF THE UNION OF PEASANT WORKERS WAS SHOT.")
