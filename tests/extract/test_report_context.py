"""Whole reports (issue 11, seed-like reports): what a report's other sentences tell of an event: the day its
lede set, a plural claim told before the events it speaks of, states and later deaths that go on from an event
told before. Sentences written for these tests."""
from __future__ import annotations

from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

PUBLISHED = date(2022, 3, 9)  # a Wednesday


def report(text: str):
    events = extract_document(document_from_text(text, "r", published=PUBLISHED))
    return sorted(events, key=lambda m: m.evidence[0].start)


def test_an_undated_event_takes_the_day_its_lede_set():
    events = report(
        "Two roadside bombs exploded near police posts in Kirkuk on Sunday night, killing six officers, officials "
        "said.\n\n"
        "In Hawija, south of the city, four soldiers were killed when a roadside bomb struck their patrol.")
    hawija = [m for m in events if "Hawija" in m.evidence[0].text]
    assert hawija and hawija[0].date == date(2022, 3, 6)  # Sunday, not the publication date
    assert any("event told before it" in n for n in hawija[0].notes)


def test_a_lone_undated_event_still_takes_the_report_date():
    events = report("Four soldiers were killed when a roadside bomb struck their patrol in Hawija.")
    assert len(events) == 1 and events[0].date == PUBLISHED


def test_a_plural_claim_in_the_lede_reaches_the_bombings_told_after_it():
    events = report(
        "The Islamic State group claimed responsibility on Tuesday for the car bombings that hit Kirkuk on Monday.\n\n"
        "In the city's market, a car bomb killed nine people on Monday morning.\n\n"
        "In Hawija, a car bomb exploded outside a police station, killing three officers.")
    hawija = [m for m in events if "Hawija" in m.evidence[0].text]
    assert hawija and hawija[0].claimed is True and hawija[0].date == date(2022, 3, 7)


def test_a_plural_claim_does_not_reach_an_event_of_another_day():
    events = report(
        "The Islamic State group claimed responsibility on Tuesday for the car bombings that hit Kirkuk on Monday.\n\n"
        "Last month, a car bomb exploded outside a police station in Hawija on February 2, killing three officers.")
    hawija = [m for m in events if "Hawija" in m.evidence[0].text]
    assert hawija and hawija[0].claimed is None


def test_hostages_still_held_are_not_a_new_abduction():
    events = report(
        "Gunmen armed with rifles attacked two hotels in Mogadishu on Tuesday night, killing 12 people, police said."
        "\n\nHostages were still believed to be held at both hotels on Wednesday afternoon.")
    assert len(events) == 1
    assert events[0].sub_event_type != "Abduction/forced disappearance"


def test_a_later_death_of_the_wounded_is_not_a_new_event():
    events = report(
        "A shell hit a crowded bus stop in Donetsk on Monday, killing 14 people.\n\n"
        "The toll rose on Tuesday as two of the wounded died in hospital.\n\n"
        "A day earlier, shells fell on a market in the town of Horlivka, killing three people.")
    assert len(events) == 2
    assert [m.date for m in events] == [date(2022, 3, 7), date(2022, 3, 6)]  # a day before the shelling


def test_a_claim_told_beside_a_still_state_is_kept():
    events = report(
        "Gunmen armed with rifles attacked a hotel in Mogadishu on Tuesday and killed 12 people, police said.\n\n"
        "Al Shabaab claimed responsibility through a spokesman while the siege was still going on.")
    assert len(events) == 1 and events[0].claimed is True


def test_an_event_told_after_one_of_its_kind_with_a_month_does_not_take_the_lede_day():
    """The report has gone on to older events of the kind: the day its lede told is not theirs."""
    events = report(
        "Gunmen opened fire on a wedding party in Kirkuk on Sunday, killing four guests, police said.\n\n"
        "In January, gunmen opened fire on a funeral in Hawija, killing two mourners.\n\n"
        "Two years ago, gunmen opened fire on a market in Tikrit, killing a shopkeeper.")
    tikrit = [m for m in events if "Tikrit" in m.evidence[0].text or (m.place and m.place.name == "Tikrit")]
    assert tikrit and all(m.date != date(2022, 3, 6) for m in tikrit)
    assert not any("event told before it" in n for m in tikrit for n in m.notes)


def test_both_or_either_speaks_of_the_two_events_told_last():
    events = report(
        "Government jets bombed rebel camps near Kidal on Monday, the army said.\n\n"
        "On Saturday, car bombs exploded outside a hotel in Gao and a bank in Timbuktu, killing 9 people in Gao and "
        "4 in Timbuktu. A little-known group calling itself the Sahel Liberation Brigade claimed both bombings.")
    claimed = {m.place.name: m.claimed for m in events if m.place is not None}
    assert claimed.get("Gao") is True and claimed.get("Timbuktu") is True
    assert not any(m.claimed for m in events if "jets" in m.evidence[0].text)
    events = report(
        "A bomb killed five traders at a cattle market in Mubi on Tuesday. A day earlier, a bomber killed three "
        "guards at a checkpoint outside Yola. No group has claimed either attack.")
    assert len(events) == 2 and all(m.claimed is False for m in events)


def test_the_subject_of_a_killing_is_no_doer_but_its_modifier_is():
    (event,) = report("The truck bombing of the French embassy in Kabul killed eleven people on Monday.")
    assert event.actor1 != "France"
    (event,) = report("A Turkish drone strike on a convoy near Qamishli killed four fighters on Monday.")
    assert event.actor1 == "Turkey"


def test_a_states_forces_named_by_its_country_are_that_state():
    (event,) = report("Malian troops killed twelve fighters in an assault on a camp near Menaka on Monday.")
    assert event.actor1 == "Mali"
    (event,) = report("Gunmen killed twelve villagers in an assault on a camp near Menaka on Monday.")
    assert event.actor1 != "Mali"


def test_the_party_officials_blame_is_the_doer_of_an_unclaimed_attack():
    events = report("A car bomb killed nine people outside a hotel in Mogadishu on Monday. No group claimed the "
                    "attack, but officials blamed al Shabaab.")
    assert len(events) == 1 and events[0].actor1 == "Al-Shabaab" and events[0].claimed is False
    events = report("A car bomb killed nine people outside a hotel in Mogadishu on Monday. Nobody blamed al Shabaab.")
    assert events[0].actor1 != "Al-Shabaab"


def test_a_second_bomb_is_another_event_and_a_district_is_no_foreign_city():
    events = report("A car bomb killed nine people outside a hotel in Mogadishu on Monday. Later on Monday, a "
                    "second car bomb went off in the Medina district, killing two people.")
    assert sorted(m.fatalities.best for m in events) == [2, 9]
    assert all(m.place is not None and m.place.country == "Somalia" for m in events)


def test_the_event_an_after_clause_tells_takes_the_place_it_names():
    events = report("Two bombers blew themselves up at a bus station in Gombe on Monday, killing six people. The attack "
                    "came a day after a woman thought to be about 20 years old detonated explosives strapped to her "
                    "body at a crowded market in Yola, killing at least eight people.")
    places = {m.place.name: m.fatalities.best for m in events if m.place is not None}
    assert places.get("Gombe") == 6 and places.get("Yola") == 8


def test_events_split_by_place_take_their_own_dead_and_target():
    events = report("Car bombs at the police headquarters in Kano and Maiduguri killed 40 people in Kano and 12 in "
                    "Maiduguri on Monday. Warplanes fired missiles at rebel camps near Kidal and at an arms depot in Gao "
                    "on Tuesday.")
    by_place = {m.place.name: m for m in events if m.place is not None}
    assert by_place["Kano"].fatalities.best == 40 and by_place["Maiduguri"].fatalities.best == 12
    assert "headquarters" in (by_place["Maiduguri"].target or "")
    assert by_place["Gao"].target == "arms depot" and by_place["Kidal"].target == "rebel camps"


def test_a_title_names_no_place_and_a_named_victim_is_one_dead():
    events = report("SLIGO, Ireland (AP) - The Duke of Somerset was killed when a bomb blew up his yacht off "
                    "Mullaghmore on Monday.")
    assert len(events) == 1 and events[0].place is not None and events[0].place.country == "Ireland"
    assert events[0].fatalities.best == 1
    (event,) = report("Gunmen shot dead Mayor Juan Perez and councillor Ana Ruiz in Cali on Monday.")
    assert event.fatalities.best == 2


def test_fighting_that_has_raged_since_a_day_is_no_incident():
    assert report("Heavy fighting has raged in the north of the city since Monday, residents said.") == []


def test_a_town_named_again_and_a_speaker_who_says_they_did_it():
    events = report("KANO, Nigeria - Gunmen attacked a police post in Dikwa on Saturday. Militia fighters overran "
                    "Dikwa on Monday. The army said on Wednesday they had retaken Dikwa.")
    taken = [m for m in events if m.sub_event_type and "territory" in m.sub_event_type]
    assert taken and all(m.place is not None and m.place.name == "Dikwa" for m in taken)
    assert any(m.sub_event_type == "Government regains territory" for m in taken)


def test_a_country_doing_it_is_no_place_and_a_participle_tells_the_same_strike():
    events = report("Israel launched air strikes on Hamas positions in Khan Younis on Friday, targeting a weapons "
                    "depot.")
    assert len(events) == 1 and events[0].place is not None and events[0].place.country != "Israel"
    events = report("The US has fired 59 cruise missiles at a Syrian government air base near Homs, officials said.")
    assert events and all(m.place is None or m.place.name != "United States" for m in events)


def test_a_claim_in_a_relative_clause_and_its_participle_are_the_same_attack():
    events = report("On Sunday, militants attacked an army post near Gao, killing 11 soldiers in an assault the "
                    "Sahel Liberation Brigade later claimed.")
    assert len(events) == 1 and events[0].claimed is True and events[0].fatalities.best == 11


def test_no_group_saying_it_carried_out_the_attacks_reaches_every_group_attack_told():
    events = report("Government jets bombed rebel camps near Kidal on Monday, the Malian army said. A bomb killed "
                    "nine people in Gao on Monday. Gunmen killed three guards in Mopti on Tuesday. No group has said "
                    "it carried out the attacks.")
    by_place = {m.place.name: m.claimed for m in events if m.place is not None}
    assert by_place.get("Gao") is False and by_place.get("Mopti") is False


def test_unnamed_forces_in_the_reports_own_country_are_its_state_and_a_bare_dateline_splits_off():
    (event,) = report("KANO, Nigeria - Soldiers killed 20 militants near Dikwa on Monday.")
    assert event.actor1 == "Nigeria"
    (event,) = report("WASHINGTON - Troops killed 20 militants near Raqqa in Syria on Monday.")
    assert event.actor1 != "United States"


def test_a_days_possessive_refers_back_to_the_event_told():
    # "Monday's attack" is a definite reference, like "the attack": it tells the poison-gas attack of the lede
    # again, and the claim told after it belongs to that attack
    events = report(
        "Police searched the offices of a religious group in Hamar on Wednesday, two days after a poison gas attack "
        "on the city's metro killed eight people.\n\n"
        "Officers have not said whether they suspect the group of Monday's attack, in which a toxic liquid was "
        "spilled in three carriages. No group has claimed responsibility.")
    attacks = [m for m in events if m.date == date(2022, 3, 7)]
    assert len(attacks) == 1
    assert attacks[0].sub_event_type == "Chemical weapon" and attacks[0].claimed is False


def test_shooting_at_a_target_is_an_attack_on_it():
    events = report("Gunmen shot at a minibus carrying pilgrims near Hamar on Monday, killing seven people.")
    assert len(events) == 1 and events[0].target and "minibus" in events[0].target
    assert events[0].fatalities.best == 7 and events[0].date == date(2022, 3, 7)


def test_a_when_clause_after_since_a_day_tells_its_own_event():
    # "since Monday" names a day, not an earlier event: the "when" clause is an attack of that day
    events = report("Checkpoints have ringed the capital since Monday, when a car bomb killed 14 people outside the "
                    "central bank in Hamar.")
    assert len(events) == 1 and events[0].date == date(2022, 3, 7) and events[0].fatalities.best == 14


def test_a_groups_acronym_read_as_a_verb_still_names_the_doer():
    events = report("IS fighters attacked a border post near Hamar on Sunday, killing two guards.")
    assert len(events) == 1 and events[0].actor1 == "Islamic State"
    (blamed,) = report("A car bomb killed nine people outside a mosque near Hamar on Sunday. The army blamed IS for "
                       "the attack.")
    assert blamed.actor1 == "Islamic State"


def test_the_party_behind_an_attack_is_its_doer_unless_asked_or_denied():
    told = "Three guards were killed when a car bomb exploded outside a hotel in Hamar on Monday. "
    (listed,) = report(told + "Police said al-Shabaab was behind the bombing.")
    assert listed.actor1 == "Al-Shabaab" and listed.claimed is None  # blame, not a claim
    (asked,) = report(told + "Asked whether al-Shabaab was behind the bombing, the minister said nothing.")
    assert asked.actor1 is None
    (denied,) = report(told + "Police said al-Shabaab was not behind the bombing.")
    assert denied.actor1 is None


def test_where_a_shot_came_from_is_not_where_it_fell():
    (m,) = report("Two jets took off from the town of Adana on Monday and bombed rebel positions in Idlib province, "
                  "killing 12 fighters.")
    assert m.place is not None and m.place.country_code == "SY"  # Idlib, not the air base's town in Turkey
    (only,) = report("A rocket fired from Syria killed two people on Monday.")
    assert only.place is not None and only.place.country_code == "SY"  # the origin when no other place is told


def test_raids_that_made_arrests_are_no_attack():
    assert report("Police detained 140 people in raids across four provinces on Monday, officials said.") == []
    (m,) = report("Soldiers killed six militants in a raid on a hideout near the capital on Monday.")
    assert m.fatalities.best == 6


def test_where_the_bomb_lay_is_where_it_went_off_and_the_speakers_city_is_not():
    events = report(
        "HAMAR, Norway - A bomb hidden in a car outside the town hall in Jarabulus, Syria, exploded on Monday, "
        "killing nine people, officials said.\n\n"
        "The government in Damascus said rebels had planted the bomb.")
    assert len(events) == 1 and events[0].place is not None and events[0].place.country_code == "SY"
    assert events[0].place.name != "Damascus"


def test_an_airliner_brought_down_is_not_a_bomb_that_lay_somewhere():
    # the subject's participle phrase is the airliner's route, not where a weapon lay
    (m,) = report("DONETSK, Ukraine - An airliner flying from Amsterdam to Kuala Lumpur was brought down by a missile on "
                  "Thursday, killing all 298 people on board, officials said.")
    assert m.place is not None and m.place.country_code == "UA"


def test_a_habit_is_no_event():
    assert report("The rebels have often attacked convoys on the northern highway in their bid to cut off the "
                  "capital.") == []


def test_a_place_told_by_its_distance_is_no_origin_and_an_origin_splits_nothing():
    # "across the border from Kilis" says where the targets lay; "took off from Adana" where the jets came from
    (m,) = report("Two jets took off from the town of Adana on Monday and fired missiles at a rebel camp across the "
                  "border from the town of Kilis, killing 12 fighters.")
    assert m.place is not None and m.place.name == "Kilis"


def test_a_days_possessive_on_another_noun_dates_that_noun():
    (m,) = report("The government said Friday that Abu Karim, a rebel commander linked to al-Qaeda, was behind the "
                  "assassination of opposition leader Maria Santos, whose death has thrown the country into turmoil "
                  "ahead of next month's elections.")
    assert m.date == PUBLISHED  # not the elections' month


def test_accidents_statistics_and_figures_of_speech_are_no_events():
    assert report("A bus crash killed 12 passengers on the coast road on Monday.") == []
    assert report("The city's murder rate fell by a third last year, the police chief said.") == []
    assert report("Former rebel leaders admitted to thousands of kidnappings before the tribunal on Monday.") == []
    assert report("The new press law is a fresh attack on rights, the union said on Monday.") == []
    (m,) = report("Rocket fire killed three people in the border town of Sderot on Monday.")
    assert m.fatalities.best == 3


def test_no_claim_told_alone_speaks_of_every_attack_of_its_type_and_day():
    # two bombings of one night, then "No group has claimed responsibility.": both are unclaimed; the air strike
    # of the same day and the bombing of another year are left alone
    events = report(
        "A car bomb exploded outside a police station in Mardan on Sunday night, killing nine people.\n\n"
        "Minutes later, a second bomb went off at a bus stand in Swabi, killing four. No group has claimed "
        "responsibility.\n\n"
        "In 2019, a bomb at the same bus stand killed two people.")
    bombs = [m for m in events if m.date == date(2022, 3, 6)]
    assert len(bombs) == 2 and all(m.claimed is False for m in bombs)
    assert not any(m.claimed is False for m in events if m.date and m.date.year == 2019)
