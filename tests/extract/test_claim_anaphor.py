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


def test_a_group_of_its_own_words_takes_up_no_group():
    events = report("Al Shabaab fighters were seen near Baidoa last month.\n\n"
                    "Gunmen killed six police officers at a checkpoint near Kismayo on Sunday, in an attack claimed by "
                    "a little-known local group.")
    assert events and all(m.claimant != "Al-Shabaab" for m in events)


def test_no_group_named_before_leaves_no_claimant():
    events = report("Gunmen killed six police officers at a checkpoint near Kismayo on Sunday, in an attack claimed "
                    "by the group.")
    assert events and all(m.claimant is None for m in events)


def test_a_claim_in_a_sentence_of_another_act_reaches_the_events_of_its_group():
    events = report("Al Shabaab fighters stormed a police post in Kismayo on Sunday and killed six officers.\n\n"
                    "The army has since stepped up its offensive against Al Shabaab, which has claimed "
                    "responsibility for the raids.")
    post = [m for m in events if any("police post" in e.text for e in m.evidence)]
    assert post and post[0].claimed is True and post[0].claimant == "Al-Shabaab"


def test_a_claim_that_reached_its_own_event_goes_no_further():
    events = report("Al Shabaab fighters stormed a police post in Kismayo on Sunday and killed six officers.\n\n"
                    "On Monday Al Shabaab claimed responsibility for a roadside bombing near Baidoa that killed "
                    "two soldiers.")
    post = [m for m in events if any("police post" in e.text for e in m.evidence)
            and not any("Baidoa" in e.text for e in m.evidence)]
    assert post and post[0].claimed is not True
