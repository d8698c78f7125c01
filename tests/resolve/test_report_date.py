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
    text = "Shelling of the town began on 20 October 2023. A drone struck the fuel depot on 2 October."
    day, why = infer_report_date(text)
    assert day is None and "began after" in why


def test_only_days_told_in_the_past_tense_date_the_report():
    assert infer_report_date("Under the new rules the curfew takes effect on June 4, 2024.")[0] is None
    text = "The port was shelled on Friday, 3 May 2024. Its bonds, due March 1, 2031, lost a third of their value."
    assert infer_report_date(text)[0] == date(2024, 5, 3)


def test_a_day_named_with_its_weekday_takes_that_weekdays_year():
    text = "On Sunday, October 29, soldiers raided the camp. Tension had grown there since October 2021."
    day, why = infer_report_date(text)
    assert day == date(2023, 10, 29) and "weekday" in why


def test_weekdays_that_fall_on_no_told_day_leave_the_report_undated():
    """Wire style: the recent days by weekday, older ones in full; the full date is background."""
    text = "Gunmen stormed the hotel on Tuesday, police said. The same hotel was bombed on March 28, 2019."
    day, why = infer_report_date(text)
    assert day is None and ("weekdays" in why or "year written" in why)


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
    text = ("Attacks on the bases have gone on since mid-October 2023. A drone hit the base on 6 December. Rockets "
            "struck the embassy on 8 December. The drone attack on Wednesday caused no casualties.")  # a Wednesday
    assert infer_report_date(text)[0] == date(2023, 12, 8)
    text = "Rockets hit the embassy on Friday, 8 December 2023. On Wednesday a drone had struck the base."
    assert infer_report_date(text)[0] == date(2023, 12, 8)


def test_weekdays_and_months_without_a_day_give_no_answer():
    day, _ = infer_report_date("Rockets hit the base on Friday. Attacks have grown since October 2023.")
    assert day is None


def test_a_latest_day_written_with_its_year_is_background():
    """Counted on TimeBank and MUC-4 DEV: such a day is the report's in 2 of 21; with its weekday it still answers."""
    day, why = infer_report_date("The port was shelled on 3 May 2024. Its mayor asked for help.")
    assert day is None and "year written" in why
    assert infer_report_date("The port was shelled on Friday, 3 May 2024.")[0] == date(2024, 5, 3)


def test_a_day_told_as_today_is_the_reports():
    text = "The minister arrived in the capital today, 12 March. Rebels had attacked the town on 2 March 1991."
    day, why = infer_report_date(text)
    assert day == date(1991, 3, 12) and "today" in why
    text = "The rail company said today (4 June 2012) that the line had reopened after the blast on 1 June."
    assert infer_report_date(text)[0] == date(2012, 6, 4)


def test_a_signature_or_time_stamp_dates_the_text():
    text = "We condemn the bombing of the power station on 3 April.\n\n[Dated] Lima, 5 April 1991\n"
    day, why = infer_report_date(text)
    assert day == date(1991, 5 - 1, 5) and "label" in why
    text = "Fire crews fought the blaze overnight.\nUPDATED: TUESDAY, 9 JULY 2013, 10: 05 AM\nNo one was hurt."
    assert infer_report_date(text)[0] == date(2013, 7, 9)


def test_a_date_on_a_line_of_its_own_dates_the_statement():
    text = "The command denies any part in the killing of the mayor.\n\nSan Marcos, 14 October 1990\n"
    day, why = infer_report_date(text)
    assert day == date(1990, 10, 14) and "line of its own" in why


def test_a_label_or_a_line_inside_a_sentence_is_not_a_cue():
    head = "".join(f"The talks went on for a {n} week.\n" for n in ("first", "second", "third", "fourth", "fifth"))
    text = head + "Through a note dated 8 January 1990, the embassy protested.\nThe troops were to leave\nby " \
                  "11 November 1990.\n"  # the wrapped line is below the head, where a publication line would be
    assert infer_report_date(text)[0] is None


def test_the_cues_are_read_in_all_caps_wire_text():
    text = "THE GUERRILLAS ATTACKED THE BARRACKS TODAY, 12 JANUARY, THE ARMY SAID. THE OFFENSIVE BEGAN IN NOVEMBER 1989."
    assert infer_report_date(text)[0] == date(1990, 1, 12)


def test_a_day_whose_year_comes_from_another_event_is_not_the_reports():
    """Counted on MUC-4 DEV and TimeBank: right in 4 of 31 when the year comes from a dated event of its own."""
    text = "Voters went to the polls on 25 February 1990. Gunmen killed the mayor on 28 October."
    day, why = infer_report_date(text)
    assert day is None and "an event of its own" in why
    text = "Raids have grown since the siege began in mid-September 2024. Gunmen killed the mayor on 28 October."
    assert infer_report_date(text)[0] == date(2024, 10, 28)  # the year from the start of what the report follows


def test_a_yearless_dateline_takes_a_year_from_a_recent_month_only():
    text = "BAGHDAD, Jan 5 (Wire) - Rockets hit the base, the latest attack since mid-November 2023."
    assert infer_report_date(text)[0] == date(2024, 1, 5)  # the next year: within four months of the month told
    text = "BAGHDAD, Jan 5 (Wire) - Rockets hit the base. The base was built in March 2011."
    assert infer_report_date(text)[0] is None  # a date years away gives no year


def test_a_yearless_dateline_is_never_before_a_year_told_in_the_past():
    """April 8 fell on a Friday in 1988 and 1994: with 1990 told, 1988 cannot be the report's year."""
    text = "KIGALI, April 8 (Wire) - Fighting spread on Friday. The rebels invaded in 1990."
    assert infer_report_date(text, today=date(2026, 1, 1))[0] == date(1994, 4, 8)


def test_yearless_dateline_with_history_dated_in_full_takes_the_weekday_year():
    """The text's dated months are years before the dateline's day: the year after the latest year told in which the
    day fell on the weekday of the event, as for a text that names only bare years."""
    text = "SORVAN, July 17 (Wire) - Bombs hit two hotels in the capital on Friday morning. The same hotel was " \
           "bombed on Aug. 5, 2003, when a car bomb killed 12 people."
    day, why = infer_report_date(text)
    assert day == date(2009, 7, 17) and "weekday named" in why


def test_a_plan_weekday_is_not_the_report_day():
    text = "KESTRA, Sept 13 (Wire) - Rebels blew up a bridge near the town. The talks will continue tomorrow, " \
           "Thursday. The bridge was built in 1985."
    assert infer_report_date(text)[0] is None


def test_the_weekday_that_closes_the_days_told_is_the_report_day():
    text = "TAVRIN, May 26 (Wire) - A shell hit the square on Thursday evening, killing 40 people. Jets struck the " \
           "depot again on Friday. The war began in 1992."
    assert infer_report_date(text)[0] == date(1995, 5, 26)  # a Friday; Thursday 26 May was 1994


def test_the_year_told_itself_is_no_answer():
    text = "RIVEL, Sept 12 (Wire) - Gunmen attacked a bus on Monday. The road was opened in 1988."
    day, _ = infer_report_date(text)  # 12 September fell on a Monday in 1988, the year told, not in 1989 or 1990
    assert day is None


def test_a_text_that_says_today_names_other_days_by_weekday():
    text = "SORVAN, July 17 (Wire) - Police said today that the bombs that hit two hotels on Friday morning were " \
           "brought in by guests. The same hotel was bombed on Aug. 5, 2003."
    assert infer_report_date(text)[0] is None  # without "today": 2009, the Friday 17 July after 2003


def test_a_live_report_that_says_today_is_still_dated_by_the_calendar():
    text = "KABUL, Mar 15 (Wire) - A bomb went off outside the ministry on Friday, officials said today."
    assert infer_report_date(text, today=date(2024, 3, 20))[0] == date(2024, 3, 15)  # a Friday, five days ago


def test_a_day_takes_the_year_of_a_start_only_within_months_after_it():
    near = "Patrols have clashed along the border since early September 2022. A mortar hit the outpost on 30 October."
    assert infer_report_date(near)[0] == date(2022, 10, 30)  # 59 days after the start
    far = "The militia has held the valley since May 2019. Its fighters ambushed a supply column on 2 February."
    day, why = infer_report_date(far)
    assert day is None and "days after" in why  # 2020 or any later February: the text does not say
