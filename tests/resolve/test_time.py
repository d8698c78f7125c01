"""The temporal module: values against the report's date, year inference, weekdays across month and year
ends, event-relative chains, datelines, nonsense dates, ALL-CAPITALS wire text."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.errors import KnowledgeError
from sitrep.model import Timex
from sitrep.resolve.time import (
    DocumentTimes,
    acled_time_precision,
    event_date,
    find_timexes,
    infer_report_date,
    normalize,
    parse_dateline,
    ucdp_date_prec,
)
from sitrep.resolve.timex.lexicon import parse_lexicon

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def values(text: str, anchor: date | None) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_timexes(text, anchor)]


# ---- weekdays --------------------------------------------------------------------------------------
@pytest.mark.parametrize(("anchor", "text", "expected"), [
    (date(2024, 1, 2), "Gunmen attacked the village on Friday.", "2023-12-29"),      # across the year end
    (date(2024, 1, 2), "The base was shelled on Sunday night.", "2023-12-31TNI"),
    (date(2024, 3, 1), "A drone struck the convoy on Thursday.", "2024-02-29"),      # leap day, month end
    (date(2024, 3, 1), "Rockets hit the embassy on Friday.", "2024-03-01"),          # a Friday report: that day
    (date(2024, 3, 1), "Rockets hit the embassy last Friday.", "2024-02-23"),
    (date(2023, 12, 29), "Talks will resume on Tuesday.", "2024-01-02"),             # future, across year end
    (date(2024, 4, 30), "Militants will hold a rally on Wednesday.", "2024-05-01"),
])
def test_weekdays_across_month_and_year_ends(anchor, text, expected):
    found = find_timexes(text, anchor)
    assert [t.value for t in found] == [expected]


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)), st.integers(min_value=0, max_value=6))
def test_weekday_in_past_narrative_is_the_most_recent_such_day(anchor, back):
    day = anchor - timedelta(days=back)
    text = f"The checkpoint was attacked on {WEEKDAYS[day.weekday()]}."
    assert [t.value for t in find_timexes(text, anchor)] == [day.isoformat()]


# ---- missing years ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("anchor", "text", "expected"), [
    (date(2024, 1, 3), "Five soldiers were killed on 28 December.", "2023-12-28"),
    (date(2024, 1, 3), "Five soldiers were killed on 2 January.", "2024-01-02"),
    (date(2024, 1, 3), "Five soldiers were killed on Dec. 28.", "2023-12-28"),
    (date(2023, 12, 30), "Elections will be held on 3 January.", "2024-01-03"),
    (date(2024, 3, 5), "The mosque was bombed on 29 February.", "2024-02-29"),
    (date(2024, 1, 3), "The offensive began in December.", "2023-12"),
    (date(2024, 1, 3), "The attack happened on 28 December 2022.", "2022-12-28"),
])
def test_missing_years(anchor, text, expected):
    assert [t.value for t in find_timexes(text, anchor)] == [expected]


def test_no_anchor_leaves_the_year_unspecified():
    assert values("Rockets fell on 8 December and again yesterday.", None) == [
        ("8 December", "XXXX-12-08"), ("yesterday", "XXXX-XX-XX")]


# ---- nonsense ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["on 31 February", "ON 30 FEBRUARY 90", "February 30, 2023", "on 31 April",
                                  "on 29 February"])
def test_nonsense_dates_give_no_value(text):
    anchor = date(2023, 3, 10)  # 2023 is not a leap year, nor are its neighbours' Februaries in range
    assert normalize(text, anchor) is None
    assert all(t.precision != "day" for t in find_timexes(text, anchor))


# ---- event-relative chains -----------------------------------------------------------------------------
def test_hours_after_chains():
    text = ("A rocket hit the base on 3 December. Hours after the attack, a drone struck Erbil. "
            "The next day gunmen raided a checkpoint. Two days later a roadside bomb exploded, "
            "and the day before that militants had shelled the airport.")
    found = find_timexes(text, date(2023, 12, 8))
    assert [(t.text, t.value, t.anchor) for t in found] == [
        ("3 December", "2023-12-03", "report"),
        ("Hours after", "P0D", "event"),
        ("The next day", "P1D", "event"),
        ("Two days", "P2D", "event"),  # "later" is a signal, outside the expression (TimeML); the value keeps it
        ("the day before", "-P1D", "event"),
    ]
    day = date(2023, 12, 3)
    chain = []
    for t in found[1:]:
        day = event_date(t, day)
        chain.append(day.isoformat())
    assert chain == ["2023-12-03", "2023-12-04", "2023-12-06", "2023-12-05"]


def test_event_date_ignores_report_anchored_values():
    t = find_timexes("yesterday", date(2023, 12, 8))[0]
    assert event_date(t, date(2023, 1, 1)) is None


# ---- ALL-CAPITALS wire text -----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("2 DAYS AGO", "1990-02-02"),
    ("TODAY", "1990-02-04"),
    ("LAST NIGHT", "1990-02-03TNI"),
    ("ON 3 FEBRUARY", "1990-02-03"),
    ("4 FEB 90", "1990-02-04"),
    ("YESTERDAY AFTERNOON", "1990-02-03TAF"),
    ("LAST WEEK", "1990-W04"),
    ("THEY WERE KILLED IN MAY", "1989-05"),
    ("ELECTIONS WILL BE HELD IN MAY", "1990-05"),
])
def test_all_capitals(text, expected):
    assert normalize(text, date(1990, 2, 4)) == expected


def test_modal_may_and_verb_march_are_not_months():
    assert values("The attack may have killed dozens as protesters march on the capital.", date(2024, 1, 3)) == []


def test_offsets_are_absolute_and_limited_to_the_range():
    text = "Intro on 1 May. The strike came on 8 December. Outro on 9 December."
    start = text.index("The strike")
    end = text.index("Outro")
    found = find_timexes(text, date(2023, 12, 10), start=start, end=end)
    assert [(t.start, t.end, t.value) for t in found] == [(text.index("8 December"), text.index("8 December") + 10,
                                                          "2023-12-08")]
    assert all(text[t.start:t.end] == t.text for t in found)


def test_quarters_and_a_year_earlier_follow_the_text():
    text = "Profit rose in the third quarter. A year earlier, it fell."
    assert values(text, date(1989, 10, 27)) == [("the third quarter", "1989-Q3"), ("A year earlier", "1988-Q3")]


def test_document_times_value_at_uses_aliases_for_given_spans():
    dt = DocumentTimes("under the current system", date(1989, 10, 27))
    t = dt.value_at(10, 17)
    assert t is not None and (t.text, t.value) == ("current", "PRESENT_REF")
    assert find_timexes("under the current system", date(1989, 10, 27)) == []


# ---- datelines and report dates ----------------------------------------------------------------------
def test_muc_datelines():
    text = "DEV-MUC3-0001 (NOSC)\n\n   SAN SALVADOR, 3 JAN 90 -- [REPORT] [ARMED FORCES PRESS COMMITTEE]"
    dl = parse_dateline(text)
    assert dl is not None and dl.place.text == "SAN SALVADOR" and dl.date == date(1990, 1, 3)
    assert dl.span.text == "SAN SALVADOR, 3 JAN 90 --"
    dl = parse_dateline("GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) -- [TEXT] THE ARMY SAID")
    assert (dl.place.text, dl.date, dl.agency) == ("GUATEMALA CITY", date(1990, 2, 4), "ACAN-EFE")


def test_wire_dateline_without_year():
    text = "BAGHDAD, Dec 8 (Reuters) - Rockets hit the US embassy, the second attack since October 2023."
    dl = parse_dateline(text)
    assert dl.place.text == "BAGHDAD" and dl.date is None and dl.value == "XXXX-12-08" and dl.agency == "Reuters"
    when, why = infer_report_date(text)
    assert when == date(2023, 12, 8) and "dateline" in why


def test_date_only_dateline_and_none():
    assert parse_dateline("Dec. 8, 2023\nRockets hit the embassy.").date == date(2023, 12, 8)
    assert parse_dateline("Rockets hit the embassy in Baghdad on Friday.") is None
    assert parse_dateline("CANBERRA, Australia (AP)_ Turning its back").date is None


def test_infer_report_date_from_the_latest_dated_day():
    text = ("US bases have come under attack since mid-October 2023. A rocket attack hit the embassy on "
            "8 December. Five fighters were killed in Kirkuk on 3 December.")
    assert infer_report_date(text)[0] == date(2023, 12, 8)
    text = "Attacks have continued since October 2023. On 8 January a drone hit the base."
    assert infer_report_date(text)[0] == date(2024, 1, 8)
    assert infer_report_date("Rockets hit the base on Friday.") == (None, "no dateline and no date with its year in the text")


def test_seed_dates_with_and_without_a_publication_date():
    path = SHARED / "seed" / "000_ae200f296289012f.txt"
    if not path.exists():
        pytest.skip("needs ../shared/seed (the seed report)")
    text = path.read_text(encoding="utf-8")
    inferred, _ = infer_report_date(text)
    assert inferred == date(2023, 12, 8)
    for anchor in (date(2023, 12, 8), inferred):
        got = {t.text: t.value for t in find_timexes(text, anchor)}
        assert got["8 December"] == "2023-12-08"
        assert got["Two days ago"] == "2023-12-06"
        assert got["3 December"] == "2023-12-03"
        assert got["Hours after"] == "P0D"


# ---- precision -----------------------------------------------------------------------------------
@pytest.mark.parametrize(("value", "acled", "ucdp"), [
    ("2023-12-08", 1, 1), ("2023-12-08TNI", 1, 1), ("2023-W49", 2, 3), ("2023-W49-WE", 2, 2),
    ("2023-12", 3, 4), ("2023", None, 5), ("PAST_REF", None, None), ("P0D", None, None),
])
def test_precisions(value, acled, ucdp):
    t = Timex(0, 1, "x", "DATE", value, "report")
    assert acled_time_precision(t) == acled
    assert ucdp_date_prec(t) == ucdp


# ---- the lexicon file ----------------------------------------------------------------------------------
def test_bad_lexicon_entry_names_file_and_line():
    from sitrep.knowledge import knowledge_path

    raw = knowledge_path("time_lexicon.toml").read_text(encoding="utf-8")
    bad = raw.replace("december = 12", "december = 13", 1)
    line = bad.splitlines().index("december = 13") + 1
    with pytest.raises(KnowledgeError) as exc:
        parse_lexicon(bad, "time_lexicon.toml")
    assert f"time_lexicon.toml:{line}" in str(exc.value) and "E403" in str(exc.value)
    with pytest.raises(KnowledgeError, match="not valid TOML"):
        parse_lexicon(raw + "\n[broken\n", "time_lexicon.toml")


def test_cli_writes_json_lines(tmp_path, capsys):
    import json

    from sitrep.cli import main

    f = tmp_path / "report.txt"
    f.write_text("GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) -- [TEXT] GUERRILLAS ATTACKED 2 DAYS AGO.", encoding="utf-8")
    assert main(["timex", str(f)]) == 0
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["text"], r["value"]) for r in rows] == [("4 FEB 90", "1990-02-04"), ("2 DAYS AGO", "1990-02-02")]
    assert "dateline" in err
    assert main(["timex", "--anchor", "2024-01-03", str(f)]) == 0
    assert main(["timex", "--anchor", "not-a-date", str(f)]) == 2


# ---- reporting periods, reference time, TimeML spans (TimeBank follow-up) ----------------------------------
EARNINGS = date(1989, 10, 26)


def value_in_context(text: str, anchor: date, phrase: str) -> str | None:
    """The value of ``phrase`` once the text before it has been read (as the pipeline reads it)."""
    start = text.index(phrase)
    times = DocumentTimes(text, anchor)
    times.find(0, start)
    t = times.value_at(start, start + len(phrase))
    return t.value if t else None


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    # a year earlier than what? the quarter in view, or the nine months in view
    ("Net rose in the third quarter to $5 million from $4 million a year earlier.", "a year earlier", "1988-Q3"),
    ("Net rose in the third quarter. For the nine months, net was $9 million, compared with $8 million "
     "a year earlier.", "a year earlier", "1988"),
    # an outlook quarter is never the one reported
    ("Net rose 5% in the third quarter. Analysts expect a weak fourth quarter. In the year-ago period it "
     "earned $2 million.", "year-ago period", "1988-Q3"),
    ("For the quarter ended Sept. 30, Delta posted net of $133 million.", "the quarter", "1989-Q3"),
    ("In the quarter ended July 31, Jayark had 5.6 million shares.", "the quarter", "1989-Q2"),  # fiscal quarter
    ("Net fell in the third quarter. Kirschner earned $376,000 in the 1988 quarter.", "the 1988 quarter", "1988-Q3"),
    ("For the quarter a year ago, Columbia reported earnings of $16.3 million.", "the quarter a year ago", "1988-Q3"),
    ("Sales were flat in the latest period.", "the latest period", "1989-Q3"),
    ("It expects lower earnings for the current fiscal year.", "the current fiscal year", "1989"),
    ("Analysts expect the slump through the first two quarters of 1990.", "the first two quarters of 1990",
     "1990-H1"),
])
def test_reporting_periods(text, phrase, expected):
    assert value_in_context(text, EARNINGS, phrase) == expected


@pytest.mark.parametrize(("anchor", "text", "phrase", "expected"), [
    # the report's own month keeps its year, whatever the tense
    (date(1989, 11, 2), "Dunkin' has set Nov. 10 as the deadline for bids.", "Nov. 10", "1989-11-10"),
    (date(1989, 11, 1), "Revenue was $76 million for the year ended March 31.", "March 31", "1989-03-31"),
    (date(1990, 8, 15), "The Iraqi ambassador to Venezuela said on Tuesday that Iraq would retaliate.", "Tuesday",
     "1990-08-14"),
    (date(1989, 10, 30), "In September, it announced plans to acquire the fruit business.", "September", "1989-09"),
    (date(1998, 4, 18), "On May 22, 1995, Farkas was made a general, and the following year he was appointed "
     "attache.", "the following year", "1996"),
    (date(1989, 11, 2), "Imports totaled $37 million in 1988, a small share of the $1.5 billion that year.",
     "that year", "1988"),
    (date(1989, 10, 30), "The index fell on Friday, down 4.5% from the previous Friday.", "the previous Friday",
     "1989-10-20"),
    (date(1998, 3, 3), "Islam will one day be the second largest religion.", "one day", "FUTURE_REF"),
    (date(1990, 8, 15), "In Saudi Arabia, today is the eighth day of Desert Shield.", "eighth day", "1990-08-15"),
    (date(1990, 8, 15), "He would not travel at this crucial moment.", "this crucial moment", "PRESENT_REF"),
    (date(1989, 10, 26), "Over the summer, competitors offered more discounts.", "summer", "1989-SU"),
    (date(1989, 11, 1), "Sales rose 9% from $2 million a year earlier.", "a year", "1988"),  # span cut short
])
def test_reference_time_and_tense(anchor, text, phrase, expected):
    assert value_in_context(text, anchor, phrase) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Three days later, the talks resumed.", "Three days"),          # "later" is a signal
    ("Rates have fallen over the last two weeks.", "the last two weeks"),  # so is "over"
    ("It has only six months to comply.", "six months"),
    ("The government adopted a five year plan.", "five year"),       # an adjective, without its article
    ("Charges were taken in the year-earlier period.", "the year-earlier period"),
    ("He lived there until recently.", "recently"),
])
def test_timeml_span_conventions(text, expected):
    assert [t.text for t in find_timexes(text, date(1998, 2, 13))] == [expected]


def test_adverbs_that_are_rarely_times_are_read_but_not_found():
    text = "The previously announced quarterly dividend will be paid."
    assert find_timexes(text, date(1989, 11, 1)) == []
    assert normalize("previously", date(1989, 11, 1)) == "PAST_REF"
