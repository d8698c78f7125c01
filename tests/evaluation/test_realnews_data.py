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
