"""A plain-text report keeps its headline and the date of its dateline."""
from __future__ import annotations

from datetime import date

from sitrep.ingest.text import document_from_text

REPORT = ("Shelling damages a school in Sloviansk\n\n"
          "SLOVIANSK, Ukraine, 14 May 2024 (Reuters) - Artillery shells hit a school in the town overnight, "
          "the mayor said.\n")


def test_first_line_before_a_dated_dateline_is_the_headline():
    doc = document_from_text(REPORT, "sloviansk")
    assert doc.title == "Shelling damages a school in Sloviansk"
    assert doc.published == date(2024, 5, 14)
    assert doc.text[doc.body_start:].startswith("SLOVIANSK, Ukraine, 14 May 2024")


def test_a_given_date_and_title_win():
    doc = document_from_text(REPORT, "s", title="Given", published=date(2024, 5, 15))
    assert (doc.title, doc.published) == ("Given", date(2024, 5, 15))


def test_a_first_sentence_without_a_dateline_is_not_a_headline():
    doc = document_from_text("Gunmen attacked a bus near the border.\nFour people were hurt.\n", "bus")
    assert doc.title is None and doc.body_start == 0 and doc.published is None


def test_seed_layout_with_a_dated_dateline():
    doc = document_from_text("Blast in a market\nFILE: MOSUL, 2 June 2017 (AFP) - A car bomb exploded.", "m")
    assert doc.title == "Blast in a market" and doc.published == date(2017, 6, 2)
