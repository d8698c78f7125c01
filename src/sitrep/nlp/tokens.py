"""Small helpers over spaCy tokens shared by the extract stage."""
from __future__ import annotations

# prepositions that put what follows at a place ("killed in Fresh Plateau Attack", "in Taraba villages")
PLACE_PREPOSITIONS = frozenset(("in", "at", "near", "on", "across", "around", "outside"))

_TEXT = "sitrep.text"  # the key of a parsed Doc's text in its user_data


def lemma(tok) -> str:
    """The token's lemma in lower case (its text where the parser gave none)."""
    return (tok.lemma_ or tok.text).lower()


def text_of(sent) -> str:
    """``sent.text``, a parsed sentence's read once: spaCy's ``Doc.text`` makes a Token object of every word and
    joins them again at each call. A Span's (a part of a sentence) is read as before."""
    data = getattr(sent, "user_data", None)
    if data is None:
        return sent.text
    text = data.get(_TEXT)
    if text is None:
        text = data[_TEXT] = sent.text
    return text
