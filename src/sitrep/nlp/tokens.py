"""Small helpers over spaCy tokens shared by the extract stage."""
from __future__ import annotations

from bisect import bisect_right

# prepositions that put what follows at a place ("killed in Fresh Plateau Attack", "in Taraba villages")
PLACE_PREPOSITIONS = frozenset(("in", "at", "near", "on", "across", "around", "outside"))

_TEXT = "sitrep.text"  # the key of a parsed Doc's text in its user_data
_BOUNDS = "sitrep.bounds"  # the key of a parsed Doc's token offsets (starts, ends) in its user_data


def lemma(tok) -> str:
    """The token's lemma in lower case (its text where the parser gave none). Remembered by the lemma's id (the
    hash of its string): the extract stage asks 700,000 times on 300 MUC-4 reports, and ``Token.lemma_`` makes a
    new string from the string store each time."""
    key = tok.lemma
    found = _LEMMAS.get(key)
    if found is None:
        found = (tok.lemma_ or tok.text).lower()
        if key:
            if len(_LEMMAS) >= _LEMMAS_KEPT:
                _LEMMAS.clear()
            _LEMMAS[key] = found
    return found


_LEMMAS: dict[int, str] = {}  # lemma id -> lower-case lemma
_LEMMAS_KEPT = 200_000


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


def remember_text(parsed, text: str):
    """``parsed`` (a Doc spaCy made of ``text``) with ``text`` kept as what ``text_of`` gives: spaCy's tokenizer
    loses no character, so the Doc's text is the string it was given, and joining its tokens again costs a Token
    object per word (a fraction of a percent of the batched path's CPU, by py-spy)."""
    parsed.user_data[_TEXT] = text
    return parsed


def token_at(sent, pos: int):
    """The first token of ``sent`` (a parsed Doc, or a Span of one) whose characters hold offset ``pos`` of the Doc's
    text, or None: the tokens' offsets are read once per Doc and searched by bisection (a walk over the sentence
    makes a Token object of every word before it)."""
    doc = getattr(sent, "doc", sent)
    bounds = doc.user_data.get(_BOUNDS)
    if bounds is None:
        from spacy.attrs import IDX, LENGTH

        rows = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        bounds = doc.user_data[_BOUNDS] = ([a for a, _ in rows], [a + n for a, n in rows])
    starts, ends = bounds
    lo, hi = (sent.start, sent.end) if sent is not doc else (0, len(doc))
    k = bisect_right(starts, pos, lo, hi) - 1
    return doc[k] if k >= lo and pos < ends[k] else None
