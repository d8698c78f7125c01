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
