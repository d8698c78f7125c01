"""The output's actor1 (FORMAT.md: who carried it out) when the text names the doer only by a common noun: a noun that
names a kind of armed group ("Maoist rebels", "militants") or the doers by the act's own noun ("gunmen", "the
attackers") is written as the text gives it; other heads ("a suicide bomber") stay the Unidentified Armed Group, as
every such event stays internally (merge, store); the record keeps ACLED's "Unidentified Armed Group (Country)" as
actor1_acled. Short reports written for these tests (real towns, invented events)."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract import UNIDENTIFIED
from sitrep.ingest.text import document_from_text
from sitrep.model import EventMention, Span
from sitrep.pipeline import event_record, extract_document
from sitrep.records import doer_noun

pytest.importorskip("spacy")


def records(text: str) -> list[dict]:
    events = extract_document(document_from_text(text, "t", published=date(2006, 3, 14)))
    assert events, text
    return [event_record(e) for e in events]


def test_a_kind_of_armed_group_is_written_as_the_text_names_it():
    got = records("Maoist rebels ambushed a police patrol near the town of Butwal on Monday, killing four "
                  "policemen, officials said.")
    assert got[0]["actor1"] == "Maoist rebels"


def test_gunmen_are_written_out_with_the_acled_category_beside_them():
    got = records("About a dozen gunmen shot dead a shopkeeper in the town of Dera Ismail Khan on Monday, police said.")
    assert got[0]["actor1"] == "gunmen"
    assert got[0]["actor1_acled"] == "Unidentified Armed Group (Pakistan)"


def test_a_suicide_bomber_stays_unidentified():
    got = records("A suicide bomber blew himself up at a checkpoint in the town of Bannu on Monday, killing three "
                  "soldiers, police said.")
    assert got[0]["actor1"] == UNIDENTIFIED


def test_the_acled_category_is_kept_only_for_a_doer_of_no_known_group():
    got = records("Maoist rebels ambushed a police patrol near the town of Butwal on Monday, killing four "
                  "policemen, officials said.")
    assert "actor1_acled" in got[0]
    m = _mention("rebels")
    m.actor1 = "Communist Party of Nepal (Maoist)"
    assert "actor1_acled" not in event_record(m)


def _mention(noun: str) -> EventMention:
    m = EventMention(document_id="d", trigger=Span(0, 1, "x"), sentence_index=0, event_type="Violence against civilians",
                     sub_event_type="Attack", actor1=UNIDENTIFIED)
    m.add_span("actor1", Span(0, len(noun), noun))
    return m


def test_hedges_and_unknown_words_are_dropped_and_capitals_lowered():
    assert doer_noun(_mention("ALLEGED URBAN\nGUERRILLAS")) == "urban guerrillas"
    assert doer_noun(_mention("unidentified militants")) == "militants"
    assert doer_noun(_mention("suicide bomber")) == UNIDENTIFIED
    assert doer_noun(_mention("at least 20 Gunmen")) == "Gunmen"
    assert doer_noun(_mention("dozens of attackers")) == "attackers"


def test_a_known_group_and_no_actor_are_kept():
    m = _mention("rebels")
    m.actor1 = "Communist Party of Nepal (Maoist)"
    assert doer_noun(m) == "Communist Party of Nepal (Maoist)"
    m.actor1 = None
    assert doer_noun(m) is None


def test_a_stored_export_keeps_the_doer_unidentified_inside():
    from sitrep.store.records import mention_from_record

    m = _mention("the attackers")
    rec = event_record(m)
    assert rec["actor1"] == "attackers"
    assert mention_from_record(rec).actor1 == UNIDENTIFIED
    rec.pop("actor1_acled")
    assert mention_from_record(rec).actor1 == "attackers"


def test_the_doer_who_fired_the_weapon_is_read():
    got = records("A rocket fired by militants hit a school in the town of Bannu on Monday, killing four children, "
                  "police said.")
    assert got[0]["actor1"] == "militants"


def test_the_maker_of_a_weapon_is_no_doer():
    got = records("A rocket built by militants exploded near a school in the town of Bannu on Monday, killing four "
                  "children, police said.")
    assert all(r["actor1"] != "militants" for r in got)
