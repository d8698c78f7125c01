"""A day that hangs on a court's act (a trial, an arraignment, a verdict) is the court's day, not the attack's: the
attack does not take it (resolve/event_time._court_act). Sentences written for these tests."""
from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document
from sitrep.resolve.event_time import COURT_DAY_NOTE


def run(text: str, published: date):
    return extract_document(document_from_text(text, "t", published=published))


def test_the_day_of_an_arraignment_does_not_date_the_shooting():
    events = run("DAYTON, Ohio, March 14, 2012 -- A laid-off mechanic accused of shooting two co-workers at a tire "
                 "warehouse was arraigned Wednesday on murder charges.", date(2012, 3, 14))
    dated = [m for m in events if m.date == date(2012, 3, 14) and m.field_spans.get("date")]
    assert not dated, [(m.trigger.text, m.date, m.notes) for m in events]
    assert any(any(n.startswith(COURT_DAY_NOTE) for n in m.notes) for m in events), [m.notes for m in events]


def test_the_attacks_own_day_stays():
    events = run("DAYTON, Ohio, March 14, 2012 -- A gunman shot two co-workers at a tire warehouse on Monday, "
                 "police said.", date(2012, 3, 14))
    assert any(m.date == date(2012, 3, 12) for m in events), [(m.trigger.text, m.date, m.notes) for m in events]
    assert not any(any(n.startswith(COURT_DAY_NOTE) for n in m.notes) for m in events)
