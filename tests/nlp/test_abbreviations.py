"""The sentence splitter does not end a sentence after a rank, a title or another listed abbreviation."""
from __future__ import annotations

import pytest

from sitrep import errors
from sitrep.nlp.sentences import abbreviations, split_sentences


def test_ranks_and_titles_do_not_end_a_sentence():
    text = ("The army named the dead: Spc. Dana Holt, 22, Pfc. Omar Reyes, 19, and Lt. Col. Ida Park. "
            "Brig. Gen. Lou Hart said the base was hit at 4 a.m. Rev. Tom Ash led prayers.")
    got = [s.text for s in split_sentences(text)]
    assert got == ["The army named the dead: Spc. Dana Holt, 22, Pfc. Omar Reyes, 19, and Lt. Col. Ida Park.",
                   "Brig. Gen. Lou Hart said the base was hit at 4 a.m. Rev. Tom Ash led prayers."]


def test_an_ordinary_word_before_a_full_stop_still_ends_a_sentence():
    got = [s.text for s in split_sentences("Two soldiers were hurt. Medics came.")]
    assert got == ["Two soldiers were hurt.", "Medics came."]


def test_the_list_is_a_knowledge_file_checked_at_load(tmp_path):
    assert {"spc", "sgt", "gen", "u.s"} <= abbreviations()
    bad = tmp_path / "abbreviations.txt"
    bad.write_text("# ranks\nsgt\nLt. Col.\n", encoding="utf-8")
    with pytest.raises(errors.KnowledgeError, match=r"abbreviations.txt:3"):
        abbreviations(str(bad))
