"""A saying inside another event's clause ("shelled what the army said was a rebel depot ... on Friday") is not the
source speaking: the day stays the clause's, and an "after" clause's event is counted back from it. Sentences
written for these tests."""
from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document


def test_an_embedded_saying_does_not_take_the_main_clause_s_day():
    text = ("Government jets bombed what the army said was a rebel arms depot near the border early Friday, ten "
            "days after a truck bomb planted by the rebels killed 30 soldiers at a checkpoint.")
    events = extract_document(document_from_text(text, "t", published=date(2003, 5, 17)))
    days = sorted({m.date for m in events if m.date is not None})
    assert date(2003, 5, 16) in days, [(m.trigger.text, m.date, m.notes) for m in events]
    assert date(2003, 5, 6) in days, [(m.trigger.text, m.date, m.notes) for m in events]
