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
