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


def test_a_line_of_a_date_and_a_time_under_the_headline_is_the_report_date():
    cases = {
        "Gunman wounds two at a depot\nTue Mar 3, 2015 6: 40pm GMT\nA man opened fire at a depot on Tuesday.":
            date(2015, 3, 3),
        "Two guards shot at a mine\non Aug 9 2016\nTwo guards were shot at the mine.": date(2016, 8, 9),
        "Blast at a market\nNovember 2, 2017 10: 05 AM\nA bomb went off at the market last night.": date(2017, 11, 2),
    }
    for text, want in cases.items():
        got, why = infer_report_date(text)
        assert got == want and why.startswith("publication line"), (text, got, why)


def test_a_headline_or_sentence_with_a_date_is_not_a_publication_line():
    assert parse_posted("March 3, 2015 was the day the depot burned\nGuards fled.") is None
    assert parse_posted("Remembering the attack of May 5, 2010\nThe bank reopened.") is None


def test_the_day_in_the_reports_address_is_its_date():
    text = "https://news.example.org/2014/06/21/two-shot-at-a-bus-stop/\nTwo men were shot at a bus stop on Friday."
    got, why = infer_report_date(text)
    assert got == date(2014, 6, 21) and "address" in why
    assert infer_report_date("https://news.example.org/world/two-shot\nTwo men were shot.")[0] is None
    # an address with only its year and month reads a numeric date that reads either way day first or not
    assert parse_posted("https://news.example.org/2014/06/story\n07 / 06 / 2014\nA man was shot.").date == \
        date(2014, 6, 7)
    assert parse_posted("https://news.example.org/2014/07/story\n07 / 06 / 2014\nA man was shot.").date == \
        date(2014, 7, 6)


def test_a_headline_in_capitals_with_a_date_is_not_a_publication_line():
    assert parse_posted("Bank Attack May 5, 2010 Kills Three\nThree people died in the fire.") is None
    assert parse_posted("May 5, 2010 Attack Kills Three\nThree people died in the fire.") is None
