"""Small helpers over spaCy tokens shared by the extract stage."""
from __future__ import annotations


def lemma(tok) -> str:
    """The token's lemma in lower case (its text where the parser gave none)."""
    return (tok.lemma_ or tok.text).lower()
