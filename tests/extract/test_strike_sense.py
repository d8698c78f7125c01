"""The senses of "strike" / "struck" (issue 11 kinds 2 and 5, session 41): the verb an air strike only with an air
word or a state as the doer (events.toml, the strike verb's ``weapon_cue``), an attack by other means otherwise; the
noun keeps its air strike. Sentences written for these tests (invented places)."""
from __future__ import annotations

from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document


def events(text: str):
    return extract_document(document_from_text(text, "t", published=date(2024, 3, 6)))


def test_car_that_struck_a_cyclist_is_no_air_strike():
    found = events("A delivery van struck a cyclist on the ring road in Marsden on Tuesday, police said.")
    assert not any(e.sub_event_type == "Air/drone strike" for e in found)


def test_bullet_that_struck_a_woman_is_no_air_strike():
    found = events("A bullet struck the woman in the chest in the market of Tarvin on Monday, police said.")
    assert found and not any(e.sub_event_type == "Air/drone strike" for e in found)


def test_drone_strike():
    (e,) = events("A drone strike hit a house in the village of Kelmar on Tuesday, killing four people.")
    assert e.sub_event_type == "Air/drone strike"


def test_state_forces_strike_on_a_town_is_an_air_strike():
    (e,) = events("A Turkish strike on the town of Belvor killed six fighters on Tuesday.")
    assert e.sub_event_type == "Air/drone strike"
    (e,) = events("The army carried out a strike on the town of Belvor on Tuesday, killing six fighters.")
    assert e.sub_event_type == "Air/drone strike"


def test_raiders_that_strike_are_no_air_strike():
    found = events("Masked raiders strike again in Kelmar, kill three traders")
    assert found and not any(e.sub_event_type == "Air/drone strike" or "airstrike" in e.weapons for e in found)


def test_jets_that_struck_are_an_air_strike():
    (e,) = events("Government jets struck a rebel depot near Kelmar on Tuesday, killing four fighters.")
    assert e.sub_event_type == "Air/drone strike"



def test_a_national_strike_lends_no_air_strike_to_the_act_told_with_it():
    for text in ("Rioters set fire to a bank in Dorvale on Monday, killing two guards. Tens of thousands of people took "
                 "to the streets in a nationwide strike to protest new taxes.",
                 "Rioters set fire to a bank in Dorvale on Monday, killing two guards. The national strike grounded "
                 "flights and shut the port."):
        found = events(text)
        assert found and not any(e.sub_event_type == "Air/drone strike" or "airstrike" in e.weapons for e in found)


def test_an_act_amid_a_strike_or_in_a_nationwide_strike_is_not_the_strike():
    found = events("Two guards killed in Dorvale post office fire amid strike")
    assert found and not any(e.sub_event_type == "Air/drone strike" or "airstrike" in e.weapons for e in found)
    found = events("Rioters threw petrol bombs at a bank in Dorvale on Monday during a nationwide strike over pension "
                   "cuts, killing two guards.")
    assert found and all(e.trigger.text != "strike" for e in found)


def test_people_on_strike_are_no_trigger():
    from sitrep.extract.lexicon import load_lexicon
    from sitrep.extract.mentions import _other_sense
    from sitrep.model import Document
    from sitrep.nlp import analyze

    analysis = analyze(Document(id="t", text="Police clashed with striking workers in the centre of Dorvale on Monday."))
    (striking,) = [t for parsed in analysis.parses.values() for t in parsed if t.lower_ == "striking"]
    assert _other_sense(striking, load_lexicon())


def test_a_natural_force_that_struck_in_a_relative_clause_is_no_trigger():
    from sitrep.extract.lexicon import load_lexicon
    from sitrep.extract.mentions import _other_sense
    from sitrep.model import Document
    from sitrep.nlp import analyze

    def sense(text: str, word: str) -> bool:
        analysis = analyze(Document(id="t", text=text))
        (tok,) = [t for parsed in analysis.parses.values() for t in parsed if t.lower_ == word]
        return _other_sense(tok, load_lexicon())

    assert sense("The quake, which struck at noon local time, was felt across the islands of Varo.", "struck")
    assert sense("A storm that hit the coast of Varo on Wednesday cut power to 40,000 homes.", "hit")
    assert not sense("Rebels shelled the depot that government jets struck on Monday near Varo.", "struck")
    assert not sense("The storm, which was attacked by critics of the forecast, hit the coast of Varo.", "attacked")


def test_an_aimed_strike_is_no_stoppage_though_its_words_are():
    """"amid" and "nationwide" make a stoppage only of a strike aimed at nothing (review of session 42)."""
    for text in ("Panic in Dorvale amid Russian air strikes\n\nResidents of Dorvale sheltered in cellars on Tuesday "
                 "amid Russian air strikes on the town.",
                 "Two children killed amid Turkish strikes on Kelmar\n\nTwo children were killed on Monday amid "
                 "Turkish strikes on the village of Kelmar, medics said.",
                 "Russia launched a nationwide strike on the power grid of Kelmar on Friday, killing four people."):
        found = events(text)
        assert found and any(e.sub_event_type == "Air/drone strike" for e in found), text


def test_strike_with_an_object_of_another_sense_is_no_attack():
    """events.toml [figurative] sense_objects: a deal, a note, a balance struck is no strike on anyone (each of
    these sentences made an Attack before the rule)."""
    for text in ("Rebels struck a deal with police in Kelmar on Saturday.",
                 "The militia struck an agreement with the governor of Belvor on Friday.",
                 "Gunmen struck a conciliatory note in Tarvin on Monday.",
                 "Militants struck a balance between the clans in Tarvin on Monday."):
        assert not events(text), text


def test_an_aimed_strike_keeps_its_object():
    """The same rule refuses no aimed strike: a convoy or a base struck is an attack."""
    for text in ("Rebels struck a police convoy near Kelmar on Saturday, killing two officers.",
                 "Militants struck the army base in Belvor on Friday."):
        assert events(text), text


def test_a_killing_joined_to_an_arson_names_the_event():
    """events.toml [typing] outranks "killing arson": the attack that kills, not the house burnt (it was an arson)."""
    (e,) = events("Gunmen killed his neighbour and torched her house in Kelmar on Saturday.")
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")
    (e,) = events("Gunmen torched a shop in Kelmar on Saturday.")
    assert e.sub_event_type == "Looting/property destruction"

