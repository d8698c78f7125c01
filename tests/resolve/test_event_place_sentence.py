"""An event's place is where it happened: not the people's country of origin, and the town its own sentence names
before the report's fall-back place (the dateline's, or the place named most)."""
from __future__ import annotations

from datetime import date

from sitrep.model import Document
from sitrep.pipeline import extract_document


def _places(text: str) -> list[tuple[str | None, str | None, date | None]]:
    doc = Document(id="t", text=text, published=date(2024, 5, 8))
    return [(m.place.name if m.place else None, m.place.country if m.place else None, m.date)
            for m in extract_document(doc)]


def test_people_from_several_countries_do_not_place_the_attack():
    text = ("COLOMBO, May 8 (Reuters) - A bomb exploded in a hotel restaurant in Colombo on Tuesday, "
            "killing guests from Britain, Denmark and India, police said.")
    places = _places(text)
    assert places and all(country == "Sri Lanka" for _, country, _ in places)


def test_an_earlier_event_recalled_in_a_side_clause_is_placed_at_its_own_town():
    text = ("PESHAWAR, May 8 (Reuters) - A suicide bomber killed nine people at a mosque in Peshawar on "
            "Tuesday, police said.\n\n"
            "It was the deadliest attack in the province since March 3, when gunmen killed 12 people at a "
            "wedding in Bannu.")
    places = {d: name for name, _, d in _places(text)}
    assert places.get(date(2024, 3, 3)) == "Bannu"
