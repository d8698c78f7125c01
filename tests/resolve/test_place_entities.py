"""Names NER labels as something else that are places (issue 18), and names of people that are not."""
from __future__ import annotations

import pytest

from sitrep.model import Document
from sitrep.nlp import analyze
from sitrep.resolve.event_place import place_entities


def _places(text: str) -> list[str]:
    a = analyze(Document(id="t", text=text))
    ents, _ = place_entities(a)
    return [a.text[e.start_char:e.end_char] for e in ents if e.label_ in ("GPE", "LOC", "FAC")]


@pytest.mark.parametrize("text, name", [
    ("Russian drones struck Kyiv overnight, killing three people, officials said.", "Kyiv"),
    ("A missile hit Kramatorsk on Tuesday, killing two civilians.", "Kramatorsk"),
])
def test_a_place_ner_mislabels_is_found_from_the_gazetteer_and_its_context(text, name):
    assert name in _places(text)


def test_a_town_name_written_as_a_person_is_no_place():
    assert "Martin" not in _places("Martin said the attack on the base wounded two soldiers.")
