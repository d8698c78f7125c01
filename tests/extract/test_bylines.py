"""A correspondent's byline (knowledge/bylines.txt) is where the reporter sits, not where the event was: the
events of its sentence (the headline the splitter joins it to) are not placed there. Sentences of our own."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.byline import byline_spans


@pytest.mark.parametrize("line", ["By our Lisbon correspondent", "By a staff correspondent",
                                  "From our correspondent in Nairobi", "Our Lagos correspondent writes:"])
def test_a_correspondents_line_in_a_reports_head_is_a_byline(line):
    text = f"Gunmen kill four at a roadside market\n{line}\n\nGunmen opened fire on Tuesday."
    assert [text[a:b] for a, b in byline_spans(text)] == [line]


def test_a_wires_bracketed_correspondent_before_its_text_is_a_byline():
    text = "LISBON, 3 MAR 91 (XYZ) -- [REPORT] [J. SOUSA, LIMA\nCORRESPONDENT] [TEXT] A BOMB EXPLODED IN A BUS."
    assert [text[a:b] for a, b in byline_spans(text)] == ["J. SOUSA, LIMA\nCORRESPONDENT"]


@pytest.mark.parametrize("text", [
    "Police say by the river the correspondent's car was found\nBy the way, the correspondents were safe.",
    "Rebels shell the port\nBy Maria Costa\n\nRebels shelled the port on Monday.",
    "Rebels shell the port\n\nThe army said a correspondent in Lisbon writes nothing of it.",
])
def test_other_lines_are_no_bylines(text):
    assert byline_spans(text) == []


def test_a_bylines_town_is_not_the_headline_events_place():
    from sitrep.model import Document
    from sitrep.pipeline import extract_document

    text = ("Rebels storm army post, killing nine soldiers\nBy our Madrid correspondent\n\n"
            "Rebels stormed an army post near Kidal on Monday, killing nine soldiers, the army said.\n")
    doc = Document(id="byline-test", text=text, title="Rebels storm army post, killing nine soldiers",
                   published=date(2024, 5, 7))
    events = extract_document(doc)
    assert events and all(e.place is None or e.place.name != "Madrid" for e in events)
