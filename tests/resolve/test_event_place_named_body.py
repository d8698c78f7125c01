"""A country at the tail of a facility's or an organisation's name ("outside the Stade de France", "at the Bank of
England") is where that facility is, coarsely, not the clause's own place when the report names a finer place in
that country: the event takes the report's place (issue 12, kind 6; ``knowledge/name_heads.txt``)."""
from __future__ import annotations

from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document


def _places(text: str) -> list[tuple[str, int]]:
    events = extract_document(document_from_text(text, "t", published=date(2024, 3, 5)))
    return [(e.place.name, e.place.geo_precision) for e in events if e.place is not None]


def test_a_country_inside_a_stadium_name_gives_way_to_the_reports_town():
    text = ("Night of attacks in Dakar\n\nIt began at the ground. A man blew himself up on Friday outside the "
            "Stade du Senegal, killing two passers-by.")
    assert _places(text) == [("Dakar", 2)]


def test_the_country_stays_when_the_report_names_no_finer_place_in_it():
    text = "It began at the ground. A man blew himself up on Friday outside the Stade du Senegal, killing two passers-by."
    assert [name for name, _ in _places(text)] == ["Senegal"]


def test_a_country_after_a_word_that_heads_no_name_stays():
    text = ("Night of attacks in Dakar\n\nA man blew himself up on Friday in the Casamance region of Senegal, "
            "killing two passers-by.")
    assert _places(text) == [("Senegal", 3)]  # "region" heads no name: the country stays the clause's place
