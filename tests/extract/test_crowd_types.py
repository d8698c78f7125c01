"""Violence by or against a crowd is typed as ACLED's codebook types it (events.toml [typing.crowds]): a state's forces
against protesters are Protests / Excessive force against protesters, an armed group firing on protesters stays
Violence against civilians / Attack, protesters as the doers are Riots / Violent demonstration and a mob Riots / Mob
violence. Sentences written for these tests."""
from datetime import date
from pathlib import Path

import pytest

from sitrep.errors import KnowledgeError
from sitrep.extract.lexicon import _crowds, load_lexicon
from sitrep.extract.mentions import _marchers_act
from sitrep.ingest.text import document_from_text
from sitrep.nlp.spacy_model import load_spacy
from sitrep.pipeline import extract_document

MONDAY = date(2025, 3, 10)


def types(body: str) -> list[tuple[str, str]]:
    events = extract_document(document_from_text("Kisumu news\n\n" + body, "t", published=MONDAY))
    return [(e.event_type, e.sub_event_type) for e in events]


def test_soldiers_shooting_protesters_is_excessive_force():
    assert types("Soldiers shot dead four protesters in Kisumu on Saturday, a hospital official said.") == [
        ("Protests", "Excessive force against protesters")]


def test_police_firing_on_a_crowd_of_demonstrators_is_excessive_force():
    assert types("Riot police opened fire on a crowd of demonstrators in Kisumu on Saturday, killing three "
                 "people, witnesses said.") == [("Protests", "Excessive force against protesters")]


def test_gunmen_firing_on_protesters_stay_an_attack_on_civilians():
    assert types("Gunmen shot dead four protesters in Kisumu on Saturday, a hospital official said.") == [
        ("Violence against civilians", "Attack")]


def test_soldiers_killing_villagers_stay_an_attack_on_civilians():
    assert types("Soldiers shot dead four villagers in Kisumu on Saturday, a hospital official said.") == [
        ("Violence against civilians", "Attack")]


def test_a_mob_beating_a_man_to_death_is_mob_violence():
    assert types("A mob beat a shopkeeper to death in Kisumu on Saturday after accusing him of theft, "
                 "police said.") == [("Riots", "Mob violence")]


def test_protesters_beating_an_officer_to_death_is_a_violent_demonstration():
    assert types("Protesters beat a police officer to death in Kisumu on Saturday during a march against fuel "
                 "prices, police said.") == [
        ("Riots", "Violent demonstration")]


def test_a_protester_who_died_is_no_doer():
    assert ("Riots", "Violent demonstration") not in types(
        "A protester died of his wounds in a Kisumu hospital on Saturday, police said.")


def test_a_crowd_type_must_be_an_acled_type():
    section = {"kinds": ["killing"], "protesters": ["protesters"], "crowd_nouns": ["crowd"], "object_verbs": ["open"],
               "protest_words": ["protest"], "mobs": ["mob"], "force_on_protesters": ["Protests", "Riot"],
               "violent_protesters": ["Riots", "Violent demonstration"], "mob_violence": ["Riots", "Mob violence"],
               "clash_kinds": ["killing"], "marcher_verbs": ["march"], "when_marks": ["after"]}
    with pytest.raises(KnowledgeError):
        _crowds(Path("events.toml"), {"typing": {"crowds": section}}, {"killing"})



def test_police_fighting_protesters_is_a_violent_demonstration_not_a_battle():
    assert types("Riot police fought pitched battles with protesters in central Kisumu on Saturday, leaving two "
                 "people dead, witnesses said.") == [("Riots", "Violent demonstration")]


def test_police_fighting_militiamen_stays_an_armed_clash():
    assert types("Riot police fought pitched battles with militiamen in central Kisumu on Saturday, leaving two "
                 "people dead, witnesses said.") == [("Battles", "Armed clash")]


def test_rioters_clashing_with_soldiers_is_mob_violence():
    assert types("Rioters clashed with soldiers in Kisumu on Saturday, leaving three people dead, police said.") == [
        ("Riots", "Mob violence")]


def test_deaths_after_rioters_stormed_a_market_are_mob_violence():
    assert types("Two shopkeepers were beaten to death in Kisumu on Saturday after rioters stormed the market, "
                 "police said.") == [("Riots", "Mob violence")]


def _marchers(sentence: str, word: str):
    lex = load_lexicon()
    tok = next(t for t in load_spacy()(sentence) if t.text == word)
    return _marchers_act(tok, lex, lex.typing.crowds)


def test_marchers_pelting_a_ministry_is_a_violent_demonstration():
    assert _marchers("Thousands of traders marched on the ministry, pelting it with rocks.", "pelting") == (
        "Riots", "Violent demonstration")


def test_soldiers_marching_and_shooting_are_no_marchers():
    assert _marchers("Soldiers marched into the village, shooting two farmers.", "shooting") is None


def test_an_attack_told_with_a_riot_of_its_sentence_is_one_riot():
    # merge/within._FIGHT_TYPES: the riot joins the attack of its sentence as a battle does, and types the event
    assert types("A firebomb attack on a bank in Kisumu killed two people on Saturday as police fought pitched "
                 "battles with protesters, witnesses said.") == [("Riots", "Violent demonstration")]
