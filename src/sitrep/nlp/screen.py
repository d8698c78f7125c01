"""The cheap pass: which sentences could hold an event? Word forms of the triggers that can stand alone and
every weapon word in the lexicons; only sentences containing one are parsed (a trigger that needs a weapon,
like "landed", always comes with a weapon word that lets the sentence through)."""
from __future__ import annotations

import re

from sitrep.extract.lexicon import load_lexicon
from sitrep.knowledge import knowledge_cached

_WORD = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_NOT_ALONE = ("weapon", "lives", "captors")  # trigger needs that keep its word out of the screen alone


def _tails() -> dict[str, str]:
    """The regular expression after a trigger word of each need that passes the screen only as a phrase: "lives"
    within four words ("claims 11 lives"); "from" within seven words and then a capital or one of [actors]
    captor_heads ("rescue 14 women from insurgents", "frees 338 from Boko Haram"; "Rescue workers pulled bodies
    from the wreckage" stays out)."""
    captors = "|".join(sorted(map(re.escape, load_lexicon().captor_heads), key=len, reverse=True))
    return {"lives": r"(?:[\s-]+[\w,'.]+(?:-[\w,'.]+)*){0,4}?[\s-]+li(?:ves|fe)\b",
            "captors": r"(?:[\s-]+[\w,'.]+(?:-[\w,'.]+)*){0,6}?[\s-]+from[\s-]+(?:the[\s-]+)?(?:(?-i:[A-Z])|(?:" + captors + r")\b)"}


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
        if " " not in lemma and any(t.needs not in _NOT_ALONE for t in triggers):  # "hit": only beside a weapon
            words |= _forms(lemma)
    for phrase in lex.weapons:
        if " " not in phrase:
            words.add(phrase)
    return frozenset(words)


def _phrase_alternatives() -> list[tuple[str, str]]:
    """(first word, regular expression) of each multi-word trigger and weapon ("car bomb", "set fire", "air
    strike"), the first word as a sentence's words are split (before a hyphen: "rocket-propelled grenade")."""
    lex = load_lexicon()
    out = [(p.split()[0].split("-")[0], re.escape(p).replace(r"\ ", r"[\s-]+")) for p in lex.weapons if " " in p]
    tails = _tails()
    for t, ts in lex.triggers.items():
        for need in {x.needs for x in ts if x.needs in tails} if " " not in t else ():
            out += [(form, re.escape(form) + tails[need]) for form in _forms(t)]
    for t, ts in lex.triggers.items():
        if " " in t and any(x.needs != "weapon" for x in ts):  # a verb phrase in any form: "opening fire"
            first, rest = t.split(" ", 1)
            tail = r"[\s-]+" + re.escape(rest).replace(r"\ ", r"[\s-]+")
            out += [(form, re.escape(form) + tail) for form in _forms(first) | set(lex.irregular_forms.get(first, ()))]
    return out + _split_alternatives()


def _split_alternatives() -> list[tuple[str, str]]:
    """(first word, regular expression) of each trigger phrase an object splits (events.toml [split_tails]: "set a
    bus ablaze", "set the club on fire"): the verb, then its tail within five words."""
    lex = load_lexicon()
    out = []
    for phrase, tails in lex.split_tails.items():
        first = phrase.split()[0]
        for tail in tails:
            rest = r"(?:[\s-]+[\w,'.]+(?:-[\w,'.]+)*){1,5}?[\s-]+" + re.escape(tail).replace(r"\ ", r"[\s-]+") + r"\b"
            out += [(form, re.escape(form) + rest) for form in _forms(first) | set(lex.irregular_forms.get(first, ()))]
    return out


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
    alts |= {alt for first, alt in _phrase_alternatives() if alt.endswith(tuple(_tails().values()))}
    alts |= {alt for _, alt in _split_alternatives()}
    return re.compile(r"\b(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")", re.I)


@knowledge_cached
def phrases_by_first_word() -> tuple[dict[str, re.Pattern], re.Pattern | None]:
    """``screen_phrases`` cut by first word, so that a sentence is searched only for the phrases whose first word
    it holds; and the phrases whose first word is never one of a sentence's words ("107mm": a word starts with a
    letter), searched in every sentence that holds a first word."""
    by_first: dict[str, set[str]] = {}
    always: set[str] = set()
    for first, alt in _phrase_alternatives():
        (by_first.setdefault(first, set()) if _PART.fullmatch(first) else always).add(alt)

    def compiled(alts: set[str]) -> re.Pattern:
        return re.compile(r"\b(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")", re.I)

    return {w: compiled(alts) for w, alts in by_first.items()}, compiled(always) if always else None


_PART = re.compile(r"[a-z][a-z0-9]*")
# the only characters beyond ASCII that a letter or digit of a phrase matches under re.I (all of Unicode tried:
# "İ", "ı", "ſ", the Kelvin sign): a sentence without them (curly quotes, dashes, accented names: a fifth of LGL's
# sentences, five times the cost of the others through every phrase) is searched by first word as ASCII text is.
# A phrase's first word then stands in it as ASCII letters after a non-word character (its ``\b``), so the word
# split above holds it too; tests/nlp/test_screen_fold.py compares both ways
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


@knowledge_cached
def phrase_first_words() -> frozenset[str]:
    """First words of the multi-word phrases, so the phrase regex runs only where one could match."""
    return frozenset(first for first, _ in _phrase_alternatives())


@knowledge_cached
def joined_forms() -> frozenset[str]:
    """The forms (four letters or more) of the verb triggers that need a victim, other than a verb whose subject is
    the victim ("die": "Studies"), that a title line may run into the name before it (``joined_verb``)."""
    lex = load_lexicon()
    return frozenset(f for lem, ts in lex.triggers.items() if " " not in lem and lem not in lex.victim_subject_verbs
                     and any("VERB" in t.pos and t.needs == "victim" for t in ts) for f in _forms(lem) if len(f) >= 4)


_JOINABLE = re.compile(r"\b[A-Z][a-z]{2,}[A-Za-z]{4,}\b")


def joined_verb(word: str) -> str:
    """The killing verb's form a capitalised name runs into, without the space between ("Boko HaramKills 19",
    "Boko Haramkills 15 villagers": UCDP Nigeria 42 title lines, all events, 27 of them found by no other word), in
    lower case after three letters or more of the name; "" where the word is no such join. In RAMS, WikiEvents,
    LGL and TimeBank (6.6 million characters) no word is one. Read in title lines only (``joined``,
    ``extract/headline.py``)."""
    if len(word) < 7 or not word[:1].isupper():
        return ""
    forms, low = joined_forms(), word.lower()
    return next((low[k:] for k in range(3, len(word) - 3) if low[k:] in forms and word[1:k].islower()), "")


def joined(text: str) -> bool:
    """A word of the title line ``text`` is a name with a killing verb run into it (``joined_verb``): the title line
    passes the screen (``sitrep.nlp``; other sentences are not searched for it)."""
    return any(joined_verb(m.group()) for m in _JOINABLE.finditer(text))


def tolled(text: str) -> bool:
    """The title line ``text`` holds a word of events.toml [actors] toll_words (``extract/headline.toll_triggers``):
    it passes the screen (``sitrep.nlp``; other sentences are not searched for it)."""
    words = load_lexicon().toll_words
    pattern = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return bool(words) and re.search(rf"\b(?:{pattern})\b", text, re.I) is not None


def screen(text: str) -> bool:
    """True when the sentence contains a word that can name or imply an attack."""
    tokens = set(_WORD.findall(text.lower()))
    if not tokens.isdisjoint(screen_words()):
        return True
    firsts = phrase_first_words()  # a hyphenated word's first part may start a phrase ("car-bomb")
    if tokens.isdisjoint(firsts) and not any(t.split("-", 1)[0] in firsts for t in tokens if "-" in t):
        return False
    if not text.isascii() and _FOLDS_TO_ASCII.search(text):  # case folding beyond ASCII ("ſ" matches "s"): every
        return bool(screen_phrases().search(text))          # phrase
    # a phrase can start at any part of a hyphenated word ("pro-car bomb" holds "car bomb")
    parts = tokens.union(*(t.split("-") for t in tokens if "-" in t))
    by_first, always = phrases_by_first_word()
    return any(by_first[w].search(text) for w in parts if w in by_first) or bool(always and always.search(text))
