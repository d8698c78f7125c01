"""Days an event gets from elsewhere than its own sentences are marked weak, and the cross-report merge reads them as
bounds (the deed was done on or before the day): the day of an act of another type told before it, and a day after
"by". Sentences written for these tests."""
from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.merge.across import date_from_report
from sitrep.model import BY_DATE_NOTE, OTHER_ACT_DATE_NOTE, REFERENCE_DATE_NOTE
from sitrep.pipeline import extract_document


def run(text: str, published: date):
    return extract_document(document_from_text(text, "t", published=published))


def test_an_act_of_another_type_takes_the_day_told_before_as_a_weak_day():
    events = run("LA PAZ, 14 Mar 1991 (EFE) -- Rebels bombed a power pylon near Oruro on Tuesday, cutting electricity "
                 "to the city.\n\nIn a separate attack, the rebels burned two buses of a state company in the same "
                 "area.", date(1991, 3, 14))
    assert len(events) == 2 and len({m.event_type for m in events}) == 2, [(m.trigger.text, m.event_type) for m in events]
    assert all(m.date == date(1991, 3, 12) for m in events), [(m.trigger.text, m.date, m.notes) for m in events]
    inherited = [m for m in events if any(n.startswith(OTHER_ACT_DATE_NOTE) for n in m.notes)]
    assert len(inherited) == 1 and date_from_report(inherited[0].notes), [m.notes for m in events]


def test_a_battle_keeps_the_reports_day():
    events = run("LA PAZ, 14 Mar 1991 (EFE) -- Rebels bombed a power pylon near Oruro on Tuesday, cutting electricity "
                 "to the city.\n\nArmy troops and rebels fought a gun battle in the hills near Potosi, an army "
                 "spokesman said. Three rebels were killed in the clash.", date(1991, 3, 14))
    battles = [m for m in events if m.event_type == "Battles"]
    assert battles and all(m.date == date(1991, 3, 14) for m in battles), [(m.trigger.text, m.date) for m in events]


def test_a_day_after_by_is_a_bound():
    events = run("QUITO, 9 Jun 1992 (EFE) -- Police said a bomb destroyed the offices of a mining company in "
                 "Cuenca. No group had claimed the bombing by Monday evening.", date(1992, 6, 9))
    bound = [m for m in events if any(n.startswith(BY_DATE_NOTE) for n in m.notes)]
    assert bound and all(date_from_report(m.notes) for m in bound), [(m.trigger.text, m.date, m.notes) for m in events]


def test_a_day_of_its_own_is_firm():
    events = run("QUITO, 9 Jun 1992 (EFE) -- A bomb destroyed the offices of a mining company in Cuenca on Monday "
                 "evening, police said.", date(1992, 6, 9))
    assert events and all(m.date == date(1992, 6, 8) and not date_from_report(m.notes) for m in events), \
        [(m.trigger.text, m.date, m.notes) for m in events]


def test_a_references_day_is_a_bound():
    events = run("LIMA, 3 Apr 1990 (EFE) -- Guerrillas dynamited a high-tension pylon near Huancayo on Sunday. "
                 "The interior minister condemned the attack in Lima as an act of cowardice.", date(1990, 4, 3))
    noted = [m for m in events if any(n.startswith(REFERENCE_DATE_NOTE) for n in m.notes)]
    assert all(date_from_report(m.notes) for m in noted), [(m.trigger.text, m.date, m.notes) for m in events]
    assert date_from_report([f"{REFERENCE_DATE_NOTE} 'attack' refers to"])
