"""A day after the report's own day (a strike "scheduled to begin on 16 March", an offensive the rebels "will
start tomorrow") is no day of a deed the report tells: the event keeps the report's day."""
from __future__ import annotations

from datetime import date

from sitrep.model import Document
from sitrep.pipeline import extract_document

TEXT = ("Rebels burned two buses in Usulutan on Sunday. They warned that bus owners who operate during a transport "
        "strike the rebels are scheduled to begin on 16 March will be attacked.")


def test_a_scheduled_future_day_does_not_date_the_event():
    doc = Document(id="f", text=TEXT, published=date(2021, 3, 12))
    days = {e.date for e in extract_document(doc) if e.date is not None}
    assert date(2021, 3, 16) not in days


def test_a_day_a_plan_looks_forward_to_does_not_date_the_event():
    doc = Document(id="g", text="Police said the rebels will accelerate the bombing of power lines as 1 June approaches.",
                   published=date(2021, 3, 12))
    assert date(2021, 6, 1) not in {e.date for e in extract_document(doc)}
