"""A headline whose own verb is a reaction to an attack tells the reaction (issue 11, mideast3): each on a headline
written for this test."""
from __future__ import annotations

from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

DAY = date(2024, 6, 5)


def headline(text: str):
    return extract_document(document_from_text(text, "h", title=text, published=DAY))


def test_an_attack_that_a_headline_condemns_is_no_event_of_it():
    assert not headline("Belgium condemns rocket strikes on Malian town as 'unacceptable'")
    assert not headline("Chile denounces deadly air raid on Colombian border villages")


def test_an_attack_a_reaction_is_over_is_no_event_of_it():
    assert not headline("Peru recalls envoy from Quito over embassy bomb attack")
    assert not headline("Algeria hangs four men over market bombing")


def test_a_condemned_attack_stays_where_the_headline_counts_its_dead_or_names_its_victims():
    assert len(headline("Senate condemns village massacre as death toll rises to 40")) == 1
    assert len(headline("Bishops condemn killing of three priests in Kasai")) == 1


def test_the_reaction_verb_as_the_attack_itself_is_untouched():
    assert len(headline("Militia drone slams into fuel depot in Goma, killing two")) == 1


def test_an_execution_of_the_convicted_is_a_sentence_carried_out():
    assert not headline("Belarus executes two men convicted of spying")
    assert not headline("Egypt executes five men over 2015 church attack")
    assert len(headline("Militants execute three aid workers abducted in Kasai")) == 1


def test_hostage_as_a_modifier_names_no_taking():
    assert not headline("Hostage relatives rally outside parliament in Bogota")
    assert not headline("Rebels and army agree truce and hostage release in Mindanao")
    assert len(headline("Gunmen seize 12 hostages at a hotel in Bamako")) == 1
