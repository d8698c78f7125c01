"""A dated headline alone in a form that reports no event keeps none; the same words in a whole report, or told as
the event, keep theirs."""
from datetime import date

from sitrep.model import Document
from sitrep.pipeline import extract_document

DAY = date(2024, 3, 1)


def _events(head: str, body: str = "") -> list:
    text = head + ("\n\n" + body if body else "")
    return extract_document(Document(id="t", text=text, title=head, published=DAY))


def test_a_label_for_an_analysis_piece_reports_no_event():
    assert not _events("Analysis: Will the rocket attacks on the northern towns go on?")
    assert not _events("Opinion | The shelling of the port city must end")


def test_a_judgement_of_an_attack_reports_no_event():
    assert not _events("Foreign minister says the drone strike on the convoy was a provocation")


def test_the_event_itself_stays():
    assert _events("Rocket attack on army base kills three soldiers in the north")


def test_a_whole_report_is_not_judged_by_its_title():
    body = "A car bomb exploded outside the police station on Monday, killing four officers, police said."
    assert _events("Analysis: Car bomb kills four police officers", body)
