"""The report's date from its own address (``knowledge/url_dates.toml``): a day in the path dates the report, a year
and month only bound it; a number that is no date (an id, a year of something else) is not read."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.errors import KnowledgeError
from sitrep.knowledge import Knowledge, use_knowledge
from sitrep.model import Document
from sitrep.resolve.event_time import report_date
from sitrep.resolve.timex.dateline import infer_report_date, read_url, url_date


@pytest.mark.parametrize("url, want", [
    ("https://news.example.org/2014/06/21/two-shot-at-a-bus-stop/", date(2014, 6, 21)),
    ("http://www.example.co.uk/world/2016/sep/03/convoy-hit-near-border", date(2016, 9, 3)),
    ("http://example.net/local/2011/june/7/fire-at-depot.html", date(2011, 6, 7)),
    ("http://example.com/stories/20170812/market-blast", date(2017, 8, 12)),
    ("http://example.com/watch?ymd=20170812&id=4411", date(2017, 8, 12)),
    ("http://edition.example.com/2009/WORLD/03/05/raid.village/index.html", date(2009, 3, 5)),
    ("http://example.org/news/2015-10-30-patrol-ambushed_Z.htm", date(2015, 10, 30)),
])
def test_a_day_in_the_address(url, want):
    assert url_date(url) == want


@pytest.mark.parametrize("url", [
    "http://example.org/world/attack-2013-rally/",          # a year naming something else
    "http://example.org/story/2013/",                       # a year only
    "http://example.org/article/20131399/report",           # eight digits that are no date
    "http://example.org/news/idUSKXX20170812",              # a date inside an id
    "http://2014.example.org/12/05/story",                  # the host's numbers
    "http://example.org/archive/4418207-convoy-hit.html",   # an id
])
def test_no_day_in_the_address(url):
    assert url_date(url) is None


def test_a_year_and_month_only():
    found = read_url("http://blog.example.org/2012/11/gunmen-storm-a-hotel.html")
    assert (found.year, found.month, found.day) == (2012, 11, None)
    found = read_url("http://example.com/news-2010-2/convoy")
    assert (found.year, found.month, found.day) == (2010, 2, None)
    assert read_url("http://example.com/2010/13/convoy") is None  # no month 13


def test_a_month_address_dates_a_yearless_dateline_in_its_month():
    text = "http://example.org/2012/11/story.html\nKANO, Nov 3 (Reuters) - Gunmen attacked a market on Saturday."
    got, why = infer_report_date(text)
    assert got == date(2012, 11, 3) and "address" in why
    # a dateline day weeks before the address's month is not dated by it
    text = "http://example.org/2012/11/story.html\nKANO, Aug 3 (Reuters) - Gunmen attacked a market."
    assert infer_report_date(text, today=date(2013, 1, 1))[0] is None


def test_a_month_address_withdraws_an_answer_of_another_year():
    body = "Police said on 4 March 2009 that the depot had been hit; today, 12 May 2011, it reopened."
    assert infer_report_date(body)[0] == date(2011, 5, 12)
    assert infer_report_date("http://example.org/2011/05/depot\n" + body)[0] == date(2011, 5, 12)
    assert infer_report_date("http://example.org/2013/05/depot\n" + body)[0] is None


def test_a_dateline_or_publication_line_wins_over_the_address():
    text = "http://example.org/2014/06/20/story/\nPublished: June 21, 2014\nTwo men were shot."
    assert infer_report_date(text)[0] == date(2014, 6, 21)


def test_the_page_address_of_the_metadata_dates_a_report():
    doc = Document(id="p", text="Two men were shot at a bus stop on Friday.", url="https://x.example/2014/06/21/a")
    got, why = report_date(doc)
    assert got == date(2014, 6, 21) and "address" in why and "year inferred" not in why
    assert infer_report_date(doc.text, url="https://x.example/2014/06/21/a")[0] == date(2014, 6, 21)


def test_a_broken_form_names_the_file(tmp_path):
    (tmp_path / "url_dates.toml").write_text('[[form]]\nname = "x"\nprecision = "day"\npattern = "(?P<y>\\\\d{4})"\n',
                                             encoding="utf-8")
    with use_knowledge(Knowledge(tmp_path)), pytest.raises(KnowledgeError, match="url_dates.toml"):
        read_url("http://example.org/2014/06/21/a")


def test_a_number_that_starts_a_slug_is_no_month():
    from sitrep.resolve.timex.dateline import read_url

    assert read_url("https://news.example.org/2019/07-reasons-to-visit-the-coast") is None
    assert read_url("https://news.example.org/best-of-2019-10-albums") is None
    found = read_url("https://news.example.org/world/2019/07/")
    assert found is not None and (found.year, found.month, found.day) == (2019, 7, None)
