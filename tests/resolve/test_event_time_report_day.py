"""Event dates against the report's own day: a day counted from another event never falls after the report (the
event stays undated, not given the report's day), and "It happened on <day>" in a sentence of its own dates the event
told before it that has no day of its own. Sentences written for these tests."""
from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document


def run(text: str, published: date):
    return extract_document(document_from_text(text, "t", published=published))


def test_a_count_that_reaches_past_the_report_leaves_the_event_undated():
    day = date(1991, 4, 12)
    events = run("CUZCO, 12 Apr 1991 - Yesterday a bomb exploded outside a tax office in Cuzco, wounding a guard. "
                 "The cell was founded in the province in 1985 and, 9 years later, carried out its first attack by "
                 "killing a mayor.", day)
    assert any(m.date == date(1991, 4, 11) for m in events), [(m.trigger.text, m.date, m.notes) for m in events]
    assert all(m.date is None or m.date <= day for m in events), [(m.trigger.text, m.date, m.notes) for m in events]
    # the killing, undated, is told with no place or day of its own: like an event told with a year only, it may join
    # the event told before it, never as a day of its own
    assert any("after the report's own" in n for m in events for n in m.notes), [m.notes for m in events]


def test_it_happened_on_a_day_dates_the_event_told_before():
    events = run("ASUNCION, 20 Aug 1993 - A bomb exploded on a river ferry near Asuncion, wounding twelve "
                 "passengers, port officials said.\n\nA reporter asked the port authority about the blast.\n\n"
                 "\"It happened on 18 August at about noon,\" a spokeswoman said.", date(1993, 8, 20))
    assert events and all(m.date == date(1993, 8, 18) for m in events), \
        [(m.trigger.text, m.date, m.notes) for m in events]


def test_it_happened_leaves_an_event_with_a_day_of_its_own():
    events = run("ASUNCION, 20 Aug 1993 - A bomb exploded yesterday on a river ferry near Asuncion, wounding "
                 "twelve passengers.\n\n\"It happened on 17 August, not on Thursday,\" a spokeswoman said.",
                 date(1993, 8, 20))
    assert events and all(m.date == date(1993, 8, 19) for m in events), \
        [(m.trigger.text, m.date, m.notes) for m in events]


def test_a_when_clause_on_a_predicate_parsed_as_an_adjective_shares_its_time():
    # ALL-CAPS text: "... CONTINUED LAST NIGHT WHEN [he] WAS KILLED" with "continued" tagged as an adjective (the root)
    from types import SimpleNamespace as T

    from sitrep.resolve.event_time import _shares_time

    root = T(pos_="ADJ", dep_="ROOT", lower_="continued")
    when = T(dep_="advmod", lower_="when")
    killed = T(dep_="advcl", head=root, children=[when], tag_="VBN")
    assert _shares_time(killed)
    because = T(dep_="mark", lower_="because")
    assert not _shares_time(T(dep_="advcl", head=root, children=[because], tag_="VBN"))
    assert not _shares_time(T(dep_="advcl", head=T(pos_="ADJ", dep_="acomp", lower_="calm"), children=[when],
                              tag_="VBN"))


def test_a_day_without_its_year_never_takes_the_day_of_the_event_told_before():
    # no date line, no publication date: "On June 14" cannot be completed; the shooting keeps its own (unknown) day
    # rather than the full day of the killing told before it
    text = ("Gunmen killed a mayor in Quito on March 3, 1988.\n\n"
            "On June 14, President Alvarez was shot in the chest outside a hotel in Guayaquil by Pedro Ramos.")
    events = extract_document(document_from_text(text, "t", published=None))
    shot = [m for m in events if "Alvarez" in m.evidence[0].text]
    assert shot, [(m.trigger.text, m.date, m.notes) for m in events]
    assert all(m.date is None for m in shot), [(m.trigger.text, m.date, m.notes) for m in shot]
    assert any(m.date == date(1988, 3, 3) for m in events), [(m.trigger.text, m.date, m.notes) for m in events]


def test_a_holiday_followed_by_its_written_date_takes_that_date():
    # a report of 2015 tells a past killing by a holiday and its written date: not the holiday of the report's year
    events = run("A jury on Friday convicted a farmer of murder. Prosecutors said he stabbed his neighbour to death "
                 "on Christmas Day, December 25, 2013, after a quarrel over a fence.", date(2015, 6, 12))
    stabbed = [m for m in events if m.trigger.text in ("stabbed", "death", "murder") and m.date is not None
               and m.date.year < 2015]
    assert stabbed and all(m.date == date(2013, 12, 25) for m in stabbed), \
        [(m.trigger.text, m.date, m.notes) for m in events]
    assert not any(m.date == date(2014, 12, 25) for m in events), [(m.trigger.text, m.date) for m in events]


def test_apposed_days_leave_a_weekday_of_its_own_date_alone():
    from sitrep.model import Timex
    from sitrep.resolve.event_time import _apposed_days

    text = "on Easter Sunday, April 8, 2012, and on Monday, Sept. 10, 2012"

    def at(words: str, value: str, anchor: str) -> Timex:
        return Timex(text.index(words), text.index(words) + len(words), words, "DATE", value, anchor)

    holiday, written = at("Easter Sunday", "2013-03-31", "report"), at("April 8, 2012", "2012-04-08", "absolute")
    monday, sept = at("Monday", "2012-09-10", "report"), at("Sept. 10, 2012", "2012-09-10", "absolute")
    out = _apposed_days([holiday, written, monday, sept], text)
    assert out[0].value == "2012-04-08" and out[0].text == "Easter Sunday"
    assert out[2] is monday and out[1] is written and out[3] is sept
