"""The clause model's features leave names out (a word naming a country, a people, a division, a big city or an
armed group is NAME), but never a common word whose capitalised form is a name. Sentences written for these tests."""
from __future__ import annotations

from sitrep.extract.clause_model import clause_features
from sitrep.extract.document import candidates
from sitrep.ingest.text import document_from_text
from sitrep.nlp import analyze


def features(text: str, trigger: str) -> set[str]:
    (c,) = [c for c in candidates(analyze(document_from_text(text, "t"))) if c.mention.trigger.text == trigger]
    return set(clause_features(c))


def test_a_countrys_people_are_a_name():
    assert "w=nigerian" not in features("Nigerian troops shelled the camp on Monday.", "shelled")


def test_car_is_a_word_not_the_central_african_republic():
    """ "CAR" is an alias of the Central African Republic; "car bomb" keeps its word."""
    feats = features("The film opens with a car bomb in a crowded square.", "bomb")
    assert "compound=car" in feats and "compound=NAME" not in feats


def test_a_lower_case_word_that_is_also_a_place_keeps_its_word():
    """ "man" (Man, Côte d'Ivoire) written lower case is the common word."""
    feats = features("Gunmen shot a man outside the market on Monday.", "shot")
    assert "dobj=man" in feats


def test_a_demonym_in_lower_case_is_still_a_name():
    """Truecased wire text writes a people's name in lower case; it still teaches where the news happened."""
    assert "w=chilean" not in features("The bomb killed three chilean soldiers at the post.", "bomb")


def test_the_verb_a_noun_trigger_hangs_on_frames_it():
    """A court's sentence over a massacre, a condemnation of a strike: the frame verb and its preposition."""
    feats = features("A court jailed four men over the market bombing on Monday.", "bombing")
    assert "frame=jail" in feats


def test_a_question_and_a_label_before_a_colon_are_features():
    feats = features("Analysis: can air strikes end the siege of the port?", "strikes")
    assert {"question", "label=analysis"} <= feats


def test_a_count_beside_the_trigger_is_a_toll():
    assert "toll_near" in features("Gunmen killed 14 villagers near the river on Sunday.", "killed")
