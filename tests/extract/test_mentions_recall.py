"""Which clauses are events: figures of speech and plans are not; shooting at, hurling and machinegunning are."""
import pytest

from sitrep.extract import SentenceExtractor
from sitrep.nlp.spacy_model import load_spacy


def mentions(text: str):
    nlp = load_spacy()
    ex = SentenceExtractor(text, "t")
    return [c.mention for c in ex.extract(nlp(text), 0, 0)]


@pytest.mark.parametrize("text", [
    "We therefore wish to launch an offensive against unemployment.",
    "The option to seize power through violent means no longer exists.",
    "The interior minister said a civilian front is being formed to fight subversion.",
    "He said the agreement deals a blow to the peace process.",
    "Forces that were created to attack my country remain in Honduran territory.",
    "In the plans to attack enemy garrisons, the commanders must evaluate the situation.",
])
def test_figures_of_speech_and_plans_are_not_events(text):
    assert mentions(text) == []


@pytest.mark.parametrize("text, trigger", [
    ("Unidentified men tried to kill the mayor of Medellin on Friday.", "kill"),
    ("There have been two attempts to murder him this year.", "murder"),
    ("The guerrillas launched an offensive against the garrison in Chalatenango.", "offensive"),
])
def test_tried_and_real_attacks_stay(text, trigger):
    assert [m.trigger.text for m in mentions(text)] == [trigger]


def test_hurled_weapon_is_not_the_target():
    (m,) = mentions("Ten terrorists hurled dynamite sticks at the embassy building in the Miraflores district.")
    assert m.weapons and "embassy" in (m.target or "") and m.actor1 == "Unidentified Armed Group"


@pytest.mark.parametrize("text", [
    "Unidentified individuals machinegunned the car of the senator as he was leaving his home.",
    "An air force member fired at two photographers in the capital on Sunday.",
    "Gunmen opened fire on a bus carrying workers to the plantation.",
    "An old shack on the estate was set ablaze by the attackers.",
])
def test_shooting_and_burning_verbs(text):
    assert len(mentions(text)) == 1


@pytest.mark.parametrize("text", [
    "Gustavo Guerra, coordinator of the party in Cordoba, was gunned down today.",
    "He was murdered as he left the church.",
])
def test_named_and_pronoun_victims(text):
    (m,) = mentions(text)
    assert m.sub_event_type == "Attack"
