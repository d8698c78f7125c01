"""Small helpers over spaCy tokens shared by the extract stage."""
from __future__ import annotations

# prepositions that put what follows at a place ("killed in Fresh Plateau Attack", "in Taraba villages")
PLACE_PREPOSITIONS = frozenset(("in", "at", "near", "on", "across", "around", "outside"))


def lemma(tok) -> str:
    """The token's lemma in lower case (its text where the parser gave none)."""
    return (tok.lemma_ or tok.text).lower()
