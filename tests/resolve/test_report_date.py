"""The report's date inferred from a body with no date line and no publication line: a search over the latest
day the text tells of an event and the week after it (sentences written for these tests)."""
from __future__ import annotations

from datetime import date

from sitrep.resolve.timex.dateline import infer_report_date


def test_since_a_day_is_a_lower_bound_not_the_report_date():
    day, why = infer_report_date("Rockets hit the base on Friday. Attacks have continued since October 17, 2023.")
    assert day is None and "lower bound" in why  # not October 17, which put Friday's attack on October 13
    text = "Raids on the depots have gone on since 17 October 2023. A drone struck the fuel depot on 2 November."
    assert infer_report_date(text)[0] == date(2023, 11, 2)


def test_a_start_after_the_latest_event_leaves_the_report_undated():
    text = "A drone struck the fuel depot on 2 October 2023. Shelling of the town began on 20 October 2023."
    day, why = infer_report_date(text)
    assert day is None and "began after" in why


def test_only_days_told_in_the_past_tense_date_the_report():
    assert infer_report_date("Under the new rules the curfew takes effect on June 4, 2024.")[0] is None
    text = "The port was shelled on 3 May 2024. Its bonds, due March 1, 2031, lost a third of their value."
    assert infer_report_date(text)[0] == date(2024, 5, 3)


def test_a_day_named_with_its_weekday_takes_that_weekdays_year():
    text = "On Sunday, October 29, soldiers raided the camp. Tension had grown there since October 2021."
    day, why = infer_report_date(text)
    assert day == date(2023, 10, 29) and "weekday" in why


def test_weekdays_that_fall_on_no_told_day_leave_the_report_undated():
    """Wire style: the recent days by weekday, older ones in full; the full date is background."""
    text = "Gunmen stormed the hotel on Tuesday, police said. The same hotel was bombed on March 28, 2019."
    day, why = infer_report_date(text)
    assert day is None and "weekdays" in why


def test_weekdays_before_a_day_written_without_its_year_are_in_its_week():
    """ "on December 8th" beside "since mid-October 2023": the report's day; Wednesday is two days before it."""
    text = ("Rockets targeted the US embassy on December 8th. Attacks have continued since mid-October 2023. "
            "On Wednesday, a drone targeted the base at Ain al-Asad.")
    assert infer_report_date(text)[0] == date(2023, 12, 8)


def test_a_report_that_opens_on_a_weekday_is_dated_by_it():
    """The news comes first: the Friday of the lead is after "3 December" told further down, not before it."""
    text = ("Rockets hit the US embassy in Baghdad on Friday, officials said. Attacks on US forces have gone on "
            "since mid-October 2023. Five fighters were killed in a US strike in Kirkuk on 3 December.")
    day, why = infer_report_date(text)
    assert day == date(2023, 12, 8) and "Friday the report opens with" in why


def test_weekdays_that_agree_with_a_told_day_confirm_it():
    text = ("A drone hit the base on 6 December 2023. Rockets struck the embassy on 8 December. "
            "The drone attack on Wednesday caused no casualties.")  # 6 December 2023 was a Wednesday
    assert infer_report_date(text)[0] == date(2023, 12, 8)
    text = "Rockets hit the embassy on Friday, 8 December 2023. On Wednesday a drone had struck the base."
    assert infer_report_date(text)[0] == date(2023, 12, 8)


def test_weekdays_and_months_without_a_day_give_no_answer():
    day, _ = infer_report_date("Rockets hit the base on Friday. Attacks have grown since October 2023.")
    assert day is None
