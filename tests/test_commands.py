"""Small helpers shared by the CLI's subcommands."""
from sitrep.commands import place_label


def test_place_label_names_a_country_level_place_once():
    assert place_label({"name": "Kirkuk", "country": "Iraq"}) == "Kirkuk, Iraq"
    assert place_label({"name": "Iraq", "country": "Iraq"}) == "Iraq"
    assert place_label({"name": None, "country": "Syria"}) == "Syria"
    assert place_label(None) == "" and place_label({}) == ""
