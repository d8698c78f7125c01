"""The screen searches a sentence with characters beyond ASCII by the first words of its phrases, as it does an
ASCII one, unless the sentence holds a character that a phrase's letter matches under case folding ("ſ", "ı",
"İ", the Kelvin sign): the answer is the one the whole phrase pattern gives."""
from __future__ import annotations

import importlib
import re
import string

screen_module = importlib.import_module("sitrep.nlp.screen")
screen = screen_module.screen

# sentences of our own: curly quotes, dashes, accented names, no-break spaces; with and without an event phrase
SENTENCES = (
    "Gunmen opened fire on the caf\u00e9\u2019s terrace in Bogot\u00e1 on Friday.",
    "The caf\u00e9\u2019s terrace opened at noon \u2014 a week late.",
    "\u201cThey set\u00a0fire to the school,\u201d said Jos\u00e9 P\u00e9rez.",
    "The fire\u00a0brigade set up a tent near the \u00e9cole.",
    "A car-bomb exploded near the mus\u00e9e, the police said.",
    "The car-park of the mus\u00e9e was full.",
    "The blast claims 11 lives in S\u00e3o Paulo\u2019s north.",
    "The reform claims to save lives, Mr M\u00fcller said.",
    "Rebels \u017fet fire to the houses of the village.",  # long s: matched as "s" under case folding
    "\u0130nsurgents opened fire on a convoy near \u0130zmir.",
    "\u212alashnikov rifles were found in the caf\u00e9.",
)


def _whole_pattern(text: str) -> bool:
    tokens = set(screen_module._WORD.findall(text.lower()))
    return not tokens.isdisjoint(screen_module.screen_words()) or bool(screen_module.screen_phrases().search(text))


def test_beyond_ascii_the_screen_answers_as_the_whole_pattern():
    for text in SENTENCES:
        assert screen(text) == _whole_pattern(text), text


def test_beyond_ascii_phrases_found_and_others_not():
    assert screen(SENTENCES[0]) and screen(SENTENCES[2]) and screen(SENTENCES[4])
    assert not screen(SENTENCES[1]) and not screen(SENTENCES[5])


def test_the_folding_characters_are_all_of_them():
    """Every character beyond ASCII that an ASCII letter or digit matches under re.I is one the screen knows."""
    folds = {chr(cp) for cp in range(0x80, 0x3000)} | {"\u212a", "\u212b"}
    found = {c for c in folds if any(re.fullmatch(re.escape(a), c, re.I) for a in string.ascii_letters + string.digits)}
    assert found and all(screen_module._FOLDS_TO_ASCII.search(c) for c in found)
