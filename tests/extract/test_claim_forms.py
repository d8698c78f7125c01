"""How a claim of responsibility is told (issue 11, measured on MUC-4's keys with benchmarks/claims_muc4.py): a
group the actor list lacks or the parser misreads claiming responsibility, a negated claim, a claim told by the
group's messenger (a caller, a communique), and the state's word that is no claim. Sentences written for these
tests."""
from __future__ import annotations

from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

PUBLISHED = date(1991, 5, 14)


def report(text: str):
    return extract_document(document_from_text(text, "r", published=PUBLISHED))


def test_an_unlisted_group_claiming_responsibility_claims_the_act():
    events = report("A little-known leftist group claimed responsibility on Monday for the bombing of a bank "
                    "branch in Tegucigalpa that wounded three guards.")
    assert events and any(m.claimed is True for m in events)


def test_a_listed_group_the_parser_puts_elsewhere_is_the_claimant():
    events = report("QUITO, 13 MAY 91 -- THROUGH CALLS TO TWO RADIO STATIONS, THE MANUEL RODRIGUEZ PATRIOTIC "
                    "FRONT, FPMR, HAS CLAIMED RESPONSIBILITY FOR A BOMB ATTACK ON A POWER PYLON NEAR THE CITY.")
    claimed = [m for m in events if m.claimed]
    assert claimed and claimed[0].claimant == "Manuel Rodriguez Patriotic Front"


def test_a_negated_claim_is_no_claim():
    events = report("The FMLN has not yet claimed responsibility for the attack on the mayor's house in "
                    "Usulutan on Sunday.")
    assert events and all(m.claimed is not True for m in events)


def test_a_claim_of_another_act_is_not_this_one():
    events = report("Gunmen shot dead a judge in Medellin on Monday. A group which claimed responsibility for "
                    "a bombing last year has been silent.")
    judge = [m for m in events if any("judge" in e.text for e in m.evidence)]
    assert judge and judge[0].claimed is not True


def test_a_state_accepting_responsibility_is_no_claim():
    events = report("The Salvadoran army accepted responsibility for the shooting of two reporters at a "
                    "checkpoint in San Miguel on Sunday.")
    assert events and all(m.claimed is not True for m in events)


def test_a_callers_word_that_a_group_did_it_is_the_groups_claim():
    events = report("An hour after the blast, a caller to a radio station in Cali said the Extraditables had "
                    "blown up the bus.")
    claimed = [m for m in events if m.claimed]
    assert claimed and claimed[0].claimant == "Medellin Cartel"


def test_the_polices_word_that_a_group_did_it_is_no_claim():
    events = report("Police in Cali said the Extraditables had blown up the bus on Monday.")
    assert events and all(m.claimed is not True for m in events)


def test_a_communique_of_the_military_is_no_claim():
    events = report("A communique released by the military command states that rebels of the Shining Path "
                    "attacked a bus near Ayacucho on Monday.")
    assert all(m.claimed is not True for m in events)


def test_a_group_telling_its_units_act_claims_it():
    events = report("The FMLN reported that its units attacked the police post in Suchitoto on Monday, killing "
                    "two policemen.")
    claimed = [m for m in events if m.claimed]
    assert claimed and claimed[0].claimant == "Farabundo Marti National Liberation Front"


def test_the_groups_own_radio_telling_its_act_is_the_groups_claim():
    events = report("Radio Venceremos, the FMLN's official radio station, said the rebels attacked the army "
                    "garrison in Tejutla on Monday, killing five soldiers.")
    claimed = [m for m in events if m.claimed]
    assert claimed and claimed[0].claimant == "Farabundo Marti National Liberation Front"


def test_an_army_telling_its_own_strike_is_no_claim():
    events = report("The army said its jets struck a rebel camp near Suchitoto on Monday, killing 12 "
                    "guerrillas.")
    assert events and all(m.claimed is not True for m in events)


def test_witnesses_at_a_named_place_telling_an_act_is_no_claim():
    events = report("Witnesses at the Al Amal mosque said they saw a gunman open fire on worshippers on Friday.")
    assert all(m.claimed is not True for m in events)


def test_a_denial_told_with_a_verb_of_saying_or_coming_forward_is_no_claim():
    for said in ("No group has said it took them.", "Nobody has come forward.",
                 "No one has taken responsibility for the blasts.", "No organisation said it had planted the devices."):
        events = report(f"Two bombs tore through a bus depot in Mombasa on Sunday, wounding eleven workers. {said}")
        assert events and all(m.claimed is False for m in events), (said, [(m.claimed, m.notes) for m in events])


def test_no_one_coming_forward_with_information_is_no_denial_of_a_claim():
    events = report("Two bombs tore through a bus depot in Mombasa on Sunday, wounding eleven workers. No one has "
                    "come forward with information, police said.")
    assert events and all(m.claimed is None for m in events), [(m.claimed, m.notes) for m in events]


def test_a_negated_claim_is_read_off_the_words():
    from sitrep.extract.attribution import claim_negated_text

    assert claim_negated_text("The militia, which hasn't claimed the raid, blamed the army for it.")
    assert claim_negated_text("Nobody has so far taken responsibility for the blast.")
    assert not claim_negated_text("The police did not take part in the search; the front claimed the raid.")
    assert not claim_negated_text("The rebels did not attempt a takeover of the port.")
