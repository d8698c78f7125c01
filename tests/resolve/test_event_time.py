"""Which time expression dates an event: the one the parse hangs on its trigger, not the nearest in the text; the
time of the verb a participle or a "when" clause hangs on; no day for an event told in another year. Sentences
written for these tests (benchmarks/event_dates.py measures the same on TimeML and the wire passages)."""
from datetime import date, timedelta

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document


def run(text: str, published: date):
    return extract_document(document_from_text(text, "t", published=published))


def all_dated(events, day: date | None) -> None:
    """At least one event, and every event on ``day`` (None: with no day)."""
    assert events and all(m.date == day for m in events), [(m.date, m.notes) for m in events]


def test_a_day_in_the_relative_clause_of_the_trigger_beats_the_main_verbs_day():
    friday = date(2021, 6, 11)
    events = run("Detectives searched a warehouse on Friday for the men who left a bomb that exploded outside a "
                 "bank in Leeds on Wednesday.", friday)
    all_dated(events, friday - timedelta(days=2))


def test_a_day_inside_the_attack_phrase_beats_the_day_of_the_verb_it_sits_under():
    saturday = date(2019, 3, 16)
    events = run("Police questioned three men Saturday in the attack on a bakery in Lyon Thursday.", saturday)
    all_dated(events, saturday - timedelta(days=2))


def test_a_participle_takes_the_day_of_the_verb_it_hangs_on_before_a_relative_moment():
    wednesday = date(2017, 2, 8)
    events = run("The tanker exploded yesterday minutes after leaving port, killing nine sailors.", wednesday)
    all_dated(events, wednesday - timedelta(days=1))


def test_a_when_clause_takes_the_time_of_its_verb_not_of_the_main_clause():
    friday = date(2016, 9, 9)
    events = run("Troops closed the border Friday after the governor was shot dead Thursday evening when gunmen "
                 "ambushed his convoy.", friday)
    all_dated(events, friday - timedelta(days=1))


def test_an_event_of_another_year_gets_no_day_never_the_reports():
    tuesday = date(2023, 5, 2)
    events = run("Ministers met on Monday. Rebels bombed the town of Kassala twelve years ago, killing 40 people.",
                 tuesday)
    all_dated(events, None)


def test_a_span_that_holds_the_reports_year_still_falls_back_to_the_reports_day():
    tuesday = date(2023, 5, 2)
    events = run("Rebels bombed the town of Kassala this year, killing 40 people.", tuesday)
    assert events and all(m.date is not None for m in events), [(m.date, m.notes) for m in events]


def test_minutes_after_a_dated_deed_that_is_no_event_takes_that_deeds_day():
    wednesday = date(2011, 7, 13)
    events = run("A bus blew up minutes after leaving the depot in Jalalabad on Sunday evening, killing nine "
                 "passengers.", wednesday)
    all_dated(events, wednesday - timedelta(days=3))


def test_an_event_of_another_year_does_not_take_the_day_of_the_event_told_before_it():
    tuesday = date(2023, 5, 2)
    events = run("A car bomb exploded at a market in Kandy on Monday, killing six people. Rebels bombed a bridge near "
                 "Jaffna in 1998, killing four soldiers.", tuesday)
    bridge = [m for m in events if m.date != tuesday - timedelta(days=1)]
    assert len(events) == 2 and len(bridge) == 1 and bridge[0].date is None, [(m.date, m.notes) for m in events]


def test_a_day_in_a_relative_clause_on_another_noun_does_not_date_a_told_attack():
    monday = date(2021, 6, 14)
    events = run("A bomb exploded in a market in Kano on Sunday, killing nine people. Officials said the bombing was "
                 "meant to wreck a peace conference that opens on Wednesday in Abuja.", monday)
    all_dated(events, monday - timedelta(days=1))


def test_a_day_before_a_claim_of_the_deed_is_the_claims_not_the_deeds():
    friday = date(2022, 3, 11)
    events = run("A militant group on Friday claimed responsibility for the bombing of a bus station in Peshawar.\n\n"
                 "A bomb exploded at the bus station on Wednesday, killing nine people.", friday)
    all_dated(events, friday - timedelta(days=2))


def test_a_count_in_a_clause_on_a_dated_verb_is_counted_from_that_day():
    monday = date(2018, 5, 14)
    events = run("Relatives gathered on Monday outside the school in Maiduguri, where three days earlier gunmen shot "
                 "dead two teachers shortly before noon.", monday)
    all_dated(events, monday - timedelta(days=3))


def test_a_time_of_day_after_before_is_not_the_reports_day():
    thursday = date(2009, 3, 5)
    events = run("Gunmen killed four engineers at a hotel in Kandahar late on Tuesday, police said.\n\nSurvivors said "
                 "six men came in two jeeps shortly before 9 p.m. and raked the terrace where the engineers sat with "
                 "machine-gun fire.", thursday)
    all_dated(events, thursday - timedelta(days=2))


def test_a_day_after_the_that_of_a_reporting_verb_dates_the_deed():
    day = date(1989, 6, 11)
    events = run("POLICE SOURCES REPORTED TODAY IN CUZCO THAT YESTERDAY HEAVILY-ARMED TERRORISTS OVERPOWERED PISAC "
                 "RESIDENTS AND BURNED THE OFFICES OF THE ELECTRICITY COMPANY.", day)
    all_dated(events, day - timedelta(days=1))


def test_a_day_inside_a_before_clause_with_a_verb_of_its_own_dates_that_act_not_the_event():
    wednesday = date(2024, 3, 20)
    events = run("Masked men who stormed the town hall in Tarnow on Monday shot dead the mayor and two guards before "
                 "fleeing across the river on Tuesday night.", wednesday)
    all_dated(events, wednesday - timedelta(days=2))


def test_a_yearless_day_months_back_takes_the_year_of_the_story_written_before_it():
    events = run("On the evening of March 3, 1987, gunmen opened fire on a bus in the hill town of Kendari, killing "
                 "four passengers.\n\nOn the night of March 24, masked men threw grenades into a market in the same "
                 "town, killing eleven people.", date(2017, 12, 1))
    assert sorted(m.date for m in events) == [date(1987, 3, 3), date(1987, 3, 24)], [(m.date, m.notes) for m in events]


def test_a_yearless_day_of_the_last_months_keeps_the_reports_year_after_an_old_story():
    events = run("On the evening of March 3, 1987, gunmen opened fire on a bus in the hill town of Kendari, killing "
                 "four passengers.\n\nOn November 20, masked men threw grenades into a market in the same town, "
                 "killing eleven people.", date(2017, 12, 1))
    assert sorted(m.date for m in events) == [date(1987, 3, 3), date(2017, 11, 20)], [(m.date, m.notes) for m in events]


def test_an_event_with_no_day_of_its_own_takes_the_day_of_the_after_clause_it_follows():
    thursday = date(2022, 10, 13)
    events = run("Soldiers shot dead a farmer near the dam after he crossed the fence at the checkpoint on Sunday "
                 "evening, a spokesman said.\n\nOn Wednesday, hundreds of villagers blocked the highway in protest "
                 "and burned tyres outside the barracks.", thursday)
    shot = [m for m in events if m.trigger.text == "shot"]
    assert shot and shot[0].date == thursday - timedelta(days=4), [(m.trigger.text, m.date, m.notes) for m in events]


def test_an_event_with_a_day_of_its_own_keeps_it_over_the_after_clauses_day():
    thursday = date(2022, 10, 13)
    events = run("Police shot dead a man in Tromso on Tuesday after he stabbed two passers-by on Monday night.",
                 thursday)
    shot = [m for m in events if m.trigger.text == "shot"]
    assert shot and shot[0].date == thursday - timedelta(days=2), [(m.trigger.text, m.date, m.notes) for m in events]


def test_the_day_of_a_before_clause_still_never_dates_an_event_with_no_day_of_its_own():
    saturday = date(2022, 10, 15)
    events = run("Gunmen shot dead three guards at the copper mine before driving off into the hills on Friday "
                 "morning.", saturday)
    assert events and all(m.date != saturday - timedelta(days=1) for m in events), [(m.date, m.notes) for m in events]
