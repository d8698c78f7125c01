"""Month names that are also common words ("may", "march") in ALL-CAPS text (issue 13): kept as the month where a
date cue beside them keeps it (``caps_months.json``, counted over the mixed-case texts of ../shared), lower-case
otherwise. Sentences written for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.ingest.text import document_from_text
from sitrep.nlp.truecase import month_cues, truecase
from sitrep.pipeline import extract_document


@pytest.mark.parametrize("caps, cased", [
    ("REBELS BURNED TWO BUSES ON 10 MARCH.", "10 March"),
    ("THE MAYOR WAS SHOT ON 30 MAY 1989.", "30 May 1989"),
    ("THE POLICE SAID THAT ON MAY 5 A BOMB WENT OFF.", "May 5"),
    ("ON 1 MARCH 1990 THE PLANT WAS ATTACKED.", "1 March 1990"),
    ("THE TOWN HAS BEEN QUIET SINCE THE ATTACK IN MARCH.", "in March"),
    ("THE PEACE TALKS BROKE DOWN IN MAY 1989.", "May 1989"),
    ("THE 5TH OF MAY WAS CALM.", "5th of May"),
])
def test_a_month_beside_a_date_cue_stays_the_month(caps, cased):
    out = truecase(caps)
    assert len(out) == len(caps)
    assert cased in out


@pytest.mark.parametrize("caps, word", [
    ("THE ARMY MAY ATTACK THE VILLAGE TONIGHT.", "may attack"),
    ("STUDENTS HELD A PROTEST MARCH THROUGH THE CAPITAL.", "protest march"),
    ("THE WORKERS WILL MARCH ON THE PALACE.", "will march on"),
    ("THE REBELS SAID THEY MAY RETURN TO THE TALKS.", "may return"),
    ("TROOPS WERE ORDERED TO MARCH TO THE BORDER.", "to march to"),
])
def test_the_modal_and_the_noun_stay_lower_case(caps, word):
    assert word in truecase(caps)


def test_the_cues_read_either_case():
    text = "on 10 March 1990 and on May 5, but they may go"
    assert set(month_cues(text, text.index("March"), text.index("March") + 5)) == {"day before", "year after"}
    may = text.index("May")
    assert set(month_cues(text, may, may + 3)) == {"day after", "before:on"}
    modal = text.index("may ")
    assert month_cues(text, modal, modal + 3) == []
    thousands = "MAY 5,000 PEOPLE"
    assert "day after" not in month_cues(thousands, 0, 3)


def test_an_all_caps_report_takes_the_day_it_names():
    text = ("SAN SALVADOR, 12 MARCH 1990 -- [TEXT] URBAN GUERRILLAS ATTACKED A POLICE POST IN SAN MIGUEL ON "
            "10 MARCH, KILLING THREE POLICEMEN, THE ARMED FORCES REPORTED.")
    events = extract_document(document_from_text(text, "caps", published=date(1990, 3, 12)))
    assert events and events[0].date == date(1990, 3, 10)
