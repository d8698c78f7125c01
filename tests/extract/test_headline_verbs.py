"""A headline's killing verb that the parser reads as a noun or an adjective (extract/headline.py), on headlines
written for this test: read as the verb when people stand beside it on the side its form points to."""
from __future__ import annotations

from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

DAY = date(2022, 3, 9)


def headline(text: str):
    return extract_document(document_from_text(text, "h", title=text, published=DAY))


def test_a_past_form_takes_its_victims_before_it():
    events = headline("12 shot dead by masked attackers near the border: officials")
    assert len(events) == 1 and events[0].event_type == "Violence against civilians"


def test_a_present_form_takes_its_victims_after_it():
    events = headline("Militia hacks to death 8 in river town")
    assert len(events) == 1 and events[0].fatalities.best == 8


def test_a_title_case_die_counts_its_dead():
    events = headline("Again 9 Die, Many Hurt As Raiders Invade Farming Villages")
    assert len(events) == 1 and events[0].fatalities.best == 9


def test_a_verb_form_with_no_people_on_its_side_is_no_killing():
    assert not headline("Crowds flock to see Dead Sea scrolls in museum")
    assert not headline("Striker kills off title hopes of 10 rivals")


def test_only_a_dated_title_line_is_read_so():
    text = "Militia hacks to death 8 in river town"
    assert not extract_document(document_from_text(text, "h"))


def test_a_deadly_doer_that_claims_lives_is_a_killing():
    events = headline("Land feud claims seven lives in Kano")
    assert len(events) == 1 and events[0].fatalities.best == 7 and events[0].target is None


def test_claimed_lives_of_another_doer_or_a_total_are_no_event():
    assert not headline("Cholera outbreak claims 14 lives in two districts")
    assert not headline("Road crash claims five lives on the expressway")
    assert not headline("The insurgency, which has claimed 30,000 lives, enters its tenth year")


def test_a_rescue_from_an_armed_group_is_an_operation():
    events = headline("Soldiers rescue 40 farmers from kidnappers in Kaduna forest")
    assert len(events) == 1 and events[0].event_type == "Battles"


def test_a_rescue_from_no_armed_group_is_no_event():
    assert not headline("Firefighters rescue 12 from collapsed building")
    assert not headline("Coast guard rescues 200 migrants from sinking boat")
    assert not headline("Court frees activist from detention")


def test_an_armed_doer_that_storms_a_place_is_an_attack():
    for text in ("Masked gunmen storm a radio station in Lubumbashi", "Separatist rebels storm police post in Bamenda",
                 "Armed men storm hotel lobby in Cap-Haitien"):
        assert len(headline(text)) == 1, text


def test_storming_by_no_armed_doer_is_no_event():
    assert not headline("Protesters storm the parliament building in Colombo")
    assert not headline("Hosts storm to victory in the final in Lima")
    assert not headline("Tropical storm batters the coast near Da Nang")


def test_forces_that_exchange_fire_clash():
    events = headline("Armenian and Azerbaijani troops exchange fire along the border")
    assert len(events) == 1 and events[0].event_type == "Battles"


def test_a_number_feared_killed_counts_its_dead():
    events = headline("14 Feared Killed in Attack on Village in Ituri")
    assert len(events) == 1
    events = headline("7 feared killed in Sool region")
    assert len(events) == 1 and events[0].fatalities.best == 7


def test_a_clash_word_that_breaks_out_is_a_clash():
    for text in ("Heavy fighting erupts in Aden between rival factions", "Clashes flare again in Kidal",
                 "Fighting breaks out near the airport of Juba"):
        events = headline(text)
        assert len(events) == 1 and events[0].event_type == "Battles", text


def test_a_brawl_that_breaks_out_is_no_clash():
    assert not headline("A fight broke out at the stadium after the derby")
    assert not headline("Fighting breaks down the old door")


def test_an_army_of_fans_that_storms_is_no_attack():
    assert not headline("An army of fans stormed the pitch in Rosario after the final whistle")
    assert len(headline("A group of gunmen stormed a bank in Port-au-Prince")) == 1


def test_a_verb_read_as_a_noun_between_an_armed_doer_and_its_object():
    assert len(headline("Insurgents torch clinic in Cabo Delgado")) == 1
    assert len(headline("Troops Battle Rebels Near Beni")) == 1


def test_a_police_or_modifier_compound_is_no_armed_act():
    assert not headline("Police raid offices of opposition party in Harare")
    assert not headline("Army strike force drills in Accra")


def test_a_killing_verb_beside_an_attack_word_that_names_no_one_is_read():
    events = headline("Blasts in border city kill at least seven: Red Cross")
    assert len(events) == 1 and events[0].event_type == "Explosions/Remote violence"
    assert len(headline("Twin blasts in port town kill at least 12, including police")) == 1


def test_a_plural_armed_doer_right_before_an_attack_verb_is_read_as_its_doer():
    assert len(headline("Troops Battle Al-Shabaab Near Border Town")) == 1
    assert len(headline("Soldiers Battle ISWAP Near Lake Town")) == 1


def test_an_armed_word_before_an_attack_noun_is_no_doer():
    assert not headline("Militant attacks hit six-year high across the region")
