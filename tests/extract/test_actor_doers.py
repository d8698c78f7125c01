"""actor1 from the doers' own words and from a state's agents (issue 11, actor kinds); sentences of our own."""
from datetime import date

import pytest

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_documents


def _events(text: str):
    doc = document_from_text(text, "probe", published=date(2011, 7, 13))
    return [ev for _, events, _ in extract_documents([doc]) for ev in events]


def test_by_agent_of_plural_person_noun_becomes_actor1():
    (ev,) = _events("The minister was shot dead in Lahore on Tuesday by two of his bodyguards.")
    assert ev.actor1 == "bodyguards"
    span = ev.field_spans["actor1"][0]
    assert span.text == "bodyguards"


def test_single_person_doer_stays_unnamed():
    (ev,) = _events("The minister was shot dead in Lahore on Tuesday by a man on a motorcycle.")
    assert ev.actor1 in (None, "Unidentified Armed Group")


@pytest.mark.parametrize("words", ["North Korean agents", "Iranian agents"])
def test_demonym_agents_name_the_state(words):
    from sitrep.resolve.actor import resolve_actor

    assert resolve_actor(words) is not None
    assert resolve_actor(words).canonical in ("North Korea", "Iran")


def test_blamed_common_noun_takes_the_group_named_before():
    events = _events("Two bombs exploded in a market in Lahore on Tuesday, killing eight. A caller said al-Shabaab "
                     "had carried out the attack. He said the same group was behind a bombing at a mosque in Lahore "
                     "on Saturday which killed four.")
    saturday = [ev for ev in events if ev.date is not None and ev.date.isoformat() == "2011-07-09"]
    assert saturday and saturday[0].actor1 == "Al-Shabaab"


def test_blamed_party_is_not_a_name_hung_after_the_verb():
    """A non-projective parse hangs a name after the verb on the subject: the party ends where its run breaks."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from sitrep.extract.document import _contiguous_end

    words = ["the", "same", "groups", "were", "behind", "it", ",", "Masjid", "Iran"]
    heads = [2, 2, 3, 3, 3, 4, 3, 8, 2]  # "Masjid Iran" hung on "groups"
    deps = ["det", "amod", "nsubj", "ROOT", "prep", "pobj", "punct", "compound", "appos"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    assert _contiguous_end(doc[2]).text == "groups"


def test_pronoun_doer_never_refers_to_a_country_named_as_a_place():
    events = _events("Gunmen broke into the embassy in Sirte before dawn on Tuesday, demanding the release of 50 "
                     "prisoners held in Turkey. They shot dead two guards and seized nine diplomats.")
    assert all(ev.actor1 != "Turkey" for ev in events)


# ---- attribution in other words, blamed groups the actor list lacks, participle clauses (issue 11, session 30)

def test_hallmarks_of_a_listed_group_name_the_doer():
    (ev,) = _events("Two bombs ripped through a hotel in Peshawar on Monday, killing nine guests. Police said the "
                    "blasts bore the hallmarks of the Pakistani Taliban.")
    assert ev.actor1 == "Tehrik-i-Taliban Pakistan"
    assert any("hallmark" in n or "(bear)" in n for n in ev.notes)


def test_blamed_group_the_list_lacks_keeps_its_words():
    (ev,) = _events("A car bomb killed eleven people at a bus station in Kirkuk on Tuesday. The governor blamed "
                    "Kurdish separatists for the bombing.")
    assert ev.actor1 == "Kurdish separatists"


def test_a_bare_doer_word_blamed_adds_nothing():
    (ev,) = _events("A car bomb killed eleven people at a bus station in Kirkuk on Tuesday. The governor blamed "
                    "militants for the bombing.")
    assert ev.actor1 in (None, "Unidentified Armed Group")


def test_a_listed_group_blamed_later_wins_over_a_description():
    (ev,) = _events("A car bomb killed eleven people at a bus station in Kirkuk on Tuesday. The governor blamed "
                    "Sunni extremists. The interior ministry blamed the Islamic State.")
    assert ev.actor1 == "Islamic State"


def test_blame_for_an_earlier_act_told_in_full_is_not_this_events():
    (ev,) = _events("A bomb exploded on a bus in Quetta on Sunday, killing six passengers. Buses were searched "
                    "after the attack on the city's main bazaar in 2009, which officials blamed on Baloch separatists.")
    assert ev.actor1 in (None, "Unidentified Armed Group")


@pytest.mark.parametrize("text,doer", [
    ("Al-Shabaab fighters launched a series of raids on villages near Kismayo on Friday, killing fifteen people.",
     "Al-Shabaab"),
    ("A Taliban rocket exploded in a market in Kunduz on Friday, killing fifteen people.", "Taliban")])
def test_participle_clause_takes_the_subject_of_the_act_it_hangs_on(text, doer):
    (ev,) = _events(text)
    assert ev.actor1 == doer


def test_participle_clause_on_a_verb_of_no_act_names_no_doer():
    events = _events("Police were hunting a man who left a bag that exploded in a market in Lyon on Friday, "
                     "wounding thirteen shoppers.")
    assert all(ev.actor1 != "police" and ev.actor1 != "France" for ev in events)


def test_two_names_before_forces_are_a_people_not_the_state():
    (ev,) = _events("SREBRENICA, Bosnia (Reuters) - Bosnian Serb forces seized forty Dutch peacekeepers near "
                    "Srebrenica on Tuesday.")
    assert ev.actor1 == "Bosnian Serb forces"


def _clause(words: list[str], heads: list[int], deps: list[str], pos: list[str], lemmas: list[str]):
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_joined_verb_subject_is_no_doer_when_it_is_a_modified_thing():
    """"... missed a U.S. Navy ship anchored offshore and killed a sailor", parsed with the ship as the subject of
    "anchored" and "killed" joined to it: the navy owns the ship, it is not the one who killed."""
    from sitrep.extract.lexicon import load_lexicon
    from sitrep.extract.mentions import _joined_doer

    doc = _clause(["a", "U.S.", "Navy", "ship", "anchored", "offshore"], [3, 2, 3, 4, 4, 4],
                  ["det", "compound", "compound", "nsubj", "ROOT", "advmod"], ["DET", "PROPN", "PROPN", "NOUN", "VERB", "ADV"],
                  ["a", "U.S.", "Navy", "ship", "anchor", "offshore"])
    assert not _joined_doer(doc[3], doc[4], load_lexicon())


def test_joined_verb_subject_is_a_doer_when_it_names_armed_men():
    from sitrep.extract.lexicon import load_lexicon
    from sitrep.extract.mentions import _joined_doer

    doc = _clause(["Russian", "troops", "crossed", "the", "river"], [1, 2, 2, 4, 2],
                  ["amod", "nsubj", "ROOT", "det", "dobj"], ["ADJ", "NOUN", "VERB", "DET", "NOUN"],
                  ["russian", "troop", "cross", "the", "river"])
    assert _joined_doer(doc[1], doc[2], load_lexicon())
    doc = _clause(["masked", "gunmen", "burst", "in"], [1, 2, 2, 2], ["amod", "nsubj", "ROOT", "prt"],
                  ["ADJ", "NOUN", "VERB", "ADP"], ["masked", "gunman", "burst", "in"])
    assert _joined_doer(doc[1], doc[2], load_lexicon())


def test_joined_verb_subject_is_no_doer_of_a_verb_that_harms_it():
    """"A farmer died and two of his sons were wounded when ...": the farmer is one of the harmed."""
    from sitrep.extract.lexicon import load_lexicon
    from sitrep.extract.mentions import _joined_doer

    doc = _clause(["a", "farmer", "died"], [1, 2, 2], ["det", "nsubj", "ROOT"], ["DET", "NOUN", "VERB"],
                  ["a", "farmer", "die"])
    assert not _joined_doer(doc[1], doc[2], load_lexicon())
