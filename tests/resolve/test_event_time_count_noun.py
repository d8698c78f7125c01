"""An event noun after "<count> after / before" ("a week after a bomb attack") is the event the count starts from: the
event the sentence tells lies that far after it, never the noun's event that far after the event told before.
Sentences written for these tests."""
from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document


def run(text: str, published: date):
    return extract_document(document_from_text(text, "t", published=published))


def test_an_attack_that_comes_days_after_another_keeps_the_day_told_before():
    monday = date(2004, 5, 17)
    events = run("QUITO, 17 May 2004 - Masked men set fire to the offices of a radio station in Cuenca on Monday "
                 "morning. The arson comes less than a week after a grenade attack against a courthouse in the "
                 "same city.", monday)
    assert events, events
    assert all(m.date is None or m.date <= monday for m in events), [(m.date, m.notes) for m in events]
    assert any(m.date == monday for m in events), [(m.date, m.notes) for m in events]


def test_no_event_is_counted_past_the_report_from_an_after_noun():
    tuesday = date(2011, 3, 8)
    events = run("Gunmen shot dead a judge outside his home in Tijuana on Tuesday. The killing came two weeks after "
                 "a car bombing at a police station downtown.", tuesday)
    assert all(m.date is None or m.date <= tuesday for m in events), [(m.date, m.notes) for m in events]
    assert any(m.date == tuesday for m in events), [(m.date, m.notes) for m in events]


def test_a_verb_clause_after_the_count_is_still_the_anchor():
    friday = date(1999, 10, 15)
    events = run("Two hours after rebels ambushed an army convoy near Kindu on Friday, a second bomb exploded at the "
                 "market.", friday)
    assert all(m.date == friday for m in events), [(m.date, m.notes) for m in events]



def test_the_indefinite_attack_a_count_starts_from_is_an_earlier_event_of_its_own():
    sunday = date(1992, 8, 9)
    events = run("ORURO, 9 Aug 1992 - Unidentified men threw a firebomb at the offices of a mining union early on "
                 "Sunday. The attack comes less than a week after a bomb attack against the regional electricity "
                 "company.", sunday)
    days = sorted(m.date for m in events if m.date is not None)
    assert days and days[-1] == sunday and any(d < sunday for d in days), [(m.date, m.notes) for m in events]
