"""The cheap pass: which sentences could hold an event? Word forms of the triggers that can stand alone and
every weapon word in the lexicons; only sentences containing one are parsed (a trigger that needs a weapon,
like "landed", always comes with a weapon word that lets the sentence through)."""
from __future__ import annotations

import re

from sitrep.extract.lexicon import load_lexicon
from sitrep.knowledge import knowledge_cached

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
    forms |= set(load_lexicon().irregular_forms.get(lemma, ()))
    return forms


@knowledge_cached
def screen_words() -> frozenset[str]:
    lex = load_lexicon()
    words: set[str] = set()
    for lemma, triggers in lex.triggers.items():
        if " " not in lemma and any(t.needs != "weapon" for t in triggers):  # "hit", "land": only beside a weapon
            words |= _forms(lemma)
    for phrase in lex.weapons:
        if " " not in phrase:
            words.add(phrase)
    return frozenset(words)


@knowledge_cached
def screen_phrases() -> re.Pattern:
    """Multi-word triggers and weapons ("car bomb", "set fire", "air strike"), matched as phrases: their
    first words alone ("car", "set", "air") would let half of all news through."""
    lex = load_lexicon()
    weapons = [p for p in lex.weapons if " " in p]
    triggers = [t for t, ts in lex.triggers.items() if " " in t and any(x.needs != "weapon" for x in ts)]
    alts = {re.escape(p).replace(r"\ ", r"[\s-]+") for p in weapons}
    for t in triggers:  # a verb phrase in any form: "fired at", "opening fire", "set ablaze"
        first, rest = t.split(" ", 1)
        forms = "|".join(sorted(map(re.escape, _forms(first) | set(lex.irregular_forms.get(first, ()))), key=len, reverse=True))
        alts.add(f"(?:{forms})" + r"[\s-]+" + re.escape(rest).replace(r"\ ", r"[\s-]+"))
    return re.compile(r"\b(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")", re.I)


@knowledge_cached
def phrase_first_words() -> frozenset[str]:
    """First words of the multi-word phrases, so the phrase regex runs only where one could match."""
    lex = load_lexicon()
    firsts = {p.split()[0].split("-")[0] for p in lex.weapons if " " in p}
    for t, ts in lex.triggers.items():
        if " " in t and any(x.needs != "weapon" for x in ts):
            first = t.split(" ", 1)[0]
            firsts |= _forms(first) | set(lex.irregular_forms.get(first, ()))
    return frozenset(firsts)


def screen(text: str) -> bool:
    """True when the sentence contains a word that can name or imply an attack."""
    tokens = set(_WORD.findall(text.lower()))
    if not tokens.isdisjoint(screen_words()):
        return True
    firsts = phrase_first_words()  # a hyphenated word's first part may start a phrase ("car-bomb")
    if tokens.isdisjoint(firsts) and not any(t.split("-", 1)[0] in firsts for t in tokens if "-" in t):
        return False
    return bool(screen_phrases().search(text))

