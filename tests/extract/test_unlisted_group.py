"""A headline's doer that no list names (issue 11, leave-country-out): a group's name takes the verb's plain form
("X raid villages"), so a name no actors.csv row holds, right before a verb trigger's plain form that hits people, a
settlement, a target or a name, is a group doing the act. A sealed country's groups are not in our lists. Team
names, a past attack's anniversary and a person's -s form stay without an event. A killing verb run into the name
before it ("X FrontKills 12") is read as the verb. Each headline is written for this test; the names are invented."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

DAY = date(2019, 5, 9)


def headline(text: str):
    return extract_document(document_from_text(text, "h", title=text, published=DAY))


@pytest.mark.parametrize("text", [
    "Quazamen Dungeren raid villages after army offensive: residents",
    "Velkar Tesmira attack community in Gerwela",
    "Mai-Mai Yakutumba attack Fizi town",
])
def test_an_unlisted_group_before_the_plain_form_is_the_doer(text):
    assert headline(text)


@pytest.mark.parametrize("text", [
    "Stallions strike late to beat Cape Verde in Cup qualifier",
    "Kalvo attack anniversary: nation pays tribute to fallen guards",
    "Warriors blast Lakers behind Curry's 40",
])
def test_teams_and_anniversaries_stay_without_an_event(text):
    assert not headline(text)


@pytest.mark.parametrize("text", [
    "Velkar FrontKills 12 in Tesmira village",
    "Dungeren Movementkills nine fishermen near lake: witnesses",
])
def test_a_killing_verb_run_into_the_name_before_it_is_read(text):
    assert headline(text)


@pytest.mark.parametrize("text", [
    "Overkill in bond markets worries traders",
    "Skills gap slows hiring at Tesmira plants",
])
def test_a_word_that_only_ends_like_a_killing_verb_is_none(text):
    assert not headline(text)


def test_a_title_line_passes_the_screen_with_a_killing_verb_run_into_a_name():
    from sitrep.nlp.screen import joined, screen

    assert not screen("Velkar FrontKills 12 in Tesmira village")
    assert joined("Velkar FrontKills 12 in Tesmira village")
    assert joined("Dungeren Movementkills nine fishermen")
    assert not joined("Training builds skills for painkillers makers in Studies Hall")
