"""A "Posted ..." / "Updated ..." line at the top of a web article says when it went online: it is the report's
date, never an event's date."""
from __future__ import annotations

from datetime import date

from sitrep.resolve.timex.dateline import infer_report_date, parse_posted


def test_publication_lines_give_the_report_date():
    cases = {
        "Storm over the harbour\nPOSTED: 07 / 03 / 19, 6: 15 PM EDT |\nA gunman fired on a ferry on Sunday.":
            date(2019, 7, 3),
        "Updated Fri 2 Aug 2019, 7: 40am AEST\nTwo guards were shot at the mine.": date(2019, 8, 2),
        "Published time: May 14, 2018 10: 02\nA bomb went off near the stadium later that week.": date(2018, 5, 14),
        "PUBLISHED: TUESDAY, MAY 15, 2018, 8: 12 AM\nUPDATED: WEDNESDAY, MAY 16, 2018\nRiots spread.":
            date(2018, 5, 15),
    }
    for text, want in cases.items():
        assert parse_posted(text).date == want, text
        got, why = infer_report_date(text)
        assert got == want and why.startswith("publication line"), text


def test_a_sentence_that_opens_with_updated_is_not_a_publication_line():
    assert parse_posted("Updated maps were handed to the patrol on Monday, 3 June 2019, before the raid.\n") is None
    assert parse_posted("Updated troops were sent to the base.\nThe base was shelled.") is None


def test_the_latest_date_told_is_not_the_report_date_when_a_publication_line_gives_it():
    text = ("Posted: 12 / 01 / 2016\nThe man shot at the clinic on Monday will be tried on March 20, 2017, "
            "the court said.")
    assert infer_report_date(text)[0] == date(2016, 12, 1)
