"""The cheap pass: which sentences could hold an event? Word forms of every trigger and weapon in the lexicons;
only sentences containing one are parsed."""
from __future__ import annotations

import re
from functools import lru_cache

from sitrep.extract.lexicon import load_lexicon

_IRREGULAR = {
    "strike": ["struck", "striking"], "hit": ["hit", "hitting"], "shoot": ["shot", "shooting"], "fall": ["fell", "fallen"],
    "blow": ["blew", "blown"], "fight": ["fought"], "slay": ["slew", "slain"], "burn": ["burnt"], "set fire": ["set"],
    "seize": ["seized"], "kidnap": ["kidnapped", "kidnapping"], "bomb": ["bombed", "bombing"], "shell": ["shelled", "shelling"],
    "die": ["died", "dying", "dead"], "kill": ["killed", "killing"], "wound": ["wounded"], "injure": ["injured"],
}
_WORD = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def _forms(lemma: str) -> set[str]:
    first = lemma.split()[0]
    forms = {first, first + "s", first + "es", first + "ed", first + "d", first + "ing"}
    if first.endswith("e"):
        forms |= {first[:-1] + "ing"}
    if first.endswith("y"):
        forms |= {first[:-1] + "ies", first[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdgkmnprt]$", first):
        forms |= {first + first[-1] + "ed", first + first[-1] + "ing"}
    forms |= set(_IRREGULAR.get(lemma, []))
    return forms


@lru_cache(maxsize=1)
def screen_words() -> frozenset[str]:
    lex = load_lexicon()
    words: set[str] = set()
    for lemma in lex.triggers:
        words |= _forms(lemma)
    for phrase in lex.weapons:
        words.add(phrase.split()[0])
    for lemma in lex.killed_words | lex.injured_words:
        words |= _forms(lemma)
    return frozenset(words)


def screen(text: str) -> bool:
    """True when the sentence contains a word that can name or imply an attack."""
    words = screen_words()
    return any(w in words for w in _WORD.findall(text.lower()))
