"""A dateline in a country the report never names again is where it was filed, not the fall-back place of its events."""
from __future__ import annotations

from datetime import date

from sitrep.model import Document
from sitrep.pipeline import extract_document


def _places(text: str) -> list[tuple[str | None, str | None]]:
    doc = Document(id="t", text=text, published=date(2024, 5, 7))
    return [(m.place.name if m.place else None, m.place.country if m.place else None)
            for m in extract_document(doc)]


def test_a_dateline_abroad_gives_way_to_the_country_the_report_names():
    text = ("NAIROBI, May 7 (Reuters) - Gunmen attacked a police post in Somalia's Lower Shabelle region on "
            "Tuesday, killing four officers, Somali officials said.\n\n"
            "Later, a roadside bomb exploded, killing two soldiers, a military officer said.")
    places = _places(text)
    assert places and all(country == "Somalia" for _, country in places)


def test_a_dateline_whose_country_is_named_again_stays_the_fall_back():
    text = ("NAIROBI, May 7 (Reuters) - A roadside bomb exploded on Tuesday, killing two police officers, "
            "Kenyan officials said. Police in Kenya blamed the militants.")
    places = _places(text)
    assert places and all(country == "Kenya" for _, country in places)
