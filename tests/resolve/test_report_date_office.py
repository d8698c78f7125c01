"""The heads of state and government a report names with their title bound the year of a yearless dateline
(``knowledge/office_terms.csv``, ``resolve/timex/office.py``; sentences written for these tests)."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.errors import KnowledgeError
from sitrep.knowledge import Knowledge, use_knowledge
from sitrep.resolve.timex.dateline import infer_report_date
from sitrep.resolve.timex.office import office_years

TODAY = date(2026, 1, 1)


def test_a_title_and_a_name_give_the_years_of_the_term():
    assert office_years("Prime Minister Tony Blair met the envoy.", TODAY) == frozenset(range(1997, 2008))
    assert office_years("PRESIDENT ALFREDO CRISTIANI SPOKE ON THE RADIO.", TODAY) == frozenset(range(1989, 1995))
    assert office_years("President Reagan's aides left early.", TODAY) == frozenset(range(1981, 1990))


def test_two_names_leave_the_years_both_held_office():
    text = "President Bush telephoned Prime Minister Thatcher after the vote."  # two Bush terms, one of Thatcher
    assert office_years(text, TODAY) == frozenset({1989, 1990})


def test_a_name_out_of_office_or_without_its_title_bounds_nothing():
    assert office_years("Former President Carter will visit the camp.", TODAY) is None
    assert office_years("Vice President Bush flew to the capital.", TODAY) is None
    assert office_years("Reagan said nothing. Chancellor Obama is no office anyone held.", TODAY) is None


def test_the_weekday_year_is_taken_within_the_term_of_a_named_president():
    """April 8 fell on a Friday in 1994, 2005, 2011 and 2016: with 1990 told, 1994 is nearest the year after it, but
    a president in office from 2009 rules it out."""
    text = "KIGALI, April 8 (Wire) - Fighting spread on Friday. The rebels invaded in 1990."
    assert infer_report_date(text, today=TODAY)[0] == date(1994, 4, 8)
    assert infer_report_date(text + " President Barack Obama urged a truce.", today=TODAY)[0] == date(2011, 4, 8)
    assert infer_report_date(text + " Former President Barack Obama urged a truce.", today=TODAY)[0] == date(1994, 4, 8)


def test_a_year_from_a_recent_month_outside_the_term_is_no_answer():
    text = "BAGHDAD, Jan 5 (Wire) - Rockets hit the base, the latest attack since mid-November 2023."
    assert infer_report_date(text, today=TODAY)[0] == date(2024, 1, 5)
    assert infer_report_date(text + " President George W. Bush condemned it.", today=TODAY)[0] is None


def test_a_bad_row_of_the_office_file_is_a_knowledge_error(tmp_path):
    (tmp_path / "office_terms.csv").write_text("office,names,country,start,end\nPresident,Zorba,Nowhere,soon,\n",
                                               encoding="utf-8")
    with use_knowledge(Knowledge(tmp_path)), pytest.raises(KnowledgeError, match="office_terms.csv:2"):
        office_years("President Zorba spoke.", TODAY)
