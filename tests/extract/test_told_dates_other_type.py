"""An event whose sentences give no day takes the day of the nearest act told before it, of its type or, failing
that, of another type when neither is a battle; a battle takes no other type's day. Sentences written for these
tests."""
from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document


def run(text: str, published: date):
    return extract_document(document_from_text(text, "t", published=published))


def test_an_act_of_another_type_takes_the_day_told_before():
    events = run("LA PAZ, 14 Mar 1991 (EFE) -- Rebels bombed a power pylon near Oruro on Tuesday, cutting electricity "
                 "to the city.\n\nIn a separate attack, the rebels burned two buses of a state company in the same "
                 "area.", date(1991, 3, 14))
    assert len(events) == 2 and len({m.event_type for m in events}) == 2, [(m.trigger.text, m.event_type) for m in events]
    assert all(m.date == date(1991, 3, 12) for m in events), [(m.trigger.text, m.date, m.notes) for m in events]


def test_a_battle_keeps_the_reports_day():
    events = run("LA PAZ, 14 Mar 1991 (EFE) -- Rebels bombed a power pylon near Oruro on Tuesday, cutting electricity "
                 "to the city.\n\nArmy troops and rebels fought a gun battle in the hills near Potosi, an army "
                 "spokesman said. Three rebels were killed in the clash.", date(1991, 3, 14))
    battles = [m for m in events if m.event_type == "Battles"]
    assert battles and all(m.date == date(1991, 3, 14) for m in battles), [(m.trigger.text, m.date) for m in events]
