"""Headline kinds of the Middle East set's tune half (issue 11, benchmarks/data/realnews_mideast.csv), each on a
headline written for this test."""
from __future__ import annotations

from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

DAY = date(2024, 3, 5)


def headline(text: str):
    return extract_document(document_from_text(text, "h", title=text, published=DAY))


def test_a_country_that_strikes_a_named_target_is_an_event():
    assert len(headline("Turkey strikes Kurdish militant positions in northern Iraq")) == 1
    assert len(headline("France and Britain strike Libyan army depots near Sirte")) == 1


def test_what_a_country_strikes_that_names_no_one_is_no_event():
    assert not headline("Germany strikes a new trade deal with Chile")
    assert not headline("Japan strikes a cautious tone on rate rises")


def test_hostages_freed_are_a_release_not_a_kidnapping():
    assert not headline("Rebels agree ceasefire to free 40 hostages")
    assert not headline("Nine foreign hostages freed as talks succeed")
    assert len(headline("Gunmen seize 30 hostages at a bank in the capital")) == 1


def test_killed_in_a_crash_with_no_doer_is_no_event():
    assert not headline("Defence minister Ali Karimi killed in helicopter crash")
    assert len(headline("Provincial governor killed in bomb attack on his convoy")) == 1


def test_a_weapon_word_that_names_a_trade_is_no_event():
    assert not headline("Minister vows to resume bomb shipments to the army")
    assert not headline("Parliament votes to suspend bomb deliveries to the air force")
