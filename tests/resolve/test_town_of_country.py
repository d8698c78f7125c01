"""An event placed at a country that only a merged sentence names ("the deadliest attack in Kenya since ...") takes the
town of that country its own sentence names, even where the clause rules did not give it that town (a side clause
on the target: "a market crowded with shoppers on Mombasa's Biashara Street") (issue 11, s40,
``resolve.event_place._town_of_country``)."""
from __future__ import annotations

from datetime import date

from sitrep.model import Document
from sitrep.pipeline import extract_document
from sitrep.resolve.event_place import TOWN_OF_COUNTRY_NOTE

_TEXT = ("Nine killed in market bombing\n"
         "A bomb ripped through a market crowded with shoppers on Mombasa's Biashara Street on Friday, killing nine "
         "people and wounding 30, officials said.\n\n"
         "Police said the device had been hidden in a handcart. No group has claimed responsibility. "
         "It was the deadliest attack in Kenya since 2019.\n")


def _events(text: str) -> list:
    doc = Document(id="t", text=text, title=text.splitlines()[0], published=date(2024, 3, 2))
    return extract_document(doc)


def test_a_town_of_the_country_in_the_events_own_sentence_makes_the_country_finer():
    events = _events(_TEXT)
    assert len(events) == 1, "the bombing is found, the 'deadliest attack' sentence merged into it"
    place = events[0].place
    assert place is not None and place.name == "Mombasa" and place.country_code == "KE"
    assert any(TOWN_OF_COUNTRY_NOTE in n for n in events[0].notes)


def test_a_country_its_own_sentence_names_stays():
    text = ("Gunmen kill six in Kenya\n"
            "Gunmen killed six people in an attack in northern Kenya on Friday, a week after talks in Nairobi.\n")
    for e in _events(text):
        assert not any(TOWN_OF_COUNTRY_NOTE in n for n in e.notes)
