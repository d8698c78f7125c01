"""A claim whose claimant is "the group" / "it" taking up the armed group named before (issue 11, discourse.toml
[claim.anaphor]). Sentences written for these tests."""
from __future__ import annotations

from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

PUBLISHED = date(2017, 5, 22)


def report(text: str):
    return extract_document(document_from_text(text, "r", published=PUBLISHED))


def test_a_bombing_claimed_by_the_group_is_claimed_by_the_group_named_before():
    events = report("Police in Mogadishu raided a house used by the militant group Al Shabaab on Monday, a week "
                    "after a truck bombing claimed by the group killed 23 people at a checkpoint in Afgoye.")
    afgoye = [m for m in events if m.claimed]
    assert afgoye and afgoye[0].claimant == "Al-Shabaab"


def test_the_group_claimed_responsibility_names_the_group_of_the_sentence_before():
    events = report("Gunmen killed six police officers at a checkpoint near Kismayo on Sunday.\n\n"
                    "Officials blamed Al Shabaab for the killings. The group claimed responsibility on Monday.")
    claimed = [m for m in events if m.claimed]
    assert claimed and all(m.claimant == "Al-Shabaab" for m in claimed)


def test_a_group_of_its_own_words_takes_up_no_group():
    events = report("Al Shabaab fighters were seen near Baidoa last month.\n\n"
                    "Gunmen killed six police officers at a checkpoint near Kismayo on Sunday, in an attack claimed by "
                    "a little-known local group.")
    assert all(m.claimant != "Al-Shabaab" for m in events)


def test_no_group_named_before_leaves_no_claimant():
    events = report("Gunmen killed six police officers at a checkpoint near Kismayo on Sunday, in an attack claimed "
                    "by the group.")
    assert all(m.claimant is None for m in events)
