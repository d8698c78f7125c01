"""What happened over a span, a rank given to a told event, and an anniversary are not new incidents; a date
inside a "since" phrase is where a span starts, not an event's day. Sentences written for these tests."""
from __future__ import annotations

from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

DAY = date(2022, 5, 20)


def run(text: str, published: date | None = DAY):
    doc = document_from_text(text, "s", published=published)
    return doc, extract_document(doc)


def test_attacks_counted_since_a_day_are_no_incident():
    _, events = run("Police stations in the district have come under attack more than 30 times since March 2, 2022.")
    assert events == []
    _, events = run("Checkpoints on the highway have been attacked dozens of times since the start of the year.")
    assert events == []


def test_dead_counted_since_an_event_are_a_reported_total():
    doc, events = run("At least 450 people have been killed since the uprising began in the capital, a rights group said.")
    assert events == []
    (total,) = doc.meta["reported_totals"]
    assert total["count"]["best"] == 450 and total["span"]["text"].startswith("since the uprising")


def test_dead_counted_over_the_past_weeks_or_so_far_this_year_are_a_reported_total():
    for said in ("More than 60 villagers have been killed in the past three weeks in the district, the governor said.",
                 "During the past year, 212 people have been shot dead in the city, police figures show.",
                 "At least 35 soldiers have died over the last few months in the hills north of the town."):
        doc, events = run(said)
        assert events == [], said
        (total,) = doc.meta["reported_totals"]
        assert total["count"]["best"] in (60, 212, 35), said


def test_attacks_counted_over_a_span_are_no_incident():
    _, events = run("Militia fighters have raided six farming villages in the valley during the past month.")
    assert events == []


def test_a_span_of_another_clause_leaves_the_incident_alone():
    _, events = run("No group has claimed the bombing of the bus depot in Jos on Monday, like the attacks reported "
                    "over the past weeks in the state.")
    assert len(events) == 1
    _, events = run("The deadliest attack has been the bombing of a bus station in Jos on Monday that killed nine "
                    "passengers, but in the past two days dozens of people have also been wounded across the state.")
    assert len(events) == 1 and events[0].fatalities.best == 9


def test_an_attack_planned_since_a_month_is_still_one_attack():
    _, events = run("The truck bombing that killed 9 guards at the depot in Kandahar on Tuesday had been planned "
                    "since February, officials said.")
    assert len(events) == 1 and events[0].fatalities.best == 9


def test_a_ranked_restatement_joins_the_told_event():
    _, events = run("A roadside bomb hit a police patrol near Kirkuk on 18 May, killing four officers. They were the "
                    "first police officers killed in the province since the truce was signed on 2 January 2021.")
    assert len(events) == 1
    assert events[0].date == date(2022, 5, 18) and events[0].fatalities.best == 4


def test_a_date_inside_a_since_clause_does_not_date_the_event():
    _, events = run("Gunmen killed two teachers in Maiduguri, the worst attack on schools there since the "
                    "curfew was lifted on 4 April 2020.")
    assert len(events) == 1 and events[0].date != date(2020, 4, 4)


def test_the_anniversary_of_a_killing_is_no_incident_of_the_report():
    _, events = run("Hundreds marched in Lahore on Friday to mark the tenth anniversary of the bombing of a "
                    "market that killed 40 shoppers.")
    assert events == []


def test_no_claim_in_any_tense_and_wording():
    for said in ("No group had claimed responsibility by Monday.", "No militant group has yet claimed the attack.",
                 "Nobody had claimed it by nightfall.", "No faction or movement claimed the blast."):
        _, events = run(f"A car bomb killed six people outside a bank in Quetta on Saturday. {said}")
        assert len(events) == 1 and events[0].claimed is False, said


def test_a_wire_dateline_does_not_hide_who_claimed():
    doc = document_from_text("Rebels claim bus bombing\nFILE: KANO, Nigeria, May 3, 2022 - The Islamic State group "
                             "claimed responsibility on Tuesday for the bombing of a bus in Kano that killed nine "
                             "passengers on Sunday.", "d")
    (event,) = extract_document(doc)
    assert event.claimed is True and event.actor1 == "Islamic State" and event.date == date(2022, 5, 1)


def test_people_named_by_a_trade_the_hand_list_lacks_are_victims():
    # "reporter", "activist", "pilot" come from knowledge/person_nouns.txt (learned from word vectors)
    for victim in ("a reporter", "two activists", "a pilot"):
        _, events = run(f"Gunmen shot dead {victim} in Port Harcourt on Monday.")
        assert len(events) == 1 and events[0].roles.get("victims"), victim


def test_a_publication_named_weekly_or_daily_is_no_habit():
    _, events = run("Two gunmen killed 12 people at the offices of the satirical weekly in Paris on Wednesday.")
    assert len(events) == 1 and events[0].fatalities.best == 12
    _, events = run("Militants carry out weekly raids on the villages near the border.")
    assert events == []


def test_a_group_our_actor_list_lacks_can_claim():
    _, events = run("Gunmen stormed a hotel in Mombasa on Tuesday, killing 14 guests. A little-known group calling "
                    "itself the Coastal Liberation Brigades claimed the attacks in a statement.")
    assert len(events) == 1 and events[0].claimed is True and events[0].actor1 == "Coastal Liberation Brigades"
    _, events = run("Gunmen stormed a hotel in Mombasa on Tuesday, killing 14 guests. Police claimed the attack was "
                    "the work of robbers.")
    assert events[0].claimed is not True


def test_a_simile_makes_no_event_and_lends_no_sense_to_the_page():
    _, events = run("United's attack fired at will in the first half. The visitors left the pitch looking as though "
                    "a bomb had hit them.")
    assert events == []


def test_the_capital_named_in_apposition_places_the_event():
    _, events = run("ZARIA, Nigeria, May 20, 2022 - A bomb tore through a market in Gidan Waya, on the outskirts of "
                    "the capital Kaduna, killing nine traders.")  # not the dateline's town
    assert len(events) == 1 and events[0].place is not None and events[0].place.name == "Kaduna"


def test_an_event_that_came_days_after_another_dates_the_other_back():
    _, events = run("Gunmen stormed a police post in Quetta on 18 May, killing six officers. The attack came nine "
                    "days after a car bomb killed 14 people at a bus stop in Quetta.")
    days = sorted(e.date for e in events)
    assert days == [date(2022, 5, 9), date(2022, 5, 18)], days


def test_a_war_that_has_killed_thousands_is_a_total_and_an_ongoing_bombing_no_incident():
    doc, events = run("The war has killed more than 10,000 people, the United Nations says.")
    assert events == [] and doc.meta["reported_totals"][0]["count"]["best"] == 10000
    _, events = run("The violence killed 12 people in Kano on Monday.")
    assert len(events) == 1
    _, events = run("Officials blamed the navy, which has been bombing rebel camps in the delta since March 2019.")
    assert events == []


def test_the_dead_after_a_ranking_since_are_the_earlier_events():
    _, events = run("A bomb exploded in a crowded bus station in Kaduna on 19 May, killing 11 people. It was the "
                    "deadliest attack in the state since 3 March 2019, when gunmen stormed a market in Zaria, "
                    "killing 30 traders.")
    kaduna = [e for e in events if e.date == date(2022, 5, 19)]
    assert len(kaduna) == 1 and kaduna[0].fatalities.best == 11


def test_a_wars_total_in_a_relative_clause_is_no_events_dead():
    _, events = run("A car bomb exploded outside a hotel in Lagos on 19 May, killing 14 people. It was the worst "
                    "bombing in the city in the long insurgency, which has cost more than 9,000 lives.")
    assert len(events) == 1 and events[0].fatalities.best == 14


def test_a_strike_that_lasts_a_stated_time_is_a_stoppage_of_work():
    for text in ("Pilots at the airline began a 48-hour strike in Johannesburg on Saturday, grounding dozens of flights.",
                 "Dock workers in Mombasa began a three-day strike on Thursday, halting cargo at the port.",
                 "Port workers started an indefinite strike in Durban on Saturday, leaving ships stranded at sea."):
        _, events = run(text)
        assert events == [], text
