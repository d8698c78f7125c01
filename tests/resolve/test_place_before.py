"""An event whose sentence names no place, in a sentence that takes up again with "the" a facility or place word
that a sentence just before named beside a place: that place, not the dateline town (resolve/event_place.py
``place_before``). Sentences written for these tests."""
from __future__ import annotations

from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

DATELINE = "KHARKIV, March 3 (Reuters) - "


def _places(text: str) -> list[tuple[str, str]]:
    events = extract_document(document_from_text(text, "t", published=date(2022, 3, 3)))
    return [(e.evidence[0].text if e.evidence else "", e.place.name if e.place else "-") for e in events]


def test_the_same_depot_takes_the_place_named_beside_the_depots_before():
    text = (DATELINE + "Artillery shells hit a crowded market in Kharkiv on Wednesday, killing 9 people.\n\n"
            "Hours earlier, warplanes bombed two fuel depots near Poltava, officials said.\n\n"
            "Warplanes struck the same depot again on Thursday.")
    got = _places(text)
    assert any("same depot" in s and p == "Poltava" for s, p in got), got


def test_a_definite_word_the_sentences_before_do_not_name_keeps_the_fallback():
    text = (DATELINE + "Warplanes bombed two fuel depots near Poltava on Wednesday, officials said.\n\n"
            "Warplanes struck the railway station on Thursday, killing 4 people.")
    got = _places(text)
    assert any("railway station" in s and p == "Kharkiv" for s, p in got), got
