"""Headlines from countries the tune data does not cover (issue 11, headlines2's miss kinds), each on a headline
written for this test."""
from __future__ import annotations

from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

DAY = date(2022, 3, 9)


def headline(text: str):
    return extract_document(document_from_text(text, "h", title=text, published=DAY))


def test_the_event_an_after_phrase_names_is_a_one_line_headlines_event():
    assert len(headline("Nine dead after bomb attack on village market")) == 1
    assert len(headline("Villagers flee after rebel attack on their town")) == 1


def test_an_earlier_event_named_by_a_noun_is_still_no_event():
    assert not headline("Town marks tenth anniversary of the market bombings")


def test_shot_dead_at_a_place_is_a_killing():
    events = headline("Provincial mayor shot dead at his office in Tarlac")
    assert len(events) == 1 and events[0].event_type == "Violence against civilians"


def test_of_two_subjects_of_a_headline_verb_the_people_are_the_victims():
    events = headline("Patrol boat sunk by mine off the coast, 11 sailors killed")
    assert len(events) == 1 and events[0].fatalities.best == 11


def test_a_quantifier_that_counts_the_victims_of_a_verb_is_not_generic():
    assert len(headline("Scores of fighters killed in air raid on hideout, says army")) == 1


def test_a_quantifier_that_counts_the_events_stays_generic():
    assert not headline("Dozens of attacks on clinics this year, says aid group")
    assert not headline("A wave of bomb attacks in the capital, says minister")


def test_an_armed_group_that_does_the_trigger_keeps_the_clause():
    assert len(headline("ADF rebels raid village near Beni")) == 1  # 'raid' parsed as a noun with a subject
    assert len(headline("Gunmen storm clinic in the north, killing three nurses")) == 1


def test_a_city_the_parser_hid_in_an_organisation_gives_the_country_and_point():
    events = headline("Blast at Herat Shi'ite mosque kills 12 worshippers")
    assert len(events) == 1
    assert events[0].place is not None and events[0].place.country_code == "AF"


def test_a_headline_that_counts_its_dead_keeps_a_doubtful_attack_word():
    # the clause model alone is in doubt (0.5 <= p < its threshold); the count says the word is meant as harm
    assert len(headline("Militia raid farming town in the east, at least 9 dead")) == 1
    assert len(headline("Rebels raid mining town near Kara, at least 9 dead")) == 1


def test_a_hedged_count_of_dead_is_an_event():
    assert len(headline("12 Feared Killed By Bandits in Hilltop Village")) == 1  # killed: advcl of feared
    assert len(headline("Three soldiers feared dead in Kara")) == 1  # the hedge between the people and 'dead'


def test_a_headline_clause_is_kept_at_the_models_even_odds():
    # the model alone is in doubt (0.5 <= p < its threshold); a dated report's title line tells one day's event
    assert len(headline("Court jails officer for killing motorcyclist")) == 1


def test_a_doubtful_headline_clause_that_names_no_harm_is_no_event():
    # 0.5 <= p < the threshold, and the only weapon is the one the word "strike" itself implies
    assert not headline("Brazilian truckers' strike ends after fuel deal")


def test_a_headline_plural_attack_noun_or_a_modifier_is_no_event_at_even_odds():
    # each at 0.5 <= p < the threshold: many acts told as a trend, and a word that only modifies another noun
    assert not headline("Militia attacks on shipping will widen, commander says")
    assert not headline("Truce talks in Doha stall over hostage list")
