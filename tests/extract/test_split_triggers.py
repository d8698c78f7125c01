"""A trigger phrase whose verb and tail an object splits (events.toml [split_tails]): "set a bus ablaze", "set the
club on fire" are the arsons "set ablaze" / "set fire" are; "set up a checkpoint" is none. Sentences written for
these tests."""
from datetime import date

import pytest

from sitrep.ingest.text import document_from_text
from sitrep.nlp.screen import screen
from sitrep.pipeline import extract_document

MONDAY = date(2025, 3, 10)
ARSON = ("Strategic developments", "Looting/property destruction")


def types(body: str) -> list[tuple[str, str]]:
    events = extract_document(document_from_text("Kisumu news\n\n" + body, "t", published=MONDAY))
    return [(e.event_type, e.sub_event_type) for e in events]


@pytest.mark.parametrize("body", [
    "Gunmen set a bus ablaze near Kisumu on Saturday, police said.",
    "Gunmen set the district office on fire in Kisumu on Saturday, police said.",
])
def test_a_split_arson_phrase_is_an_arson(body):
    assert types(body) == [ARSON]


def test_the_screen_lets_a_split_phrase_through():
    assert screen("Militants set three lorries ablaze on the highway.")
    assert screen("Militants set the old school on fire.")


def test_set_with_no_tail_is_no_trigger():
    assert not screen("Gunmen set up a checkpoint near Kisumu on Saturday.")
    assert types("Gunmen set up a checkpoint near Kisumu on Saturday, police said.") == []


def test_a_tail_too_far_from_the_verb_is_not_read():
    assert not screen("The council set a date for the vote after the old market in the town centre was on fire.")



def test_a_tail_in_another_clause_of_the_verb_is_not_read():
    assert types("Police set a curfew as shops were ablaze in Kisumu on Saturday.") == []


def test_a_run_of_hyphens_after_the_verb_is_screened_at_once():
    # the word of the phrase's gap once began with a hyphen, which the gap's separator also matches: a run of
    # hyphens after "set" backtracked exponentially (16 s at 32 hyphens); 60 would not finish
    assert not screen("They set " + "-" * 60 + " x")
