"""A ship's name or class is no toponym (geo_cues.toml [vessel]): the name after a navy or merchant prefix, the
name before "-class"; the same name elsewhere is still a place."""
from sitrep.resolve import find_toponyms


def _names(text: str) -> list[str]:
    return [m.text for m in find_toponyms(text)]


def test_navy_prefix_name_is_no_place():
    text = "On Friday, INS Tabar sank a pirate vessel off Somalia."
    names = _names(text)
    assert "Tabar" not in names
    assert "Somalia" in names


def test_class_name_is_no_place():
    text = "A Delhi-class destroyer escorted the tanker out of the Gulf of Aden."
    names = _names(text)
    assert "Delhi" not in names
    assert "Gulf of Aden" in names


def test_the_same_name_without_prefix_stays_a_place():
    assert "Delhi" in _names("Police in Delhi arrested two men after the attack on Monday.")
