"""Attack headlines worded indirectly, as a real regional feed words them (issue 11, mideast4): a barrage as the
attack itself, an attack its doer claims; the same words for no single event stay without one. Each headline is written for this test."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

DAY = date(2024, 3, 14)


def headline(text: str):
    return extract_document(document_from_text(text, "h", title=text, published=DAY))


@pytest.mark.parametrize("text", [
    "Rebel group claims rocket barrage on army garrison in Kidal",
    "Mortar barrage on Kismayo airport wounds three guards",
])
def test_a_barrage_is_the_attack(text):
    assert headline(text)


def test_an_attack_its_doer_claims_is_kept_without_a_named_target():
    assert headline("Separatists claim first ambush in Anglophone region")


@pytest.mark.parametrize("text", [
    "Opposition claims victory in runoff",
    "Opposition faces barrage of criticism over budget",
    "Militant attacks hit six-year high in the Sahel, report says",
    "Council demands rebels halt attacks on aid convoys",
])
def test_the_same_words_for_no_single_event_stay_without_one(text):
    assert not headline(text)


def test_an_act_told_in_a_speakers_voice_is_the_event():
    events = headline("Mali army says it struck a jihadist convoy near Menaka")
    assert events and "headline: an act in a speaker's voice" in events[0].notes


@pytest.mark.parametrize("text", [
    "Drought has killed thousands of cattle in the north, agency says",
    "Rebel leader says his fighters will strike the capital",
])
def test_a_tally_or_a_threat_in_a_speakers_voice_stays_without_one(text):
    assert not headline(text)


@pytest.mark.parametrize("text, form", [
    ("Ship reports explosion off Aden", "headline: an act a speaker reports"),
    ("Hotel hit by blast in Mogadishu", "headline: what an act hit, told first"),
    ("Toll from Kano mosque attack rises to 44, police say", "headline: the toll of one attack"),
])
def test_an_attack_reported_or_told_from_what_it_hit_is_the_event(text, form):
    events = headline(text)
    assert events and form in events[0].notes


def test_a_report_of_no_attack_stays_without_one():
    assert not headline("Minister reports progress on attack inquiry")


@pytest.mark.parametrize("text", [
    "Flood toll rises to 40 in Kenya",
    "Toll from string of attacks rises to 50",
])
def test_a_toll_of_no_one_attack_stays_without_one(text):
    assert not headline(text)
