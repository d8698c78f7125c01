"""Which event of a report a claim (or a "no one claimed") speaks of (issue 11): coordinated acts claimed
together, a no-claim told with a bare reference after another event, a plural claim of events of another year, a
claim of one event kept apart from its double. Sentences written for these tests."""
from __future__ import annotations

from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

PUBLISHED = date(2022, 3, 9)  # a Wednesday


def report(text: str):
    events = extract_document(document_from_text(text, "r", published=PUBLISHED))
    return sorted(events, key=lambda m: m.evidence[0].start)


def _about(events, word: str):
    return [m for m in events if any(word in e.text for e in m.evidence)]


def test_coordinated_acts_claimed_together_are_both_claimed():
    events = report(
        "A car bomb exploded outside the courthouse in Peshawar on Monday, killing 12 people, police said.\n\n"
        "Hours earlier a judge was shot dead by two gunmen on a motorcycle near his home in the city.\n\n"
        "The Pakistani Taliban claimed both the shooting and the bombing in a message to reporters.")
    judge = _about(events, "judge")
    assert judge and judge[0].claimed is True
    bomb = _about(events, "courthouse")
    assert bomb and bomb[0].claimed is True


def test_a_no_claim_with_a_bare_reference_speaks_of_the_event_told_just_before():
    events = report(
        "Grenade attack on church in Mombasa kills two\n\n"
        "Police in Malindi shot dead a suspect on Tuesday after a chase through the old town.\n\n"
        "A grenade exploded inside the church in Mombasa on Sunday, killing two worshippers. "
        "No group has said it carried out the attack.")
    church = _about(events, "church")
    assert church and church[0].claimed is False
    chase = _about(events, "chase")
    assert chase and all(m.claimed is None for m in chase)


def test_a_plural_claim_of_events_of_another_year_does_not_reach_the_new_event():
    events = report(
        "Gunmen killed nine villagers in an attack on a market in Beni on Monday. No group had claimed "
        "responsibility by Tuesday evening.\n\n"
        "In June 2019 the bombings of two churches in Beni were claimed by the Islamic State group.")
    market = _about(events, "market")
    assert market and market[0].claimed is not True
