"""The real-news benchmark's readers and the negative set's file (issue 11)."""
from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import SHARED

from sitrep.evaluation import realnews as rn

NEGATIVES = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "realnews_negatives.csv"


def test_detokenize_keeps_each_tokens_offsets():
    text, toks, sents = rn.detokenize([["Rebels", "fired", "rockets", ",", "police", "said", "."], ["It", "'s", "over"]])
    assert text == "Rebels fired rockets, police said. It's over"
    words = ["Rebels", "fired", "rockets", ",", "police", "said", ".", "It", "'s", "over"]
    assert [text[a:b] for a, b in toks] == words
    assert [text[a:b] for a, b in sents] == ["Rebels fired rockets, police said.", "It's over"]


def test_the_split_is_fixed_and_disjoint():
    assert not set(rn.WIKIEVENTS_TUNE) & set(rn.WIKIEVENTS_CHECK)
    assert len(rn.WIKIEVENTS_TUNE) == len(rn.WIKIEVENTS_CHECK) == 10
    assert rn.UCDP_SPLIT == {"tune": "nga", "check": "ukr"} and rn.RAMS_SPLIT == {"tune": "dev", "check": "test"}


@pytest.mark.skipif(not SHARED.exists(), reason=f"needs the shared corpora at {SHARED}")
def test_negative_sentences_point_at_real_text_and_hold_no_text_themselves():
    header = next(line for line in NEGATIVES.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    assert header == "source,doc,start,end,label,split"  # offsets only: the corpora stay in ../shared
    negs = rn.read_negatives(NEGATIVES, SHARED.resolve())
    assert len(negs) >= 400
    assert {n.label for n in negs} <= {"other_sense", "figurative", "accident_or_disaster", "no_incident"}
    assert {n.split for n in negs} == {"tune", "check"}
    assert all(n.text.strip() and n.text == n.text.strip() for n in negs)
    by_doc = {}
    for n in negs:  # split by source document: one document never on both sides
        by_doc.setdefault((n.source, n.doc), set()).add(n.split)
    assert all(len(s) == 1 for s in by_doc.values())


def test_wikievents_text_puts_each_sentence_at_its_tokens_offsets():
    from sitrep.evaluation.realnews import _aligned_text

    sentences = [[[["Bomb", 0, 4], ["hits", 5, 9], ["town", 10, 14]], "Bomb hits town"],
                 [[["Two", 16, 19], ["die", 20, 23]], "Two die"]]
    text = _aligned_text(sentences)
    assert text[16:19] == "Two" and text[10:14] == "town" and "townTwo" not in text


def _wiki_doc(sentences: list[list[str]], gap: int = 1) -> dict:
    """A WikiEvents-shaped document of hand-written sentences, ``gap`` characters apart."""
    out, pos = [], 0
    for words in sentences:
        toks = []
        for w in words:
            toks.append([w, pos, pos + len(w)])
            pos += len(w) + 1
        pos += gap - 1
        out.append([toks, " ".join(words)])
    return {"doc_id": "d", "sentences": out, "entity_mentions": [], "event_mentions": []}


@pytest.mark.skipif(not SHARED.exists(), reason=f"needs the shared corpora at {SHARED}")
def test_wikievents_offsets_point_into_the_text_sitrep_reads():
    for d in rn.wikievents_docs(SHARED.resolve())[:5]:
        assert all(d["text"][a:b] == w for s in d["sentences"] for w, a, b in s[0])
        for m in d["entity_mentions"]:
            a, b = rn._wiki_span(d, m["start"], m["end"])
            assert d["text"][a:b] == m["text"]


def test_a_role_counts_by_its_head_word_in_the_value_of_an_event_of_the_sentence():
    from sitrep.model import EventMention, RoleFiller, Span

    doc = _wiki_doc([["Militants", "fired", "rockets", "at", "the", "depot"],
                     ["The", "rockets", "struck", "the", "old", "fuel", "depot", "at", "dawn"]])
    doc["text"] = rn._aligned_text(doc["sentences"])
    doc["entity_mentions"] = [
        {"id": "m1", "sent_idx": 1, "start": 7, "end": 8, "text": "rockets"},
        {"id": "m2", "sent_idx": 1, "start": 13, "end": 14, "text": "depot"},
        {"id": "m3", "sent_idx": 0, "start": 0, "end": 1, "text": "Militants"}]
    doc["event_mentions"] = [{"event_type": "Conflict.Attack.Unspecified",
                              "trigger": {"sent_idx": 1, "text": "struck"},
                              "arguments": [{"entity_id": "m1", "role": "Instrument"},
                                            {"entity_id": "m2", "role": "Target"},
                                            {"entity_id": "m3", "role": "Attacker"}]}]
    text = doc["text"]
    struck = text.index("struck")
    e = EventMention("d", Span(struck, struck + 6, "struck"), 1, "Explosions/Remote violence", "Shelling")
    # a merged event whose fillers were taken from the first sentence: the same words, other spans
    e.roles = {"weapons": [RoleFiller("rockets", 16, 23)], "targets": [RoleFiller("the depot", 27, 36)]}
    e.weapons = ["rocket"]
    res = rn.score_wikievents([doc], {"d": [e]})
    assert res["Instrument"] == 1.0 and res["Target"] == 1.0 and res["Attacker"] == 0.0
    assert res["Instrument_span"] == 0.0 and res["Target_span"] == 0.0
    assert rn.score_wikievents([doc], {"d": []})["Instrument"] == 0.0  # no event in the sentence: not found


def test_the_place_role_counts_the_place_as_written_in_the_event_sentence():
    from datetime import date

    from sitrep.model import EventMention, Place, RoleFiller, Span

    text = "A bomb exploded at the bus station in Dori on Monday."
    ev = EventMention(document_id="t", sentence_index=0, trigger=Span(7, 15, "exploded"),
                      event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                      date=date(2024, 3, 4))
    ev.place = Place(name="Dori", latitude=14.03, longitude=-0.03, span=Span(38, 42, "Dori"))
    assert not rn.head_found(rn.head_word("the bus station"), rn.role_values(ev, "Place"))
    ev.roles["places"] = [RoleFiller(text[19:34], 19, 34)]
    assert rn.head_found(rn.head_word("the bus station"), rn.role_values(ev, "Place"))
    assert (19, 34) in rn._role_spans(ev, "Place")


def test_attacker_precision_counts_each_given_attacker_once_right_or_wrong():
    from sitrep.model import EventMention, RoleFiller, Span

    text = "Rebels shelled the market and a farmer died. Troops arrested a man."
    e = EventMention("a", Span(7, 14, "shelled"), 0, "Explosions/Remote violence", "Shelling")
    e.actor1 = "Unidentified Armed Group"
    e.field_spans["actor1"] = [Span(0, 6, "Rebels")]
    e.roles = {"perpetrator_individuals": [RoleFiller("Rebels", 0, 6), RoleFiller("a farmer", 29, 37)]}
    twin = EventMention("a", Span(38, 42, "died"), 0, "Violence against civilians", "Attack")
    twin.roles = {"perpetrator_individuals": [RoleFiller("a farmer", 29, 37)]}
    right, wrong = rn.attacker_precision([e, twin], [rn.head_word("rebels")])
    assert right == [("Rebels",)] and wrong == [("a farmer",)]  # "Rebels" once (actor1's evidence), the farmer once
    assert rn.attacker_precision([e], [])[0] == []  # no gold attacker: every one given is wrong
    w = rn.RamsWindow("a", text, "conflict.attack.unspecified", (0, 44), (7, 14), [("Attacker", 0, 6)])
    res = rn.score_rams([w], {"a": [e]})
    assert res["P_Attacker"] == 0.5 and res["P_Attacker_n"] == 2 and res["P_Attacker_wrong"] == 1
    die = rn.RamsWindow("b", text, "life.die.deathcausedbyviolentevents", (0, 44), (38, 42), [])
    res = rn.score_rams([w, die], {"a": [e], "b": [twin]})
    assert res["P_Attacker_n"] == 2 and res["P_Attacker_all_n"] == 3 and res["P_Attacker_all_wrong"] == 2


JUDGED = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "rams_dev_judged.csv"


def test_rams_judged_windows_are_scored_apart():
    from sitrep.model import EventMention, Span

    text = "Gunmen killed two guards at the gate. Crime rates fell."
    shot = rn.RamsWindow("a", text, "life.die.deathcausedbyviolentevents", (0, 37), (7, 13))
    rate = rn.RamsWindow("b", text, "life.die.deathcausedbyviolentevents", (38, 55), (38, 43))
    e = EventMention("a", Span(7, 13, "killed"), 0, "Violence against civilians", "Attack")
    judged = {("a", 7): "specific", ("b", 38): "refuse"}
    res = rn.score_rams([shot, rate], {"a": [e]}, judged)
    assert res["all"] == 0.5 and res["specific"] == 1.0 and res["refused_found"] == 0.0
    assert res["specific_n"] == res["refused_found_n"] == 1
    assert "specific" not in rn.score_rams([shot, rate], {"a": [e]})  # without judgements: the plain figure


@pytest.mark.skipif(not SHARED.exists(), reason=f"needs the shared corpora at {SHARED}")
def test_the_rams_judgements_name_every_tune_window_and_hold_no_text():
    header = next(line for line in JUDGED.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    assert header == "doc_key,trigger_start,trigger_end,event_type,judgement,reason"
    judged = rn.read_rams_judged(JUDGED)
    windows = [w for w in rn.rams_windows(SHARED.resolve(), rn.RAMS_SPLIT["tune"]) if rn.rams_family(w)]
    assert {(w.id, w.trigger[0]) for w in windows} == set(judged)
    assert set(judged.values()) == {"specific", "refuse"}


def test_an_abbreviation_head_matches_its_dotted_value():
    """The gold head of "Washington, D.C." is "dc"; a value written "D.C." is the same word, not "d" and "c"."""
    assert rn.head_word("Washington, D.C.") == "dc"
    assert rn.head_found(rn.head_word("Washington, D.C."), ["D.C."])
    assert rn.head_found(rn.head_word("the U.N. compound"), ["the U.N. compound in Gao"])
    assert not rn.head_found(rn.head_word("Washington, D.C."), ["Dakar"])


def test_a_hyphenated_head_matches_its_hyphenated_value():
    """The gold head drops a name's hyphen ("Wadi al-Harir" -> "alharir"); the value keeps it and must still match."""
    assert rn.head_word("Wadi al-Harir") == "alharir"
    assert rn.head_found(rn.head_word("Wadi al-Harir"), ["the desert of Wadi al-Harir"])
    assert rn.head_found(rn.head_word("the village"), ["a half-burnt village"])
    assert not rn.head_found(rn.head_word("Wadi al-Harir"), ["Wadi Musa"])
