"""A report that is a headline alone with a publication date: an event it gives no day is dated the headline lag
(knowledge/report_date.toml) before publication, a report's-day fall-back the merge reads as a bound; a headline
that gives its day, and a report with a body, keep their own. Sentences written for these tests."""
from datetime import date, timedelta

from sitrep.model import Document
from sitrep.pipeline import extract_document
from sitrep.resolve.event_time import headline_alone, headline_lag

PUBLISHED = date(2021, 6, 14)


def headline(text: str) -> Document:
    return Document(id="h", text=text, title=text, published=PUBLISHED)


def test_a_dayless_headline_is_dated_the_lag_before_publication():
    events = extract_document(headline("Bandits kill nine villagers in raid on farming settlement"))
    assert events, "no event"
    assert headline_lag() >= 1
    assert all(m.date == PUBLISHED - timedelta(days=headline_lag()) for m in events), \
        [(m.date, m.notes) for m in events]
    assert all(any(n.startswith("date: the report's date") for n in m.notes) for m in events)


def test_a_headline_with_its_own_day_keeps_it():
    events = extract_document(headline("Bandits kill nine villagers in raid on farming settlement on Sunday"))
    assert events and all(m.date == date(2021, 6, 13) for m in events), [(m.date, m.notes) for m in events]


def test_a_report_with_a_body_falls_back_to_the_publication_day():
    text = ("Bandits kill nine villagers\n\nGunmen on motorcycles killed nine villagers in a raid on a farming "
            "settlement, a local official said.")
    doc = Document(id="b", text=text, title="Bandits kill nine villagers", published=PUBLISHED,
                   body_start=text.index("Gunmen"))
    assert not headline_alone(doc)
    events = extract_document(doc)
    assert events and all(m.date == PUBLISHED for m in events), [(m.date, m.notes) for m in events]
